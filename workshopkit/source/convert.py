"""Located YAML nodes to the typed model, walking the records of :mod:`workshopkit.source.spec`.

The converter types every value by the spec's type for its key (scalars in
:mod:`workshopkit.source.values`), builds Texts, lists and maps, checks each
record's keys (unknown keys with a did-you-mean, required keys, one body), and
hands the typed values of a record to its builder in
:mod:`workshopkit.source.records`, which returns the model object.  Each
problem is reported with its position and the converter carries on, so one run
reports every problem of a file.
"""
from __future__ import annotations

import re
from pathlib import Path
from typing import Any, Optional

from workshopkit.errors import Problems
from workshopkit.model.text import Text, Translations
from workshopkit.source.nodes import Mapping, Node, Scalar, Sequence
from workshopkit.source.fields import Context, Fields, Files, Found
from workshopkit.source.records import BUILDERS
from workshopkit.source.reuse import override_error, parse_ref, ref_id
from workshopkit.source.spec import MAX_EMPTY_ROWS, RECORDS, REF_RECORDS, SLUG_RE, THEME_RECORDS, T
from workshopkit.source.convert_text import _OWNER_OF_KEY, TextValues
from workshopkit.source.values import INVALID, WHAT, Reader, suggest

__all__ = ["Converter"]

_ROOTS = ("curriculum", "catalog", "survey")

RECORD_WORDS = {
    "slide": "a slide", "worksheet_item": "a worksheet item", "activity": "an activity",
    "session": "a session", "video": "a video", "image": "an image", "curriculum": "the curriculum",
    "case_study": "a case study", "choice": "a choice", "quote": "a quote",
    "catalog": "the catalogue", "catalog_row": "a catalogue row", "author": "an author",
    "term": "a glossary term", "resource": "a resource", "risk_matrix": "a risk matrix",
    "slide_table": "a table", "worksheet_table": "a table",
    "theme": "the theme", "theme_colors": "the theme's colors", "theme_fonts": "the theme's fonts",
    "theme_slides": "the theme's slides",
    "catalog_selection": "a catalogue selection",
    "survey": "the survey", "question": "a question", "option": "an option",
    "scale": "a scale", "number_range": "a number question",
    "session_ref": "a session taken with 'from:'", "activity_ref": "an activity taken with 'from:'",
    "online": "'online'", "dial_in": "'dial_in'", "activity_online": "an activity's 'online'",
}
"""How a message names a record."""

class Converter(TextValues, Reader):
    """Converts the nodes of one document; what it found on the way is in :attr:`found`."""

    def __init__(self, problems: Problems, languages: tuple[str, ...], owner: Translations,
                 path: Optional[Path] = None, root: Optional[Path] = None,
                 files: Optional[Files] = None):
        super().__init__(problems, languages)
        self.owner = owner
        self.found = Found()
        self.context = Context(problems, languages, owner, path, root, files, self.found)

    # -------------------------------------------------------------- records
    def record(self, node: Node, name: str, path: str, named_by: Optional[Scalar] = None) -> Any:
        """The model object of record ``name`` (None or INVALID when it cannot be built).

        A record without a builder in :data:`~workshopkit.source.records.BUILDERS`
        converts to its :class:`~workshopkit.source.fields.Fields`.
        """
        rec = RECORDS[name]
        if name == "risk_matrix" and isinstance(node, Sequence):
            return self.error(node, "a risk matrix lists its threats under 'threats:'; put "
                              "these items under a 'threats:' key indented below "
                              "'risk_matrix:'")
        if not isinstance(node, Mapping):
            return self.expect(node, f"a mapping ({RECORD_WORDS.get(name, name.replace('_', ' '))})")
        fields = Fields(node.pos, named_by)
        idnode = node.get("id")
        if idnode is None and name in REF_RECORDS:  # the id it takes from the original
            idnode = ref_id(node.get("from"))
        # A Text's msgctxt is its path built from ids below the document: the
        # document's own id (curriculum, catalogue) is not part of it.
        if isinstance(idnode, Scalar) and "id" in rec.fields and name not in _ROOTS \
                and re.match(SLUG_RE, idnode.value):
            path = f"{path}.{idnode.value}" if path else idnode.value
        for key, value in node.items:
            t = rec.fields.get(key.value)
            if t is None:
                if name in REF_RECORDS and key.value in _OWNER_OF_KEY:
                    override_error(self.problems, node, key, REF_RECORDS[name])
                else:
                    self.error(key, self.unknown_key(key.value, name))
                continue
            fields.keys[key.value] = key.pos
            fields.at[key.value] = value.pos
            v = self.value(value, t, f"{path}.{key.value}" if path else key.value, key.value)
            if v is not INVALID:
                fields.values[key.value] = v
        for req in rec.required:
            if req not in fields.keys:
                self.error(node, f"missing required key '{req}'"
                           + (f" in {RECORD_WORDS[name]}" if name in RECORD_WORDS else ""))
        if rec.bodies:
            present = [b for b in rec.bodies if b in fields.keys]
            if len(present) > 1:
                self.error(fields.keys[present[1]],
                           f"{RECORD_WORDS.get(name, name)} has one body; found both "
                           f"'{present[0]}' and '{present[1]}'")
            elif not present and rec.exactly_one_body:
                self.error(node, f"{RECORD_WORDS.get(name, name)} needs one of: "
                           + ", ".join(rec.bodies))
        build = BUILDERS.get(name)
        return build(fields, self.context) if build is not None else fields

    def unknown_key(self, key: str, name: str) -> str:
        fields = RECORDS[name].fields
        msg = f"unknown key '{key}'" + (f" in {RECORD_WORDS[name]}" if name in RECORD_WORDS else "")
        hint = suggest(key, fields)
        if not hint:  # facilitator_notes, slide_title: a known key inside a longer name
            inside = [f for f in fields if f in re.split(r"[_\-\s]+", key)]
            hint = f"; did you mean '{inside[0]}'?" if len(inside) == 1 else ""
        if not hint and name in THEME_RECORDS:
            hint = f"; expected one of {', '.join(fields)}"
        elif not hint and key in _OWNER_OF_KEY and _OWNER_OF_KEY[key] != name:
            owner = _OWNER_OF_KEY[key]
            hint = f"; '{key}' belongs in {RECORD_WORDS.get(owner, owner.replace('_', ' '))}"
        return msg + hint

    # -------------------------------------------------------------- values
    def value(self, node: Node, t: T, path: str, key: str) -> Any:
        """The typed value of ``node`` under ``key``, or INVALID (reported)."""
        k = t.kind
        if k == "text":
            return self.text(node, path)
        if k == "cell":  # a table cell may be left blank with ""
            if isinstance(node, Scalar) and not node.plain and node.value == "":
                return Text(path, node.pos, self.owner, plain="")
            return self.text(node, path)
        if k == "list":
            return self.list(node, t, path, key)
        if k == "record":
            built = self.record(node, t.of, path)
            return INVALID if built is None else built
        if k == "reusable":  # written out, or taken from elsewhere with from:
            ref = isinstance(node, Mapping) and node.get("from") is not None
            built = self.record(node, f"{t.of}_ref" if ref else t.of, path)
            return INVALID if built is None else built
        if k == "map":
            return self.map(node, t, path)
        if k == "either":
            return self.either(node, t, path, key)
        if k == "columns":
            return self.columns(node, path)
        if k == "rows":
            return self.rows(node, path)
        if k == "langmap":
            return self.lang_texts(node, path)
        if k in ("url", "path"):
            return self.scalar(node, t, key)
        if k == "ref":
            return parse_ref(self, node, t.of)
        if not isinstance(node, Scalar):
            return self.expect(node, WHAT.get(k, "a value"))
        return self.scalar(node, t, key)

    def list(self, node: Node, t: T, path: str, key: str) -> Any:
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

    def either(self, node: Node, t: T, path: str, key: str) -> Any:
        """The alternative of ``t`` that has the shape written (a scalar, a list, a mapping)."""
        def shape(alt: T) -> type:
            return Sequence if alt.kind == "list" else Mapping if alt.kind == "record" else Scalar
        for alt in t.of:
            if isinstance(node, shape(alt)):
                return self.value(node, alt, path, key)
        return self.expect(node, " or ".join(
            "a list" if a.kind == "list" else f"a mapping ({RECORD_WORDS[a.of]})"
            if a.kind == "record" else WHAT.get(a.kind, "a value") for a in t.of))

    def map(self, node: Node, t: T, path: str) -> Any:
        """A mapping id -> record (the videos), each record named by its id."""
        if not isinstance(node, Mapping):
            return self.expect(node, "a mapping of ids")
        out = {}
        for kn, vn in node.items:
            if not re.match(SLUG_RE, kn.value):
                self.error(kn, f"'{kn.value}' is not a valid id (lower-case letters, digits "
                           "and '-', starting with a letter or digit)")
                continue
            v = self.record(vn, t.of.of, f"{path}.{kn.value}", named_by=kn)
            if v is not INVALID and v is not None:
                out[kn.value] = v
        return out

    def columns(self, node: Node, path: str) -> Any:
        if not isinstance(node, Sequence) or len(node.items) != 2:
            return self.error(node, "'columns' must be a list of two lists of bullets")
        cols = []
        for col in node.items:
            v = self.value(col, T("list", T("text")), path, "columns")
            if v is INVALID:
                return INVALID
            cols.append(v)
        return cols

    def rows(self, node: Node, path: str) -> Any:
        """A number of empty rows to write in, or the rows of cells."""
        if isinstance(node, Scalar):
            return self.v_int(node, T("int", None, 0, MAX_EMPTY_ROWS), "rows")
        if isinstance(node, Sequence):
            return self.value(node, T("list", T("list", T("cell"))), path, "rows")
        return self.expect(node, "a number of empty rows or a list of rows")
