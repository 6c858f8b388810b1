"""Online and hybrid delivery as plain data: the curriculum as delivered, how to join,
clock times in every listed time zone, and the words facilitators read aloud.

:func:`delivered` is applied to the curriculum before any writer that reads the
``delivery`` option sees it (``workshopkit.build.kinds.render``): in person, every
online block is gone, so no writer can print one; online, activities take their
online steps and durations; hybrid, the longer of the two durations, the room's
kept in ``room_minutes``.  :func:`join` is the join information any writer prints
(title slide, guide, agenda, video handout, web edition).
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from typing import Optional

from workshopkit.i18n import N_
from workshopkit.model import Activity, Curriculum, Online, Session
from workshopkit.model.online import session_online
from workshopkit.model.text import Text
from workshopkit.plan.schedule import session_span

_CACHE: dict[tuple[int, str], tuple[Curriculum, Curriculum]] = {}


def delivered(cur: Curriculum, delivery: str) -> Curriculum:
    """``cur`` as delivered ``delivery`` (in-person | online | hybrid)."""
    hit = _CACHE.get((id(cur), delivery))
    if hit is not None and hit[0] is cur:
        return hit[1]
    if len(_CACHE) > 64:
        _CACHE.clear()
    if delivery == "in-person":
        out = replace(cur, delivery=delivery, online=None, sessions=[
            replace(s, online=None, activities=[replace(a, online=None, room_minutes=None)
                                                for a in s.activities])
            for s in cur.sessions])
    else:
        out = replace(cur, delivery=delivery, sessions=[
            replace(s, online=session_online(cur, s),
                    activities=[_activity(a, delivery) for a in s.activities])
            for s in cur.sessions])
    _CACHE[(id(cur), delivery)] = (cur, out)
    return out


def _activity(a: Activity, delivery: str) -> Activity:
    on = a.online
    if on is None or a.is_break:
        return a
    if delivery == "online":
        return replace(a, minutes=on.minutes or a.minutes, steps=on.steps or a.steps)
    return replace(a, minutes=max(a.minutes, on.minutes or a.minutes), room_minutes=a.minutes)


def online_material(cur: Curriculum) -> bool:
    """Whether outputs of ``cur`` (as delivered) carry online material."""
    return cur.delivery != "in-person" and any(s.online for s in cur.sessions)


# ------------------------------------------------------------------ join information

@dataclass(frozen=True)
class Join:
    """How to join, in one language: what every writer prints (strings, no markup)."""

    url: str
    platform: str                      # jitsi | bigbluebutton | other
    dial_number: Optional[str] = None
    dial_pin: Optional[str] = None
    interpretation: tuple[tuple[str, Text], ...] = ()  # (listened language, channel name)
    recording: str = "none"            # none | announced | full


def join_of(o: Optional[Online], lang: str) -> Optional[Join]:
    if o is None or o.url is None:
        return None
    return Join(o.url.get(lang), o.platform,
                o.dial_in.number if o.dial_in else None, o.dial_in.pin if o.dial_in else None,
                tuple(o.interpretation.items()), o.recording)


def join(cur: Curriculum, lang: str, session: Optional[Session] = None) -> Optional[Join]:
    """How to join ``session`` (default: the workshop, i.e. its first session's room), or
    None for an in-person delivery."""
    if cur.delivery == "in-person":
        return None
    if session is not None:
        return join_of(session.online, lang)
    for s in cur.sessions:
        j = join_of(s.online, lang)
        if j is not None:
            return j
    return join_of(cur.online, lang)


def session_joins(cur: Curriculum, lang: str) -> list[tuple[Session, Join]]:
    """Sessions whose join information differs from the workshop's (printed beside them)."""
    first = join(cur, lang)
    out = []
    for s in cur.sessions:
        j = join(cur, lang, s)
        if j is not None and j != first:
            out.append((s, j))
    return out


# ------------------------------------------------------------------ time zones

@dataclass(frozen=True)
class ZoneTime:
    zone: str
    start: dt.datetime    # aware, in ``zone``
    end: dt.datetime
    day_shift: int        # days after (+) or before (-) the date in the first zone


@dataclass(frozen=True)
class ZoneRow:
    session: Session
    times: tuple[ZoneTime, ...]  # one per listed zone, the first zone first


def zone_rows(cur: Curriculum, start: dt.time) -> list[ZoneRow]:
    """Each session's start and end in every listed time zone (clock times are written
    in the first); none when the sessions list no zones or have no date."""
    rows = []
    spans = session_span(cur, start)
    for s in cur.sessions:
        o = s.online
        if o is None or not o.timezones or s.id not in spans:
            continue
        day, t0, _t1 = spans[s.id]
        base = s.date or (cur.date + dt.timedelta(days=day - 1) if cur.date else None)
        if base is None:
            continue
        first = o.zones[o.timezones[0]]
        begin = dt.datetime.combine(base, t0, tzinfo=first)
        # the wall clock of the first zone; the real instant through UTC
        begin = begin.astimezone(dt.timezone.utc)
        end = begin + dt.timedelta(minutes=s.minutes)
        ref = begin.astimezone(first).date()
        times = []
        for z in o.timezones:
            a, b = begin.astimezone(o.zones[z]), end.astimezone(o.zones[z])
            times.append(ZoneTime(z, a, b, (a.date() - ref).days))
        rows.append(ZoneRow(s, tuple(times)))
    return rows


def zone_label(zone: str) -> str:
    """'America/Mexico_City' -> 'Mexico City'."""
    return zone.rsplit("/", 1)[-1].replace("_", " ")


def utc_offset(t: dt.datetime) -> str:
    """'UTC−6', 'UTC+5:30', 'UTC'."""
    off = t.utcoffset() or dt.timedelta(0)
    minutes = int(off.total_seconds() // 60)
    if not minutes:
        return "UTC"
    sign = "+" if minutes > 0 else "\u2212"
    h, m = divmod(abs(minutes), 60)
    return f"UTC{sign}{h}" + (f":{m:02d}" if m else "")


# ------------------------------------------------------------------ words

ROLES = (
    N_("Host: opens the room early, lets people in from the lobby, keeps time and closes "
       "the room at the end."),
    N_("Co-host: opens the breakout rooms, helps people with sound, camera or connection, "
       "and takes over if the host drops out."),
    N_("Chat moderator: reads questions from the chat aloud, posts links and the shared pad, "
       "and watches for people who need help."),
)
INTERPRETER = N_("Interpreter ({language}): interprets on the channel “{channel}”; gets the "
                 "slides in advance and asks for pauses.")
NO_INTERPRETER = N_("Interpreter: none is planned; agree beforehand how people who do not "
                    "share a language will follow.")

TECH_CHECK = (
    N_("Open the room 30 minutes early; test sound, camera and screen sharing with another "
       "facilitator."),
    N_("Check the link, the dial-in number and every interpretation channel from a phone."),
    N_("Prepare the shared pad and every link to post in the chat."),
    N_("Agree on a backup channel and tell people about it at the start, in case the "
       "platform fails."),
    N_("Ask people to rename themselves as they wish to be called (a nickname is fine)."),
)

CONSENT = {
    "none": N_("This session is not recorded. Please do not record it, and do not take "
               "screenshots that show other people's faces or names. What is shared here "
               "stays here. Does anyone have a question about this?"),
    "announced": N_("We will record only the parts we announce, such as the inputs; we will "
                    "say so each time recording starts and stops. Discussions and breakout "
                    "rooms are never recorded. If you do not want to appear, turn off your "
                    "camera and use a nickname. Does anyone object?"),
    "full": N_("This whole session is recorded, and the recording will be used for "
               "political-education material. If you do not want to appear, turn off your "
               "camera and rename yourself now; you can ask us, today or later, to cut what "
               "you said. We will not start until everyone has had the chance to say no. "
               "Does anyone object?"),
}
"""The statement a facilitator reads aloud before starting, by recording policy."""

RECORDING_PLAIN = {
    "none": N_("This session is not recorded."),
    "announced": N_("Only parts announced beforehand are recorded; you will hear when "
                    "recording starts and stops."),
    "full": N_("The whole session is recorded. You may keep your camera off and use a "
               "nickname."),
}
"""The recording policy in plain words, for participants."""
