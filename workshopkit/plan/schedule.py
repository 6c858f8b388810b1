"""Durations and clock times: the schedule every output prints."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Optional

from workshopkit.model import Activity, Curriculum, Session


@dataclass(frozen=True)
class Slot:
    day: int
    start: dt.time
    end: dt.time
    minutes: int
    session: Session
    activity: Activity


def _add(t: dt.time, minutes: int) -> dt.time:
    base = dt.datetime.combine(dt.date(2000, 1, 1), t) + dt.timedelta(minutes=minutes)
    return base.time()


def slots(cur: Curriculum, start: dt.time) -> list[Slot]:
    """Every activity with its day and clock times; ``day: N`` restarts the clock."""
    out = []
    day, elapsed = 1, 0
    for s in cur.sessions:
        if s.day is not None and s.day != day:
            day, elapsed = s.day, 0
        for a in s.activities:
            out.append(Slot(day, _add(start, elapsed), _add(start, elapsed + a.minutes),
                            a.minutes, s, a))
            elapsed += a.minutes
    return out


def session_span(cur: Curriculum, start: dt.time) -> dict[str, tuple[int, dt.time, dt.time]]:
    """Session id -> (day, start, end)."""
    out: dict[str, tuple[int, dt.time, dt.time]] = {}
    for sl in slots(cur, start):
        if sl.session.id not in out:
            out[sl.session.id] = (sl.day, sl.start, sl.end)
        else:
            d, st, _ = out[sl.session.id]
            out[sl.session.id] = (d, st, sl.end)
    return out


def days(cur: Curriculum) -> int:
    n = 1
    for s in cur.sessions:
        if s.day:
            n = max(n, s.day)
    return n


def hm(minutes: int) -> str:
    """90 -> '1 h 30', 45 -> '45 min' (language-neutral)."""
    h, m = divmod(minutes, 60)
    if h and m:
        return f"{h} h {m:02d}"
    if h:
        return f"{h} h"
    return f"{m} min"


def clock(t: dt.time) -> str:
    return t.strftime("%H:%M")


def video_length(seconds: Optional[int]) -> str:
    if seconds is None:
        return ""
    h, rest = divmod(seconds, 3600)
    m, s = divmod(rest, 60)
    return f"{h}:{m:02d}:{s:02d}" if h else f"{m}:{s:02d}"
