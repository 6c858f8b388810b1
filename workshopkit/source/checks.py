"""Checks that span records of a loaded document.

Unique ids, the order of days, a choice's answer against its options, declared
durations against the sum of their activities, characters the output fonts
cannot draw, translation gaps and stale catalogue entries, and the note for
every URL printed without its tracking parameters.  Each reports into a :class:`~workshopkit.errors.Problems`.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Iterable, Optional, Protocol

from workshopkit.errors import Pos, Problems
from workshopkit.model.text import Translations, gaps, iter_texts
from workshopkit.source.fonts import missing_chars


class _HasId(Protocol):
    id: Optional[str]
    pos: Pos


@dataclass(frozen=True)
class IdAt:
    """An id as written, and where its record starts."""

    id: str
    pos: Pos


def unique_ids(items: Iterable[_HasId], what: str, problems: Problems) -> None:
    seen: dict[str, Pos] = {}
    for it in items:
        if it.id is None:
            continue
        if it.id in seen:
            problems.error(it.pos, f"duplicate {what} id '{it.id}' (first at line {seen[it.id].line})")
        else:
            seen[it.id] = it.pos


def check_answer(answer: Any, pos: Pos, options: int, multiple: bool, problems: Problems) -> None:
    """A choice's ``answer`` (located option numbers) fits its options: a list exactly when
    several may be ticked, each number one of the options, none twice."""
    if multiple and not isinstance(answer, list):
        problems.error(pos, "with 'multiple: true', 'answer' is a list of option numbers, "
                       f"such as [{answer.value}]")
    elif not multiple and isinstance(answer, list):
        problems.error(pos, "'answer' is a list only with 'multiple: true'; a single choice "
                       "has one answer, such as 'answer: 2'")
    seen: set[int] = set()
    for a in answer if isinstance(answer, list) else [answer]:
        if a.value > options:
            problems.error(a.pos, f"'answer' {a.value} is out of range: the choice has "
                           f"{options} option" + ("s" if options > 1 else ""))
        elif a.value in seen:
            problems.error(a.pos, f"option {a.value} is given twice in 'answer'")
        seen.add(a.value)


def check_days(sessions: list, problems: Problems) -> None:
    """Sessions go forward in days: 'day' never goes back."""
    day = 1
    for s in sessions:
        if s.day is not None:
            if s.day < day:
                problems.error(s.pos, f"session '{s.id}' is on day {s.day}, "
                               f"before the day {day} of the session above it")
            day = s.day


def hm(minutes: int) -> str:
    h, m = divmod(minutes, 60)
    return f"{h}h{m:02d}m" if h else f"{m}m"


def declared_duration(part: Any, pos: Optional[Pos], what: str, problems: Problems) -> None:
    """Warn at ``pos`` when ``part`` (a session, a curriculum) declares another length than it sums."""
    if pos is not None and part.declared_minutes is not None \
            and part.declared_minutes != part.minutes:
        problems.warning(pos, f"{what}declared duration {hm(part.declared_minutes)} differs "
                         f"from the sum of its activities, {hm(part.minutes)}")


def undrawable(doc: Any, problems: Problems) -> None:
    """Warn at every Text with characters the output fonts cannot draw."""
    for t in iter_texts(doc):
        strings = [t.plain] if t.plain is not None else list(t.values.values())
        missing = sorted({c for s in strings for c in missing_chars(s)})
        if missing:
            shown = " ".join(f"{c} (U+{ord(c):04X})" for c in missing[:5])
            problems.warning(t.pos, f"the output fonts cannot draw {shown}; "
                             "they would print as blanks")


def translation_gaps(doc: Any, langs: Iterable[str], owner: Translations,
                     problems: Problems) -> None:
    """Translation gaps and stale catalogue entries of ``doc`` in ``langs``, in the Texts
    ``owner`` translates (those taken from other curricula are reported where they are
    taken: :func:`workshopkit.source.assemble.borrowed_gaps`)."""
    for lang in langs:
        if lang == owner.source_lang:
            continue
        for g in gaps(doc, lang, owner):
            problems.warning(g.pos, f"no '{lang}' translation; the "
                             f"'{owner.source_lang}' text is used ({g.path})")
        for t in iter_texts(doc):
            if t.owner is not owner:
                continue
            for e in owner.stale(lang, t.path, t.source):
                problems.warning(e.pos, f"stale translation for {t.path}: the "
                                 f"source text changed (now at {t.pos}); not used")


def url_notes(notes: Iterable, problems: Problems) -> None:
    """A note for every URL printed without the tracking parameters written."""
    for n in notes:
        problems.note(n.pos, f"removed tracking parameter{'s' if len(n.removed) > 1 else ''} "
                      f"{', '.join(n.removed)}: the printed URL is {n.cleaned}")
