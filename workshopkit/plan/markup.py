"""The inline markup of Texts: ``**bold**``, ``*italic*`` and ``\\*`` only.

A marker opens only before a non-space character and closes only after one,
so ``a * b * c`` stays literal.  Everything else is literal text.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

_LITERAL = "\x00"
_SPAN = re.compile(r"\*\*(?=\S)(.+?)(?<=\S)\*\*|\*(?=[^\s*])(.+?)(?<=[^\s*])\*")


@dataclass(frozen=True)
class Run:
    text: str
    bold: bool = False
    italic: bool = False


def parse(s: str) -> list[Run]:
    """Split ``s`` into styled runs."""
    text = s.replace("\\*", _LITERAL)
    runs: list[Run] = []
    pos = 0
    for m in _SPAN.finditer(text):
        if m.start() > pos:
            runs.append(Run(text[pos:m.start()].replace(_LITERAL, "*")))
        if m.group(1) is not None:
            runs.append(Run(m.group(1).replace(_LITERAL, "*"), bold=True))
        else:
            runs.append(Run(m.group(2).replace(_LITERAL, "*"), italic=True))
        pos = m.end()
    if pos < len(text):
        runs.append(Run(text[pos:].replace(_LITERAL, "*")))
    return runs


def plain(s: str) -> str:
    """The text without markup, as a reader sees it."""
    return "".join(r.text for r in parse(s))
