"""Shapes on a slide, and the fitting of each kind of body into its area.

Every function here returns plain data: boxes with positions in EMU and
measured paragraphs.  Splitting (a long list, a tall table) returns one body
per slide; the deck plan turns extra bodies into "(cont.)" slides.
"""
from __future__ import annotations

from dataclasses import replace

from workshopkit.model.settings import ImageData
from workshopkit.plan.slides_paging import fit, pack, whole_sizes
from workshopkit.plan.slides_text import (CELL_SLACK_PT, EMU_PER_PT, INSET_X, MIN_PT, STEPS, Item,
                                          Metrics, Para, height, inches, layout, line_size,
                                          style_of, whole, widest)

LARGE_PT = 24
LARGE_SHARE = 0.75
"""Legibility from the back of a hall, the one rule every size below follows: no
content text under MIN_PT (tables and comparisons included: they continue on more
slides instead), and at least LARGE_SHARE of a deck's content characters at LARGE_PT or
more (in a bilingual deck, of the first language's characters; the second language
sits beneath at MIN_PT or more).  Only slide numbers and image credits (captions) are
smaller.  Body text, quotes, statements, questions, the agenda, glossary, resources and
credits never go below LARGE_PT; tables go below it only when a word would not fit
whole in its column at LARGE_PT; video details beside a QR code go down to MIN_PT.

Words are kept whole: every kind of text takes the largest of its sizes at which each
word and each URL piece (between / . - _ ? & =) fits its box's width, going below its
own smallest size down to MIN_PT when only that keeps them whole
(:func:`workshopkit.plan.slides_paging.whole_sizes`).  Only a word wider than its box at
MIN_PT is hyphenated (at its language's hyphenation points, with a printed hyphen), and
only a URL piece wider than its box at MIN_PT sets its line smaller
(``slides_text.URL_MIN_PT``), never cut."""


def sizes(top: float, bottom: float = LARGE_PT) -> tuple[float, ...]:
    """The sizes from ``top`` (a theme's ``text_max``) down to ``bottom``, largest first:
    short content grows to ``top``, long content continues on more slides at ``bottom``."""
    bottom = max(bottom, MIN_PT)
    return (top,) + tuple(s for s in STEPS if bottom <= s < top) if top >= bottom else (bottom,)


BODY_SIZES = sizes(36)
"""Body text: the largest size that fits one slide; when none does, the size
that needs the fewest slides (the largest of those)."""
TABLE_SIZES = sizes(32, MIN_PT)
CAPTION_SIZES = (16, 14, 12)
"""Image credits under a picture: the one content allowed under MIN_PT."""


from workshopkit.plan.slides_shapes import Bar, Box, Glyph, Picture, Shape, TableBox, TextBox

__all__ = ["Bar", "Box", "Glyph", "Picture", "Shape", "TableBox", "TextBox", "flow", "balanced",
           "columns", "picture", "video", "table", "sizes", "MIN_PT", "LARGE_PT", "LARGE_SHARE"]


def flow(items: list[Item], area: Box, m: Metrics, sizes=BODY_SIZES,
         anchor: str = "t") -> list[list[Shape]]:
    """A column of paragraphs: one box, or one per slide when it must split."""
    if not items:
        return [[]]
    f = fit(items, area.w, area.h, m, sizes)
    return [[TextBox(area.x, area.y, area.w, area.h, paras, anchor)] for paras in f.chunks]


def balanced(bodies: list[list[Shape]]) -> list[list[Shape]]:
    """A body that fits one slide, centred vertically in its area (several boxes side by
    side keep their tops level); a body on several slides stays at the top."""
    if len(bodies) != 1:
        return bodies
    boxes = [b for b in bodies[0] if isinstance(b, TextBox)]
    if not boxes:
        return bodies
    area_h = max(b.h for b in boxes)
    need = max(b.measured for b in boxes)
    dy = max(0, (area_h - need) // 2)
    for b in boxes:
        b.y, b.h = b.y + dy, b.h - dy
    return bodies


def columns(left: list[Item], right: list[Item], area: Box, m: Metrics,
            sizes=BODY_SIZES) -> list[list[Shape]]:
    """Two columns of bullets, the same size on both sides, split together."""
    gap = inches(0.4)
    w = (area.w - gap) // 2
    boxes = (Box(area.x, area.y, w, area.h), Box(area.x + w + gap, area.y, w, area.h))
    parts, n = [], 0
    for size in whole_sizes(left + right, w, m, sizes):  # fewest slides, then the largest
        trial = [fit(side, w, area.h, m, (size,), keep_whole=False) for side in (left, right)]
        count = max(len(p.chunks) for p in trial)
        if not parts or count < n:
            parts, n = trial, count
    out = []
    for i in range(n):
        shapes: list[Shape] = []
        for p, b in zip(parts, boxes):
            if i < len(p.chunks) and p.chunks[i]:
                shapes.append(TextBox(b.x, b.y, b.w, b.h, p.chunks[i]))
        out.append(shapes)
    return out


def picture(image: ImageData, descr: str, area: Box, caption: list[Item],
            m: Metrics) -> list[Shape]:
    """An image as large as its area allows, aspect ratio kept, centred, never cropped."""
    shapes: list[Shape] = []
    if caption:
        cap = fit(caption, area.w, inches(0.9), m, CAPTION_SIZES)
        paras = cap.chunks[0] if len(cap.chunks) == 1 else [p for c in cap.chunks for p in c]
        cap_h = height(paras)
        shapes.append(TextBox(area.x, area.y + area.h - cap_h, area.w, cap_h, paras,
                              role="caption"))
        area = Box(area.x, area.y, area.w, area.h - cap_h - inches(0.1))
    pw, ph = image.width, image.height
    scale = min(area.w / pw, area.h / ph)
    w, h = int(pw * scale), int(ph * scale)
    shapes.insert(0, Picture(area.x + (area.w - w) // 2, area.y + (area.h - h) // 2, w, h,
                             descr, image=image))
    return shapes


VIDEO_SIZES = sizes(28, MIN_PT)
"""A video's details beside its QR code(s)."""


def video(codes: list[tuple[str, str, list[Item]]], items: list[Item], area: Box,
          m: Metrics) -> list[list[Shape]]:
    """QR codes on the left (one per distinct URL: ``(url, description, label)``, the
    label naming its language under it), the video's details beside them.  Details too
    long for the room left, or with a word or URL piece too wide for it, make the codes
    smaller (down to 2 in), then continue on more slides, each with the codes."""
    gap = inches(0.4)
    labelled = any(label for _, _, label in codes)
    n = len(codes)
    side = min(area.h, inches(3.8) if n == 1 else inches(2.9))
    while True:
        label_h = 0
        if labelled:
            label_h = max(height(fit(label, side, area.h, m, (MIN_PT,)).chunks[0])
                          for _, _, label in codes if label)
        side = min(side, area.h - label_h)
        text = Box(area.x + n * (side + gap), area.y, area.w - n * (side + gap), area.h)
        f = fit(items, text.w, text.h, m, VIDEO_SIZES)
        if (len(f.chunks) == 1 and whole(items, f.size_pt, text.w, m)) or side <= inches(2.0):
            break
        side = max(inches(2.0), int(side * 0.85))
    top = area.y + (area.h - side - label_h) // 2
    codes_shapes: list[Shape] = []
    for k, (url, descr, label) in enumerate(codes):
        x = area.x + k * (side + gap)
        codes_shapes.append(Picture(x, top, side, side, descr, qr=url))
        if label:
            paras = fit(label, side, label_h, m, (MIN_PT,)).chunks[0]
            codes_shapes.append(TextBox(x, top + side, side, label_h, paras))
    return [[replace(c) for c in codes_shapes] + [TextBox(text.x, text.y, text.w, text.h,
                                                          paras, "ctr")]
            for paras in f.chunks]


def table(header: list[Item], rows: list[list[Item]], area: Box, m: Metrics,
          sizes=TABLE_SIZES) -> list[list[Shape]]:
    """A table at the largest size that fits one slide; else at the size that
    needs the fewest slides (the largest of those), rows spread evenly, the
    header row repeated.  A size that would break a word inside a cell is
    used only when every size would."""
    ncol = max([len(header)] + [len(r) for r in rows])
    header = header + [[]] * (ncol - len(header))
    rows = [r + [[]] * (ncol - len(r)) for r in rows]
    best = None
    for size in sizes:
        cols, whole = _widths([header] + rows, size, area.w, m)
        head = [_cell(c, w, size, m) for c, w in zip(header, cols)]
        head_h = max(height(c) for c in head)
        cells = [[_cell(c, w, size, m) for c, w in zip(r, cols)] for r in rows]
        bodies = [max(height(c) for c in r) for r in cells]
        runs = pack([(b, b) for b in bodies], area.h - head_h) or [(0, 0)]
        # words whole first, then large text (LARGE_PT: more slides rather than
        # smaller), then the fewest slides; among equals the largest size
        key = (not whole, size < LARGE_PT, len(runs))
        if best is None or key < best[0]:
            best = (key, cols, head, head_h, cells, bodies, runs)
    if (best[0][0] or best[0][1]) and ncol > 2:  # too wide for large text: one card a row
        return _stacked(header, rows, area, m, sizes)
    _, cols, head, head_h, cells, bodies, runs = best
    out = [[_box(area, cols, head, head_h, list(zip(bodies[i:j], cells[i:j])))]
           for i, j in runs]
    if len(out) == 1:  # one slide: balanced vertically
        t = out[0][0]
        t.y += max(0, (area.h - t.h) // 2)
    return out


def _stacked(header: list[Item], rows: list[list[Item]], area: Box, m: Metrics,
             sizes_: list[float]) -> list[list[Shape]]:
    """A table too wide for LARGE_PT as cards: each row a block of (column name | value)
    lines, the names in a narrow first column (wide enough for their longest word, up
    to half the width), rows kept whole; at a size whose words all fit whole, LARGE_PT
    or more, as few slides as possible (the largest size among equals)."""
    best = None
    for size in sizes_ or [LARGE_PT]:
        least = max(_least(h, size, m) for h in header)
        label_w = min(max(int(area.w * 0.35), least), int(area.w * 0.5),
                      max(_natural(h, size, m) for h in header))
        value_w = area.w - label_w
        ok = all(whole([h], size, label_w, m, cell=True) and whole([v], size, value_w, m,
                                                                  cell=True)
                 for r in rows for h, v in zip(header, r) if v)
        cards = []
        for r in rows:
            lines = [(_cell(h, label_w, size, m), _cell(v, value_w, size, m))
                     for h, v in zip(header, r) if v]
            card = [(max(height(a), height(b)), [a, b]) for a, b in lines]
            while sum(h for h, _ in card) > area.h and len(card) > 1:  # taller than a slide
                k, used = 0, 0
                while k < len(card) and used + card[k][0] <= area.h:
                    used, k = used + card[k][0], k + 1
                cards.append(card[:max(k, 1)])
                card = card[max(k, 1):]
            cards.append(card)
        heights = [sum(h for h, _ in c) for c in cards]
        runs = pack([(h, h) for h in heights], area.h) or [(0, 0)]
        key = (not ok, size < LARGE_PT, len(runs))
        if best is None or key < best[0]:
            best = (key, runs, cards, [label_w, value_w])
    _, runs, cards, cols = best
    out = []
    for i, j in runs:
        lines = [ln for c in cards[i:j] for ln in c]
        hs = [h for h, _ in lines]
        t = TableBox(area.x, area.y, area.w, sum(hs), cols, [c for _, c in lines], hs,
                     header=False)
        out.append([t])
    return out


def _natural(item: Item, size: float, m: Metrics) -> int:
    """The width a cell needs to hold ``item`` on one line per line (insets included)."""
    pad = 2 * INSET_X + CELL_SLACK_PT * EMU_PER_PT
    w = max([sum(m.width_em(sp.text, style_of(sp, ln)) for sp in ln.spans) *
             line_size(ln, size) for ln in item] + [0])
    return int(w * EMU_PER_PT + pad + 2)


def _least(item: Item, size: float, m: Metrics) -> int:
    """The width a cell needs to hold ``item``'s longest word whole (insets included)."""
    pad = 2 * INSET_X + CELL_SLACK_PT * EMU_PER_PT
    w = max([max(widest(ln, m)) * line_size(ln, size) for ln in item] + [0])
    return int(w * EMU_PER_PT + pad + 2)


def _box(area: Box, cols, head_cells, head_h, rows) -> TableBox:
    heights = [head_h] + [b for b, _ in rows]
    return TableBox(area.x, area.y, area.w, sum(heights), cols,
                    [head_cells] + [r for _, r in rows], heights)


def _cell(item: Item, w: int, size: float, m: Metrics) -> list[Para]:
    return [p for it in layout([item], size, w, m, cell=True) for p in it] if item else []


def _widths(table_rows: list[list[Item]], size: float, total: int,
            m: Metrics) -> tuple[list[int], bool]:
    """Column widths from content, as in an automatic HTML table: each column
    at least its longest word (or URL piece), the room left shared in proportion to what each
    needs to set its text on one line.  Also: whether every word fits whole."""
    ncol = len(table_rows[0])
    pad = 2 * INSET_X + CELL_SLACK_PT * EMU_PER_PT
    least, natural = [pad] * ncol, [pad] * ncol
    for r in table_rows:
        for i, item in enumerate(r):
            for ln in item:
                s = line_size(ln, size)  # the longest word, or URL piece, whole
                least[i] = max(least[i], max(widest(ln, m)) * s * EMU_PER_PT + pad + 1)
                one = sum(m.width_em(span.text, style_of(span, ln)) for span in ln.spans) * s
                natural[i] = max(natural[i], one * EMU_PER_PT + pad + 1)
    fits = sum(least) <= total
    if sum(natural) <= total:
        widths = [n * total / sum(natural) for n in natural]
    elif not fits:
        widths = [x * total / sum(least) for x in least]
    else:
        spare = total - sum(least)
        extra = [n - x for n, x in zip(natural, least)]
        widths = [x + spare * e / sum(extra) for x, e in zip(least, extra)]
    out = [int(w) for w in widths]
    out[-1] += total - sum(out)
    return out, fits
