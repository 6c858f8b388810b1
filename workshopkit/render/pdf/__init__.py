"""Printable PDFs drawn with reportlab: worksheets, guide, video handout.

Importing this package first imports reportlab's paragraph module with one of its
regular expressions compiled on first use instead: its URL pattern (case-blind over
most of Unicode) takes 60-130 ms to compile, in every process that writes a PDF,
and only reportlab's own URL splitting uses it, which
:mod:`workshopkit.render.pdf.hyphen` replaces.
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


def _import_paragraph() -> None:
    if "reportlab.platypus.paragraph" in sys.modules:
        return
    compile_ = re.compile

    def lazy(pattern, flags=0):
        if isinstance(pattern, str) and pattern.startswith("(^(?:[a-z0-9\\.\\-\\+]*)://)"):
            return _LazyPattern(pattern, flags)
        return compile_(pattern, flags)

    re.compile = lazy
    try:
        import reportlab.platypus.paragraph  # noqa: F401
    finally:
        re.compile = compile_


_import_paragraph()
