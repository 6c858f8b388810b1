"""The published JSON Schema (draft-07), generated from the records of the spec.

``workshopkit schema`` prints it and ``schema/*.schema.json`` are its committed
copies, so editors check files against the very records the converter reads.
"""
from __future__ import annotations

from workshopkit.source.fonts import FAMILY
from workshopkit.source.vocab import ICON_FILES
from workshopkit.source.spec import (CELL, DATE_RE, DURATION_RE, HEX_RE, LANG_RE, MAX_EMPTY_ROWS,
                                     RECORDS, SLUG_RE, SPDX_RE, T)

__all__ = ["json_schema"]


def _lang_map(value: dict) -> dict:
    return {"type": "object", "minProperties": 1,
            "propertyNames": {"pattern": LANG_RE},
            "additionalProperties": value}


_NONEMPTY = {"type": "string", "minLength": 1}
_TEXT_STRING = {"type": "string", "pattern": r"\S"}  # not empty, not only spaces


def _suffix_re(suffixes) -> str:
    """A pattern for names ending in one of ``suffixes``, in any case."""
    def any_case(s: str) -> str:
        return "".join(f"[{c.upper()}{c}]" if c.isalpha() else c for c in s[1:])
    return r"\.(?:" + "|".join(any_case(s) for s in suffixes) + ")$"


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
    if k == "icon":
        return {"enum": sorted(ICON_FILES)}
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
    if k == "reusable":  # written out, or taken from another curriculum with from:
        return {"anyOf": [{"$ref": f"#/definitions/{t.of}"},
                          {"$ref": f"#/definitions/{t.of}_ref"}]}
    if k == "ref":  # <curriculum>/<session> or <curriculum>/<session>/<activity>
        return {"type": "string", "pattern": "^" + "/".join([SLUG_RE[1:-1]] * t.of) + "$"}
    if k == "columns":
        col = {"type": "array", "items": {"$ref": "#/definitions/text"}}
        return {"type": "array", "items": col, "minItems": 2, "maxItems": 2}
    if k == "colour":  # unquoted digits (222222) are read as a number
        return {"type": ["string", "integer"], "pattern": HEX_RE, "minimum": 0,
                "maximum": 999999}
    if k == "font":
        return {"type": "string", "anyOf": [{"const": FAMILY}, {"pattern": _suffix_re((".ttf",))}]}
    if k == "file":
        return {"type": "string", "pattern": _suffix_re(t.of)}
    if k == "tz":
        return {"type": "string", "pattern": r"^[A-Za-z0-9_+-]+(/[A-Za-z0-9_+-]+)*$"}
    if k == "langmap":
        return {"type": "object", "propertyNames": {"pattern": LANG_RE},
                "additionalProperties": {"$ref": "#/definitions/text"}}
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
    """The draft-07 JSON Schema for a curriculum (or a catalogue, workshopkit.yaml, theme.yaml)."""
    names: list[str] = []

    def collect(n: str) -> None:
        if n in names:
            return
        names.append(n)
        for t in RECORDS[n].fields.values():
            visit(t)

    def visit(t) -> None:
        if t.kind == "record":
            collect(t.of)
        elif t.kind == "reusable":
            collect(t.of)
            collect(f"{t.of}_ref")
        elif t.kind == "either":
            for alternative in t.of:
                visit(alternative)
        elif t.kind in ("list", "map"):
            visit(t.of)

    collect(root)
    defs = {"text": {"anyOf": [_TEXT_STRING, _lang_map(_TEXT_STRING)]}}
    for n in names[1:]:
        defs[n] = _record_schema(n)
    schema = {"$schema": "http://json-schema.org/draft-07/schema#",
              "title": RECORDS[root].description}
    schema.update(_record_schema(root))
    schema["definitions"] = defs
    return schema
