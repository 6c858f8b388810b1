"""Participant worksheets (PDF): every worksheet item of every activity, ready to write on.

One sheet per activity with worksheet items, headed by the curriculum, session and
activity titles and Name/Date fields (left out with ``--anonymous``).  Nothing meant
for the facilitator (notes, steps, wellbeing, opsec) is printed here.  Bilingual
sheets print each text in the first language with the second beneath, lighter, and
share one writing space.
"""
from __future__ import annotations

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import PageBreak, Spacer, Table, TableStyle

from workshopkit.model import Curriculum
from workshopkit.model.options import Options
from workshopkit.model.settings import Settings
from workshopkit.plan import pages
from workshopkit.render.pdf import base as pb
from workshopkit.render.pdf.base import keep_first, words
from workshopkit.render.pdf.blocks import Ctx
from workshopkit.render.pdf.worksheet_items import RENDER


def name_date(ctx: Ctx) -> Table:
    st = ctx.st["label"]
    labels = [words("Name", ctx.languages) + ":", words("Date", ctx.languages) + ":"]
    lw = [stringWidth(s, st.fontName, st.fontSize) + 8 for s in labels]
    one_row = sum(lw) + 2 * 150 <= ctx.width
    if one_row:
        rest = ctx.width - sum(lw)
        data = [[pb.para(labels[0], st), "", pb.para(labels[1], st), ""]]
        widths = [lw[0], rest * 0.62, lw[1], rest * 0.38]
        lines = [("LINEBELOW", (1, 0), (1, 0), 0.8, ctx.pal.text),
                 ("LINEBELOW", (3, 0), (3, 0), 0.8, ctx.pal.text)]
    else:
        w0 = max(lw)
        data = [[pb.para(labels[0], st), ""], [pb.para(labels[1], st), ""]]
        widths = [w0, ctx.width - w0]
        lines = [("LINEBELOW", (1, 0), (1, 1), 0.8, ctx.pal.text)]
    t = Table(data, colWidths=widths, rowHeights=ctx.gap, hAlign="LEFT")
    t.setStyle(TableStyle(pb.cell_font(ctx.faces) + lines + [("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
                                   ("LEFTPADDING", (0, 0), (-1, -1), 0)]))
    return t


def activity_header(ctx: Ctx, session, activity) -> list:
    out = []
    for i, lang in enumerate(ctx.languages):
        line = f"{ctx.cur.title.get(lang)} · {session.title.get(lang)}"
        if i == 0 or line != f"{ctx.cur.title.get(ctx.languages[0])} · {session.title.get(ctx.languages[0])}":
            out.append(pb.para(line, ctx.st["small"]))
    out += ctx.t(activity.title, "h1", "second")
    if not ctx.options.anonymous:
        out.append(name_date(ctx))
    out.append(Spacer(1, 10))
    return out


def story(cur: Curriculum, languages: tuple[str, ...], options: Options,
          faces: pb.Faces, images=None) -> list:
    ctx = Ctx(cur, languages, options, pb.styles(options, faces), pb.palette(options),
              pb.frame_width(options), faces, images=images or {})
    out: list = []
    for n, (session, activity) in enumerate(pages.worksheet_activities(cur)):
        if n:
            out.append(PageBreak())
        out += activity_header(ctx, session, activity)
        lead: list = []  # text items introduce the item after them: kept on its page
        for item in activity.worksheet:
            last = item is activity.worksheet[-1]
            flows = RENDER[item.kind](ctx, item)
            if not last:  # space after the last item could only spill onto an empty page
                flows.append(Spacer(1, 12 if options.large_print else 9))
            if item.kind == "text" and not last:
                lead += flows
                continue
            out += keep_first(lead, flows) if lead else flows
            lead = []
    if not out:
        out = ctx.t(cur.title, "h1") + [ctx.w("This workshop has no participant worksheets.", "body")]
    return out


def write(cur: Curriculum, settings: Settings, languages: tuple[str, ...],
          options: Options) -> bytes:
    faces = pb.register(settings.fonts)
    return pb.render(story(cur, languages, options, faces, settings.images), cur=cur, languages=languages,
                     options=options, faces=faces, kind_title=words("Worksheets", languages))
