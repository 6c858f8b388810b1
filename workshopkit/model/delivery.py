"""Online and hybrid delivery in the model: how to join (``online`` on a curriculum or
session) and an activity's online variant (FORMAT.md, "Online and hybrid delivery")."""
from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field
from typing import Optional

from workshopkit.errors import Pos
from workshopkit.model.links import Url
from workshopkit.model.text import Text


@dataclass
class DialIn:
    pos: Pos
    number: str
    pin: Optional[str] = None


@dataclass
class Online:
    """``online``: how to join an online or hybrid workshop (curriculum or session)."""

    pos: Pos
    platform: str = "other"
    url: Optional[Url] = None
    dial_in: Optional[DialIn] = None
    interpretation: dict[str, Text] = field(default_factory=dict)  # listened lang -> channel
    recording: str = "none"
    timezones: tuple[str, ...] = ()   # IANA names; clock times are written in the first
    keys: frozenset[str] = frozenset()  # the keys written (a session's override only these)
    at: dict[str, Pos] = field(default_factory=dict, repr=False, compare=False)  # key -> value
    zones: dict[str, _dt.tzinfo] = field(default_factory=dict, repr=False, compare=False)
    """The time zones, read at load time (zoneinfo): planners convert with them."""


@dataclass
class ActivityOnline:
    """An activity's ``online`` variant: used instead of (online) or beside (hybrid) it."""

    pos: Pos
    steps: list[Text] = field(default_factory=list)
    minutes: Optional[int] = None
    breakout: Optional[int] = None    # people per breakout room
    notes: Optional[Text] = None      # facilitator only
    tools: list[Text] = field(default_factory=list)
    at: dict[str, Pos] = field(default_factory=dict, repr=False, compare=False)  # key -> value
