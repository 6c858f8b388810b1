"""Walk located YAML nodes with the records of :mod:`workshopkit.source.spec`.

The converter types every value by its context, reports each problem with its
position and carries on, so one run reports every problem of a file.  It
returns plain dictionaries of typed values; :mod:`workshopkit.source.validate` turns
them into model objects and checks what spans records.
"""
from __future__ import annotations

import datetime as dt
import difflib
import re
import unicodedata
from typing import Any, Optional

from workshopkit.errors import Pos, Problems
from workshopkit.model.options import parse_clock
from workshopkit.model.text import Text, Translations
from workshopkit.source.nodes import Mapping, Node, Scalar, Sequence, kind_name
from workshopkit.source.spec import (DATE_RE, DURATION_RE, LANG_RE, MAX_TEXT, RECORDS, SLUG_RE,
                                     SPDX_RE, MAX_EMPTY_ROWS, T)
from workshopkit.source.urls import clean_url

INVALID = object()
"""Marks a value that was reported as wrong (the caller just drops it)."""

_TRUE = ("true", "True", "TRUE")
_FALSE = ("false", "False", "FALSE")
_INT_RE = re.compile(r"^[-+]?[0-9]+$")

_OWNER_OF_KEY: dict[str, str] = {}
for _name, _rec in RECORDS.items():
    for _key in _rec.fields:
        _OWNER_OF_KEY.setdefault(_key, _name)

_ROOTS = ("curriculum", "catalog")

_RECORD_WORDS = {
    "slide": "a slide", "worksheet_item": "a worksheet item", "activity": "an activity",
    "session": "a session", "video": "a video", "image": "an image", "curriculum": "the curriculum",
    "case_study": "a case study", "choice": "a choice", "quote": "a quote",
    "catalog": "the catalogue", "catalog_row": "a catalogue row", "author": "an author",
    "term": "a glossary term", "resource": "a resource", "risk_matrix": "a risk matrix",
    "slide_table": "a table", "worksheet_table": "a table",
}


def suggest(word: str, choices) -> str:
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f"; did you mean '{close[0]}'?" if close else ""


class Converter:
    def __init__(self, problems: Problems, languages: tuple[str, ...], owner: Translations):
        self.problems = problems
        self.languages = languages  # empty: unknown (the file's own list is broken)
        self.owner = owner
        self.urls: list[tuple[Pos, str, list[str]]] = []  # (pos, cleaned url, removed params)

    def known_lang(self, tag: str) -> bool:
        if not self.languages:  # the language list is broken: accept any well-formed tag
            return bool(re.match(LANG_RE, tag))
        return tag in self.languages

    # -------------------------------------------------------------- reporting
    def error(self, node_or_pos, message: str) -> object:
        pos = node_or_pos if isinstance(node_or_pos, Pos) else node_or_pos.pos
        self.problems.error(pos, message)
        return INVALID

    def expect(self, node: Node, what: str) -> object:
        return self.error(node, f"expected {what}, found {kind_name(node)}"
                          + (f" '{_short(node.value)}'" if isinstance(node, Scalar) and not node.is_null else ""))

    # -------------------------------------------------------------- records
    def record(self, node: Node, name: str, path: str) -> Optional[dict[str, Any]]:
        rec = RECORDS[name]
        if not isinstance(node, Mapping):
            self.expect(node, f"a mapping ({_RECORD_WORDS.get(name, name.replace('_', ' '))})")
            return None
        out: dict[str, Any] = {"_pos": node.pos, "_keys": {}, "_vals": {}}
        idnode = node.get("id")
        # A Text's msgctxt is its path built from ids below the document: the
        # document's own id (curriculum, catalogue) is not part of it.
        if isinstance(idnode, Scalar) and "id" in rec.fields and name not in _ROOTS \
                and re.match(SLUG_RE, idnode.value):
            path = f"{path}.{idnode.value}" if path else idnode.value
        for key, value in node.items:
            t = rec.fields.get(key.value)
            if t is None:
                self.error(key, self.unknown_key(key.value, name))
                continue
            out["_keys"][key.value] = key.pos
            out["_vals"][key.value] = value.pos
            sub = f"{path}.{key.value}" if path else key.value
            v = self.value(value, t, sub, key.value)
            if v is not INVALID:
                out[key.value] = v
        for req in rec.required:
            if req not in out["_keys"]:
                self.error(node, f"missing required key '{req}'"
                           + (f" in {_RECORD_WORDS[name]}" if name in _RECORD_WORDS else ""))
        if rec.bodies:
            present = [b for b in rec.bodies if b in out["_keys"]]
            if len(present) > 1:
                self.error(out["_keys"][present[1]],
                           f"{_RECORD_WORDS.get(name, name)} has one body; found both "
                           f"'{present[0]}' and '{present[1]}'")
            elif not present and rec.exactly_one_body:
                self.error(node, f"{_RECORD_WORDS.get(name, name)} needs one of: "
                           + ", ".join(rec.bodies))
        return out

    def unknown_key(self, key: str, name: str) -> str:
        fields = RECORDS[name].fields
        msg = f"unknown key '{key}'" + (f" in {_RECORD_WORDS[name]}" if name in _RECORD_WORDS else "")
        hint = suggest(key, fields)
        if not hint and key in _OWNER_OF_KEY and _OWNER_OF_KEY[key] != name:
            owner = _OWNER_OF_KEY[key]
            hint = f"; '{key}' belongs in {_RECORD_WORDS.get(owner, owner.replace('_', ' '))}"
        return msg + hint

    # -------------------------------------------------------------- values
    def value(self, node: Node, t: T, path: str, key: str) -> Any:
        k = t.kind
        if k == "text":
            return self.text(node, path)
        if k == "cell":  # a table cell may be left blank with ""
            if isinstance(node, Scalar) and not node.plain and node.value == "":
                return Text(path, node.pos, self.owner, plain="")
            return self.text(node, path)
        if k == "list":
            if not isinstance(node, Sequence):
                if isinstance(node, Scalar) and node.is_null and not t.minimum:
                    return []
                return self.expect(node, "a list")
            if len(node.items) < (t.minimum or 0):
                return self.error(node, f"'{key}' needs at least {t.minimum} item"
                                  + ("s" if t.minimum > 1 else ""))
            if t.maximum and len(node.items) > t.maximum:
                return self.error(node, f"'{key}' has {len(node.items)} items; the limit is {t.maximum}")
            out = []
            for item in node.items:
                v = self.value(item, t.of, path, key)
                if v is not INVALID and v is not None:
                    out.append(v)
            return out
        if k == "record":
            rec = self.record(node, t.of, path)
            return INVALID if rec is None else rec
        if k == "map":
            if not isinstance(node, Mapping):
                return self.expect(node, "a mapping of ids")
            out = {}
            for kn, vn in node.items:
                if not re.match(SLUG_RE, kn.value):
                    self.error(kn, f"'{kn.value}' is not a valid id (lower-case letters, digits "
                               "and '-', starting with a letter or digit)")
                    continue
                v = self.value(vn, t.of, f"{path}.{kn.value}", kn.value)
                if v is not INVALID:
                    v["_id"] = kn.value
                    v["_idpos"] = kn.pos
                    out[kn.value] = v
            return out
        if not isinstance(node, Scalar) and k not in ("url", "path", "columns", "rows"):
            return self.expect(node, _WHAT.get(k, "a value"))
        return getattr(self, "v_" + k)(node, t, path, key)

    def text(self, node: Node, path: str) -> Any:
        if isinstance(node, Scalar):
            if node.is_null or not node.value.strip():
                return self.error(node, "empty text")
            return Text(path, node.pos, self.owner, plain=self.clean(node))
        if isinstance(node, Mapping):
            values, where = {}, {}
            bad = False
            for kn, vn in node.items:
                lang = kn.value
                if not self.known_lang(lang):
                    bad = True
                    if isinstance(vn, Scalar) and vn.is_null and not re.match(LANG_RE, lang):
                        self.error(kn, f"'{_short(lang)}' is read as a language: a ',', '?' or ': ' "
                                   "inside {…} ends the text; quote this text")
                    elif isinstance(vn, Scalar) and vn.is_null:
                        self.error(kn, f"'{lang}' is not one of the curriculum's languages "
                                   f"({', '.join(self.languages)}); if it is part of the text, "
                                   "quote this text")
                    else:
                        self.error(kn, f"unknown language '{lang}'; the curriculum's languages "
                                   f"are {', '.join(self.languages)}"
                                   + (suggest(lang, self.languages) or _QUOTE_HINT))
                    continue
                if not isinstance(vn, Scalar):
                    self.expect(vn, f"a text in '{lang}'")
                    bad = True
                    continue
                if vn.is_null or not vn.value.strip():
                    self.error(vn if vn.value or not vn.plain else kn, f"empty text for '{lang}'")
                    bad = True
                    continue
                values[lang] = self.clean(vn)
                where[lang] = vn.pos
            if bad:
                return INVALID
            if self.languages and self.languages[0] not in values:
                return self.error(node, f"text has no '{self.languages[0]}' (the source language)"
                                  + (_QUOTE_HINT if len(node.items) == 1 else ""))
            return Text(path, node.pos, self.owner, values=values, value_pos=where)
        return self.expect(node, "a text")

    def clean(self, node: Scalar) -> str:
        s = unicodedata.normalize("NFC", node.value)
        if len(s) > MAX_TEXT:
            self.error(node, f"text is {len(s)} characters long; the limit is {MAX_TEXT}")
            s = s[:MAX_TEXT]
        return s

    def v_slug(self, node: Scalar, t: T, path: str, key: str) -> Any:
        if not re.match(SLUG_RE, node.value):
            return self.error(node, f"'{_short(node.value)}' is not a valid id (lower-case letters, "
                              "digits and '-', starting with a letter or digit)")
        return node.value

    def v_str(self, node: Scalar, t: T, path: str, key: str) -> Any:
        if node.is_null:
            return self.error(node, f"'{key}' is empty")
        return node.value

    def v_version(self, node: Scalar, t: T, path: str, key: str) -> Any:
        if node.plain and node.value == "1":
            return 1
        return self.error(node, f"unsupported format version '{_short(node.value)}'; "
                          "this workshopkit reads 'workshopkit: 1'")

    def v_bool(self, node: Scalar, t: T, path: str, key: str) -> Any:
        if node.plain and node.value in _TRUE:
            return True
        if node.plain and node.value in _FALSE:
            return False
        return self.error(node, f"'{key}' must be true or false, not '{_short(node.value)}'")

    def v_int(self, node: Scalar, t: T, path: str, key: str) -> Any:
        if not (node.plain and _INT_RE.match(node.value)):
            return self.error(node, f"'{key}' must be a whole number, not '{_short(node.value)}'")
        n = int(node.value)
        if n < t.minimum or n > t.maximum:
            return self.error(node, f"'{key}' must be between {t.minimum} and {t.maximum}, not {n}")
        return n

    def v_enum(self, node: Scalar, t: T, path: str, key: str) -> Any:
        if node.value in t.of:
            return node.value
        return self.error(node, f"'{key}' must be one of {', '.join(t.of)}, not "
                          f"'{_short(node.value)}'" + suggest(node.value, t.of))

    def _duration(self, node: Scalar, key: str, seconds_ok: bool) -> Any:
        if node.plain and _INT_RE.match(node.value):
            n = int(node.value)
            if n < 0 or n > 100_000:
                return self.error(node, f"'{key}' must be between 0 and 100000 minutes")
            return n * 60
        m = re.match(DURATION_RE, node.value)
        if not node.value.strip() or not m or not any(m.groups()):
            return self.error(node, f"'{key}' must be minutes (45) or a duration such as 90m, 1h, "
                              f"1h30m{' or 4m30s' if seconds_ok else ''}; found '{_short(node.value)}'")
        h, mi, s = (int(g) if g else 0 for g in m.groups())
        if s and not seconds_ok:
            return self.error(node, f"'{key}': seconds are only for video durations; "
                              "write whole minutes")
        total = h * 3600 + mi * 60 + s
        if total > 100_000 * 60:
            return self.error(node, f"'{key}' is too long")
        return total

    def v_duration(self, node: Scalar, t: T, path: str, key: str) -> Any:
        v = self._duration(node, key, False)
        return v if v is INVALID else v // 60

    def v_vduration(self, node: Scalar, t: T, path: str, key: str) -> Any:
        return self._duration(node, key, True)

    def v_lang(self, node: Scalar, t: T, path: str, key: str) -> Any:
        if not re.match(LANG_RE, node.value):
            return self.error(node, f"'{_short(node.value)}' is not a BCP 47 language tag "
                              "(such as es, en, pt-BR)")
        return node.value

    def v_date(self, node: Scalar, t: T, path: str, key: str) -> Any:
        try:
            if not re.match(DATE_RE, node.value):
                raise ValueError
            return dt.date.fromisoformat(node.value)
        except ValueError:
            return self.error(node, f"'{key}' must be a date written YYYY-MM-DD, "
                              f"not '{_short(node.value)}'")

    def v_clock(self, node: Scalar, t: T, path: str, key: str) -> Any:
        clock = parse_clock(node.value)
        if clock is None:
            return self.error(node, f"'{key}' must be a time of day such as 09:30, "
                              f"not '{_short(node.value)}'")
        return clock

    def v_spdx(self, node: Scalar, t: T, path: str, key: str) -> Any:
        if not re.match(SPDX_RE, node.value):
            return self.error(node, f"'{key}' must be an SPDX licence id such as CC-BY-SA-4.0, "
                              f"not '{_short(node.value)}'")
        return node.value

    def _per_lang(self, node: Node, key: str, one) -> Any:
        """A string or a per-language mapping of strings, each checked by ``one``."""
        if isinstance(node, Scalar):
            if node.is_null:
                return self.error(node, f"'{key}' is empty")
            v = one(node)
            return INVALID if v is INVALID else ("", {"": v}, {"": node.pos})
        if isinstance(node, Mapping):
            values, where, bad = {}, {}, False
            for kn, vn in node.items:
                if not self.known_lang(kn.value):
                    self.error(kn, f"unknown language '{kn.value}'; the curriculum's languages are "
                               f"{', '.join(self.languages)}")
                    bad = True
                    continue
                if not isinstance(vn, Scalar) or vn.is_null:
                    self.expect(vn, f"a {key} in '{kn.value}'")
                    bad = True
                    continue
                v = one(vn)
                if v is INVALID:
                    bad = True
                    continue
                values[kn.value] = v
                where[kn.value] = vn.pos
            if bad:
                return INVALID
            if self.languages and self.languages[0] not in values:
                return self.error(node, f"'{key}' has no '{self.languages[0]}' (the source language)")
            return ("map", values, where)
        return self.expect(node, f"a {key} or a mapping of language to {key}")

    def v_url(self, node: Node, t: T, path: str, key: str) -> Any:
        def one(n: Scalar):
            cleaned, removed, problem = clean_url(n.value.strip())
            if problem:
                return self.error(n, problem)
            if removed:
                self.urls.append((n.pos, cleaned, removed))
            return cleaned
        return self._per_lang(node, "url", one)

    def v_path(self, node: Node, t: T, path: str, key: str) -> Any:
        return self._per_lang(node, "path", lambda n: n.value)

    def v_columns(self, node: Node, t: T, path: str, key: str) -> Any:
        if not isinstance(node, Sequence) or len(node.items) != 2:
            return self.error(node, "'columns' must be a list of two lists of bullets")
        cols = []
        for col in node.items:
            v = self.value(col, T("list", T("text")), path, "columns")
            if v is INVALID:
                return INVALID
            cols.append(v)
        return cols

    def v_rows(self, node: Node, t: T, path: str, key: str) -> Any:
        if isinstance(node, Scalar):
            n = self.v_int(node, T("int", None, 0, MAX_EMPTY_ROWS), path, "rows")
            return n
        if isinstance(node, Sequence):
            return self.value(node, T("list", T("list", T("cell"))), path, "rows")
        return self.expect(node, "a number of empty rows or a list of rows")


_QUOTE_HINT = "; if ': ' is part of the text, quote the text"

_WHAT = {"slug": "an id", "bool": "true or false", "int": "a whole number", "enum": "a word",
         "duration": "a duration", "vduration": "a duration", "lang": "a language tag",
         "date": "a date", "version": "a version number", "spdx": "a licence id",
         "str": "a value", "clock": "a time of day"}


def _short(s: str, n: int = 40) -> str:
    s = s.replace("\n", " ")
    return s if len(s) <= n else s[: n - 1] + "…"
