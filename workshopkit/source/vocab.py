"""The words of the curriculum format, declared once.

The spec (:mod:`workshopkit.source.spec`) builds its records from these; the
model, the planners and the interface names import them from here.  A table
of display names keyed by one of these vocabularies is built with
:func:`table`, which refuses a table that misses or adds a word.
"""
from __future__ import annotations

from typing import TypeVar

PHASES = ("activity", "discussion", "input", "deepening", "synthesis")
"""ADIDS phases of an activity, in teaching order."""

LEVELS = ("intro", "intermediate", "advanced")
"""A curriculum's ``level``."""

SLIDE_BODIES = ("bullets", "image", "video", "quote", "table", "columns", "comparison",
                "statement", "question")
"""The keys of a slide's body; a slide has at most one (none: a title slide)."""

TITLE_SLIDE = "title"
"""The kind of a slide that has no body."""

WORKSHEET_KINDS = ("prompt", "checklist", "choice", "table", "risk_matrix", "case_study",
                   "comparison", "text", "image")
"""The keys of a worksheet item's body; an item has exactly one."""

ICON_FILES = {
    "camera": "device-cctv",
    "eye": "eye",
    "eye-off": "eye-off",
    "face-recognition": "face-id",
    "fingerprint": "fingerprint",
    "police": "urgent",
    "spy": "spy",
    "phone": "device-mobile",
    "laptop": "device-laptop",
    "server": "server",
    "cloud": "cloud",
    "database": "database",
    "wifi": "wifi",
    "cell-tower": "building-broadcast-tower",
    "printer": "printer",
    "qr-code": "qrcode",
    "link": "link",
    "code": "code",
    "open-source": "brand-open-source",
    "lock": "lock",
    "unlock": "lock-open",
    "key": "key",
    "password": "password",
    "shield": "shield",
    "verified": "shield-check",
    "encrypted": "shield-lock",
    "warning": "alert-triangle",
    "stop": "hand-stop",
    "person": "user",
    "people": "users",
    "group": "users-group",
    "community": "building-community",
    "care": "heart-handshake",
    "chat": "messages",
    "email": "mail",
    "video-call": "video",
    "microphone": "microphone",
    "headphones": "headphones",
    "language": "language",
    "megaphone": "speakerphone",
    "news": "news",
    "map": "map",
    "location": "map-pin",
    "route": "route",
    "walk": "walk",
    "car": "car",
    "barrier": "barrier-block",
    "world": "world",
    "home": "home",
    "school": "school",
    "bank": "building-bank",
    "document": "file-text",
    "id-card": "id",
    "money": "cash",
    "coin": "coin",
    "law": "scale",
    "court": "gavel",
    "question": "help",
    "idea": "bulb",
    "checklist": "checklist",
    "calendar": "calendar",
    "clock": "clock",
    "first-aid": "first-aid-kit",
    "support": "lifebuoy",
}
"""The names of the shipped icons (``icon:`` on slides) and the Tabler file each draws
(``workshopkit/assets/icons/<file>.svg``); labels live in :mod:`workshopkit.plan.icons`."""

CATALOG_FIELDS = ("need", "free", "hosted_by", "free_license", "commercial",
                  "commercial_license", "notes")
"""The fields of a catalogue row (a comparison's columns), in column order."""

DELIVERIES = ("in-person", "online", "hybrid")
"""How a workshop is delivered (``delivery``); a build may override it."""

PLATFORMS = ("jitsi", "bigbluebutton", "other")
"""The meeting platform of ``online``."""

RECORDINGS = ("none", "announced", "full")
"""An online session's recording policy (``online.recording``)."""

V = TypeVar("V")


def table(words: tuple[str, ...], **entries: V) -> dict[str, V]:
    """``entries`` in the order of ``words``; refuses a table that does not cover them exactly."""
    if set(entries) != set(words):
        missing = [w for w in words if w not in entries]
        extra = [k for k in entries if k not in words]
        raise ValueError(f"table does not match its vocabulary (missing {missing}, extra {extra})")
    return {w: entries[w] for w in words}
