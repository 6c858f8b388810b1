"""A survey (``curricula/survey/<id>.yaml``): an anonymous questionnaire, and its form fields.

The field names of the fillable PDF and the header of a typed CSV are part of the
format (FORMAT.md, "Surveys and tallies"); :meth:`Survey.fields` is the one place they
are made.  A survey also answers what the build asks of a curriculum (``path``,
``project``, ``all_languages``, ``inputs``, ``images()``…), so that its form is one more
target of the build.
"""
from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Iterator, Optional

from workshopkit.errors import Pos
from workshopkit.model.text import Languages, Text, Translations

if TYPE_CHECKING:  # the model does not import the loading stage
    from workshopkit.source.project import ProjectConfig

DEFAULT_MIN_COUNT = 5
SURVEY_FIELD = "_survey"
"""A hidden field holding the survey id, so that a tally knows a form of this survey from
a form of another one.  It cannot clash with a question id (ids never start with '_')."""

RESERVED_ROWS = ("responses", "skipped")
"""The tally's rows per question beside its options: no option may be called so."""


@dataclass
class Option:
    pos: Pos
    id: str
    text: Text
    write_in: bool = False


@dataclass
class Scale:
    pos: Pos
    min: int
    max: int
    low: Optional[Text] = None
    high: Optional[Text] = None

    @property
    def values(self) -> list[int]:
        return list(range(self.min, self.max + 1))


@dataclass
class NumberRange:
    pos: Pos
    min: int
    max: int


@dataclass
class Question:
    pos: Pos
    id: str
    ask: Text
    options: Optional[list[Option]] = None
    multiple: bool = False
    scale: Optional[Scale] = None
    number: Optional[NumberRange] = None
    text: Optional[int] = None  # lines to write on

    @property
    def kind(self) -> str:
        """'single', 'multiple', 'scale', 'number' or 'text'."""
        if self.options is not None:
            return "multiple" if self.multiple else "single"
        if self.scale is not None:
            return "scale"
        if self.number is not None:
            return "number"
        return "text"


@dataclass
class Survey(Languages):
    pos: Pos
    path: Path
    project: Path
    id: str
    languages: tuple[str, ...]
    translations: Translations
    title: Text
    questions: list[Question]
    intro: Optional[Text] = None
    min_count: int = DEFAULT_MIN_COUNT
    license: Optional[str] = None
    inputs: tuple[Path, ...] = ()
    config: Optional["ProjectConfig"] = None
    # what the build reads of every document, empty for a survey
    version: Optional[str] = None
    updated: Optional[_dt.date] = None
    reviewed: Optional[_dt.date] = None
    summary: Optional[Text] = None
    authors: list = field(default_factory=list)
    catalogs: dict = field(default_factory=dict)
    surveys: dict = field(default_factory=dict)
    sources: dict = field(default_factory=dict)
    delivery: str = "in-person"
    online: None = None
    date: Optional[_dt.date] = None
    start: Optional[_dt.time] = None
    sessions: list = field(default_factory=list)  # none: a survey has no slides or icons

    document = "survey"
    """The kind of document: output kinds declare which they are built from."""

    def images(self) -> Iterator:
        return iter(())

    def activities(self) -> Iterator:
        return iter(())

    def question(self, qid: str) -> Optional[Question]:
        return next((q for q in self.questions if q.id == qid), None)

    def fields(self) -> list[str]:
        """Every form field name, in question order: the header of a typed CSV."""
        out: list[str] = []
        for q in self.questions:
            if q.kind == "multiple":
                for o in q.options:
                    out.append(f"{q.id}.{o.id}")
                    if o.write_in:
                        out.append(f"{q.id}.{o.id}.text")
            else:
                out.append(q.id)
                if q.kind == "single":
                    out += [f"{q.id}.{o.id}.text" for o in q.options if o.write_in]
        return out
