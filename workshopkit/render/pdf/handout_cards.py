"""The video handout's drawing blocks: QR codes as vector paths, printed URLs, and
one card laid out at a given width (:func:`card_layout`).

A card's size is fixed by its grid cell, so its parts are placed directly, without
frames: plain text is broken into lines here (:mod:`workshopkit.render.pdf.cardtext`,
by the rules reportlab's Paragraph breaks by) and every text of a card is drawn in
one text object (:func:`draw_card`); only a text with markup, or a word wider than
its column, goes through a Paragraph.
"""
from __future__ import annotations

import functools
from dataclasses import dataclass

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT
from reportlab.lib.fonts import tt2ps
from reportlab.lib.rl_accel import fp_str
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable

from workshopkit.model.options import Options
from workshopkit.plan import qr
from workshopkit.plan.handout import Card, Code, card_lines, qr_module, url_lines
from workshopkit.render.pdf import base as pdfbase
from workshopkit.render.pdf.cardtext import Pen, link, text_block
from workshopkit.render.pdf.hyphen import language_kw


@dataclass(frozen=True)
class Look:
    """Sizes in points for one layout."""
    body: float
    title: float
    small: float
    pad: float
    module: float  # target QR module size
    qr_share: float  # most of the card width the QR column may take


LOOKS = {
    ("cut", False): (Look(9.5, 12, 8.5, 10, 0.8 * mm, 0.45), Look(8, 10, 7.5, 8, 0.7 * mm, 0.5)),
    ("cut", True): (Look(16, 19, 16, 12, 1.3 * mm, 0.4), Look(16, 16, 16, 6, 0.8 * mm, 0.24)),
    ("page", False): (Look(13, 22, 11, 0, 2.5 * mm, 0.6),),
    ("page", True): (Look(18, 26, 16, 0, 2.5 * mm, 0.6),),
}


@functools.lru_cache(maxsize=8192)
def qr_path(url: str) -> str:
    """The code's dark runs as one PDF path of rectangles, filled, in module units with
    the origin at the bottom-left corner of the quiet zone (integers: exact and fast)."""
    return qr.path_ops(url) + "\nf"


class QRCode(Flowable):
    """One QR code with its quiet zone, and its language label beneath when it has one."""

    def __init__(self, code: Code, module: float, label_style: ParagraphStyle | None = None):
        super().__init__()
        self.code, self.module = code, module
        self.side = (qr.size(code.url) + 2 * qr.QUIET_ZONE) * module
        self.label = pdfbase.para(code.label, label_style) if code.label and label_style else None
        self.label_h = 0

    def wrap(self, aw, ah):
        self.label_h = self.label.wrap(self.side, ah)[1] if self.label else 0
        return self.side, self.side + self.label_h

    def draw(self):
        self.draw_at(self.canv, 0, 0)

    def draw_at(self, c, x: float, y: float) -> None:
        """Draw at (x, y) of the current coordinates: one literal, no state kept."""
        m, bottom = self.module, y + self.label_h
        c.addLiteral(f"q 0 0 0 rg {fp_str(m, 0, 0, m, x, bottom)} cm\n{qr_path(self.code.url)}\nQ")
        link(c, self.code.url, (x, bottom, x + self.side, bottom + self.side))
        if self.label:
            self.label.drawOn(c, x, y)


class UrlText(Flowable):
    """The printed URL, broken at safe characters, black, and a link on screen."""

    def __init__(self, url: str, size: float, font: str, lines: tuple[str, ...] = ()):
        super().__init__()
        self.url, self.size, self.leading, self.font = url, size, size * 1.3, font
        self.given = lines  # the lines of a part of a URL split across pages

    def wrap(self, aw, ah):
        self.lines = list(self.given) or url_lines(self.url, aw,
                                                   lambda t: stringWidth(t, self.font, self.size))
        self.width = max(stringWidth(s, self.font, self.size) for s in self.lines)
        return self.width, self.leading * len(self.lines)

    def split(self, aw, ah):
        """A URL taller than the room left (a very long one in large print): the lines
        that fit, then the rest; each part links to the whole URL."""
        self.wrap(aw, ah)
        fit = int(ah // self.leading)
        if fit < 1 or fit >= len(self.lines):
            return []
        return [UrlText(self.url, self.size, self.font, tuple(self.lines[:fit])),
                UrlText(self.url, self.size, self.font, tuple(self.lines[fit:]))]

    def draw(self):
        pen = Pen(self.canv)
        self.write(pen, 0, 0)
        pen.close()

    def write(self, pen: Pen, x: float, y: float) -> None:
        """Its lines into ``pen``'s text object with the bottom-left corner at (x, y)."""
        n = len(self.lines)
        pen.lines(self.lines, self.font, self.size, self.leading, colors.black,
                  x, y + (n - 1) * self.leading + 0.25 * self.size)
        pen.link(self.url, (x, y, x + self.width, y + n * self.leading))


@functools.lru_cache(maxsize=64)
def _styles(look: Look, pal, faces: pdfbase.Faces, align: int,
            languages: tuple[str, ...]) -> dict[str, ParagraphStyle]:
    bold, italic = tt2ps(faces.family, 1, 0), tt2ps(faces.family, 0, 1)
    first = language_kw(languages[0] if languages else "")
    second = language_kw(languages[-1] if languages else "")

    def st(name, size, font=faces.regular, color=pal.text, space=0.0, **kw):
        kw.setdefault("alignment", align)
        hy = second if name.endswith("2") else first
        return ParagraphStyle(name, fontName=font, fontSize=size, leading=size * 1.25,
                              textColor=color, spaceAfter=space, **hy, **kw)

    return {
        "title": st("title", look.title, bold, pal.accent, look.body * 0.2),
        "title2": st("title2", look.title * 0.9, italic, pal.muted, look.body * 0.3),
        "body": st("body", look.body, space=look.body * 0.3),
        "body2": st("body2", look.body, italic, pal.muted, look.body * 0.3),
        "small": st("small", look.small, color=pal.muted, space=look.small * 0.3),
        "label": st("label", look.small, bold),
        "qrlabel": st("qrlabel", look.small, bold, alignment=TA_CENTER),
    }


def card_styles(look: Look, options: Options, faces: pdfbase.Faces, align: int = TA_LEFT,
                languages: tuple[str, ...] = ()) -> dict[str, ParagraphStyle]:
    """The paragraph styles of a card (shared: the same objects for the same look); a word
    too wide for its line hyphenates in the first of ``languages`` (the second for the
    second language's lines)."""
    return _styles(look, pdfbase.palette(options), faces, align, tuple(languages[:2]))


def card_texts(card: Card, languages: tuple[str, ...], sts) -> tuple[list, list]:
    """(beside the code, below it): paragraphs in reading order."""
    side, below = card_lines(card, languages)
    return ([pdfbase.para(t, sts[role]) for t, role in side],
            [pdfbase.para(t, sts[role]) for t, role in below])


def card_urls(card: Card, look: Look, sts) -> list[Flowable]:
    font = sts["body"].fontName
    out: list[Flowable] = []
    for code in card.codes:
        if code.label:
            out.append(pdfbase.para(code.label, sts["label"]))
        out.append(UrlText(code.url, look.small, font))
    return out


@dataclass
class Placed:
    height: float
    items: list[tuple[object, float, float, float]]  # part, x, y from the top, height


def card_layout(card: Card, width: float, look: Look, languages, options,
                faces: pdfbase.Faces, sts=None) -> Placed | None:
    """Positions of a card's parts at ``width``; None when its code cannot be drawn.
    ``sts``: the look's :func:`card_styles`, when the caller has them."""
    sts = sts or card_styles(look, options, faces, languages=languages)
    inner = width - 2 * look.pad
    modules = max(qr.size(c.url) for c in card.codes)
    gap = look.body * 0.8
    n = len(card.codes)
    module = qr_module(modules, min(inner * look.qr_share, (inner - gap * (n - 1)) / n),
                       look.module)
    if module is None:
        return None
    items: list[tuple[object, float, float, float]] = []

    def column(parts, x, y, w):
        for f in parts:
            h = f.wrap(w, 1e6)[1]
            items.append((f, x, y, h))
            style = getattr(f, "style", None)
            y += h + (style.spaceAfter if style is not None else gap / 2)
        return y

    def texts(lines, w):
        return [text_block(t, sts[role], w) for t, role in lines]

    codes = [QRCode(c, module, sts["qrlabel"]) for c in card.codes]
    qr_w = max(c.side for c in codes)
    side, below = card_lines(card, languages)
    urls = []
    for code in card.codes:
        if code.label:
            urls.append((code.label, "label"))
        urls.append(code)
    if len(codes) == 1:  # the code on the left, title and facts beside it
        left_y = column(codes, look.pad, look.pad, qr_w)
        right_w = inner - qr_w - gap
        right_y = column(texts(side, right_w), look.pad + qr_w + gap, look.pad, right_w)
        y = max(left_y, right_y) + gap / 2
    else:  # one code per language, side by side above the text
        y = max(column([c], look.pad + i * (qr_w + gap), look.pad, qr_w)
                for i, c in enumerate(codes))
        y = column(texts(side, inner), look.pad, y, inner)
    tail = [UrlText(u.url, look.small, sts["body"].fontName) if isinstance(u, Code)
            else text_block(u[0], sts[u[1]], inner) for u in urls]
    y = column(texts(below, inner) + tail, look.pad, y, inner)
    return Placed(y + look.pad - gap / 2, items)


def draw_card(c, items, x0: float, top: float) -> None:
    """A placed card's parts, ``top`` the y of its top edge: codes as paths, every
    plain text in one text object, anything else as a flowable."""
    pen = Pen(c)
    for f, fx, fy, h in items:
        x, y = x0 + fx, top - fy - h
        kind = type(f)
        if kind is QRCode:
            f.draw_at(c, x, y)
        elif hasattr(f, "write"):
            f.write(pen, x, y)
        else:
            f.drawOn(c, x, y)
    pen.close()
