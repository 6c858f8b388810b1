"""Tallying a survey: answers checked against the survey, pooled by ids, counted.

Pure: the files are read elsewhere (:mod:`workshopkit.source.responses`), each form or
CSV row arriving as a mapping field name -> cell text, the same for a filled PDF in any
language and a row typed from paper.  :func:`check` turns one into a :class:`Response`
or says what is wrong with it; :func:`tally` counts; :func:`cell` prints a count, or
``< N`` below the survey's ``min_count``; :func:`csv_rows` are the rows of
``<id>-tally.csv``.
"""
from __future__ import annotations

import random
import re
from dataclasses import dataclass, field
from typing import Iterable, Optional

from workshopkit.model.survey import SURVEY_FIELD, Question, Survey

TICKED = frozenset({"1", "x", "yes", "sí", "si", "true"})
"""Cells that tick a box (any case)."""
UNTICKED = frozenset({"", "0", "no", "false", "off"})
BINS = 5
"""A number question is counted in at most this many ranges of its declared bounds:
single values of a small group would identify people."""
_INT_RE = re.compile(r"^[+-]?\d+$")


@dataclass(frozen=True)
class Response:
    """One form's answers: question id -> chosen option ids (or values), and free texts."""

    chosen: dict[str, tuple[str, ...]]
    texts: dict[str, tuple[str, ...]]


def bins(q: Question) -> list[tuple[int, int]]:
    """The ranges a number question is counted in (from its declared bounds only)."""
    lo, hi = q.number.min, q.number.max
    width = -(-(hi - lo + 1) // BINS)
    return [(a, min(a + width - 1, hi)) for a in range(lo, hi + 1, width)]


def rows_of(q: Question) -> list[str]:
    """The row names of a question in the tally: option ids, scale values or ranges."""
    if q.options is not None:
        return [o.id for o in q.options]
    if q.scale is not None:
        return [str(v) for v in q.scale.values]
    if q.number is not None:
        return [f"{a}-{b}" if a != b else str(a) for a, b in bins(q)]
    return []


def _suggest(word: str, choices: list[str]) -> str:
    import difflib

    close = difflib.get_close_matches(word, choices, n=1, cutoff=0.6)
    return f"; did you mean '{close[0]}'?" if close else f" (choose from {', '.join(choices)})"


def check(sv: Survey, cells: dict[str, str]) -> tuple[Optional[Response], list[str]]:
    """One form (field -> cell text) checked against ``sv``: (response, []) or (None, errors).

    An empty cell is a question left blank.  A write-in counts the tick of its option.
    """
    errors: list[str] = []
    known = set(sv.fields())
    for name in cells:
        if name not in known and name != SURVEY_FIELD:
            errors.append(f"unknown field '{name}'" + _suggest(name, sorted(known)))
    chosen: dict[str, tuple[str, ...]] = {}
    texts: dict[str, tuple[str, ...]] = {}
    for q in sv.questions:
        got: list[str] = []
        said: list[str] = []
        kind = q.kind
        if kind == "multiple":
            for o in q.options:
                v = cells.get(f"{q.id}.{o.id}", "").strip()
                if v.lower() not in TICKED | UNTICKED:
                    errors.append(f"'{q.id}.{o.id}': '{v[:40]}' is not a tick (use 1, x, yes or "
                                  "leave it empty)")
                written = cells.get(f"{q.id}.{o.id}.text", "").strip() if o.write_in else ""
                if v.lower() in TICKED or written:
                    got.append(o.id)
                if written:
                    said.append(written)
        elif kind == "text":
            v = cells.get(q.id, "").strip()
            if v:
                said.append(v)
                got.append("")
        else:
            v = cells.get(q.id, "").strip()
            if v:
                bad = _value(q, v)
                if bad:
                    errors.append(bad)
                else:
                    got.append(_row(q, v))
            if kind == "single":
                for o in q.options:
                    written = cells.get(f"{q.id}.{o.id}.text", "").strip() if o.write_in else ""
                    if written:
                        said.append(written)
                        if not got:  # a write-in with nothing ticked counts its option
                            got.append(o.id)
        chosen[q.id] = tuple(got)
        texts[q.id] = tuple(said)
    return (None, errors) if errors else (Response(chosen, texts), [])


def _value(q: Question, v: str) -> str:
    """What is wrong with the value ``v`` of a single choice, scale or number (or '')."""
    if q.options is not None:
        ids = [o.id for o in q.options]
        return "" if v.lower() in ids else \
            f"question '{q.id}' has no option '{v[:40]}'" + _suggest(v.lower(), ids)
    lo, hi = (q.scale.min, q.scale.max) if q.scale is not None else (q.number.min, q.number.max)
    what = "scale" if q.scale is not None else "number"
    if not _INT_RE.match(v):
        return f"'{q.id}': '{v[:40]}' is not a whole number"
    if not lo <= int(v) <= hi:
        return f"'{q.id}': {int(v)} is out of the {what}'s range {lo} to {hi}"
    return ""


def _row(q: Question, v: str) -> str:
    if q.options is not None:
        return v.lower()
    n = int(v)
    if q.scale is not None:
        return str(n)
    for (a, b), name in zip(bins(q), rows_of(q)):
        if a <= n <= b:
            return name
    raise AssertionError("a checked number falls in a range")


@dataclass
class QuestionTally:
    question: Question
    counts: dict[str, int]
    responses: int = 0
    skipped: int = 0
    texts: list[str] = field(default_factory=list)


@dataclass
class Tally:
    survey: Survey
    questions: list[QuestionTally]
    forms: int = 0

    def cell(self, n: int) -> str:
        return cell(n, self.survey.min_count)


def cell(n: int, min_count: int) -> str:
    """A count as printed: ``< N`` below ``min_count``."""
    return f"< {min_count}" if n < min_count else str(n)


def tally(sv: Survey, responses: Iterable[Response], seed: str = "") -> Tally:
    """Count ``responses``; free texts sorted, then shuffled with a fixed seed, so that
    their order says nothing of the order of the forms and the output is repeatable."""
    qs = [QuestionTally(q, dict.fromkeys(rows_of(q), 0)) for q in sv.questions]
    forms = 0
    for r in responses:
        forms += 1
        for qt in qs:
            got = r.chosen.get(qt.question.id, ())
            if got:
                qt.responses += 1
                for g in got:
                    if g in qt.counts:
                        qt.counts[g] += 1
            else:
                qt.skipped += 1
            qt.texts.extend(r.texts.get(qt.question.id, ()))
    for qt in qs:
        qt.texts.sort()
        random.Random(f"{seed or sv.id}:{qt.question.id}").shuffle(qt.texts)
    return Tally(sv, qs, forms)


def csv_rows(t: Tally) -> list[tuple[str, str, str]]:
    """The rows of ``<id>-tally.csv`` (header first): counts below min_count as ``< N``."""
    rows = [("question", "option", "count")]
    for qt in t.questions:
        qid = qt.question.id
        rows += [(qid, name, t.cell(n)) for name, n in qt.counts.items()]
        rows += [(qid, "responses", t.cell(qt.responses)), (qid, "skipped", t.cell(qt.skipped))]
    return rows
