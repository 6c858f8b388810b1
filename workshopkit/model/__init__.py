"""The typed curriculum model: what every writer reads.

Instances are built by :mod:`workshopkit.source.convert` straight from located
YAML nodes; writers never see YAML.  Field names follow the YAML keys of
FORMAT.md.  The format's words (phases, levels, slide bodies, worksheet item
kinds) are those of :mod:`workshopkit.source.vocab`, re-exported here.
"""
from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Iterator, Optional

from workshopkit.errors import Pos
from workshopkit.model.catalog import Catalog, ComparisonRow
from workshopkit.model.links import Url
from workshopkit.model.delivery import ActivityOnline, DialIn, Online
from workshopkit.model.text import Languages, Text, Translations
if TYPE_CHECKING:  # the model does not import the loading stage
    from workshopkit.source.project import ProjectConfig
from workshopkit.source.vocab import (DELIVERIES, LEVELS, PHASES, PLATFORMS, RECORDINGS,
                                     SLIDE_BODIES, TITLE_SLIDE, WORKSHEET_KINDS)

__all__ = ["LEVELS", "PHASES", "SLIDE_BODIES", "WORKSHEET_KINDS", "Activity", "Author",
           "CaseStudy", "Catalog", "Choice", "ComparisonRow", "Curriculum", "Image", "Quote",
           "Resource", "RiskMatrix", "Session", "Slide", "Table", "Term", "Url", "Video",
           "WorksheetItem", "DialIn", "Online", "ActivityOnline", "DELIVERIES", "RECORDINGS",
           "PLATFORMS"]



@dataclass
class Author:
    pos: Pos
    name: Text
    org: Optional[Text] = None
    url: Optional[Url] = None


@dataclass
class Video:
    pos: Pos
    id: str
    url: Url
    title: Optional[Text] = None
    duration_seconds: Optional[int] = None
    captions: tuple[str, ...] = ()
    summary: Optional[Text] = None
    reviewed: Optional[_dt.date] = None
    reviewed_at: Optional[Pos] = None  # where 'reviewed' stands


@dataclass
class Image:
    pos: Pos
    src: dict[str, Path]  # language ("" = every language) -> resolved file
    alt: Text
    credit: Optional[Text] = None
    license: Optional[Text] = None

    def path(self, lang: str) -> Path:
        return self.src.get(lang) or self.src.get("") or next(iter(self.src.values()))


@dataclass
class Quote:
    pos: Pos
    text: Text
    source: Optional[Text] = None


@dataclass
class Table:
    pos: Pos
    columns: list[Text] = field(default_factory=list)
    rows: list[list[Text]] = field(default_factory=list)
    empty_rows: int = 0  # worksheets: a count of empty rows to write in


@dataclass
class Slide:
    pos: Pos
    title: Optional[Text] = None
    notes: Optional[Text] = None
    bullets: Optional[list[Text]] = None
    image: Optional[Image] = None
    video: Optional[str] = None  # video id
    quote: Optional[Quote] = None
    table: Optional[Table] = None
    columns: Optional[list[list[Text]]] = None
    comparison: Optional[str] = None  # catalogue id
    comparison_rows: tuple[str, ...] = ()  # the row ids chosen (empty: every row)
    statement: Optional[Text] = None   # one sentence, as large as the slide allows
    question: Optional[Text] = None    # a question put to the room
    source: Optional[Text] = None      # beside a statement: who said or wrote it
    icon: Optional[str] = None         # a shipped icon's name (vocab.ICON_FILES)

    @property
    def kind(self) -> str:
        for name in SLIDE_BODIES:
            if getattr(self, name) is not None:
                return name
        return TITLE_SLIDE


@dataclass
class Choice:
    pos: Pos
    prompt: Optional[Text]
    options: list[Text]
    multiple: bool = False
    answer: tuple[int, ...] = ()  # the right options, counted from 1 (the guide only)


@dataclass
class CaseStudy:
    pos: Pos
    story: Text
    title: Optional[Text] = None
    questions: list[Text] = field(default_factory=list)
    lines: int = 3


@dataclass
class RiskMatrix:
    pos: Pos
    threats: list[Text]


@dataclass
class WorksheetItem:
    pos: Pos
    prompt: Optional[Text] = None
    lines: int = 3
    checklist: Optional[list[Text]] = None
    choice: Optional[Choice] = None
    table: Optional[Table] = None
    risk_matrix: Optional[RiskMatrix] = None
    case_study: Optional[CaseStudy] = None
    comparison: Optional[str] = None
    text: Optional[Text] = None
    image: Optional[Image] = None
    survey: Optional[str] = None  # survey id: its questions, as a form
    comparison_rows: tuple[str, ...] = ()

    @property
    def kind(self) -> str:
        for name in WORKSHEET_KINDS:
            if getattr(self, name) is not None:
                return name
        raise AssertionError("validated worksheet item without a kind")


@dataclass
class Activity:
    pos: Pos
    id: str
    minutes: int
    title: Optional[Text] = None
    phase: Optional[str] = None
    is_break: bool = False
    summary: Optional[Text] = None
    materials: list[Text] = field(default_factory=list)
    steps: list[Text] = field(default_factory=list)
    notes: Optional[Text] = None
    slides: list[Slide] = field(default_factory=list)
    worksheet: list[WorksheetItem] = field(default_factory=list)
    wellbeing: Optional[Text] = None
    opsec: Optional[Text] = None
    online: Optional[ActivityOnline] = None
    room_minutes: Optional[int] = None  # set for a hybrid build: the in-room duration
    page_break: bool = False  # its worksheet items start on a new page


@dataclass
class Session:
    pos: Pos
    id: str
    title: Text
    activities: list[Activity]
    summary: Optional[Text] = None
    notes: Optional[Text] = None
    day: Optional[int] = None
    declared_minutes: Optional[int] = None
    wellbeing: Optional[Text] = None
    opsec: Optional[Text] = None
    online: Optional[Online] = None
    date: Optional[_dt.date] = None

    @property
    def minutes(self) -> int:
        return sum(a.minutes for a in self.activities)


@dataclass
class Term:
    pos: Pos
    term: Text
    definition: Optional[Text] = None


@dataclass
class Resource:
    pos: Pos
    title: Text
    url: Optional[Url] = None
    summary: Optional[Text] = None
    reviewed: Optional[_dt.date] = None
    reviewed_at: Optional[Pos] = None  # where 'reviewed' stands


@dataclass
class Curriculum(Languages):
    pos: Pos
    path: Path
    project: Path
    id: str
    languages: tuple[str, ...]  # declared; the first is the source language
    title: Text
    sessions: list[Session]
    translations: Translations
    summary: Optional[Text] = None
    audience: Optional[Text] = None
    level: Optional[str] = None
    declared_minutes: Optional[int] = None
    license: Optional[str] = None
    version: Optional[str] = None
    updated: Optional[_dt.date] = None
    reviewed: Optional[_dt.date] = None
    reviewed_at: Optional[Pos] = None  # where 'reviewed' stands
    authors: list[Author] = field(default_factory=list)
    objectives: list[Text] = field(default_factory=list)
    materials: list[Text] = field(default_factory=list)
    wellbeing: Optional[Text] = None
    opsec: Optional[Text] = None
    videos: dict[str, Video] = field(default_factory=dict)
    glossary: list[Term] = field(default_factory=list)
    resources: list[Resource] = field(default_factory=list)
    catalogs: dict[str, Catalog] = field(default_factory=dict)  # the ones it references
    surveys: dict = field(default_factory=dict)  # survey id -> Survey, the ones it references
    sources: dict[str, "Curriculum"] = field(default_factory=dict)  # taken from with from:
    inputs: tuple[Path, ...] = ()  # every file read to build it
    config: Optional["ProjectConfig"] = None  # the project's workshopkit.yaml defaults
    delivery: str = "in-person"     # in-person | online | hybrid (a build may override it)
    online: Optional[Online] = None
    date: Optional[_dt.date] = None  # day 1, for clock times in several time zones
    start: Optional[_dt.time] = None  # start of day 1 (over the project's 'start')

    @property
    def minutes(self) -> int:
        return sum(s.minutes for s in self.sessions)

    def activities(self) -> Iterator[tuple[Session, Activity]]:
        for s in self.sessions:
            for a in s.activities:
                yield s, a

    def images(self) -> Iterator[Image]:
        """Every image shown: on slides, then on worksheets, activity by activity."""
        for _, a in self.activities():
            for x in (*a.slides, *a.worksheet):
                if x.image is not None:
                    yield x.image

    def comparison(self, x: "Slide | WorksheetItem") -> Optional[Catalog]:
        """The catalogue the comparison ``x`` shows, cut to its chosen rows in their order."""
        cat = self.catalogs.get(x.comparison or "")
        if cat is None or not x.comparison_rows:
            return cat
        rows = {r.id: r for r in cat.rows}
        return replace(cat, rows=[rows[i] for i in x.comparison_rows if i in rows])
