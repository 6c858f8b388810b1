"""The tally report (PDF), in one language: a bar chart per question, counts and shares.

Counts below the survey's ``min_count`` print as ``< N``, draw no bar and show no share,
so that a small group's answers cannot be told apart.  Free text (answers to text
questions and write-ins) appears only when asked for, already shuffled, with no file
names.  Charts are reportlab's own graphics, drawn in the bundled font.
"""
from __future__ import annotations

from reportlab.graphics.charts.barcharts import HorizontalBarChart
from reportlab.graphics.shapes import Drawing
from reportlab.platypus import Spacer, Table, TableStyle

from workshopkit.i18n import N_
from workshopkit.model.options import Options
from workshopkit.model.settings import FontSet
from workshopkit.plan.tally import QuestionTally, Tally, rows_of
from workshopkit.render.pdf import base as pb
from workshopkit.render.pdf.base import words
from workshopkit.render.pdf.blocks import Ctx

_LABEL_CHARS = 42


def _labels(qt: QuestionTally, lang: str) -> list[str]:
    q = qt.question
    if q.options is not None:
        return [pb.plain(o.text.get(lang)) for o in q.options]
    names = rows_of(q)
    if q.scale is not None:
        sc = q.scale
        ends = {names[0]: sc.low, names[-1]: sc.high}
        return [f"{n} ({pb.plain(ends[n].get(lang))})" if ends.get(n) else n for n in names]
    return names


def _short(s: str) -> str:
    return s if len(s) <= _LABEL_CHARS else s[:_LABEL_CHARS - 1].rstrip() + "…"


def chart(ctx: Ctx, t: Tally, qt: QuestionTally, labels: list[str]) -> Drawing:
    """A horizontal bar per option, longest first in the question's order; a suppressed
    count draws no bar and is labelled ``< N``."""
    n = len(labels)
    bar = 20.0 if ctx.options.large_print else 15.0
    size = ctx.st["cell"].fontSize
    label_w = min(ctx.width * 0.42, 7 + size * 0.55 * max(len(_short(l)) for l in labels))
    height = n * bar + 12
    d = Drawing(ctx.width, height, initialFontName=ctx.faces["regular"],
                initialFontSize=size)
    c = HorizontalBarChart()
    c.x, c.y, c.width, c.height = label_w, 6, ctx.width - label_w - 50, n * bar
    shown = [v if t.cell(v) == str(v) else 0 for v in qt.counts.values()]
    c.data = [list(reversed(shown))]
    c.categoryAxis.categoryNames = [_short(l) for l in reversed(labels)]
    c.categoryAxis.labels.fontName = ctx.faces["regular"]
    c.categoryAxis.labels.fontSize = size
    c.categoryAxis.labels.boxAnchor = "e"
    c.categoryAxis.labels.dx = -4
    c.categoryAxis.strokeColor = ctx.pal.rule
    c.valueAxis.valueMin = 0
    c.valueAxis.valueMax = max([1, *shown])
    c.valueAxis.visible = False
    c.valueAxis.labels.fontName = ctx.faces["regular"]
    c.bars[0].fillColor = ctx.pal.accent
    c.bars[0].strokeColor = None
    c.barLabelFormat = lambda v: ""
    c.barLabels.fontName = ctx.faces["bold"]
    c.barLabels.fontSize = size
    c.barLabels.boxAnchor = "w"
    c.barLabels.dx = 4
    texts = list(reversed([t.cell(v) for v in qt.counts.values()]))
    c.barLabelArray = [texts]
    c.barLabelFormat = "values"
    d.add(c)
    return d


def _share(t: Tally, qt: QuestionTally, v: int) -> str:
    if t.cell(v) != str(v) or not qt.responses:
        return "—"
    return f"{round(100 * v / qt.responses)} %"


def question(ctx: Ctx, t: Tally, qt: QuestionTally, number: int, include_text: bool) -> list:
    lang = ctx.languages[0]
    q = qt.question
    out: list = [pb.para(f"{number}. {q.ask.get(lang)}", ctx.st["h2"]),
                 ctx.w(N_("Answered: {answered} · Skipped: {skipped}"), "small",
                       answered=t.cell(qt.responses), skipped=t.cell(qt.skipped))]
    if qt.counts:
        labels = _labels(qt, lang)
        out += [Spacer(1, 4), chart(ctx, t, qt, labels)]
        rows = [[ctx.w(N_("Answer"), "cellhead"), ctx.w(N_("Count"), "cellhead"),
                 ctx.w(N_("Share"), "cellhead")]]
        rows += [[pb.para(l, ctx.st["cell"]), t.cell(v), _share(t, qt, v)]
                 for l, v in zip(labels, qt.counts.values())]
        num_w = 70.0
        table = Table(rows, colWidths=[ctx.width - 2 * num_w, num_w, num_w], hAlign="LEFT",
                      repeatRows=1)
        table.setStyle(TableStyle(pb.table_style(ctx.options, ctx.faces, 1)
                                  + [("ALIGN", (1, 1), (-1, -1), "RIGHT")]))
        out += [Spacer(1, 4), table]
    if include_text and qt.texts:
        out += [ctx.w(N_("In their own words (in no particular order)"), "h3")]
        out += [pb.para(f"• {s}", ctx.st["body"]) for s in qt.texts]
    out.append(Spacer(1, 10))
    return [pb.Together(out[:4])] + out[4:] if len(out) > 4 else [pb.Together(out)]


def write(t: Tally, fonts: FontSet, lang: str, options: Options,
          include_text: bool = False) -> bytes:
    faces = pb.register(fonts)
    sv = t.survey
    languages = (lang,)
    ctx = Ctx(sv, languages, options, pb.styles(options, faces), pb.palette(options),
              pb.frame_width(options), faces)
    story: list = [pb.para(sv.title.get(lang), ctx.st["title"]),
                   ctx.w(N_("Survey results"), "subtitle"),
                   ctx.w(N_("Forms counted: {forms}"), "body", forms=t.cell(t.forms)),
                   ctx.w(N_("Counts below {n} are shown as “< {n}”, so that nobody can be "
                            "picked out of a small group."), "small", n=sv.min_count),
                   Spacer(1, 10)]
    for n, qt in enumerate(t.questions, 1):
        story += question(ctx, t, qt, n, include_text)
    return pb.render(story, cur=sv, languages=languages, options=options, faces=faces,
                     kind_title=words(N_("Survey results"), languages))
