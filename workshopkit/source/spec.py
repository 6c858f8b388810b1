"""The shape of curriculum format v1 (and of workshopkit.yaml and theme.yaml), declared once.

The converter (:mod:`workshopkit.source.convert`) walks YAML nodes with these
records, and the published JSON Schema (:mod:`workshopkit.source.schema`) is
generated from them, so the two cannot drift apart.  The words the records use
(phases, levels, slide bodies, worksheet item kinds, catalogue fields) come
from :mod:`workshopkit.source.vocab`.
What JSON Schema cannot say (language keys, references, duration sums) the
converter checks on top.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Optional

from workshopkit.source.vocab import (CATALOG_FIELDS, DELIVERIES, LEVELS, PHASES, PLATFORMS,
                                     RECORDINGS, SLIDE_BODIES, WORKSHEET_KINDS)

SLUG_RE = r"^[a-z0-9][a-z0-9-]*$"
LANG_RE = r"^[A-Za-z]{2,3}(-[A-Za-z]{4})?(-(?:[A-Za-z]{2}|[0-9]{3}))?(-(?:[A-Za-z0-9]{5,8}|[0-9][A-Za-z0-9]{3}))*$"
DURATION_RE = r"^\s*(?:(\d+)\s*h)?\s*(?:(\d+)\s*m)?\s*(?:(\d+)\s*s)?\s*$"
DATE_RE = r"^\d{4}-\d{2}-\d{2}$"
SPDX_RE = r"^[A-Za-z0-9.+()-]+(?: (?:AND|OR|WITH) [A-Za-z0-9.+()-]+)*$"
HEX_RE = r"^#?([0-9A-Fa-f]{6})$"

MAX_LINES = 40
MAX_EMPTY_ROWS = 60
MAX_LIST = 500
MAX_TEXT = 10_000
MAX_DAY = 30
MAX_ID = 64
"""The longest id, in characters: ids name output files."""
MAX_PATH = 255
"""The longest file path a document may name (an image's src, a theme's logo and fonts)."""
MAX_URL = 1200
"""The longest URL, in UTF-8 bytes (after tracking parameters are removed): the video
handout prints it beside its QR code, which holds at most 2,331 bytes at its error
correction level (M), and a code that size no longer scans from a printed card."""
MAX_REVIEW_MONTHS = 120
"""workshopkit.yaml's review_after: at most ten years."""

THEME_COLOURS = ("background", "title", "text", "accent", "muted", "table_header",
                 "table_border")
"""The colour roles a theme may set."""
SLIDE_NUMBER_PLACES = ("bottom-right", "bottom-left", "bottom-center")
"""Where a theme may put the slide numbers (``slides: {number: …}``)."""
TEXT_MAX_RANGE = (24, 60)
"""The bounds of a theme's ``slides: {text_max: …}``: the largest body text, in points."""


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
COLOUR = T("colour")      # six hex digits, '#' optional
FONT = T("font")          # 'DejaVu Sans' or the path of a .ttf file
ICON = T("icon")          # the name of a shipped icon (vocab.ICON_FILES)


def LIST(of: T, minimum: int = 0) -> T:
    return T("list", of, minimum, MAX_LIST)


def REC(name: str) -> T:
    return T("record", name)


def ENUM(*choices: str) -> T:
    return T("enum", choices)


def INT(minimum: int, maximum: int) -> T:
    return T("int", None, minimum, maximum)


def FILE(*suffixes: str) -> T:
    """A plain file path ending in one of ``suffixes`` (lower-case, with the dot)."""
    return T("file", suffixes)


def EITHER(*alternatives: T) -> T:  # told apart by the shape: a scalar, a list or a mapping
    return T("either", alternatives)


def REUSABLE(name: str) -> T:
    """A record written out (``name``), or a reference to one elsewhere (``from:``)."""
    return T("reusable", name)


INDEX = T("index", None, 1, MAX_LIST)   # a position in a list, counted from 1
COMPARISON = EITHER(SLUG, REC("catalog_selection"))  # a catalogue id, or some of its rows
TZ = T("tz")              # an IANA time zone name (America/Mexico_City)
LANG_TEXTS = T("langmap")  # a mapping language tag -> Text (online.interpretation)
MAX_BREAKOUT = 100


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
            "reviewed": DATE,
            "authors": LIST(REC("author")),
            "objectives": LIST(TEXT),
            "materials": LIST(TEXT),
            "wellbeing": TEXT,
            "opsec": TEXT,
            "videos": T("map", REC("video")),
            "sessions": LIST(REUSABLE("session"), 1),
            "glossary": LIST(REC("term")),
            "resources": LIST(REC("resource")),
            "delivery": ENUM(*DELIVERIES),
            "online": REC("online"),
            "date": DATE,
            "start": T("clock"),
        },
        required=("workshopkit", "id", "languages", "title", "sessions"),
        description="A workshopkit curriculum (format version 1)",
    ),
    "author": Record({"name": NAME, "org": NAME, "url": URL}, required=("name",)),
    "video": Record(
        {"title": TEXT, "url": URL, "duration": VDURATION, "captions": LIST(LANG),
         "summary": TEXT, "reviewed": DATE},
        required=("url",),
    ),
    "session": Record(
        {"id": SLUG, "title": TEXT, "summary": TEXT, "day": INT(1, MAX_DAY),
         "duration": DURATION, "notes": TEXT, "wellbeing": TEXT, "opsec": TEXT,
         "activities": LIST(REUSABLE("activity"), 1), "online": REC("online"), "date": DATE},
        required=("id", "title", "activities"),
    ),
    "activity": Record(
        {"id": SLUG, "title": TEXT, "phase": ENUM(*PHASES),
         "duration": DURATION, "break": BOOL, "summary": TEXT,
         "materials": LIST(TEXT), "steps": LIST(TEXT), "notes": TEXT,
         "slides": LIST(REC("slide")), "worksheet": LIST(REC("worksheet_item")),
         "page_break": BOOL, "wellbeing": TEXT, "opsec": TEXT, "online": REC("activity_online")},
        required=("id", "duration"),  # title and phase unless a break: checked by hand
    ),
    # from: <curriculum>/<session>[/<activity>], and keys that override the original's
    "session_ref": Record({}, required=()),   # filled in below
    "activity_ref": Record({}, required=()),
    "online": Record(
        {"platform": ENUM(*PLATFORMS), "url": URL, "dial_in": REC("dial_in"),
         "interpretation": LANG_TEXTS, "recording": ENUM(*RECORDINGS),
         "timezones": LIST(TZ, 1)},
        description="How to join an online or hybrid workshop",
    ),
    "dial_in": Record({"number": STR, "pin": STR}, required=("number",)),
    "activity_online": Record(
        {"steps": LIST(TEXT), "duration": DURATION, "breakout": INT(2, MAX_BREAKOUT),
         "notes": TEXT, "tools": LIST(TEXT)},
        description="An activity's online variant",
    ),
    "slide": Record(
        {"title": TEXT, "notes": TEXT, "bullets": LIST(TEXT, 1), "image": REC("image"),
         "video": SLUG, "quote": REC("quote"), "table": REC("slide_table"),
         "columns": T("columns"), "comparison": COMPARISON, "statement": TEXT,
         "question": TEXT, "source": NAME, "icon": ICON},
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
    "resource": Record({"title": NAME, "url": URL, "summary": TEXT, "reviewed": DATE},
                       required=("title",)),
    # catalogues (curricula/catalog/*.yaml)
    "catalog": Record(
        {"workshopkit": T("version"), "id": SLUG, "languages": LIST(LANG, 1),
         "title": TEXT, "rows": LIST(REC("catalog_row"), 1)},
        required=("workshopkit", "languages", "rows"),
        description="A workshopkit catalogue: the free-software comparison (format version 1)",
    ),
    "catalog_row": Record(
        {"id": SLUG, **dict.fromkeys(CATALOG_FIELDS, TEXT), "reviewed": DATE},
        required=("need", "free"),
    ),
    # workshopkit.yaml
    "project": Record(
        {"paper": ENUM("letter", "a4"), "start": T("clock"), "theme": PATH, "template": PATH,
         "anonymous": BOOL, "review_after": INT(1, MAX_REVIEW_MONTHS)},
        description="workshopkit.yaml: project defaults",
    ),
    # theme.yaml
    "theme": Record(
        {"colors": REC("theme_colors"), "fonts": REC("theme_fonts"),
         "logo": FILE(".png", ".jpg", ".jpeg"), "slides": REC("theme_slides")},
        description="theme.yaml: the colours, fonts and logo of the deck",
    ),
    "theme_colors": Record(dict.fromkeys(THEME_COLOURS, COLOUR)),
    "theme_fonts": Record({"title": FONT, "body": FONT}),
    "theme_slides": Record({"number": ENUM(*SLIDE_NUMBER_PLACES),
                            "text_max": INT(TEXT_MAX_RANGE[0], TEXT_MAX_RANGE[1])}),
}

RECORDS["session_ref"] = Record(
    {"from": T("ref", 2), **RECORDS["session"].fields}, required=("from",),
    description="A session taken from another curriculum of the project, keys beside "
                "'from' overriding its own")
RECORDS["activity_ref"] = Record(
    {"from": T("ref", 3), **{k: v for k, v in RECORDS["activity"].fields.items() if k != "break"}},
    required=("from",),
    description="An activity taken from another curriculum of the project, keys beside "
                "'from' overriding its own")
REF_RECORDS = {"session_ref": "session", "activity_ref": "activity"}
"""The records that refer to another curriculum's session or activity, and what they name."""

THEME_RECORDS = ("theme", "theme_colors", "theme_fonts", "theme_slides")
"""The records of theme.yaml: their keys belong to no curriculum record."""
