"""The agenda (``<id>-<lang>-agenda.pdf``): one page to hand out (two at most for a
workshop of several days).

The workshop's title, then for each day its sessions with their clock times, and
under each session its activities and breaks with theirs (from ``--start`` or the
project's ``start``).  Only what participants see: no notes, steps, materials,
wellbeing or security text.  Paper, footer, large print, booklet and low ink as
every printed PDF.
"""
from __future__ import annotations

from reportlab.platypus import Spacer, Table, TableStyle

from workshopkit.model import Curriculum
from workshopkit.model.options import Options
from workshopkit.model.settings import Settings
from workshopkit.plan.schedule import clock, days, hm, session_span, slots
from workshopkit.render.pdf import base as pb
from workshopkit.render.pdf.base import words
from workshopkit.render.pdf.blocks import Ctx


def _width(text: str, st) -> float:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    return stringWidth(text, st.fontName, st.fontSize)


def session_block(ctx: Ctx, session, span, rows, lead: list) -> list:
    """A session's title and times, then a table of its activities (``lead``, a day's
    heading, kept on the same page)."""
    st = ctx.st
    _day, start, end = span
    head = lead + ctx.t(session.title, "h2", "second")
    head.append(pb.para(f"{clock(start)}–{clock(end)} · {hm(session.minutes)}", st["label"]))
    data, breaks = [], []
    for i, sl in enumerate(rows):
        a = sl.activity
        time = pb.para(f"{clock(sl.start)}–{clock(sl.end)}", st["cell"])
        if a.is_break:
            name = pb.texts(a.title, ctx.languages) if a.title else \
                [words("Break", ctx.languages)]
            what = [pb.para(f"{n} · {hm(a.minutes)}", st["cell2"]) for n in name[:1]]
            what += [pb.para(n, st["cell2"]) for n in name[1:]]
            breaks.append(i)
        else:
            what = ctx.t(a.title, "cell", "cell2")
        data.append([time, what])
    if not data:
        return head
    tw = _width("00:00–00:00", st["cell"]) + 14
    table = Table(data, colWidths=[tw, ctx.width - tw], hAlign="LEFT")
    cmds = pb.cell_font(ctx.faces) + [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 4),
        ("TOPPADDING", (0, 0), (-1, -1), 2), ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
        ("LINEBELOW", (0, 0), (-1, -2), 0.4, ctx.pal.rule)]
    if ctx.pal.fill is not None:
        cmds += [("BACKGROUND", (0, i), (-1, i), ctx.pal.fill) for i in breaks]
    table.setStyle(TableStyle(cmds))
    return [pb.Together(head + [Spacer(1, 3), table]), Spacer(1, 8)]


def story(cur: Curriculum, languages: tuple[str, ...], options: Options,
          faces: pb.Faces) -> list:
    ctx = Ctx(cur, languages, options, pb.styles(options, faces), pb.palette(options),
              pb.frame_width(options), faces)
    out = ctx.t(cur.title, "title", "subtitle")
    total = sum(s.minutes for s in cur.sessions)
    out.append(pb.para(words("Agenda", languages) + f" · {hm(total)}", ctx.st["label"]))
    out.append(Spacer(1, 8))
    spans = session_span(cur, options.start)
    all_slots = slots(cur, options.start)
    several = days(cur) > 1
    day = 0
    for s in cur.sessions:
        span = spans.get(s.id, (1, options.start, options.start))
        lead = []
        if several and span[0] != day:
            day = span[0]
            lead = [ctx.w("Day {day}", "h1", day=day)]
        rows = [sl for sl in all_slots if sl.session is s]
        out += session_block(ctx, s, span, rows, lead)
    if not cur.sessions:
        out.append(ctx.w("This workshop has no sessions yet.", "body"))
    return out


def write(cur: Curriculum, settings: Settings, languages: tuple[str, ...],
          options: Options) -> bytes:
    faces = pb.register(settings.fonts)
    return pb.render(story(cur, languages, options, faces), cur=cur, languages=languages,
                     options=options, faces=faces, kind_title=words("Agenda", languages))
