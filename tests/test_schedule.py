"""The schedule: clock times, days, session spans and the way durations print."""
from __future__ import annotations

import datetime as dt

from workshopkit.model import Activity, Curriculum, Session
from workshopkit.model.text import Translations
from workshopkit.errors import Pos
from workshopkit.plan.schedule import clock, days, hm, session_span, slots, video_length

P = Pos("t.yaml", 1, 1)


def curriculum(*sessions: tuple[str, int | None, list[int]]) -> Curriculum:
    owner = Translations("en")
    out = []
    for sid, day, minutes in sessions:
        acts = [Activity(P, f"{sid}-{i}", m) for i, m in enumerate(minutes)]
        out.append(Session(P, sid, None, acts, day=day))
    return Curriculum(P, None, None, "c", ("en",), None, out, owner)


def test_clock_times_run_on_and_a_new_day_restarts_the_clock():
    cur = curriculum(("a", None, [30, 45]), ("b", None, [15]), ("c", 2, [60, 20]))
    got = [(s.day, clock(s.start), clock(s.end), s.activity.id) for s in slots(cur, dt.time(9))]
    assert got == [(1, "09:00", "09:30", "a-0"), (1, "09:30", "10:15", "a-1"),
                   (1, "10:15", "10:30", "b-0"), (2, "09:00", "10:00", "c-0"),
                   (2, "10:00", "10:20", "c-1")]
    assert days(cur) == 2
    assert session_span(cur, dt.time(9)) == {
        "a": (1, dt.time(9), dt.time(10, 15)), "b": (1, dt.time(10, 15), dt.time(10, 30)),
        "c": (2, dt.time(9), dt.time(10, 20))}


def test_a_day_after_midnight_wraps_the_clock():
    cur = curriculum(("late", None, [90]))
    (slot,) = slots(cur, dt.time(23, 0))
    assert (clock(slot.start), clock(slot.end)) == ("23:00", "00:30")


def test_one_day_when_no_session_names_a_day():
    assert days(curriculum(("a", None, [10]))) == 1


def test_durations_and_video_lengths_print_without_words_of_any_language():
    assert [hm(m) for m in (45, 60, 90, 125, 0)] == ["45 min", "1 h", "1 h 30", "2 h 05", "0 min"]
    assert [video_length(s) for s in (None, 59, 270, 3725)] == ["", "0:59", "4:30", "1:02:05"]
