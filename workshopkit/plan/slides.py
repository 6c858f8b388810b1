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

from dataclasses import dataclass, field
from typing import Optional

from workshopkit.model import Activity, Curriculum, Session, Slide
from workshopkit.model.options import Options
from workshopkit.model.settings import Settings
from workshopkit.plan.slides_fit import (Bar, Box, Picture, Shape, TextBox, columns, flow, picture,
                                         table, video)
from workshopkit.plan.slides_text import (EMU_PER_PT, Item, Line, Para, Span, height, inches,
                                          layout, metrics_for)
from workshopkit.plan.slides_words import Words
from workshopkit.plan.delivery import join

TITLE_SIZES = (40, 36, 32, 28, 24)
COVER_SIZES = (44, 40, 36, 32, 28, 24)
SHRINK = 0.8
"""A title shrinks to this share of its size to save a line before it wraps."""
AGENDA_SIZES = (24, 22, 20, 18)
COVER_BODY_SIZES = (28, 26, 24, 22, 20)
QR_SIDE = inches(1.5)
"""The meeting's QR code on the title slide of an online or hybrid workshop."""
COVER_SHRINK_TO = 28
"""A cover title shrinks down to this size rather than push its subtitle onto a
second slide."""
"""Subtitles on cover slides; their metadata lines are Words.META of this."""
WIDE, TALL = inches(13.333), inches(7.5)
NUMBER_PT = 12
"""Slide numbers: this size, in the muted colour, right-aligned at the bottom right."""
NUMBER_W = inches(1.0)


@dataclass
class PlannedSlide:
    kind: str                   # title | objectives | agenda | section | activity | break |
    title: TextBox              # a slide body kind | glossary | resources | credits
    shapes: list[Shape] = field(default_factory=list)
    notes: list[Line] = field(default_factory=list)
    continued: int = 0          # 0 on a first slide, 1, 2... on "(cont.)" slides
    number: Optional[TextBox] = None   # the slide's number (none on the title slide)
    activity: Optional[tuple[str, str]] = None  # (session id, activity id) it belongs to

    def boxes(self) -> list[Shape]:
        return [self.title] + self.shapes + ([self.number] if self.number else [])


@dataclass
class Deck:
    width: int
    height: int
    languages: tuple[str, ...]
    slides: list[PlannedSlide] = field(default_factory=list)


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


class _Planner:
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

    # ------------------------------------------------------------------ structure
    def run(self) -> Deck:
        t, cur = self.t, self.cur
        j = join(cur, self.lang)
        self.cover("title", t.text(cur.title), t.cover_lines(), t.curriculum_notes(),
                   qr=j.url if j else None, join_items=t.join_lines(j))
        if cur.objectives:
            self.content("objectives", t.ui("Objectives"),
                         flow([t.item(t.text(o), bullet=True) for o in cur.objectives],
                              self.body, self.m))
        self.content("agenda", t.ui("Agenda"), flow(t.agenda(), self.body, self.m, AGENDA_SIZES))
        for n, s in enumerate(cur.sessions, 1):
            self.cover("section", t.text(s.title), t.session_lines(s, n), t.session_notes(s))
            for a in s.activities:
                self.activity(s, a)
        if cur.glossary:
            self.content("glossary", t.ui("Glossary"), flow(t.glossary(), self.body, self.m))
        if cur.resources:
            self.content("resources", t.ui("Resources"), flow(t.resources(), self.body, self.m))
        self.content("credits", t.ui("Credits"), flow(t.credits(), self.body, self.m,
                                                      (24, 22, 20, 18)))
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
            self.authored(a, sl, (t.slide_notes(sl) + notes) if i == 0 else t.slide_notes(sl))

    def authored(self, a: Activity, sl: Slide, notes: list[Line]) -> None:
        t, kind = self.t, sl.kind
        title = t.text(sl.title) if sl.title else None
        if kind == "title":
            self.cover("title-only", title or t.text(a.title), [], notes)
            return
        if kind == "bullets":
            bodies = flow([t.item(t.text(b), bullet=True) for b in sl.bullets], self.body, self.m)
        elif kind == "quote":
            bodies = flow(t.quote(sl.quote), self.body, self.m, (32, 28, 26, 24, 22, 20),
                          anchor="ctr")
        elif kind == "columns":
            left, right = (list(c) for c in (sl.columns + [[], []])[:2])
            bodies = columns([t.item(t.text(b), bullet=True) for b in left],
                             [t.item(t.text(b), bullet=True) for b in right], self.body, self.m)
        elif kind == "table":
            bodies = table([t.item(t.text(c), bold=True) for c in sl.table.columns],
                           [[t.item(t.text(c)) for c in r] for r in sl.table.rows],
                           self.body, self.m)
        elif kind == "comparison":
            cat = self.cur.comparison(sl)
            head, rows = t.comparison(cat)
            bodies = table(head, rows, self.body, self.m)
            if title is None and cat is not None and cat.title is not None:
                title = t.text(cat.title)
        elif kind == "image":
            img = sl.image
            bodies = [picture(self.images[img.path(t.lang)], t.plain(img.alt), self.body,
                              t.image_caption(img), self.m)]
        else:  # video
            v = self.cur.videos[sl.video]
            url = v.url.get(t.lang)
            lines = t.video_lines(v)
            if title is None and v.title is not None:
                title, lines = t.text(v.title), lines[1:]  # the title says it already
            bodies = [video(url, t.qr_descr(url), lines, self.body, self.m)]
        self.content(kind, title or t.text(a.title), bodies, notes)

    # ------------------------------------------------------------------ slide shapes
    def content(self, kind: str, title: list[str], bodies: list[list[Shape]],
                notes: list[Line] = ()) -> None:
        top = None
        for i, shapes in enumerate(bodies):
            words = title if i == 0 else self.t.cont(title)
            box, grow = self.title_box(words, self.title_area, TITLE_SIZES, "b", "l", top)
            top = top or box.paras[0].size_pt
            if grow:  # an extremely long title pushes the body down
                shapes = [self.shift(s, grow) for s in shapes]
            bar = Bar(self.margin + inches(0.1), box.y + box.h + inches(0.06), inches(1.6),
                      inches(0.08))
            self.add(PlannedSlide(kind, box, [bar] + shapes + self.logo(),
                                  list(notes) if i == 0 else [], i))

    def cover(self, kind: str, title: list[str], lines: list[Item], notes: list[Line],
              qr: Optional[str] = None, join_items: list[Item] = ()) -> None:
        """Title, section, break and single-title slides: a big centred title; ``qr``: a
        meeting URL whose code stands at the bottom, ``join_items`` beside it (the title
        slide of an online or hybrid workshop)."""
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
            body = Box(self.margin, top, self.w - 2 * self.margin, self.bottom - top)
            code: list[Shape] = []
            if qr is not None:  # a row at the bottom: the code, the join lines beside it
                side = min(body.h // 2, QR_SIDE)
                gap = inches(0.3)
                row_y = body.y + body.h - side
                half = body.x + body.w // 2
                code = [Picture(half - side - gap // 2, row_y, side, side,
                                self.t.qr_descr(qr), qr=qr)]
                beside = Box(half + gap // 2, row_y, body.x + body.w - half - gap // 2, side)
                code += flow(join_items, beside, self.m, COVER_BODY_SIZES, anchor="ctr")[0]
                body = Box(body.x, body.y, body.w, body.h - side - inches(0.15))
            bodies = flow(lines, body, self.m, COVER_BODY_SIZES)
            if code:
                bodies[0] = bodies[0] + code
            first = first or (box, bar, bodies)
            if len(bodies) == 1:
                break
        else:
            box, bar, bodies = first
        for i, shapes in enumerate(bodies):
            words = title if i == 0 else self.t.cont(title)
            tb = box if i == 0 else self.title_box(words, area, COVER_SIZES, "b", "ctr",
                                                   box.paras[0].size_pt)[0]
            self.add(PlannedSlide(kind, tb, [bar] + shapes + self.logo(),
                                  list(notes) if i == 0 else [], i))

    def title_box(self, words: list[str], area: Box, sizes, anchor: str, align: str,
                  top: float | None = None):
        """The title at the largest size that fits ``area``, shrunk by up to
        SHRINK of ``top`` (the first size, or the first slide's title size) when
        that saves a line; a title too long for any size grows the box."""
        item = self.t.item(words, role="title", bold=True, align=align, space_before=0.1)
        top = top or sizes[0]
        tried = [(s, layout([item], s, area.w, self.m)[0]) for s in sizes if s <= top]
        fitting = [(s, paras) for s, paras in tried if height(paras) <= area.h]
        if not fitting:
            paras = tried[-1][1]
            need = height(paras)
            return TextBox(area.x, area.y, area.w, need, paras, anchor, True), need - area.h
        near = [(s, paras) for s, paras in fitting if s >= SHRINK * top] or fitting[:1]
        fewest = min(paras[0].lines for _, paras in near)
        size, paras = next((s, p) for s, p in near if p[0].lines == fewest)
        return TextBox(area.x, area.y, area.w, area.h, paras, anchor, True), 0

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
        line = Line((Span(str(n)),), self.lang, role="muted", align="r", space_before=0)
        para = Para(line, NUMBER_PT, 1, 0, first=True)
        h = height([para])
        right = self.w - self.margin
        logo = self.logo()
        if logo:
            right = logo[0].x - inches(0.15)
        return TextBox(right - NUMBER_W, self.h - inches(0.05) - h, NUMBER_W, h, [para], "b")


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
