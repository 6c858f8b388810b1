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

SLIDE_BODIES = ("bullets", "image", "video", "quote", "table", "columns", "comparison")
"""The keys of a slide's body; a slide has at most one (none: a title slide)."""

TITLE_SLIDE = "title"
"""The kind of a slide that has no body."""

WORKSHEET_KINDS = ("prompt", "checklist", "choice", "table", "risk_matrix", "case_study",
                   "comparison", "text", "image", "survey")
"""The keys of a worksheet item's body; an item has exactly one."""

QUESTION_KINDS = ("options", "scale", "number", "text")
"""The keys of a survey question's body; a question has exactly one."""

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
