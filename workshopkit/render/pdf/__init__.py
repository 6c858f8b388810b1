"""Printable PDFs drawn with reportlab: worksheets, guide, video handout.

Importing this package first imports reportlab's paragraph module with two of the
regular expressions it compiles at import compiled on first use instead, which
saves 70-150 ms in every process that writes a PDF: the URL pattern of
``reportlab.platypus.paragraph`` (case-blind over most of Unicode), used only by
reportlab's own URL splitting, which :mod:`workshopkit.render.pdf.hyphen` replaces,
and the CJK character class of ``reportlab.lib.textsplit``, used only by its
``cjkwrap``.
"""
from __future__ import annotations

import re
import sys


class _LazyPattern:
    """A compiled pattern made when first used."""

    def __init__(self, pattern: str, flags: int) -> None:
        self._args, self._compiled = (pattern, flags), None

    def __getattr__(self, name: str):
        if self._compiled is None:
            self._compiled = re.compile(*self._args)
        return getattr(self._compiled, name)


_LAZY = ("(^(?:[a-z0-9\\.\\-\\+]*)://)", "([\u2e80-\uffff])")
"""The start of each pattern compiled when first used."""


def _import_paragraph() -> None:
    if "reportlab.platypus.paragraph" in sys.modules:
        return
    compile_ = re.compile

    def lazy(pattern, flags=0):
        if isinstance(pattern, str) and pattern.startswith(_LAZY):
            return _LazyPattern(pattern, flags)
        return compile_(pattern, flags)

    re.compile = lazy
    try:
        import reportlab.platypus.paragraph  # noqa: F401
    finally:
        re.compile = compile_


_import_paragraph()
