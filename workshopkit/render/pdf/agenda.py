"""The agenda (``<id>-<lang>-agenda.pdf``): one page to hand out (two at most for a
workshop of several days).

The workshop's title, then for each day its sessions with their clock times, and
under each session its activities and breaks with theirs (from ``--start`` or the
project's ``start``).  Only what participants see: no notes, steps, materials,
wellbeing or security text.  Paper, footer, large print, booklet and low ink as
every printed PDF.
"""
from __future__ import annotations

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import CondPageBreak, Paragraph, Spacer

from workshopkit.model import Curriculum
from workshopkit.model.options import Options
from workshopkit.model.settings import Settings
from workshopkit.plan.schedule import clock, days, hm, session_span, slots
from workshopkit.render.pdf import base as pb
from workshopkit.render.pdf.base import words
from workshopkit.render.pdf.blocks import Ctx
from workshopkit.render.pdf.guide_online import zone_city
from workshopkit.render.pdf.join import block as join_block
from workshopkit.plan.delivery import join, zone_rows


def _width(text: str, st) -> float:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    return stringWidth(text, st.fontName, st.fontSize)


def _hanging(st: ParagraphStyle, lead: float) -> ParagraphStyle:
    """``st`` with its text indented past a clock time printed in the margin."""
    return ParagraphStyle(st.name + "-agenda", parent=st, leftIndent=lead, bulletIndent=0,
                          bulletFontName=st.fontName, bulletFontSize=st.fontSize,
                          spaceBefore=0, spaceAfter=2)


def session_block(ctx: Ctx, session, span, rows, lead: list, zones: dict) -> list:
    """A session's title and times (``zones``: by session id, its times in the other
    listed time zones), then its activities, each after its clock times (``lead``, a
    day's heading, kept on the same page as the session's start)."""
    st = ctx.st
    _day, start, end = span
    head = lead + ctx.t(session.title, "h2", "second")
    head.append(pb.para(f"{clock(start)}–{clock(end)} · {hm(session.minutes)}", st["label"]))
    elsewhere = zones.get(session.id)
    if elsewhere:  # the same times where the other participants are
        head.append(pb.para(elsewhere, st["small"]))
    own = join(ctx.cur, ctx.languages[0], session)
    if own is not None and own != join(ctx.cur, ctx.languages[0]):  # joined elsewhere
        head += join_block(own, ctx.languages, st, ctx.width, ctx.faces, "")
    head.append(Spacer(1, 3))
    tw = _width("00:00–00:00", st["cell"]) + 12
    main, second = _hanging(st["cell"], tw), _hanging(st["cell2"], tw)
    units = []
    for sl in rows:
        a = sl.activity
        time = f"{clock(sl.start)}–{clock(sl.end)}"
        if a.is_break:
            names = pb.texts(a.title, ctx.languages) if a.title else \
                [words("Break", ctx.languages)]
            block = [Paragraph(pb.markup(f"{names[0]} · {hm(a.minutes)}"), second,
                               bulletText=time)]
            block += [Paragraph(pb.markup(n), second) for n in names[1:]]
        else:
            names = pb.texts(a.title, ctx.languages)
            block = [Paragraph(pb.markup(names[0]), main, bulletText=time)]
            block += [Paragraph(pb.markup(n), second) for n in names[1:]]
        units.append([pb.Together(block)])
    return pb.keep_list(head, units) + [Spacer(1, 8)]


class DayBreak(CondPageBreak):
    """A new page before a day that fits on a page but not in what is left of this one:
    a day's rows never run over onto the page of the next day."""

    def __init__(self, flows: list):
        super().__init__(0)
        self.flows = flows

    def wrap(self, aw, ah):
        frame = getattr(self, "_frame", None)
        total = frame._height if frame is not None else ah

        def height(flows: list) -> float:  # a group by its parts: reportlab's KeepTogether
            return sum(height(f._content) if hasattr(f, "_content") else  # says "endless"
                       f.wrapOn(self.canv, aw, total)[1] + f.getSpaceBefore()
                       + f.getSpaceAfter() for f in flows)
        self.height = ah + 1 if ah < height(self.flows) <= total else 0
        return super().wrap(aw, ah)


def _zone_lines(cur: Curriculum, lang: str, options: Options) -> dict[str, str]:
    """For an online workshop that lists time zones: "" -> the first zone's city, and
    each session's id -> its times in the other zones ("Madrid 18:00–19:25 (+1)")."""
    rows = zone_rows(cur, options.start)
    if not rows:
        return {}
    out = {"": zone_city(rows[0].times[0].start, lang)}
    for r in rows:
        parts = []
        for t in r.times[1:]:
            shift = f" ({t.day_shift:+d})" if t.day_shift else ""
            part = f"{zone_city(t.start, lang)} {clock(t.start.time())}–{clock(t.end.time())}{shift}"
            parts.append(part.replace(" ", "\u00a0"))  # a city and its times on one line
        if parts:
            out[r.session.id] = " · ".join(parts)
    return out


def story(cur: Curriculum, languages: tuple[str, ...], options: Options,
          faces: pb.Faces) -> list:
    ctx = Ctx(cur, languages, options, pb.styles(options, faces, languages[0]), pb.palette(options),
              pb.frame_width(options), faces)
    out = ctx.t(cur.title, "title", "subtitle")
    total = sum(s.minutes for s in cur.sessions)
    out.append(pb.para(words("Agenda", languages) + f" · {hm(total)}", ctx.st["label"]))
    j = join(cur, languages[0])
    if j is not None:  # how to join, before the times, on the page of the title
        out = [pb.together(out + [Spacer(1, 6)]
                           + join_block(j, languages, ctx.st, ctx.width, ctx.faces, ""))]
    zones = _zone_lines(cur, languages[0], options)
    if zones:
        out.append(pb.para(words("Clock times here are in {zone}.", languages[:1],
                                 zone=zones.pop("")), ctx.st["small"]))
    out.append(Spacer(1, 8))
    spans = session_span(cur, options.start)
    all_slots = slots(cur, options.start)
    several = days(cur) > 1
    day, by_day = 0, []
    for s in cur.sessions:
        span = spans.get(s.id, (1, options.start, options.start))
        lead = []
        if several and span[0] != day:
            day = span[0]
            lead = [ctx.w("Day {day}", "h1", day=day)]
            by_day.append([])
        rows = [sl for sl in all_slots if sl.session is s]
        (by_day[-1] if several else out).extend(session_block(ctx, s, span, rows, lead, zones))
    for i, flows in enumerate(by_day):
        out += ([DayBreak(flows)] if i else []) + flows
    if not cur.sessions:
        out.append(ctx.w("This workshop has no sessions yet.", "body"))
    return out


def write(cur: Curriculum, settings: Settings, languages: tuple[str, ...],
          options: Options) -> bytes:
    faces = pb.register(settings.fonts)
    return pb.render(story(cur, languages, options, faces), cur=cur, languages=languages,
                     options=options, faces=faces, kind_title=words("Agenda", languages))
