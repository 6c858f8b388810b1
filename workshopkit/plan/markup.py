"""The inline markup of Texts: ``**bold**``, ``*italic*`` and ``\\*`` only.

A marker opens only before a non-space character and closes only after one,
so ``a * b * c`` stays literal.  Everything else is literal text.  A span does
not cross a line break.  Parsing takes time linear in the text's length: the
nearest possible closing marker of every position is found in one pass from the
end, so a text full of unclosed markers costs no more than any other.
"""
from __future__ import annotations

import functools
from dataclasses import dataclass

_ESC = object()
"""An escaped star: literal, neither a marker nor a space."""


@dataclass(frozen=True)
class Run:
    text: str
    bold: bool = False
    italic: bool = False


def _tokens(s: str) -> list:
    out: list = []
    i, n = 0, len(s)
    while i < n:
        if s[i] == "\\" and i + 1 < n and s[i + 1] == "*":
            out.append(_ESC)
            i += 2
        else:
            out.append(s[i])
            i += 1
    return out


def _space(c) -> bool:
    return c is not _ESC and c.isspace()


def _solid(c) -> bool:
    """Neither a space nor a star: what an italic span starts and ends with."""
    return c is _ESC or (c != "*" and not c.isspace())


def parse(s: str) -> list[Run]:
    """Split ``s`` into styled runs (a new list: callers may change it)."""
    if "*" not in s:  # most texts: one plain run, without the scan
        return [Run(s)] if s else []
    return list(_parse(s))


@functools.lru_cache(maxsize=4096)
def _parse(s: str) -> tuple[Run, ...]:
    t = _tokens(s)
    n = len(t)
    none = n + 10
    # for each position k: the nearest j >= k where a span may close, and the next line break
    bold_close = [none] * (n + 2)
    italic_close = [none] * (n + 2)
    newline = [n] * (n + 2)
    for k in range(n - 1, -1, -1):
        bold_close[k] = k if (k >= 1 and k + 1 < n and t[k] == "*" and t[k + 1] == "*"
                              and not _space(t[k - 1])) else bold_close[k + 1]
        italic_close[k] = k if (k >= 1 and t[k] == "*" and _solid(t[k - 1])) \
            else italic_close[k + 1]
        newline[k] = k if t[k] == "\n" else newline[k + 1]
    runs: list[Run] = []
    plain: list = []
    i = 0

    def text(part) -> str:
        return "".join("*" if c is _ESC else c for c in part)

    def flush() -> None:
        if plain:
            runs.append(Run(text(plain)))
            plain.clear()

    while i < n:
        if t[i] == "*":
            if i + 2 < n and t[i + 1] == "*" and not _space(t[i + 2]):
                j = bold_close[i + 3] if i + 3 <= n else none
                if j < none and j < newline[i + 2]:
                    flush()
                    runs.append(Run(text(t[i + 2:j]), bold=True))
                    i = j + 2
                    continue
            if i + 1 < n and _solid(t[i + 1]):
                j = italic_close[i + 2] if i + 2 <= n else none
                if j < none and j < newline[i + 1]:
                    flush()
                    runs.append(Run(text(t[i + 1:j]), italic=True))
                    i = j + 1
                    continue
        plain.append(t[i])
        i += 1
    flush()
    return tuple(runs)


def plain(s: str) -> str:
    """The text without markup, as a reader sees it."""
    return "".join(r.text for r in parse(s))
