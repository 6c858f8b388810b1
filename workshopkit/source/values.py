"""Typing one located scalar by its context: ids, numbers, durations, dates, URLs, paths.

Every scalar arrives as the string the author wrote; the spec's type of the
key it stands under decides what it must be.  A reader reports a wrong value
at its position and returns :data:`INVALID`, so the caller drops it and goes
on: one run reports every problem of a file.
"""
from __future__ import annotations

import datetime as dt
import difflib
import re
from dataclasses import dataclass
from typing import Any

from workshopkit.errors import Pos, Problems
from workshopkit.model.options import parse_clock
from workshopkit.source.nodes import Node, Scalar, kind_name
from workshopkit.source.fonts import FAMILY
from workshopkit.model.options import FIRST_DATE, LAST_DATE
from workshopkit.source.spec import (DATE_RE, DURATION_RE, HEX_RE, LANG_RE, MAX_ID, MAX_PATH,
                                     SLUG_RE, SPDX_RE, T)
from workshopkit.source.vocab import ICON_FILES

from workshopkit.source.invalid import INVALID
from workshopkit.source.values_links import LinkValues, PathValue, UrlNote

__all__ = ["INVALID", "WHAT", "Located", "PathValue", "Reader", "UrlNote", "short", "suggest"]

_TRUE = ("true", "True", "TRUE")
_FALSE = ("false", "False", "FALSE")
_INT_RE = re.compile(r"^[-+]?[0-9]+$")

WHAT = {"slug": "an id", "bool": "true or false", "int": "a whole number", "enum": "a word",
        "duration": "a duration", "vduration": "a duration", "lang": "a language tag",
        "date": "a date", "version": "a version number", "spdx": "a licence id",
        "str": "a value", "clock": "a time of day", "index": "a number", "row": "a row id",
        "colour": "a colour such as \"#1B3A5C\"", "font": f"'{FAMILY}' or the path of a .ttf file",
        "file": "a file path", "tz": "a time zone such as America/Mexico_City",
        "icon": "an icon name"}
"""How a message names what a scalar of each kind should have been."""


def suggest(word: str, choices) -> str:
    """'; did you mean …?' for the closest of ``choices``, or nothing."""
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f"; did you mean '{close[0]}'?" if close else ""


def short(s: str, n: int = 40) -> str:
    """``s`` on one line, cut to ``n`` characters for a message."""
    s = s.replace("\n", " ")
    return s if len(s) <= n else s[: n - 1] + "…"


@dataclass(frozen=True)
class Located:
    """A value that a later check may report (an answer's option number, a row id), and where."""

    value: Any
    pos: Pos


class Reader(LinkValues):
    """Reports problems and types scalars; :class:`~workshopkit.source.convert.Converter` builds on it."""

    def __init__(self, problems: Problems, languages: tuple[str, ...]):
        self.problems = problems
        self.languages = languages  # empty: unknown (the file's own list is broken)
        self.url_notes: list[UrlNote] = []

    def known_lang(self, tag: str) -> bool:
        if not self.languages:  # the language list is broken: accept any well-formed tag
            return bool(re.match(LANG_RE, tag))
        return tag in self.languages

    # -------------------------------------------------------------- reporting
    def error(self, where: Node | Pos, message: str) -> Any:
        self.problems.error(where if isinstance(where, Pos) else where.pos, message)
        return INVALID

    def expect(self, node: Node, what: str) -> Any:
        return self.error(node, f"expected {what}, found {kind_name(node)}"
                          + (f" '{short(node.value)}'" if isinstance(node, Scalar)
                             and not node.is_null else ""))

    # -------------------------------------------------------------- scalars
    def scalar(self, node: Scalar, t: T, key: str) -> Any:
        """The value of a scalar of type ``t`` written under ``key``."""
        return getattr(self, "v_" + t.kind)(node, t, key)

    def v_slug(self, node: Scalar, t: T, key: str) -> Any:
        if not re.match(SLUG_RE, node.value):
            return self.error(node, f"'{short(node.value)}' is not a valid id (lower-case letters, "
                              "digits and '-', starting with a letter or digit)")
        if len(node.value) > MAX_ID:
            return self.error(node, f"id is {len(node.value)} characters long; the limit is "
                              f"{MAX_ID}")
        return node.value

    def path_problem(self, name: str) -> str | None:
        """Why a file path cannot be used (None: it can)."""
        if len(name) > MAX_PATH:
            return f"file path is {len(name)} characters long; the limit is {MAX_PATH}"
        if any(ord(c) < 32 or c == "\x7f" for c in name):
            return "a file path cannot contain control characters"
        return None

    def v_str(self, node: Scalar, t: T, key: str) -> Any:
        if node.is_null:
            return self.error(node, f"'{key}' is empty")
        return node.value

    def v_version(self, node: Scalar, t: T, key: str) -> Any:
        if node.plain and node.value == "1":
            return 1
        return self.error(node, f"unsupported format version '{short(node.value)}'; "
                          "this workshopkit reads 'workshopkit: 1'")

    def v_bool(self, node: Scalar, t: T, key: str) -> Any:
        if node.plain and node.value in _TRUE:
            return True
        if node.plain and node.value in _FALSE:
            return False
        return self.error(node, f"'{key}' must be true or false, not '{short(node.value)}'")

    def v_int(self, node: Scalar, t: T, key: str) -> Any:
        if not (node.plain and _INT_RE.match(node.value)):
            return self.error(node, f"'{key}' must be a whole number, not '{short(node.value)}'")
        n = int(node.value)
        if n < t.minimum or n > t.maximum:
            return self.error(node, f"'{key}' must be between {t.minimum} and {t.maximum}, not {n}")
        return n

    def v_index(self, node: Scalar, t: T, key: str) -> Any:
        if not (node.plain and _INT_RE.match(node.value)):
            return self.error(node, f"'{key}' must be a whole number, not '{short(node.value)}'")
        n = int(node.value)  # the largest is checked against the list it counts in
        if n < t.minimum:
            return self.error(node, f"'{key}' counts from {t.minimum} (the first), not {n}")
        return Located(n, node.pos)

    def v_row(self, node: Scalar, t: T, key: str) -> Any:
        v = self.v_slug(node, t, key)
        return v if v is INVALID else Located(v, node.pos)

    def v_icon(self, node: Scalar, t: T, key: str) -> Any:
        if node.value in ICON_FILES:
            return node.value
        key_ = node.value.strip().lower().replace("_", "-").replace(" ", "-")
        by_file = [n for n, f in ICON_FILES.items() if f == key_]
        hint = (f"; did you mean '{by_file[0]}'?" if by_file
                else suggest(key_, ICON_FILES))
        return self.error(node, f"unknown icon '{short(node.value)}'" + hint
                          + " ('workshopkit icons' lists the names)")

    def v_enum(self, node: Scalar, t: T, key: str) -> Any:
        if node.value in t.of:
            return node.value
        return self.error(node, f"'{key}' must be one of {', '.join(t.of)}, not "
                          f"'{short(node.value)}'" + suggest(node.value, t.of))

    def _duration(self, node: Scalar, key: str, seconds_ok: bool) -> Any:
        """Seconds, from minutes (45) or a duration such as 1h30m (4m30s where seconds are ok)."""
        if node.plain and _INT_RE.match(node.value):
            n = int(node.value)
            if n < 0 or n > 100_000:
                return self.error(node, f"'{key}' must be between 0 and 100000 minutes")
            return n * 60
        m = re.match(DURATION_RE, node.value)
        if not node.value.strip() or not m or not any(m.groups()):
            return self.error(node, f"'{key}' must be minutes (45) or a duration such as 90m, 1h, "
                              f"1h30m{' or 4m30s' if seconds_ok else ''}; found '{short(node.value)}'")
        h, mi, s = (int(g) if g else 0 for g in m.groups())
        if s and not seconds_ok:
            return self.error(node, f"'{key}': seconds are only for video durations; "
                              "write whole minutes")
        total = h * 3600 + mi * 60 + s
        if total > 100_000 * 60:
            return self.error(node, f"'{key}' is too long")
        return total

    def v_duration(self, node: Scalar, t: T, key: str) -> Any:
        v = self._duration(node, key, False)
        return v if v is INVALID else v // 60

    def v_vduration(self, node: Scalar, t: T, key: str) -> Any:
        return self._duration(node, key, True)

    def v_lang(self, node: Scalar, t: T, key: str) -> Any:
        if not re.match(LANG_RE, node.value):
            return self.error(node, f"'{short(node.value)}' is not a BCP 47 language tag "
                              "(such as es, en, pt-BR)")
        return node.value

    def v_date(self, node: Scalar, t: T, key: str) -> Any:
        try:
            if not re.match(DATE_RE, node.value):
                raise ValueError
            date = dt.date.fromisoformat(node.value)
        except ValueError:
            return self.error(node, f"'{key}' must be a date written YYYY-MM-DD, "
                              f"not '{short(node.value)}'")
        if not FIRST_DATE <= date <= LAST_DATE:
            return self.error(node, f"'{key}' must be between {FIRST_DATE} and {LAST_DATE} "
                              "(the dates a .pptx or a kit can carry)")
        return date

    def v_clock(self, node: Scalar, t: T, key: str) -> Any:
        clock = parse_clock(node.value)
        if clock is None:
            return self.error(node, f"'{key}' must be a time of day such as 09:30, "
                              f"not '{short(node.value)}'")
        return clock

    def v_tz(self, node: Scalar, t: T, key: str) -> Any:
        from workshopkit.source.zones import problem

        name = node.value.strip()
        wrong = problem(name) if name else f"'{key}' lists an empty time zone"
        return self.error(node, wrong) if wrong else name

    def v_spdx(self, node: Scalar, t: T, key: str) -> Any:
        if not re.match(SPDX_RE, node.value):
            return self.error(node, f"'{key}' must be an SPDX licence id such as CC-BY-SA-4.0, "
                              f"not '{short(node.value)}'")
        return node.value

    def v_colour(self, node: Scalar, t: T, key: str) -> Any:
        hit = re.match(HEX_RE, node.value)
        if hit is None:  # unquoted, '#1B3A5C' is a comment and the value is empty
            bare = node.value.strip()  # '#…' unquoted is a comment; digits become a number
            hint = (" (quote it: # starts a YAML comment)"
                    if node.plain and (not bare or bare.isdigit()) else "")
            return self.error(node, f"colour '{key}' must be six hex digits, such as "
                              f"\"#1B3A5C\"{hint}")
        return hit.group(1).upper()

    def v_font(self, node: Scalar, t: T, key: str) -> Any:
        name = node.value.strip()
        if name == FAMILY:
            return name
        if not name.lower().endswith(".ttf"):
            return self.error(node, f"font '{key}' must be '{FAMILY}' or the path of a .ttf file"
                              + (f", not '{short(name)}'" if name else ""))
        problem = self.path_problem(name)
        return self.error(node, problem) if problem else name

    def v_file(self, node: Scalar, t: T, key: str) -> Any:
        name = node.value.strip()
        if node.is_null or not name:
            return self.error(node, f"'{key}' must be a file path")
        if not name.lower().endswith(tuple(t.of)):
            kinds = ", ".join(t.of[:-1]) + f" or {t.of[-1]}" if len(t.of) > 1 else t.of[0]
            return self.error(node, f"'{key}' must be a {kinds} file, not '{short(name)}'")
        problem = self.path_problem(name)
        return self.error(node, problem) if problem else name
