"""The video handout (PDF): a card per video with a QR code and the printed URL.

The plan (:mod:`workshopkit.plan.handout`: cards, their words, grid, QR module
size, URL line breaks) is pure data; this module draws it: several cards per
page in a grid with cut lines (``cards == "cut"``) or one big card per page
(``cards == "page"``).  Each QR code is one vector path of rectangles drawn
from :func:`workshopkit.plan.qr.runs`; its four-module quiet zone stays white.
"""
from __future__ import annotations

from dataclasses import replace

from reportlab.lib.enums import TA_CENTER
from reportlab.platypus import Flowable, PageBreak, Spacer

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
from workshopkit.render.pdf.handout_cards import (LOOKS, Look, QRCode, UrlText, card_styles,
                                                  card_texts)
from workshopkit.render.pdf.handout_grid import CardSheet

__all__ = ["write", "Card", "Code", "plan_cards", "grid", "choose_rows", "qr_module",
           "url_lines", "MIN_MODULE"]


def _header(cur: Curriculum, languages, options, look: Look, faces: pdfbase.Faces,
            videos: bool = True) -> list[Flowable]:
    """Curriculum title and the instruction, in each language (once when the same)."""
    sts = card_styles(look, options, faces, languages=languages)
    return [pdfbase.para(t, sts[role]) for t, role in header_lines(cur, languages, videos)]


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
        """Codes side by side too tall for the page: one row per code instead; one code
        whose URL is too long to print beneath it on the page: the code, then its URL."""
        if len(self.card.codes) < 2:
            self.wrap(aw, ah)
            (q, (_qw, qh), u, _u), = self.parts
            if qh > ah:
                return []
            q.hAlign = "CENTER"  # the frame centres it, as this row did
            return [q, Spacer(1, 6), u]
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
    make_header = lambda: _header(cur, languages, options, head_look, faces,  # noqa: E731
                                  bool(cards))

    def page_story(card: Card) -> list[Flowable]:
        sts = card_styles(page_look, options, faces, TA_CENTER, languages)
        side, below = card_texts(card, languages, sts)
        for f in (side if below else side[:-1]):  # a title never ends a page alone
            f.keepWithNext = 1
        return [pdfbase.Together(make_header() + [Spacer(1, 12), CodeRow(card, page_look, sts),
                                                  Spacer(1, 16)] + side + below)]

    joining = join_card(cur, languages, options, faces, make_header)
    if joining and not cards:
        story = joining
    elif not cards:
        sts = card_styles(page_look, options, faces, languages=languages)
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
