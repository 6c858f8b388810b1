"""Worksheet items drawn to be written on: one function per item kind (RENDER).

Bilingual items print each text in the first language with the second beneath,
lighter, and share one writing space.  Tables and comparisons size their columns
to their content (:func:`workshopkit.plan.pages.fit_columns`).
"""
from __future__ import annotations

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Paragraph, Spacer, Table, TableStyle

from workshopkit.i18n import N_, colon
from workshopkit.model import WorksheetItem
from workshopkit.plan import pages
from workshopkit.render.pdf import base as pb
from workshopkit.render.pdf.base import keep_first, keep_list, words
from workshopkit.render.pdf.meta import cwords
from workshopkit.render.pdf.blocks import Ctx, Tick, WritingLines, card
from workshopkit.render.pdf.hyphen import hyphenator
from workshopkit.render.pdf.picture import figure
from workshopkit.render.pdf.survey_form import anonymity, questions


def _ticks(ctx: Ctx, options_, round_: bool) -> Table:
    size = ctx.st["body"].fontSize + 1
    rows = [[Tick(size, round_, ctx.pal.text), ctx.t(o)] for o in options_]
    t = pb.Rows(rows, colWidths=[size + 10, ctx.width - size - 10], hAlign="LEFT",
                rowSplitRange=(2, -2))  # no option alone at the foot or the top of a page
    t.setStyle(TableStyle(pb.cell_font(ctx.faces) + [("VALIGN", (0, 0), (-1, -1), "TOP"),
                           ("LEFTPADDING", (0, 0), (-1, -1), 0),
                           ("TOPPADDING", (0, 0), (-1, -1), 3),
                           ("TOPPADDING", (0, 0), (0, -1), 4),
                           ("BOTTOMPADDING", (0, 0), (-1, -1), 3)]))
    return t


def _grid(ctx: Ctx, header: list, rows: list, widths: list[float], heights=None,
          repeat: bool = True, min_heights=None) -> Table:
    """A grid; ``heights`` fix row heights, ``min_heights`` let rows with text grow."""
    data = ([header] if header else []) + rows
    first = 2 if header else 1  # a page part has a row under its header; the last, two rows
    t = pb.Rows(data, colWidths=widths, rowHeights=heights, repeatRows=1 if header and repeat else 0,
                hAlign="LEFT", rowSplitRange=(first, -2) if len(rows) >= 4 else None,
                minRowHeights=min_heights)
    t.setStyle(TableStyle(pb.table_style(ctx.options, ctx.faces, 1 if header else 0)))
    return t


def prompt(ctx: Ctx, item: WorksheetItem) -> list:
    return [pb.Together(ctx.t(item.prompt, "h3") +
                         [WritingLines(item.lines, ctx.width, ctx.gap, ctx.pal.rule)])]


def checklist(ctx: Ctx, item: WorksheetItem) -> list:
    return [pb.Together([ctx.w(N_("Mark all that apply"), "small"), Spacer(1, 3),
                         _ticks(ctx, item.checklist, round_=False)])]


def choice(ctx: Ctx, item: WorksheetItem) -> list:
    ch = item.choice
    hint = N_("Choose all that apply") if ch.multiple else N_("Choose one")
    head = ctx.t(ch.prompt, "h3") if ch.prompt else []
    return [pb.Together(head + [ctx.w(hint, "small"), Spacer(1, 3),
                                 _ticks(ctx, ch.options, round_=not ch.multiple)])]


def table(ctx: Ctx, item: WorksheetItem) -> list:
    tb = item.table
    ncols = max([len(tb.columns)] + [len(r) for r in tb.rows] + [1])
    widths = table_widths(ctx, tb, ncols)
    if widths is None:
        return table_cards(ctx, tb, ncols)
    header = [ctx.t(c, "cellhead", "cell2") for c in tb.columns]
    header += [""] * (ncols - len(header)) if header else []
    rows = [[ctx.t(c, "cell", "cell2") for c in r] + [""] * (ncols - len(r)) for r in tb.rows]
    heights = None
    if tb.empty_rows:
        rows += [[""] * ncols for _ in range(tb.empty_rows)]
        head_h = None if header else []
        heights = ([head_h] if header else []) + [None] * len(tb.rows) + [ctx.gap * 1.4] * tb.empty_rows
    return [pb.Together([_grid(ctx, header, rows, widths, heights)])]


def risk_matrix(ctx: Ctx, item: WorksheetItem) -> list:
    o = ctx.options
    lead = [ctx.w("Risk matrix", "h3"),
            ctx.w("Place each threat in the grid by how likely it is and how much harm it would do.",
                  "small"), Spacer(1, 4)]
    corner = [ctx.w("Impact →", "label"), ctx.w("Likelihood ↓", "label")]
    first = max(ctx.width * 0.26, 60)
    cell_w = (ctx.width - first) / 3
    header = [corner] + [pb.para(cwords(lv, ctx.languages), ctx.st["cellhead"])
                         for lv in pages.IMPACT_LEVELS]
    rows = [[pb.para(cwords(lv, ctx.languages), ctx.st["cellhead"])] + ["", "", ""]
            for lv in reversed(pages.LIKELIHOOD_LEVELS)]
    cell_h = (78 if o.large_print else 58) * (0.8 if o.booklet else 1)
    grid = _grid(ctx, header, rows, [first] + [cell_w] * 3, [None] + [cell_h] * 3, repeat=False)
    if ctx.pal.fill is not None:
        shades = [0.97, 0.92, 0.86, 0.80, 0.74]
        cmds = []
        for r in range(3):          # r = 0 is High likelihood
            for c in range(3):      # c = 0 is Low impact
                score = (2 - r) + c
                g = shades[score]
                cmds.append(("BACKGROUND", (c + 1, r + 1), (c + 1, r + 1), pb.colors.Color(g, g, g)))
        grid.setStyle(TableStyle(cmds))
    threats = _threat_table(ctx, item.risk_matrix.threats)
    for f in lead:  # heading, instruction and grid on one page, even when all is too tall
        f.keepWithNext = 1
    matrix = lead + [grid, Spacer(1, 10)]
    if len(threats) == 1:  # the threat table: with the grid when the page has room
        return [pb.together(matrix + threats)]
    return keep_first(matrix, threats)


def _threat_table(ctx: Ctx, threats) -> list:
    st, heads = ctx.st, [N_("Threat"), N_("Likelihood"), N_("Impact"), N_("Mitigation")]
    font, size = st["cellhead"].fontName, st["cellhead"].fontSize
    narrow = max(stringWidth(words(h, ctx.languages, sep=" "), font, size)
                 for h in heads[1:3]) / max(1, len(ctx.languages)) + 12
    narrow = max(narrow, ctx.width * 0.12)
    rest = ctx.width - 2 * narrow
    extra = 2  # empty rows for the group's own threats
    if ctx.options.large_print or rest < ctx.width * 0.55:  # too narrow: one block per threat
        out = []
        for th in list(threats) + [None] * extra:
            rows = [[ctx.t(th, "cellhead", "cell2") if th else ctx.w("Threat", "cellhead")]]
            for label, scale in zip(heads[1:3], (pages.LIKELIHOOD_LEVELS, pages.IMPACT_LEVELS)):
                levels = "   ".join("○ " + cwords(lv, ctx.languages) for lv in scale)
                text = words(label, ctx.languages) + colon(ctx.languages[-1]) + "  " + levels
                rows.append([pb.para(text, st["cell"])])
            rows += [[ctx.w("Mitigation", "cell")],
                     [WritingLines(2, ctx.width - 16, ctx.gap, ctx.pal.rule)]]
            out += [pb.Together([card(ctx, [r[0] for r in rows])]), Spacer(1, 6)]
        return out
    header = [ctx.w(h, "cellhead") for h in heads]
    rows = [[ctx.t(th, "cell", "cell2"), "", "", ""] for th in threats]
    rows += [["", "", "", ""] for _ in range(extra)]
    room = [0] + [max(ctx.gap * 2, 40)] * (len(threats) + extra)  # a long threat grows its row
    return [_grid(ctx, header, rows, [rest * 0.45, narrow, narrow, rest * 0.55], min_heights=room)]


def case_study(ctx: Ctx, item: WorksheetItem) -> list:
    cs = item.case_study
    lead = ctx.t(cs.title, "h3") if cs.title else [ctx.w("Case study", "h3")]
    lead += ctx.t(cs.story)
    out: list = []
    for i, q in enumerate(cs.questions, 1):
        texts = pb.texts(q, ctx.languages)
        block = [pb.para(f"{i}. {texts[0]}", ctx.st["body"])]
        block += [pb.para(s, ctx.st["second"]) for s in texts[1:]]
        for f in block:  # a question never ends a page apart from its writing lines
            f.keepWithNext = 1
        block.append(WritingLines(cs.lines, ctx.width, ctx.gap, ctx.pal.rule))
        out.append([pb.Together([Spacer(1, 4)] + block)])
    # the story is never read on one page and answered on the next, and the last
    # question never stands alone at the top of a page
    return keep_list(lead, out)


def _measure(ctx: Ctx, strings: list[str], bold: bool, lang: str = "") -> tuple[float, float]:
    """(longest word, longest whole string) in points, cell padding included; with
    ``lang``, a word counts as its widest piece once hyphenated in that language."""
    st = ctx.st["cellhead" if bold else "cell"]
    pad = 2 * (5 if ctx.options.large_print else 4) + 1
    width = lambda s: stringWidth(s, st.fontName, st.fontSize)  # noqa: E731
    words_ = [w for s in strings for w in pb.plain(s).split()] or [""]
    longest = max(_word_width(w, width, lang) for w in words_)
    whole = max(width(pb.plain(s)) for s in strings or [""])
    return longest + pad, whole + pad


def _word_width(word: str, width, lang: str) -> float:
    """The room ``word`` needs in a column: whole, or with ``lang``, its wider half at
    the hyphenation point that makes the narrowest column (a hyphen added)."""
    best = width(word)
    hy = hyphenator(lang) if lang else None
    if hy is not None:
        core = word.strip("¿¡?!.,;:()\"'«»“”")
        for head, tail in hy(core):
            best = min(best, max(width(word[:word.index(core)] + head + "-"),
                                 width(tail + word[word.index(core) + len(core):])))
    return best


def _column_texts(ctx: Ctx, tb, i: int) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """(heading, cells) of column ``i``: (text, language) pairs."""
    def pairs(text):
        said = pb.texts(text, ctx.languages)
        langs = ctx.languages if len(said) == len(ctx.languages) else ctx.languages[:1] * len(said)
        return list(zip(said, langs))
    head = pairs(tb.columns[i]) if i < len(tb.columns) else []
    cells = [p for r in tb.rows if i < len(r) for p in pairs(r[i])]
    return head, cells


def table_widths(ctx: Ctx, tb, ncols: int) -> list[float] | None:
    """Each column at least its longest word; the rest goes to columns by how much text
    they hold, a column left blank for writing counting as an equal share.  When the
    longest words do not fit side by side, they may hyphenate; None when even that
    does not fit (the table is then stacked as cards)."""
    for hyphenate in (False, True):
        mins, naturals = [], []
        for i in range(ncols):
            head, cells = _column_texts(ctx, tb, i)
            hm = max([_measure(ctx, [t], True, lang if hyphenate else "") for t, lang in head],
                     default=(0.0, 0.0))
            cm = max([_measure(ctx, [t], False, lang if hyphenate else "") for t, lang in cells],
                     default=(0.0, 0.0))
            mins.append(max(hm[0], cm[0], 2 * (5 if ctx.options.large_print else 4) + 1))
            written = any(t.strip() for t, _ in cells)  # blank cells are space to write in
            natural = max(hm[1], cm[1])
            naturals.append(natural if written else max(mins[-1], ctx.width / ncols))
        widths = pages.fit_columns(mins, naturals, ctx.width)
        if widths:
            return widths
    return None


def table_cards(ctx: Ctx, tb, ncols: int) -> list:
    """A table too wide for the page: one card per row, each cell under its column's
    heading; an empty row is a card with a writing line under each heading."""
    heads = [ctx.t(c, "cellhead", "cell2") if i < len(tb.columns) else []
             for i, c in enumerate(list(tb.columns) + [None] * (ncols - len(tb.columns)))]
    inner = ctx.width - 2 * ((5 if ctx.options.large_print else 4) + 2)
    out: list = []
    for r in list(tb.rows) + [None] * tb.empty_rows:
        rows: list = []
        for i in range(ncols):
            cell = r[i] if r is not None and i < len(r) else None
            if cell is not None:
                rows.append(heads[i] + ctx.t(cell, "cell", "cell2"))
            elif r is None or not heads[i]:
                rows.append(heads[i] + [WritingLines(1, inner, ctx.gap, ctx.pal.rule)])
        out.append([pb.Together([card(ctx, rows)]), Spacer(1, 6)])
    return keep_list([], out)


def comparison_widths(ctx: Ctx, cat, cols) -> list[float] | None:
    mins, naturals = [], []
    for i, (_name, head) in enumerate(cols):
        cells = [s for r in cat.rows for s in pb.texts(pages.row_values(r, cols)[i], ctx.languages)]
        hm, hn = _measure(ctx, [words(head, ctx.languages)], bold=True)
        cm, cn = _measure(ctx, cells, bold=False)
        mins.append(max(hm, cm))
        naturals.append(max(hn, cn))
    return pages.fit_columns(mins, naturals, ctx.width)


def comparison(ctx: Ctx, item: WorksheetItem) -> list:
    cat = ctx.cur.comparison(item)
    if cat is None:
        return []
    cols = pages.comparison_columns(cat)
    title = ctx.t(cat.title, "h3") if cat.title else [ctx.w("Free tools", "h3")]
    widths = comparison_widths(ctx, cat, cols)
    if pages.comparison_layout(widths, ctx.options.large_print) == "table":
        header = [ctx.w(h, "cellhead") for _, h in cols]
        rows = [[ctx.t(v, "cell", "cell2") if v else "" for v in pages.row_values(r, cols)]
                for r in cat.rows]
        return keep_first(title, [_grid(ctx, header, rows, widths)])
    out: list = []
    for r in cat.rows:
        lines = [ctx.t(r.need, "cellhead", "cell2")]
        for (name, head), v in zip(cols[1:], pages.row_values(r, cols)[1:]):
            if v is None:
                continue
            vals = pb.texts(v, ctx.languages)
            label = pb.escape(words(head, ctx.languages)) + colon(ctx.languages[-1])  # "Licence :"
            cell = [Paragraph(f"<b>{label}</b> {pb.markup(vals[0])}", ctx.st["cell"])]
            cell += [pb.para(s, ctx.st["cell2"]) for s in vals[1:]]
            lines.append(cell)
        out.append([pb.Together([card(ctx, lines)]), Spacer(1, 6)])
    return keep_list(title, out)


def text(ctx: Ctx, item: WorksheetItem) -> list:
    return ctx.t(item.text)


def image(ctx: Ctx, item: WorksheetItem) -> list:
    img = item.image
    data = ctx.images.get(img.path(ctx.languages[0]))
    if data is None:  # not read with the settings: its alt text stands in
        return ctx.t(img.alt)
    return figure(ctx, img, data, pb.frame_height(ctx.options))


def survey(ctx: Ctx, item: WorksheetItem) -> list:
    """The survey's questions as a form, with the same field names as its own PDF."""
    sv = ctx.cur.surveys.get(item.survey)
    if sv is None:
        return []
    return keep_first(ctx.t(sv.title, "h3") + anonymity(ctx, sv) + [Spacer(1, 8)],
                      questions(ctx, sv))


RENDER = {"prompt": prompt, "checklist": checklist, "choice": choice, "table": table,
          "risk_matrix": risk_matrix, "case_study": case_study, "comparison": comparison,
          "text": text, "image": image, "survey": survey}
