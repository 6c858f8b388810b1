"""The video handout's cut grid: every card of a cut handout laid out in pages of the
same grid, with dashed cut lines and crop marks (after the "how to join" card, the
cards follow on its page when a row fits)."""
from __future__ import annotations

from reportlab.lib import colors
from reportlab.platypus import Flowable, PageBreak
from reportlab.platypus.doctemplate import NullActionFlowable

from workshopkit.plan.handout import choose_rows, grid
from workshopkit.render.pdf import base as pdfbase
from workshopkit.render.pdf.handout_cards import Placed, card_layout, card_styles, draw_card


GRID_GAP = 14
"""Points between what is above a grid of cards and the grid (its crop marks)."""


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
        sts = {look: card_styles(look, self.options, self.faces, languages=self.languages)
               for look in self.looks}
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
