"""The writer registry: one writer per output kind.

Every writer has one signature, ``write(curriculum, languages, options) -> bytes``,
where ``languages`` is a tuple of one language, or two for bilingual material.
Writers never touch the file system; the build layer writes what they return.
Modules are imported on first use, so the command line starts fast.
"""
from __future__ import annotations

import importlib
from typing import Callable

KINDS = ("slides", "worksheets", "guide", "videos")
"""Every output kind, in build order."""

EXTENSIONS = {"slides": "pptx", "worksheets": "pdf", "guide": "pdf", "videos": "pdf"}

WRITERS: dict[str, str] = {
    "slides": "workshopkit.render.pptx.deck:write",
    "worksheets": "workshopkit.render.pdf.worksheets:write",
    "guide": "workshopkit.render.pdf.guide:write",
    "videos": "workshopkit.render.pdf.handout:write",
}
"""Kinds that have a writer, as 'module:function'."""


def available() -> tuple[str, ...]:
    return tuple(k for k in KINDS if k in WRITERS)


def get(kind: str) -> Callable:
    module, _, func = WRITERS[kind].partition(":")
    return getattr(importlib.import_module(module), func)
