"""IANA time zones, checked at load time through ``zoneinfo`` (with the ``tzdata``
package where the system has no zone database)."""
from __future__ import annotations

import difflib
import functools
import zoneinfo
from typing import Optional


@functools.lru_cache(maxsize=1)
def known() -> frozenset[str]:
    return frozenset(zoneinfo.available_timezones())


def zone(name: str) -> zoneinfo.ZoneInfo:
    """The zone ``name`` (checked by :func:`problem` first)."""
    return zoneinfo.ZoneInfo(name)


@functools.lru_cache(maxsize=512)
def problem(name: str) -> Optional[str]:
    """What is wrong with time zone ``name``, or None when zoneinfo knows it."""
    try:
        if "/" in name or name in known() or name == "UTC":
            zoneinfo.ZoneInfo(name)
            return None
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        pass
    close = difflib.get_close_matches(name, sorted(known()), n=1, cutoff=0.6)
    if not close:  # a city alone: America/Mexico_City for 'Mexico City'
        city = name.replace(" ", "_").lower()
        close = [z for z in sorted(known()) if z.lower().rsplit("/", 1)[-1] == city][:1]
    hint = f"; did you mean '{close[0]}'?" if close else \
        " (IANA names such as America/Mexico_City or Europe/Madrid)"
    return f"unknown time zone '{name}'{hint}"
