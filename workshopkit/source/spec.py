"""The shape of curriculum format v1, declared once.

The converter (:mod:`workshopkit.source.convert`) walks YAML nodes with these
records, and the published JSON Schema is generated from them, so the two
cannot drift apart.  The words the records use (phases, levels, slide bodies,
worksheet item kinds, catalogue fields) come from :mod:`workshopkit.source.vocab`.
What JSON Schema cannot say (language keys, references, duration sums) the
converter checks on top.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Optional

from workshopkit.source.vocab import CATALOG_FIELDS, LEVELS, PHASES, SLIDE_BODIES, WORKSHEET_KINDS

SLUG_RE = r"^[a-z0-9][a-z0-9-]*$"
LANG_RE = r"^[A-Za-z]{2,3}(-[A-Za-z]{4})?(-(?:[A-Za-z]{2}|[0-9]{3}))?(-(?:[A-Za-z0-9]{5,8}|[0-9][A-Za-z0-9]{3}))*$"
DURATION_RE = r"^\s*(?:(\d+)\s*h)?\s*(?:(\d+)\s*m)?\s*(?:(\d+)\s*s)?\s*$"
DATE_RE = r"^\d{4}-\d{2}-\d{2}$"
SPDX_RE = r"^[A-Za-z0-9.+()-]+(?: (?:AND|OR|WITH) [A-Za-z0-9.+()-]+)*$"

MAX_LINES = 40
MAX_EMPTY_ROWS = 60
MAX_LIST = 500
MAX_TEXT = 10_000
MAX_DAY = 30


@dataclass(frozen=True)
class T:
    """A value's type: ``kind`` plus its detail."""

    kind: str
    of: Any = None
    minimum: Optional[int] = None
    maximum: Optional[int] = None


TEXT = T("text")          # plain string or {lang: string}
NAME = T("text")          # names: same rules as Text
SLUG = T("slug")
BOOL = T("bool")
DURATION = T("duration")  # minutes: int or 90m / 1h / 1h30m
VDURATION = T("vduration")  # seconds allowed: 4m30s
URL = T("url")            # http(s) string or {lang: url}
PATH = T("path")          # file path or {lang: path}
LANG = T("lang")
DATE = T("date")
SPDX = T("spdx")
STR = T("str")            # any plain scalar kept as written
CELL = T("cell")          # a table cell: a Text, or "" for a blank cell


def LIST(of: T, minimum: int = 0) -> T:
    return T("list", of, minimum, MAX_LIST)


def REC(name: str) -> T:
    return T("record", name)


def ENUM(*choices: str) -> T:
    return T("enum", choices)


def INT(minimum: int, maximum: int) -> T:
    return T("int", None, minimum, maximum)


def EITHER(*alternatives: T) -> T:  # told apart by the shape: a scalar, a list or a mapping
    return T("either", alternatives)


INDEX = T("index", None, 1, MAX_LIST)   # a position in a list, counted from 1
COMPARISON = EITHER(SLUG, REC("catalog_selection"))  # a catalogue id, or some of its rows


@dataclass(frozen=True)
class Record:
    fields: dict[str, T]
    required: tuple[str, ...] = ()
    bodies: tuple[str, ...] = ()   # mutually exclusive keys
    exactly_one_body: bool = False
    description: str = ""

    def __post_init__(self) -> None:
        unknown = [k for k in (*self.required, *self.bodies) if k not in self.fields]
        assert not unknown, f"required or body keys that are not fields: {unknown}"


RECORDS: dict[str, Record] = {
    "curriculum": Record(
        {
            "workshopkit": T("version"),
            "id": SLUG,
            "languages": LIST(LANG, 1),
            "title": TEXT,
            "summary": TEXT,
            "audience": TEXT,
            "level": ENUM(*LEVELS),
            "duration": DURATION,
            "license": SPDX,
            "version": STR,
            "updated": DATE,
            "authors": LIST(REC("author")),
            "objectives": LIST(TEXT),
            "materials": LIST(TEXT),
            "wellbeing": TEXT,
            "opsec": TEXT,
            "videos": T("map", REC("video")),
            "sessions": LIST(REC("session"), 1),
            "glossary": LIST(REC("term")),
            "resources": LIST(REC("resource")),
        },
        required=("workshopkit", "id", "languages", "title", "sessions"),
        description="A workshopkit curriculum (format version 1)",
    ),
    "author": Record({"name": NAME, "org": NAME, "url": URL}, required=("name",)),
    "video": Record(
        {"title": TEXT, "url": URL, "duration": VDURATION, "captions": LIST(LANG),
         "summary": TEXT},
        required=("url",),
    ),
    "session": Record(
        {"id": SLUG, "title": TEXT, "summary": TEXT, "day": INT(1, MAX_DAY),
         "duration": DURATION, "notes": TEXT, "wellbeing": TEXT, "opsec": TEXT,
         "activities": LIST(REC("activity"), 1)},
        required=("id", "title", "activities"),
    ),
    "activity": Record(
        {"id": SLUG, "title": TEXT, "phase": ENUM(*PHASES),
         "duration": DURATION, "break": BOOL, "summary": TEXT,
         "materials": LIST(TEXT), "steps": LIST(TEXT), "notes": TEXT,
         "slides": LIST(REC("slide")), "worksheet": LIST(REC("worksheet_item")),
         "wellbeing": TEXT, "opsec": TEXT},
        required=("id", "duration"),  # title and phase unless a break: checked by hand
    ),
    "slide": Record(
        {"title": TEXT, "notes": TEXT, "bullets": LIST(TEXT, 1), "image": REC("image"),
         "video": SLUG, "quote": REC("quote"), "table": REC("slide_table"),
         "columns": T("columns"), "comparison": COMPARISON},
        bodies=SLIDE_BODIES,
    ),
    "image": Record({"src": PATH, "alt": TEXT, "credit": NAME, "license": NAME},
                    required=("src", "alt")),
    "quote": Record({"text": TEXT, "source": NAME}, required=("text",)),
    "slide_table": Record({"columns": LIST(TEXT, 1), "rows": LIST(LIST(CELL))},
                          required=("columns",)),
    "worksheet_item": Record(
        {"prompt": TEXT, "lines": INT(0, MAX_LINES), "checklist": LIST(TEXT, 1),
         "choice": REC("choice"), "table": REC("worksheet_table"),
         "risk_matrix": REC("risk_matrix"), "case_study": REC("case_study"),
         "comparison": COMPARISON, "text": TEXT, "image": REC("image")},
        bodies=WORKSHEET_KINDS,
        exactly_one_body=True,
    ),
    "choice": Record({"prompt": TEXT, "options": LIST(TEXT, 1), "multiple": BOOL,
                      "answer": EITHER(INDEX, LIST(INDEX, 1))},
                     required=("options",)),
    "catalog_selection": Record({"catalog": SLUG, "needs": LIST(T("row"), 1)},
                                required=("catalog", "needs")),
    "worksheet_table": Record({"columns": LIST(TEXT, 1), "rows": T("rows")},
                              required=("columns",)),
    "risk_matrix": Record({"threats": LIST(TEXT, 1)}, required=("threats",)),
    "case_study": Record({"title": TEXT, "story": TEXT, "questions": LIST(TEXT),
                          "lines": INT(0, MAX_LINES)},
                         required=("story",)),
    "term": Record({"term": TEXT, "definition": TEXT}, required=("term",)),
    "resource": Record({"title": NAME, "url": URL, "summary": TEXT}, required=("title",)),
    # catalogues (curricula/catalog/*.yaml)
    "catalog": Record(
        {"workshopkit": T("version"), "id": SLUG, "languages": LIST(LANG, 1),
         "title": TEXT, "rows": LIST(REC("catalog_row"), 1)},
        required=("workshopkit", "languages", "rows"),
        description="A workshopkit catalogue: the free-software comparison (format version 1)",
    ),
    "catalog_row": Record(
        {"id": SLUG, **dict.fromkeys(CATALOG_FIELDS, TEXT)},
        required=("need", "free"),
    ),
    # workshopkit.yaml
    "project": Record(
        {"paper": ENUM("letter", "a4"), "start": T("clock"), "theme": PATH, "template": PATH,
         "anonymous": BOOL},
        description="workshopkit.yaml: project defaults",
    ),
}


# ------------------------------------------------------------------ JSON Schema

def _lang_map(value: dict) -> dict:
    return {"type": "object", "minProperties": 1,
            "propertyNames": {"pattern": LANG_RE},
            "additionalProperties": value}


_NONEMPTY = {"type": "string", "minLength": 1}
_TEXT_STRING = {"type": "string", "pattern": r"\S"}  # not empty, not only spaces


def _schema(t: T) -> dict:
    k = t.kind
    if k == "text":
        return {"$ref": "#/definitions/text"}
    if k == "cell":
        return {"anyOf": [{"$ref": "#/definitions/text"}, {"const": ""}]}
    if k in ("slug", "row"):
        return {"type": "string", "pattern": SLUG_RE}
    if k == "bool":
        return {"type": "boolean"}
    if k == "version":
        return {"const": 1}
    if k in ("duration", "vduration"):
        return {"anyOf": [{"type": "integer", "minimum": 0},
                          {"type": "string", "pattern": DURATION_RE}]}
    if k == "url":
        url = {"type": "string", "pattern": r"^[Hh][Tt][Tt][Pp][Ss]?://"}
        return {"anyOf": [url, _lang_map(url)]}
    if k == "path":
        return {"anyOf": [_NONEMPTY, _lang_map(_NONEMPTY)]}
    if k == "lang":
        return {"type": "string", "pattern": LANG_RE}
    if k == "date":
        return {"type": "string", "pattern": DATE_RE}
    if k == "clock":
        return {"type": "string", "pattern": r"^\d{1,2}:\d{2}$"}
    if k == "spdx":
        return {"type": "string", "pattern": SPDX_RE}
    if k == "str":
        return {"type": ["string", "number"]}
    if k == "enum":
        return {"enum": list(t.of)}
    if k in ("int", "index"):
        return {"type": "integer", "minimum": t.minimum, "maximum": t.maximum}
    if k == "either":
        return {"anyOf": [_schema(a) for a in t.of]}
    if k == "list":
        out = {"type": "array", "items": _schema(t.of)}
        if t.minimum:
            out["minItems"] = t.minimum
        return out
    if k == "map":
        return {"type": "object", "propertyNames": {"pattern": SLUG_RE},
                "additionalProperties": _schema(t.of)}
    if k == "record":
        return {"$ref": f"#/definitions/{t.of}"}
    if k == "columns":
        col = {"type": "array", "items": {"$ref": "#/definitions/text"}}
        return {"type": "array", "items": col, "minItems": 2, "maxItems": 2}
    if k == "rows":
        return {"anyOf": [{"type": "integer", "minimum": 0, "maximum": MAX_EMPTY_ROWS},
                          {"type": "array", "items": {"type": "array", "items": _schema(CELL)}}]}
    raise AssertionError(k)


def _record_schema(name: str) -> dict:
    rec = RECORDS[name]
    out: dict = {"type": "object",
                 "properties": {k: _schema(v) for k, v in rec.fields.items()},
                 "additionalProperties": False}
    if rec.required:
        out["required"] = list(rec.required)
    if rec.bodies:
        if rec.exactly_one_body:
            out["oneOf"] = [{"required": [b]} for b in rec.bodies]
        else:
            out["not"] = {"anyOf": [{"required": [a, b]} for i, a in enumerate(rec.bodies)
                                    for b in rec.bodies[i + 1:]]}
    if name == "activity":
        out["if"] = {"required": ["break"], "properties": {"break": {"const": True}}}
        out["then"] = {"not": {"required": ["phase"]}}
        out["else"] = {"required": ["title", "phase"]}
    if rec.description:
        out["description"] = rec.description
    return out


def json_schema(root: str = "curriculum") -> dict:
    """The draft-07 JSON Schema for a curriculum (or a catalogue, or workshopkit.yaml)."""
    names: list[str] = []

    def collect(t: T) -> None:
        if t.kind == "record" and t.of not in names:
            names.append(t.of)
            for f in RECORDS[t.of].fields.values():
                collect(f)
        for inner in (t.of if t.kind == "either" else (t.of,) if t.kind in ("list", "map") else ()):
            collect(inner)

    collect(REC(root))
    defs = {"text": {"anyOf": [_TEXT_STRING, _lang_map(_TEXT_STRING)]}}
    for n in names[1:]:
        defs[n] = _record_schema(n)
    schema = {"$schema": "http://json-schema.org/draft-07/schema#",
              "title": RECORDS[root].description}
    schema.update(_record_schema(root))
    schema["definitions"] = defs
    return schema
