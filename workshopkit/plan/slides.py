"""The deck plan: every slide, its shapes and its speaker notes, as pure data.

Order: title; objectives; agenda; per session a section slide, then each
activity's slides (an activity without authored slides gets one showing its
title, phase and duration; a break gets a break slide); glossary; resources;
credits.  A body too long for one slide continues on "(cont.)" slides.
Every slide but the first carries its number, small, at the bottom right.
Facilitator-only text (notes, steps, materials, wellbeing, opsec) goes into
speaker notes only.  See docs/slides.md.
"""
from __future__ import annotations

from typing import Optional

from workshopkit.model import Activity, Curriculum, Session, Slide
from workshopkit.model.options import Options
from workshopkit.model.settings import Settings
from workshopkit.plan.slides_fit import (LARGE_PT, Bar, Box, Picture, Shape, TextBox, balanced,
                                         columns, flow, picture, sizes, table)
from workshopkit.plan import slides_kinds as kinds
from workshopkit.plan.slides_text import EMU_PER_PT, Line, Para, Span, height, inches, metrics_for
from workshopkit.plan.slides_cover import Covers
from workshopkit.plan.slides_deck import Deck, PlannedSlide
from workshopkit.plan.slides_words import Words
from workshopkit.plan.delivery import join

__all__ = ["Deck", "PlannedSlide", "plan", "slide_ranges", "px", "WIDE", "TALL"]

TITLE_SIZES = (40, 36, 32, 28, 24)
AGENDA_SIZES = (28, 26, 24)
WIDE, TALL = inches(13.333), inches(7.5)
NUMBER_PT = 12
"""Slide numbers: this size, in the muted colour, at the bottom right (the theme's
``slides: {number: bottom-left | bottom-center}`` moves them)."""
NUMBER_W = inches(1.0)


def plan(cur: Curriculum, settings: Settings, languages: tuple[str, ...], options: Options,
         width: int = WIDE, height_: int = TALL) -> Deck:
    """The deck for ``cur``: measured with ``settings.deck_fonts``, with the theme's logo
    (``settings.theme``; greyscale or not, the plan is the same) and the curriculum's
    images from ``settings.images``.

    Several outputs draw the same deck (the .pptx, the slides PDF, the slide handout, the
    guide's slide numbers): the last few plans are kept, keyed by the very curriculum and
    settings objects and by everything else the plan is given. Writers only read a plan."""
    key = (id(cur), id(settings), languages, options, width, height_)
    hit = _RECENT.get(key)
    if hit is not None and hit[0] is cur and hit[1] is settings:
        return hit[2]
    deck = _Planner(cur, settings, languages, options, width, height_).run()
    _RECENT[key] = (cur, settings, deck)  # holding cur and settings keeps their ids unique
    while len(_RECENT) > _KEEP:
        del _RECENT[next(iter(_RECENT))]
    return deck


_KEEP = 4
_RECENT: dict[tuple, tuple[Curriculum, Settings, Deck]] = {}


class _Planner(Covers):
    def __init__(self, cur, settings: Settings, languages, options, width, height_):
        theme = settings.theme
        self.cur, self.options, self.theme, self.images = cur, options, theme, settings.images
        self.w, self.h = width, height_
        self.m = metrics_for(settings.deck_fonts)
        self.t = Words(cur, languages, options)
        self.deck = Deck(width, height_, languages)
        self.lang = languages[0]
        self.current: Optional[tuple[str, str]] = None
        margin = inches(0.6)
        bottom = height_ - inches(0.35) - (inches(0.6) if theme.logo else 0)
        self.margin, self.bottom = margin, bottom
        self.title_area = Box(margin, inches(0.3), width - 2 * margin, inches(1.45))
        top = self.title_area.y + self.title_area.h + inches(0.34)
        self.body = Box(margin, top, width - 2 * margin, bottom - top)
        self.sizes = sizes(theme.text_max_pt)   # body text: grows up to the theme's maximum
        self.settings = settings

    # ------------------------------------------------------------------ structure
    def run(self) -> Deck:
        t, cur = self.t, self.cur
        j = join(cur, self.lang)
        self.cover("title", t.text(cur.title), t.cover_lines(), t.curriculum_notes(),
                   qr=j.url if j else None, join_items=t.join_lines(j))
        if cur.objectives:
            self.content("objectives", t.ui("Objectives"), balanced(
                flow([t.item(t.text(o), bullet=True) for o in cur.objectives], self.body,
                     self.m, self.sizes)))
        self.content("agenda", t.ui("Agenda"), flow(t.agenda(), self.body, self.m, AGENDA_SIZES))
        for n, s in enumerate(cur.sessions, 1):
            self.cover("section", t.text(s.title), t.session_lines(s, n), t.session_notes(s))
            for a in s.activities:
                self.activity(s, a)
        if cur.glossary:
            self.content("glossary", t.ui("Glossary"),
                         flow(t.glossary(), self.body, self.m, sizes(min(32, self.sizes[0]))))
        if cur.resources:
            self.content("resources", t.ui("Resources"),
                         flow(t.resources(), self.body, self.m, sizes(min(28, self.sizes[0]))))
        self.content("credits", t.ui("Credits"), flow(t.credits(), self.body, self.m,
                                                      (LARGE_PT,)))
        return self.deck

    def activity(self, s: Session, a: Activity) -> None:
        self.current = (s.id, a.id)
        self._activity(s, a)
        self.current = None

    def _activity(self, s: Session, a: Activity) -> None:
        t = self.t
        notes = t.activity_notes(s, a)
        if a.is_break:
            title = t.text(a.title) if a.title else t.ui("Break")
            self.cover("break", title, t.activity_lines(a), notes)
            return
        if not a.slides:
            self.cover("activity", t.text(a.title), t.activity_lines(a), notes)
            return
        for i, sl in enumerate(a.slides):
            own = t.slide_notes(sl, a)
            self.authored(a, sl, (own + notes) if i == 0 else own, first=i == 0)

    def authored(self, a: Activity, sl: Slide, notes: list[Line], first: bool = False) -> None:
        t, kind = self.t, sl.kind
        title = t.text(sl.title) if sl.title else None
        icon = kinds.icon(self, sl)
        if kind == "title":  # the activity's first slide says when it is, as one without slides
            self.cover("title-only", title or t.text(a.title),
                       t.activity_lines(a) if first else [], notes, icon=icon)
            return
        if kind in ("statement", "question") and title is None:
            for i, (box, shapes) in enumerate(kinds.big(self, sl, icon)):
                self.add(PlannedSlide(kind, box, shapes + self.logo(),
                                      list(notes) if i == 0 else [], i))
            return
        body = self.body
        if icon is not None and kind in kinds.BESIDE:
            body, icon = kinds.beside(self, body, icon)
        if kind == "bullets":
            bodies = balanced(flow([t.item(t.text(b), bullet=True) for b in sl.bullets], body,
                                   self.m, self.sizes))
        elif kind == "quote":
            bodies = flow(t.quote(sl.quote), body, self.m, sizes(max(32, self.sizes[0])),
                          anchor="ctr")
        elif kind in ("statement", "question"):
            bodies = kinds.big_body(self, sl, body)
        elif kind == "columns":
            left, right = (list(c) for c in (sl.columns + [[], []])[:2])
            bodies = balanced(columns([t.item(t.text(b), bullet=True) for b in left],
                                      [t.item(t.text(b), bullet=True) for b in right], body,
                                      self.m, self.sizes))
        elif kind == "table":
            bodies = table([t.item(t.text(c), bold=True) for c in sl.table.columns],
                           [[t.item(t.text(c)) for c in r] for r in sl.table.rows],
                           body, self.m, sizes(min(32, self.sizes[0]), 18))
        elif kind == "comparison":
            cat = self.cur.comparison(sl)
            head, rows = t.comparison(cat)
            bodies = table(head, rows, body, self.m, sizes(min(32, self.sizes[0]), 18))
            if title is None and cat is not None and cat.title is not None:
                title = t.text(cat.title)
        elif kind == "image":
            img = sl.image
            bodies = [picture(self.images[img.path(t.lang)], t.plain(img.alt), body,
                              t.image_caption(img), self.m)]
        else:  # video
            title, bodies = kinds.video_body(self, sl, title, body)
        self.content(kind, title or t.text(a.title), bodies, notes, icon)

    # ------------------------------------------------------------------ slide shapes
    def content(self, kind: str, title: list[str], bodies: list[list[Shape]],
                notes: list[Line] = (), icon=None) -> None:
        top = None
        area = self.title_area
        corner: list[Shape] = []
        if icon is not None and not isinstance(icon, list):  # beside the title
            area, corner = kinds.corner(self, icon)
        elif icon is not None:  # already placed beside the body
            corner = icon
        for i, shapes in enumerate(bodies):
            words = title if i == 0 else self.t.cont(title)
            box, grow = self.title_box(words, area, TITLE_SIZES, "b", "l", top)
            top = top or box.paras[0].size_pt
            if grow:  # an extremely long title pushes the body down
                shapes = [self.shift(s, grow) for s in shapes]
            bar = Bar(self.margin + inches(0.1), box.y + box.h + inches(0.06), inches(1.6),
                      inches(0.08))
            glyphs = [self.shift(g, grow) if grow and g.y >= self.body.y else g for g in corner]
            self.add(PlannedSlide(kind, box, [bar] + shapes + glyphs + self.logo(),
                                  list(notes) if i == 0 else [], i))

    def shift(self, s: Shape, dy: int) -> Shape:
        from dataclasses import replace
        new_h = max(s.h - dy, 0) if isinstance(s, TextBox) else s.h
        return replace(s, y=s.y + dy, h=new_h)

    def logo(self) -> list[Shape]:
        logo = self.theme.logo
        if logo is None:
            return []
        pw, ph = logo.width, logo.height
        h = inches(0.45)
        w = min(int(h * pw / ph), inches(2.5))
        h = int(w * ph / pw)
        return [Picture(self.w - self.margin - w, self.h - inches(0.2) - h, w, h,
                        self.t.first_ui("Logo"), image=logo)]

    def add(self, slide: PlannedSlide) -> None:
        slide.activity = self.current
        if self.deck.slides:
            slide.number = self.number(len(self.deck.slides) + 1)
        self.deck.slides.append(slide)

    def number(self, n: int) -> TextBox:
        """Slide ``n``'s number in the bottom margin, left of the logo if there is one."""
        place = self.theme.number_place
        align = {"bottom-left": "l", "bottom-center": "ctr"}.get(place, "r")
        line = Line((Span(str(n)),), self.lang, role="muted", align=align, space_before=0)
        para = Para(line, NUMBER_PT, 1, 0, first=True)
        h = height([para])
        if place == "bottom-left":
            x = self.margin
        elif place == "bottom-center":
            x = (self.w - NUMBER_W) // 2
        else:
            right = self.w - self.margin
            logo = self.logo()
            if logo:
                right = logo[0].x - inches(0.15)
            x = right - NUMBER_W
        return TextBox(x, self.h - inches(0.05) - h, NUMBER_W, h, [para], "b", role="number")


def slide_ranges(deck: Deck) -> dict[tuple[str, str], tuple[int, int]]:
    """(session id, activity id) -> the numbers of its first and last slides."""
    out: dict[tuple[str, str], tuple[int, int]] = {}
    for n, s in enumerate(deck.slides, 1):
        if s.activity is not None:
            out[s.activity] = (out.get(s.activity, (n, n))[0], n)
    return out


def px(emu: int) -> float:
    """EMU to points (for reports and tests)."""
    return emu / EMU_PER_PT
