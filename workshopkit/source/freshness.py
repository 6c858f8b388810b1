"""Freshness of advice: ``reviewed`` dates older than ``review_after`` months.

Security advice goes stale. A curriculum, a video, a resource and a catalogue row
may carry ``reviewed: <date>``, the day someone last checked its facts and links;
workshopkit.yaml's ``review_after`` (months, default 12) says how long that holds.
This is the only place workshopkit reads the clock, and only for these
diagnostics: outputs never depend on it (see FORMAT.md, "Freshness of advice").
"""
from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Iterator, Optional

from workshopkit.errors import Pos, Problems

if TYPE_CHECKING:  # light to import: the build's up-to-date check asks for today()
    from workshopkit.model import Curriculum
    from workshopkit.model.text import Text

__all__ = ["today", "older_than", "check"]


def today() -> dt.date:
    """Today's date: the one reading of the clock, for freshness only."""
    return dt.date.today()


def older_than(reviewed: dt.date, months: int, on: dt.date) -> bool:
    """Whether ``reviewed`` lies more than ``months`` calendar months before ``on``."""
    year, month = divmod(reviewed.month - 1 + months, 12)
    year += reviewed.year
    last_ok = _clamped(year, month + 1, reviewed.day)
    return on > last_ok


def _clamped(year: int, month: int, day: int) -> dt.date:
    """The date, or the last day of that month when it is shorter (31 Jan + 1 month)."""
    if year > dt.MAXYEAR:
        return dt.date.max
    for d in (day, 30, 29, 28):
        try:
            return dt.date(year, month, min(day, d))
        except ValueError:
            continue
    raise AssertionError("every month has 28 days")


def _label(text: Optional[Text], lang: str) -> str:
    return text.get(lang) if text is not None else ""


def _dated(cur: Curriculum) -> Iterator[tuple[Optional[Pos], Optional[dt.date], str]]:
    lang = cur.source_lang
    yield cur.reviewed_at, cur.reviewed, "the curriculum"
    for vid in cur.videos.values():
        yield vid.reviewed_at, vid.reviewed, f"video '{vid.id}'"
    for res in cur.resources:
        yield res.reviewed_at, res.reviewed, f"resource '{_label(res.title, lang)}'"
    for cat in cur.catalogs.values():
        for row in cat.rows:
            name = row.id or _label(row.need, cat.languages[0])
            yield row.reviewed_at, row.reviewed, f"catalogue row '{name}'"


def check(cur: Curriculum, months: int, problems: Problems, seen: set[Pos],
          on: Optional[dt.date] = None) -> None:
    """Warn at each ``reviewed`` of ``cur`` (and of the catalogue rows it shows) older
    than ``months`` as of ``on`` (today); note a curriculum with no ``reviewed``.
    ``seen``: positions already reported (a catalogue shared by several curricula)."""
    on = on or today()
    if cur.reviewed is None:
        problems.note(cur.pos, "no 'reviewed' date: add 'reviewed: YYYY-MM-DD' when someone "
                      "has checked that its facts and links are still true")
    for pos, date, what in _dated(cur):
        if date is None or pos is None or pos in seen or not older_than(date, months, on):
            continue
        seen.add(pos)
        problems.warning(pos, f"{what} was last reviewed on {date.isoformat()}, more than "
                         f"{months} months ago: check its facts and links, then update "
                         "'reviewed' (review_after in workshopkit.yaml sets the months)")
