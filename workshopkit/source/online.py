"""Checks of online and hybrid delivery that span records: the ``online`` blocks of the
curriculum and its sessions, the dates time zones need, activities' online durations,
and room names anyone could guess."""
from __future__ import annotations

import re

from workshopkit.errors import Pos, Problems
from workshopkit.model import Online
from workshopkit.model.online import session_online
from workshopkit.source.rooms import guessable

HYBRID_GAP = 10
"""Minutes by which an activity's in-room and online durations may differ in a hybrid
workshop before a warning says the schedule uses the longer one."""

DIAL_RE = re.compile(r"^\+?[0-9][0-9 ().-]{2,30}$")


def is_jitsi(o: Online, url: str) -> bool:
    if "platform" in o.keys:
        return o.platform == "jitsi"
    host = url.split("//", 1)[-1].split("/", 1)[0].lower()
    return "jitsi" in host or host.endswith("jit.si")


def check_room(o: Online, problems: Problems) -> None:
    """Warn at a Jitsi URL whose room name anyone could guess."""
    if o.url is None:
        return
    urls = [o.url.plain] if o.url.plain is not None else list(o.url.values.values())
    for url in dict.fromkeys(urls):
        why = guessable(url) if is_jitsi(o, url) else None
        if why:
            problems.warning(o.at.get("url", o.pos), f"{why}: anyone can guess it and walk in; "
                             "'workshopkit room' prints an unguessable one")


def check_dial_in(number: str, pos: Pos, problems: Problems) -> bool:
    if DIAL_RE.match(number.strip()):
        return True
    problems.error(pos, f"dial-in number '{number}' must be digits, spaces and + ( ) . -, "
                   "such as \"+1 555 0100\"")
    return False


def check(cur, delivery: str, problems: Problems, at: Pos) -> None:
    """What delivery ``delivery`` needs of ``cur``; ``at``: where the delivery was asked for."""
    onlines = [o for o in (cur.online, *(s.online for s in cur.sessions)) if o is not None]
    if delivery != "in-person" and not onlines:
        problems.error(at, f"delivery '{delivery}' needs an 'online' block (at least its "
                       "'url') on the curriculum or on each session")
        return
    if not onlines:
        return
    for s in cur.sessions:
        o = session_online(cur, s)
        if o is None:
            if delivery != "in-person":
                problems.error(s.pos, f"session '{s.id}' has no 'online' block and the "
                               "curriculum has none: how do people join it?")
            continue
        if o.url is None:
            problems.error(o.pos, f"session '{s.id}': 'online' needs a 'url' (here or on "
                           "the curriculum)")
        if o.timezones and s.date is None and cur.date is None:
            problems.error(o.at.get("timezones", o.pos), "time zones need a date: add "
                           "'date: YYYY-MM-DD' to the curriculum (day 1) or to the session")
    if delivery == "hybrid":
        for _s, a in cur.activities():
            on = a.online
            if on is None or on.minutes is None or a.is_break:
                continue
            if abs(on.minutes - a.minutes) > HYBRID_GAP:
                problems.warning(on.at.get("duration", on.pos),
                                 f"activity '{a.id}' takes {a.minutes} min in the room and "
                                 f"{on.minutes} min online; the hybrid schedule gives it the "
                                 f"longer, {max(a.minutes, on.minutes)} min")
