"""Cover slides of the deck plan: title, section, break and title-only slides, a big
centred title over an accent bar with the lines beneath (and, for an online or hybrid
workshop, the meeting's QR code on the title slide); and fitting a title to its box.
A mixin of the planner in :mod:`workshopkit.plan.slides` (``w``, ``margin``, ``bottom``,
``m``, ``t``, ``logo`` and ``add`` come from it)."""
from __future__ import annotations

from typing import Optional

from workshopkit.plan import slides_kinds as kinds
from workshopkit.plan.slides_deck import PlannedSlide
from workshopkit.plan.slides_fit import Bar, Box, Picture, Shape, TextBox, flow
from workshopkit.plan.slides_paging import whole_sizes
from workshopkit.plan.slides_text import (EMU_PER_PT, INSET_X, WIDTH_SAFETY, Item, Line, height,
                                          inches, layout, whole, wrap)

COVER_SIZES = (44, 40, 36, 32, 28, 24)
SHRINK = 0.8
"""A title shrinks to this share of its size to save a line before it wraps."""
COVER_BODY_SIZES = (28, 26, 24, 22, 20)
"""Subtitles on cover slides (their metadata lines are Words.META of this); the title
slide's summary may go below LARGE_PT (to 20 pt) to stay one slide."""
QR_SIDE = inches(1.5)
"""The meeting's QR code on the title slide of an online or hybrid workshop."""
JOIN_GAP = inches(0.3)
"""Between the meeting's QR code and the lines beside it."""
COVER_SHRINK_TO = 28
"""A cover title shrinks down to this size rather than push its subtitle onto a
second slide."""


class Covers:
    """Cover slides and title boxes."""

    def cover(self, kind: str, title: list[str], lines: list[Item], notes: list[Line],
              qr: Optional[str] = None, join_items: list[Item] = (), icon=None) -> None:
        """Title, section, break and single-title slides: a big centred title; ``qr``: a
        meeting URL whose code stands at the bottom, ``join_items`` beside it (the title
        slide of an online or hybrid workshop); ``icon`` centred under the bar."""
        area = Box(self.margin, inches(0.6), self.w - 2 * self.margin, inches(2.6))
        first = None
        for cap in (None,) + tuple(s for s in COVER_SIZES if s >= COVER_SHRINK_TO):
            # a long title and summary: a smaller title before a second slide
            box, grow = self.title_box(title, area, COVER_SIZES, "b", "ctr", cap)
            if not grow:  # a short title leaves more room for what follows it
                box.h = max(box.measured, inches(1.9) if cap is None else 0)
            bar_w = inches(2.2)
            bar = Bar((self.w - bar_w) // 2, box.y + box.h + inches(0.12), bar_w, inches(0.08))
            top = bar.y + bar.h + inches(0.35)
            glyphs: list[Shape] = []
            if icon is not None:  # centred under the bar, the lines below it
                glyphs, top = kinds.under(self, icon, top)
            body = Box(self.margin, top, self.w - 2 * self.margin, self.bottom - top)
            code: list[Shape] = []
            if qr is not None:  # a row at the bottom: the code, the join lines beside it
                side = min(body.h // 2, QR_SIDE)
                row_y = body.y + body.h - side
                left, text_w = self.join_row(join_items, body, side)
                code = [Picture(left, row_y, side, side, self.t.qr_descr(qr), qr=qr)]
                beside = Box(left + side + JOIN_GAP, row_y, text_w, side)
                code += flow(join_items, beside, self.m, COVER_BODY_SIZES, anchor="ctr")[0]
                body = Box(body.x, body.y, body.w, body.h - side - inches(0.15))
            bodies = flow(lines, body, self.m, COVER_BODY_SIZES)
            if code:
                bodies[0] = bodies[0] + code
            first = first or (box, bar, bodies, glyphs)
            if len(bodies) == 1:
                break
        else:
            box, bar, bodies, glyphs = first
        for i, shapes in enumerate(bodies):
            words = title if i == 0 else self.t.cont(title)
            above = Box(area.x, area.y, area.w, box.h)  # a "(cont.)" title stays above the bar
            tb = box if i == 0 else self.title_box(words, above, COVER_SIZES, "b", "ctr",
                                                   box.paras[0].size_pt)[0]
            self.add(PlannedSlide(kind, tb, [bar] + glyphs + shapes + self.logo(),
                                  list(notes) if i == 0 else [], i))

    def join_row(self, items: list[Item], body: Box, side: int) -> tuple[int, int]:
        """(left edge, width of the lines beside it) of the join row's code: the code left
        of the middle, its lines right of it; unless a line (the meeting's URL) would not
        fit there whole: then the code and lines are one row centred, the lines as wide
        as their longest (wrapped) line."""
        half = body.x + body.w // 2
        text_w = body.x + body.w - half - JOIN_GAP // 2
        if not items or whole(items, COVER_BODY_SIZES[-1], text_w, self.m):
            return half - side - JOIN_GAP // 2, text_w
        room = body.w - side - JOIN_GAP
        size = whole_sizes(items, room, self.m, COVER_BODY_SIZES)[0]
        need = max(sum(self.m.width_em(t.rstrip() if k == len(row) - 1 else t, st)
                       for k, (t, st) in enumerate(row)) * p.size_pt
                   for it in layout(items, size, room, self.m) for p in it
                   for row in wrap(p.line, p.size_pt, p.wrap_pt, self.m, p.safety, p.start_pt))
        text_w = min(room, int((need / WIDTH_SAFETY + 2) * EMU_PER_PT) + 2 * INSET_X)
        return body.x + (body.w - side - JOIN_GAP - text_w) // 2, text_w

    def title_box(self, words: list[str], area: Box, sizes, anchor: str, align: str,
                  top: float | None = None):
        """The title at the largest size that fits ``area``, shrunk by up to
        SHRINK of ``top`` (the first size, or the first slide's title size) when
        that saves a line; a title too long for any size grows the box."""
        item = self.t.item(words, role="title", bold=True, align=align, space_before=0.1)
        top = top or sizes[0]
        tried = [(s, layout([item], s, area.w, self.m)[0]) for s in sizes if s <= top]
        tried = [(s, p) for s, p in tried if all(x.whole for x in p)] or tried  # words whole
        fitting = [(s, paras) for s, paras in tried if height(paras) <= area.h]
        if not fitting:
            paras = tried[-1][1]
            need = height(paras)
            return TextBox(area.x, area.y, area.w, need, paras, anchor, True), need - area.h
        near = [(s, paras) for s, paras in fitting if s >= SHRINK * top] or fitting[:1]
        fewest = min(paras[0].lines for _, paras in near)
        size, paras = next((s, p) for s, p in near if p[0].lines == fewest)
        return TextBox(area.x, area.y, area.w, area.h, paras, anchor, True), 0

