"""A PO catalogue's ``Plural-Forms`` header, checked before any parser sizes anything by it:
at most :data:`MAX_NPLURALS` forms, and a formula of C's arithmetic on ``n`` no longer than
:data:`MAX_PLURAL_EXPR` characters."""
from __future__ import annotations

import re
from typing import Optional

from workshopkit.errors import Diagnostic, ERROR, Pos, WorkshopkitError

MAX_NPLURALS = 6
"""The most plural forms a catalogue may declare (no language needs more)."""
MAX_PLURAL_EXPR = 200
"""The longest ``plural=`` formula accepted, in characters."""

_TOKEN = re.compile(r"\s*(n|\d+|\|\||&&|==|!=|<=|>=|[-+*/%<>!?:()])")


def check_header(data: bytes, name: str) -> None:
    """A located error when the header's Plural-Forms is absurd or cannot be parsed."""
    found = _plural_forms(data[:65536].decode("utf-8", errors="replace"))
    if found is None:
        return
    line, value = found
    problem = plural_problem(value)
    if problem:
        raise WorkshopkitError(Diagnostic(ERROR, Pos(name, line, 1), f"Plural-Forms: {problem}"))


def _plural_forms(head: str) -> Optional[tuple[int, str]]:
    """(line, value) of the header's Plural-Forms, its strings joined; None without one."""
    lines = head.split("\n")
    state, parts, start = "", [], 0
    for no, raw in enumerate(lines, 1):
        line = raw.strip()
        if state == "" and re.fullmatch(r'msgid\s*""', line):
            state = "id"
        elif state == "id" and re.fullmatch(r'msgstr\s*""', line):
            state = "str"
        elif state == "str" and line.startswith('"') and line.endswith('"') and len(line) > 1:
            parts.append((no, line[1:-1].replace('\\"', '"')))
        elif state == "str" or (state == "id" and line and not line.startswith("#")):
            break
        elif state == "" and line and not line.startswith("#"):
            return None  # the first entry is not the header
    text = "".join(p for _, p in parts)
    for header in text.split("\\n"):
        if header.lower().startswith("plural-forms:"):
            offset = text.index(header)
            for no, part in parts:  # the line where the field starts
                if offset < len(part):
                    start = no
                    break
                offset -= len(part)
            return start, header.split(":", 1)[1].strip()
    return None


def plural_problem(value: str) -> Optional[str]:
    """Why a Plural-Forms value cannot be used (None: it can)."""
    hit = re.fullmatch(r"\s*nplurals\s*=\s*(\d+)\s*;\s*plural\s*=(.*?);?\s*", value, re.S)
    if hit is None:
        return "expected 'nplurals=N; plural=EXPRESSION;'"
    n = int(hit.group(1)[:6])
    if not 1 <= n <= MAX_NPLURALS:
        return f"nplurals must be between 1 and {MAX_NPLURALS}, not {hit.group(1)[:12]}"
    expr = hit.group(2).strip()
    if not expr or len(expr) > MAX_PLURAL_EXPR:
        return f"the plural formula must be 1 to {MAX_PLURAL_EXPR} characters long"
    if not _Formula(expr).ok():
        return f"cannot parse the plural formula '{expr[:60]}' (C arithmetic on n expected)"
    return None


class _Formula:
    """A grammar check of gettext's plural formula (C's operators on n and integers)."""

    LEVELS = (("||",), ("&&",), ("==", "!="), ("<", ">", "<=", ">="), ("+", "-"),
              ("*", "/", "%"))

    def __init__(self, text: str):
        self.tokens, pos = [], 0
        while pos < len(text):
            m = _TOKEN.match(text, pos)
            if m is None:
                if text[pos:].strip():
                    self.tokens = None
                break
            self.tokens.append(m.group(1))
            pos = m.end()
        self.i = 0

    def ok(self) -> bool:
        if not self.tokens:
            return False
        try:
            self.ternary()
        except ValueError:
            return False
        return self.i == len(self.tokens)

    def peek(self) -> Optional[str]:
        return self.tokens[self.i] if self.i < len(self.tokens) else None

    def take(self, *want: str) -> str:
        tok = self.peek()
        if tok is None or (want and tok not in want):
            raise ValueError(tok)
        self.i += 1
        return tok

    def ternary(self) -> None:
        self.binary(0)
        if self.peek() == "?":
            self.take("?")
            self.ternary()
            self.take(":")
            self.ternary()

    def binary(self, level: int) -> None:
        if level == len(self.LEVELS):
            return self.unary()
        self.binary(level + 1)
        while self.peek() in self.LEVELS[level]:
            self.take()
            self.binary(level + 1)

    def unary(self) -> None:
        if self.peek() == "!":
            self.take("!")
            return self.unary()
        tok = self.take()
        if tok == "(":
            self.ternary()
            self.take(")")
        elif tok != "n" and not tok.isdigit():
            raise ValueError(tok)
