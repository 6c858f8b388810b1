"""The video handout (PDF): a card per video with a QR code and the printed URL.

The plan (:mod:`workshopkit.plan.handout`: cards, their words, grid, QR module
size, URL line breaks) is pure data; this module draws it: several cards per
page in a grid with cut lines (``cards == "cut"``) or one big card per page
(``cards == "page"``).  Each QR code is one vector path of rectangles drawn
from :func:`workshopkit.plan.qr.runs`; its four-module quiet zone stays white.
"""
from __future__ import annotations

from dataclasses import replace

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.platypus import Flowable, PageBreak, Spacer
from reportlab.platypus.doctemplate import NullActionFlowable

from workshopkit.i18n import ui
from workshopkit.plan.delivery import join
from workshopkit.render.pdf.base import words
from workshopkit.render.pdf.join import block as join_block
from workshopkit.model import Curriculum
from workshopkit.model.options import Options
from workshopkit.model.settings import Settings
from workshopkit.plan import qr
from workshopkit.plan.handout import (MIN_MODULE, Card, Code, choose_rows, grid, header_lines,
                                      plan_cards, qr_module, url_lines)
from workshopkit.render.pdf import base as pdfbase
from workshopkit.render.pdf.fonts import register_only
from workshopkit.render.pdf.handout_cards import (LOOKS, Look, Placed, QRCode, UrlText,
                                                  card_layout, card_styles, card_texts,
                                                  draw_card)

__all__ = ["write", "Card", "Code", "plan_cards", "grid", "choose_rows", "qr_module",
           "url_lines", "MIN_MODULE"]


GRID_GAP = 14
"""Points between what is above a grid of cards and the grid (its crop marks)."""


def _header(cur: Curriculum, languages, options, look: Look,
            faces: pdfbase.Faces) -> list[Flowable]:
    """Curriculum title and the instruction, in each language (once when the same)."""
    sts = card_styles(look, options, faces)
    return [pdfbase.para(t, sts[role]) for t, role in header_lines(cur, languages)]


class CardPage(Flowable):
    """A page of cards in a grid, with dashed cut lines and crop marks outside it."""

    def __init__(self, header, placed: list[Placed], cols, rows, cell, rule, heights=None,
                 body_h=None):
        super().__init__()
        self.header, self.placed, self.cols, self.rows = header, placed, cols, rows
        self.cell, self.rule = cell, rule
        # row heights: the grid's cell, or (one column) each card's own height, stacked
        self.heights = heights or [cell[1]] * rows
        self.body_h = body_h or rows * cell[1]  # from the bottom of the frame to the grid's top

    def wrap(self, aw, ah):
        self.aw, self.ah = aw, ah
        return aw, ah

    def draw(self):
        c = self.canv
        y = self.ah
        for f in self.header:
            y -= f.wrap(self.aw, y)[1]
            f.drawOn(c, 0, y)
            y -= f.style.spaceAfter
        cw = self.cell[0]
        top = self.body_h
        starts = [top - sum(self.heights[:r]) for r in range(len(self.heights) + 1)]
        segments = set()
        for i, card in enumerate(self.placed):
            col, row = i % self.cols, i // self.cols
            ch = self.heights[row]
            x0, y0 = col * cw, starts[row + 1]
            draw_card(c, card.items, x0, y0 + ch)
            segments |= {(x0, y0, x0 + cw, y0), (x0, y0 + ch, x0 + cw, y0 + ch),
                         (x0, y0, x0, y0 + ch), (x0 + cw, y0, x0 + cw, y0 + ch)}
        c.saveState()
        c.setStrokeColor(self.rule)
        c.setLineWidth(0.4)
        c.setDash(3, 3)
        for seg in sorted(segments):
            c.line(*seg)
        c.setDash()
        c.setStrokeColor(colors.black)
        used_rows = (len(self.placed) + self.cols - 1) // self.cols
        bottom = starts[used_rows]
        width = min(len(self.placed), self.cols) * cw
        for k in range(min(len(self.placed), self.cols) + 1):  # marks above and below
            c.line(k * cw, top + 3, k * cw, top + 10)
            c.line(k * cw, bottom - 3, k * cw, bottom - 10)
        for k in range(used_rows + 1):  # marks left and right
            c.line(-10, starts[k], -3, starts[k])
            c.line(width + 3, starts[k], width + 10, starts[k])
        c.restoreState()


class CardSheet(Flowable):
    """Every card of a cut handout; it splits itself into pages of the same grid.
    A card that fits no cell follows on a page of its own, after the grid."""

    def __init__(self, cards, make_header, page_story, looks, languages, options, faces,
                 state=None, header=None):
        super().__init__()
        self.cards, self.make_header, self.page_story = list(cards), make_header, page_story
        self.looks, self.languages, self.options = looks, languages, options
        self.faces = faces
        self.state = state  # (cols, rows, cell, {video id: layout or None}, oversized cards)
        self.header = header

    def wrap(self, aw, ah):
        return aw, ah + 1  # always split: each page is laid out in split()

    def _plan(self, aw, body_h):
        cols, most = grid(aw, body_h, self.options.large_print)
        layouts = {}
        sts = {look: card_styles(look, self.options, self.faces) for look in self.looks}
        for card in self.cards:  # a smaller look only for cards too tall for the most rows
            tries = []
            for look in self.looks:
                tries.append(card_layout(card, aw / cols, look, self.languages, self.options,
                                         self.faces, sts[look]))
                if cols > 1 and tries[-1] is not None and tries[-1].height <= body_h / most:
                    break  # (one column stacks cards by their own heights: every look counts)
            layouts[card.video_id] = [t for t in tries if t is not None]
        heights = [tuple(t.height for t in layouts[c.video_id]) for c in self.cards]
        rows = choose_rows(heights, body_h, most, cols)
        return cols, rows, (aw / cols, body_h / rows), layouts, []

    def split(self, aw, ah):
        if self.header is None:  # one header for every page of the grid (drawn, not split)
            self.header = self.make_header()
        header = self.header
        head_h = sum(f.wrap(aw, ah)[1] + f.style.spaceAfter for f in header) + GRID_GAP
        frame = getattr(self, "_frame", None)
        full = frame._height if frame is not None else ah
        if self.state is None:  # cells sized for a whole page, whatever comes before
            self.state = self._plan(aw, full - head_h)
        cols, rows, cell, layouts, big = self.state
        if ah < full - 1:  # after the "how to join" card: cards under it, no second header
            header, head_h = [], GRID_GAP
            if cols > 1:
                rows = int((ah - head_h) // cell[1])
                fits = rows >= 1
            else:  # one column: the first card, as small as it gets, must fit here
                fits = any(t.height <= ah - head_h for t in layouts[self.cards[0].video_id])
            if not fits:
                return [PageBreak(), self._again(self.cards)]
        if cols == 1:
            return self._stack(aw, ah - head_h, header, cell, layouts, big)
        placed, rest = [], list(self.cards)
        while rest and len(placed) < cols * rows:
            fit = next((t for t in layouts[rest[0].video_id] if t.height <= cell[1]), None)
            if fit is None:  # a card that fits no cell: a page of its own, in its place
                if not placed:
                    big.append(rest.pop(0))
                break
            placed.append(fit)
            rest.pop(0)
        out: list[Flowable] = []
        if placed:
            out.append(CardPage(header, placed, cols, rows, cell,
                                pdfbase.palette(self.options).rule,
                                body_h=None if header else ah - head_h))
        return self._after(out, placed, rest, big)

    def _again(self, cards) -> "CardSheet":
        return CardSheet(cards, self.make_header, self.page_story, self.looks, self.languages,
                         self.options, self.faces, self.state, self.header)

    def _stack(self, aw, body_h, header, cell, layouts, big):
        """One column: cards one above the other, each as tall as it is, as many as
        fit the page (in order; a card too tall for a page gets a page of its own)."""
        placed, rest, used = [], list(self.cards), 0.0
        while rest:
            lays = layouts[rest[0].video_id]
            fit = next((t for t in reversed(lays) if used + t.height <= body_h), None)
            if fit is None:
                if not placed:
                    big.append(rest.pop(0))
                break
            placed.append(fit)
            used += fit.height
            rest.pop(0)
        out: list[Flowable] = []
        if placed:
            out.append(CardPage(header, placed, 1, len(placed), (aw, cell[1]),
                                pdfbase.palette(self.options).rule, [p.height for p in placed],
                                body_h))
        return self._after(out, placed, rest, big)

    def _after(self, out: list, placed: list, rest: list, big: list) -> list:
        """What follows a page's cards: the cards too tall for a cell, a page each, then
        the rest of the sheet."""
        for card in big:
            out += ([PageBreak()] if out else []) + self.page_story(card)
        big.clear()
        if rest:
            if out and not placed:
                out.append(PageBreak())
            out.append(self._again(rest))
        if out and not placed:  # let the page story split itself (a header taller than a page)
            out.insert(0, NullActionFlowable())
        return out

    def draw(self):  # pragma: no cover - always split first
        pass


class CodeRow(Flowable):
    """The codes of a page card side by side, centred, as large as fits, each with
    its URL beneath."""

    def __init__(self, card: Card, look: Look, sts):
        super().__init__()
        self.card, self.look, self.sts = card, look, sts

    def wrap(self, aw, ah):
        n, self.gap = len(self.card.codes), 24
        col = (aw - self.gap * (n - 1)) / n
        modules = max(qr.size(c.url) for c in self.card.codes)
        module = qr_module(modules, min(col, aw * self.look.qr_share / n, ah * 0.5),
                           self.look.module) or MIN_MODULE
        self.parts = []
        for code in self.card.codes:
            q = QRCode(code, module, self.sts["qrlabel"])
            u = UrlText(code.url, self.look.small, self.sts["body"].fontName)
            self.parts.append((q, q.wrap(col, ah), u, u.wrap(col, ah)))
        self.col, self.aw = col, aw
        self.height = max(qh + 6 + uh for _q, (_w, qh), _u, (_uw, uh) in self.parts)
        return aw, self.height

    def split(self, aw, ah):
        """Codes side by side too tall for the page: one row per code instead."""
        if len(self.card.codes) < 2:
            return []
        rows = [CodeRow(replace(self.card, codes=(code,)), self.look, self.sts)
                for code in self.card.codes]
        if rows[0].wrap(aw, ah)[1] > ah:  # not even one code fits here: try a fresh page
            return []
        return rows

    def draw(self):
        x = (self.aw - len(self.parts) * (self.col + self.gap) + self.gap) / 2
        for q, (qw, qh), u, (uw, uh) in self.parts:
            q.drawOn(self.canv, x + (self.col - qw) / 2, self.height - qh)
            u.drawOn(self.canv, x + (self.col - uw) / 2, self.height - qh - 6 - uh)
            x += self.col + self.gap


def join_card(cur: Curriculum, languages, options, faces, make_header) -> list[Flowable]:
    """The "how to join" card that opens the handout of an online or hybrid workshop."""
    j = join(cur, languages[0])
    if j is None:
        return []
    st = pdfbase.styles(options, faces)
    width = pdfbase.frame_width(options)
    body = join_block(j, languages, st, width - 20, faces, "")
    if j.interpretation:
        body.append(pdfbase.para(pdfbase.escape(words(
            "Choose the interpretation channel of your language in the meeting's menu.",
            languages)), st["body"]))
    box = pdfbase.note_box(words("How to join", languages), body, options, faces, width=width)
    return make_header() + [Spacer(1, 12), box]


def _upright(cur: Curriculum, cards: list[Card], languages: tuple[str, ...]) -> bool:
    """Whether the handout draws no italics: one language (second languages are set
    in italics), no "how to join" card, no markup in the texts it prints."""
    if len(languages) > 1 or join(cur, languages[0]) is not None:
        return False
    texts = [cur.title.get(languages[0])]
    for card in cards:
        texts += [*card.titles, *card.summaries, *card.used_in, *card.captions]
    return not any("*" in t for t in texts)


def write(cur: Curriculum, settings: Settings, languages: tuple[str, ...],
          options: Options) -> bytes:
    cards = plan_cards(cur, languages)
    faces = (register_only(settings.fonts, ("regular", "bold"))
             if _upright(cur, cards, languages) else pdfbase.register(settings.fonts))
    _ = ui(languages[0])
    mode = "page" if options.cards == "page" else "cut"
    looks = LOOKS[(mode, options.large_print)]
    page_look = LOOKS[("page", options.large_print)][0]
    head_look = Look(page_look.body, page_look.title * 0.8, page_look.small, 0, 0, 0)
    make_header = lambda: _header(cur, languages, options, head_look, faces)  # noqa: E731

    def page_story(card: Card) -> list[Flowable]:
        sts = card_styles(page_look, options, faces, TA_CENTER)
        side, below = card_texts(card, languages, sts)
        for f in (side if below else side[:-1]):  # a title never ends a page alone
            f.keepWithNext = 1
        return [pdfbase.Together(make_header() + [Spacer(1, 12), CodeRow(card, page_look, sts),
                                                  Spacer(1, 16)] + side + below)]

    joining = join_card(cur, languages, options, faces, make_header)
    if joining and not cards:
        story = joining
    elif not cards:
        sts = card_styles(page_look, options, faces)
        story = make_header() + [Spacer(1, 12),
                                 pdfbase.para(_("This workshop has no videos."), sts["body"])]
    elif mode == "page":
        story = []
        for i, card in enumerate(cards):
            story += ([PageBreak()] if i else []) + page_story(card)
    else:
        story = [CardSheet(cards, make_header, page_story, looks, languages, options, faces)]
    if joining and cards:
        story = joining + [Spacer(1, 12)] + story  # the cards follow, on this page if they fit
    return pdfbase.render(story, cur=cur, languages=languages, options=options, faces=faces,
                          kind_title=_("Video handout"))
