"""Online delivery in the model: the ``online`` block that holds for a session."""
from __future__ import annotations

from dataclasses import replace
from typing import Optional

from workshopkit.model import Curriculum, Online, Session


def merged(base: Optional[Online], own: Optional[Online]) -> Optional[Online]:
    """A session's ``online``: the keys it writes, over the curriculum's (a session that
    names another meeting ``url`` does not take the curriculum's ``dial_in``)."""
    if own is None or base is None:
        return own or base
    over = {k: getattr(own, k) for k in own.keys}
    if "url" in own.keys and "dial_in" not in own.keys:
        over["dial_in"] = None  # a dial-in number and PIN belong to the meeting they call
    return replace(base, pos=own.pos, keys=base.keys | own.keys, at={**base.at, **own.at},
                   zones={**base.zones, **own.zones}, **over)


def session_online(cur: Curriculum, s: Session) -> Optional[Online]:
    """How people join session ``s`` (None: it has no online block, nor has the curriculum)."""
    return merged(cur.online, s.online)
