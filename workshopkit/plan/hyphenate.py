"""Where a word may break at a line end: its language's hyphenation points (Pyphen).

Shared by the slide plan (which measures and wraps slide text itself) and the PDF
writers (reportlab paragraphs, :mod:`workshopkit.render.pdf.hyphen`).  Pure: Pyphen's
dictionaries ship inside its package.
"""
from __future__ import annotations

import functools
from typing import Callable, Iterator, Optional

try:
    import pyphen
except ImportError:  # pragma: no cover - a declared dependency
    pyphen = None

MIN_WORD = 6
"""Words shorter than this are never hyphenated."""


@functools.lru_cache(maxsize=None)
def _dictionary(lang: str):
    if pyphen is None or not lang:
        return None
    code = pyphen.language_fallback(lang.replace("-", "_"))
    if code is None:
        return None
    return pyphen.Pyphen(lang=code, left=3, right=3)


@functools.lru_cache(maxsize=None)
def hyphenator(lang: str) -> Optional[Callable[[str], Iterator[tuple[str, str]]]]:
    """(head, tail) pairs, longest head first, at ``lang``'s hyphenation points;
    None when Pyphen has no dictionary for it."""
    dic = _dictionary(lang)
    if dic is None:
        return None

    def pairs(word: str) -> Iterator[tuple[str, str]]:
        if len(word) < MIN_WORD:
            return iter(())
        return dic.iterate(word)

    return pairs


@functools.lru_cache(maxsize=4096)
def points(word: str, lang: str) -> tuple[int, ...]:
    """Positions ``i`` (ascending) where ``word`` may end a line as ``word[:i] + "-"``:
    its language's hyphenation points, none in a word under MIN_WORD letters or in a
    language Pyphen has no dictionary for."""
    dic = _dictionary(lang)
    if dic is None or len(word) < MIN_WORD:
        return ()
    return tuple(sorted(set(dic.positions(word))))
