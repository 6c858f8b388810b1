"""The builders of the online-delivery records (``online``, ``dial_in``, an activity's
``online``): typed fields in, model objects out, as in :mod:`workshopkit.source.records`."""
from __future__ import annotations

from typing import Any, Callable, Optional

from workshopkit.model import ActivityOnline, DialIn, Online
from workshopkit.source import online as online_checks
from workshopkit.source.fields import Context, Fields
from workshopkit.source.zones import zone


def online(f: Fields, c: Context) -> Online:
    o = Online(f.pos, keys=frozenset(f.keys), at=dict(f.at), **f.attrs())
    o.timezones = tuple(o.timezones)
    o.zones = {z: zone(z) for z in o.timezones}
    if len(set(o.timezones)) != len(o.timezones):
        c.problems.error(f.at["timezones"], "a time zone is listed twice")
    online_checks.check_room(o, c.problems)
    return o


def dial_in(f: Fields, c: Context) -> Optional[DialIn]:
    if not f.has("number") or not online_checks.check_dial_in(
            str(f.values["number"]), f.at["number"], c.problems):
        return None
    return DialIn(f.pos, str(f.values["number"]).strip(),
                  str(f.values["pin"]).strip() if "pin" in f.values else None)


def activity_online(f: Fields, c: Context) -> ActivityOnline:
    if "duration" in f.values and f.values["duration"] <= 0:
        c.problems.error(f.at["duration"], "an activity lasts at least one minute")
    return ActivityOnline(f.pos, at=dict(f.at), **f.attrs({"duration": "minutes"}))


ONLINE_BUILDERS: dict[str, Callable[[Fields, Context], Any]] = {
    "online": online, "dial_in": dial_in, "activity_online": activity_online}
