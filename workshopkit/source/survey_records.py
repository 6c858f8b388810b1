"""The builders of a survey's records (``curricula/survey/*.yaml``): typed fields in, the
survey model out.  They check what spans a record's keys (``multiple`` only with
``options``, a scale's ``min`` below its ``max``, ids unique where answers are pooled by
them); the converter has already typed every value."""
from __future__ import annotations

from typing import Any, Callable, Optional

from workshopkit.model.survey import (DEFAULT_MIN_COUNT, RESERVED_ROWS, NumberRange, Option,
                                      Question, Scale, Survey)
from workshopkit.source.checks import unique_ids
from workshopkit.source.fields import Context, Fields


def survey(f: Fields, c: Context) -> Optional[Survey]:
    if c.path is None or c.root is None or not f.has("title", "questions"):
        return None
    stem = c.path.stem
    if "id" in f.values and f.values["id"] != stem:
        c.problems.error(f.at["id"], f"survey id '{f.values['id']}' must equal the file name "
                         f"'{stem}'")
        return None
    questions = f.values["questions"]
    unique_ids(questions, "question", c.problems)
    return Survey(f.pos, c.path, c.root, stem, c.languages, c.owner, f.values["title"],
                  questions, f.get("intro"), f.get("min_count", DEFAULT_MIN_COUNT),
                  f.get("license"))


def question(f: Fields, c: Context) -> Optional[Question]:
    if "multiple" in f.keys and "options" not in f.keys:
        c.problems.error(f.keys["multiple"], "'multiple' goes with 'options'")
    options = f.get("options")
    if options:
        unique_ids(options, "option", c.problems)
        for o in options:
            if o.id in RESERVED_ROWS:
                c.problems.error(o.pos, f"option id '{o.id}' is reserved (the tally has a "
                                 f"'{o.id}' row for every question); choose another id")
    if not f.has("id", "ask"):
        return None
    return Question(f.pos, **f.attrs())


def _range(f: Fields, c: Context, what: str) -> bool:
    if not f.has("min", "max"):
        return False
    if f.values["min"] >= f.values["max"]:
        c.problems.error(f.at["max"], f"{what} 'max' ({f.values['max']}) must be greater than "
                         f"'min' ({f.values['min']})")
        return False
    return True


def scale(f: Fields, c: Context) -> Optional[Scale]:
    return Scale(f.pos, **f.attrs()) if _range(f, c, "a scale's") else None


def number_range(f: Fields, c: Context) -> Optional[NumberRange]:
    return NumberRange(f.pos, **f.attrs()) if _range(f, c, "a number's") else None


def option(f: Fields, c: Context) -> Optional[Option]:
    return Option(f.pos, **f.attrs()) if f.has("id", "text") else None


SURVEY_BUILDERS: dict[str, Callable[[Fields, Context], Any]] = {
    "survey": survey, "question": question, "option": option, "scale": scale,
    "number_range": number_range,
}
