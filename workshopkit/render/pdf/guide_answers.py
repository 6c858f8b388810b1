"""The answer key the facilitator guide prints under an activity.

Each ``choice`` item with an ``answer`` gives its question and, ticked, the text of
each right option in every language of the guide.  Only the guide calls this:
participant material never shows an answer.
"""
from __future__ import annotations

from reportlab.platypus import Spacer

from workshopkit.model import Activity
from workshopkit.render.pdf import base as pb
from workshopkit.render.pdf.blocks import Ctx
from workshopkit.render.pdf.guide_front import bullet

MARK = "✓"
"""The mark before a right option."""


def answer_key(ctx: Ctx, a: Activity) -> list[list]:
    """The key's units (one per choice with an answer), for ``keep_list``; empty: no key."""
    units = []
    for item in a.worksheet:
        ch = item.choice
        if ch is None or not ch.answer:
            continue
        block = ctx.t(ch.prompt, "body", "second") if ch.prompt else []
        for n in ch.answer:
            block += bullet(ctx, ch.options[n - 1], MARK)
        units.append([pb.Together(block), Spacer(1, 3)])
    return units
