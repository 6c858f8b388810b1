"""Slide kinds for the room: statements, questions, icons, and video slides.

``statement:`` and ``question:`` without a ``title:`` fill the slide: the text
is the slide's title (what screen readers and outlines read), as large as the
slide allows, centred, a question with wider margins around it; a statement's
``source`` sits under it.  With a ``title:`` they are the body under it.
``icon:`` stands beside a short body (bullets, quotes, statements, questions),
under the bar of a title-only slide, or beside the title of any other slide.
"""
from __future__ import annotations

import functools
from dataclasses import replace
from typing import Any, Optional

from workshopkit.model import Slide
from workshopkit.plan import icons
from workshopkit.plan.slides_fit import (LARGE_PT, Box, Glyph, Shape, TextBox, flow, sizes,
                                         video)
from workshopkit.plan.slides_paging import fit
from workshopkit.plan.slides_text import height, inches

_Planner = Any
"""The deck planner (workshopkit.plan.slides), passed in: its areas, words and metrics."""
STATEMENT_SIZES = sizes(60)
QUESTION_SIZES = sizes(54)
BESIDE = ("bullets", "quote", "statement", "question")
"""Bodies an icon stands beside (other slides carry it beside their title)."""
BESIDE_SIDE = inches(2.4)
CORNER_SIDE = inches(1.1)
UNDER_SIDE = inches(1.4)
BIG_SIDE = inches(2.6)
GAP = inches(0.4)


@functools.lru_cache(maxsize=128)
def _outline(svg: str) -> tuple:
    return icons.parse(svg)


def icon(p: _Planner, sl: Slide) -> Optional[Glyph]:
    """The slide's icon, unplaced (its outline and localised alt text), or None."""
    if sl.icon is None or sl.icon not in p.settings.icons:
        return None
    return Glyph(0, 0, 0, 0, _outline(p.settings.icons[sl.icon]),
                 p.t.icon_label(icons.label(sl.icon)))


def beside(p: _Planner, body: Box, g: Glyph) -> tuple[Box, list[Shape]]:
    """The icon at the right of the body area, centred; the narrower body."""
    side = min(BESIDE_SIDE, int(body.h * 0.6))
    placed = replace(g, x=body.x + body.w - side, y=body.y + (body.h - side) // 2, w=side, h=side)
    return Box(body.x, body.y, body.w - side - GAP, body.h), [placed]


def corner(p: _Planner, g: Glyph) -> tuple[Box, list[Shape]]:
    """The icon at the right of the title area; the narrower title area."""
    ta = p.title_area
    placed = replace(g, x=ta.x + ta.w - CORNER_SIDE, y=ta.y + ta.h - CORNER_SIDE - inches(0.05),
                     w=CORNER_SIDE, h=CORNER_SIDE)
    return Box(ta.x, ta.y, ta.w - CORNER_SIDE - inches(0.25), ta.h), [placed]


def under(p: _Planner, g: Glyph, top: int) -> tuple[list[Shape], int]:
    """The icon centred from ``top`` (a cover slide, under its bar); where the text resumes."""
    placed = replace(g, x=(p.w - UNDER_SIDE) // 2, y=top, w=UNDER_SIDE, h=UNDER_SIDE)
    return [placed], top + UNDER_SIDE + inches(0.2)


def _items(p: _Planner, sl: Slide):
    if sl.statement is not None:
        return p.t.statement(sl.statement), STATEMENT_SIZES
    return p.t.question(sl.question), QUESTION_SIZES


def _source(p: _Planner, sl: Slide, area: Box) -> tuple[Box, list[Shape]]:
    """A statement's source at the foot of ``area``; the area left above it."""
    if sl.statement is None or sl.source is None:
        return area, []
    f = fit(p.t.source(sl.source), area.w, area.h // 3, p.m, (LARGE_PT,))
    paras = [q for c in f.chunks for q in c]
    h = height(paras)
    box = TextBox(area.x, area.y + area.h - h, area.w, h, paras)
    return Box(area.x, area.y, area.w, area.h - h - inches(0.2)), [box]


def big(p: _Planner, sl: Slide, g: Optional[Glyph]) -> list[tuple[TextBox, list[Shape]]]:
    """A statement or question without a title: the text is the title, filling the slide
    (one (title, other shapes) per slide: a very long text continues)."""
    pad = inches(0.6) if sl.question is not None else 0
    top = inches(0.45)
    area = Box(p.margin + pad, top, p.w - 2 * (p.margin + pad), p.bottom - top)
    glyphs: list[Shape] = []
    if g is not None:
        side = min(BIG_SIDE, area.h // 2)
        glyphs = [replace(g, x=area.x, y=area.y + (area.h - side) // 2, w=side, h=side)]
        area = Box(area.x + side + GAP, area.y, area.w - side - GAP, area.h)
    area, source = _source(p, sl, area)
    items, sizes_ = _items(p, sl)
    chunks = fit(items, area.w, area.h, p.m, sizes_).chunks
    return [(TextBox(area.x, area.y, area.w, area.h, paras, "ctr", True),
             glyphs + (source if i == len(chunks) - 1 else []))
            for i, paras in enumerate(chunks)]


def big_body(p: _Planner, sl: Slide, body: Box) -> list[list[Shape]]:
    """A statement or question under an authored title."""
    area, source = _source(p, sl, body)
    items, sizes_ = _items(p, sl)
    bodies = flow(items, area, p.m, tuple(s for s in sizes_ if s <= 48), anchor="ctr")
    bodies[-1] = bodies[-1] + source
    return bodies


def video_body(p: _Planner, sl: Slide, title, body: Box):
    """A video slide's title and bodies: a QR code for each distinct URL its languages
    watch (labelled with the language when there are several), the details beside."""
    t = p.t
    v = p.cur.videos[sl.video]
    lines = t.video_lines(v)
    if title is None and v.title is not None:
        title, lines = t.text(v.title), lines[1:]  # the title says it already
    urls = t.video_urls(v)
    codes = [(url, t.qr_descr(url), t.qr_label(lang) if len(urls) > 1 else [])
             for lang, url in urls]
    return title, video(codes, lines, body, p.m)
