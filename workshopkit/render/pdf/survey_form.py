"""A survey's questions drawn as a printable form that is also a fillable PDF form.

Shared by the survey form (:mod:`workshopkit.render.pdf.survey`) and the worksheet item
``survey: <id>``.  Every box, circle and line is drawn on the page itself, so the sheet
prints and photocopies the same with or without form support; over each lies a
transparent form field named as FORMAT.md fixes (:meth:`Survey.fields`).  Field fonts
are PDF's standard Helvetica (WinAnsi: Spanish, Portuguese and French accents work);
the document asks viewers to draw filled values (NeedAppearances).
A field drawn once in a document is not drawn again (a survey shown twice in one
worksheet gets its fields once).
"""
from __future__ import annotations

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, Spacer, TableStyle

from workshopkit.i18n import N_
from workshopkit.model.survey import SURVEY_FIELD, Question, Survey
from workshopkit.render.pdf import base as pb
from workshopkit.render.pdf.base import words
from workshopkit.render.pdf.blocks import Ctx, WritingLines

_NONE = dict(fillColor=None, borderColor=None, borderWidth=0, fieldFlags="")


def _first(canv, key) -> bool:
    """Whether the field ``key`` is drawn for the first time in this document."""
    seen = canv.__dict__.setdefault("_workshopkit_fields", set())
    if key in seen:
        return False
    seen.add(key)
    return True


def _need_appearances(canv) -> None:
    canv.acroForm.needAppearances = "true"


class FieldBox(Flowable):
    """A box to tick (square; round for one choice) with a check box or radio button on it."""

    def __init__(self, size: float, name: str, value: str = "", round_: bool = False,
                 color=colors.black, label: str = "", fillable: bool = True):
        super().__init__()
        self.size, self.name, self.value, self.round = size, name, value, round_
        self.color, self.label, self.fillable = color, label, fillable

    def wrap(self, avail_w, avail_h):
        return self.size, self.size

    def draw(self):
        c, s = self.canv, self.size
        c.saveState()
        c.setStrokeColor(self.color)
        c.setLineWidth(1.2)
        if self.round:
            c.circle(s / 2, s / 2, s / 2 - 0.6, stroke=1, fill=0)
        else:
            c.rect(0.6, 0.6, s - 1.2, s - 1.2, stroke=1, fill=0)
        c.restoreState()
        if not self.fillable:
            return
        _need_appearances(c)
        if self.round and _first(c, (self.name, self.value)):
            c.acroForm.radioRelative(name=self.name, value=self.value, x=0, y=0, size=s,
                                     buttonStyle="circle", shape="circle", tooltip=self.label,
                                     textColor=colors.black, **{**_NONE, "fieldFlags": "radio"})
        elif not self.round and _first(c, self.name):
            c.acroForm.checkboxRelative(name=self.name, x=0, y=0, size=s, buttonStyle="cross",
                                        tooltip=self.label, textColor=colors.black, **_NONE)


class FieldLine(Flowable):
    """A line (or box) to write on, with a text field over it."""

    def __init__(self, name: str, width: float, height: float, font_pt: float, color,
                 boxed: bool = False, lines: int = 1, gap: float = 0, label: str = "",
                 fillable: bool = True):
        super().__init__()
        self.name, self.width, self.height, self.font_pt = name, width, height, font_pt
        self.color, self.boxed, self.lines, self.gap, self.label = color, boxed, lines, gap, label
        self.fillable = fillable

    def wrap(self, avail_w, avail_h):
        return self.width, self.height

    def split(self, avail_w, avail_h):  # a long text answer: its field on the first page
        if self.lines < 2 or avail_h < 2 * self.gap or avail_h >= self.height:
            return []
        fits = int(avail_h // self.gap)
        return [FieldLine(self.name, self.width, fits * self.gap, self.font_pt, self.color,
                          lines=fits, gap=self.gap, label=self.label, fillable=self.fillable),
                WritingLines(self.lines - fits, self.width, self.gap, self.color)]

    def draw(self):
        c = self.canv
        c.saveState()
        c.setStrokeColor(self.color)
        c.setLineWidth(0.8)
        if self.boxed:
            c.rect(0, 0, self.width, self.height, stroke=1, fill=0)
        else:
            step = self.gap or self.height
            for i in range(max(1, self.lines)):
                c.line(0, i * step + 1, self.width, i * step + 1)
        c.restoreState()
        if not self.fillable:
            return
        _need_appearances(c)
        if _first(c, self.name):
            flags = "multiline" if self.lines > 1 else ""
            c.acroForm.textfieldRelative(name=self.name, x=0, y=0, width=self.width,
                                         height=self.height, fontName="Helvetica",
                                         fontSize=self.font_pt, tooltip=self.label,
                                         textColor=colors.black, maxlen=2000,
                                         **{**_NONE, "fieldFlags": flags})


class SurveyMark(Flowable):
    """A hidden, read-only field holding the survey id: how a tally knows its forms."""

    def __init__(self, survey_id: str):
        super().__init__()
        self.survey_id = survey_id

    def wrap(self, avail_w, avail_h):
        return 0, 0

    def draw(self):
        if _first(self.canv, SURVEY_FIELD):
            self.canv.acroForm.textfieldRelative(
                name=SURVEY_FIELD, value=self.survey_id, x=0, y=0, width=1, height=1,
                annotationFlags="hidden", fontName="Helvetica", fontSize=1,
                **{**_NONE, "fieldFlags": "readOnly"})


def fillable(ctx: Ctx) -> bool:
    """Form fields, except in a booklet: imposing its pages would drop them (paper only)."""
    return not ctx.options.booklet


def box_pt(ctx: Ctx) -> float:
    """Tick boxes big enough for a pen: about 5 mm (7 mm in large print)."""
    return 20.0 if ctx.options.large_print else 14.0


def _plain(text, lang: str) -> str:
    return pb.plain(text.get(lang))[:200]


def _rows(ctx: Ctx, rows: list, first_w: float) -> pb.Rows:
    t = pb.Rows(rows, colWidths=[first_w, ctx.width - first_w], hAlign="LEFT",
                rowSplitRange=(2, -2) if len(rows) >= 4 else None)
    t.setStyle(TableStyle(pb.cell_font(ctx.faces) + [
        ("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("TOPPADDING", (0, 0), (-1, -1), 4), ("BOTTOMPADDING", (0, 0), (-1, -1), 4)]))
    return t


def _options(ctx: Ctx, q: Question) -> list:
    size, lang = box_pt(ctx), ctx.languages[0]
    rows = []
    for o in q.options:
        name = f"{q.id}.{o.id}" if q.multiple else q.id
        cell = ctx.t(o.text)
        if o.write_in:
            cell.append(ctx.w(N_("Please say which:"), "small"))
            cell.append(FieldLine(f"{q.id}.{o.id}.text", ctx.width - size - 14 - 8, ctx.gap,
                                  11, ctx.pal.rule, label=_plain(o.text, lang),
                                  fillable=fillable(ctx)))
        rows.append([FieldBox(size, name, o.id, round_=not q.multiple, color=ctx.pal.text,
                              label=_plain(o.text, lang), fillable=fillable(ctx)), cell])
    return [_rows(ctx, rows, size + 12)]


def _scale(ctx: Ctx, q: Question) -> list:
    """The low end's words, a round box per value numbered beneath, the high end's words."""
    sc, size = q.scale, box_pt(ctx)
    values = sc.values
    cell_w = max(size + 12, min(44.0, ctx.width / (len(values) + 4)))
    side = min(110.0, max(40.0, (ctx.width - cell_w * len(values)) / 2))
    centred = ParagraphStyle("scale-number", parent=ctx.st["label"], alignment=TA_CENTER)
    right = ParagraphStyle("scale-high", parent=ctx.st["small"], alignment=TA_RIGHT)
    low = ctx.t(sc.low, "small", "small") if sc.low else ""
    high = [pb.para(s, right) for s in pb.texts(sc.high, ctx.languages)] if sc.high else ""
    boxes = [FieldBox(size, q.id, str(v), round_=True, color=ctx.pal.text, label=str(v),
                      fillable=fillable(ctx)) for v in values]
    nums = [pb.para(str(v), centred) for v in values]
    t = pb.Rows([[low] + boxes + [high], [""] + nums + [""]],
                colWidths=[side] + [cell_w] * len(values) + [side], hAlign="LEFT")
    t.setStyle(TableStyle(pb.cell_font(ctx.faces) + [("ALIGN", (1, 0), (-2, 0), "CENTER"),
                           ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                           ("LEFTPADDING", (0, 0), (0, -1), 0),
                           ("TOPPADDING", (0, 0), (-1, -1), 1),
                           ("BOTTOMPADDING", (0, 0), (-1, -1), 1)]))
    return [t]


def _number(ctx: Ctx, q: Question) -> list:
    width = 96.0 if ctx.options.large_print else 72.0
    return [FieldLine(q.id, width, ctx.gap * 1.1, 12, ctx.pal.text, boxed=True,
                      label=_plain(q.ask, ctx.languages[0]), fillable=fillable(ctx))]


def _text(ctx: Ctx, q: Question) -> list:
    return [FieldLine(q.id, ctx.width, q.text * ctx.gap, 11, ctx.pal.rule, lines=q.text,
                      gap=ctx.gap, label=_plain(q.ask, ctx.languages[0]),
                      fillable=fillable(ctx))]


_HINTS = {"single": N_("Tick one"), "multiple": N_("Tick all that apply"),
          "scale": N_("Tick one number"), "text": N_("Write your answer")}
_DRAW = {"single": _options, "multiple": _options, "scale": _scale, "number": _number,
         "text": _text}


def question(ctx: Ctx, q: Question, number: int, tail: tuple = ()) -> list:
    """One numbered question: its words, a hint, and the boxes or lines to answer in
    (and ``tail``, kept on its page)."""
    texts = pb.texts(q.ask, ctx.languages)
    head = [pb.para(f"{number}. {texts[0]}", ctx.st["h3"])]
    head += [pb.para(s, ctx.st["second"]) for s in texts[1:]]
    if q.kind == "number":
        hint = ctx.w(N_("Write a number from {low} to {high}"), "small", low=q.number.min,
                     high=q.number.max)
    else:
        hint = ctx.w(_HINTS[q.kind], "small")
    return [pb.Together(head + [hint, Spacer(1, 4)] + _DRAW[q.kind](ctx, q) + list(tail))]


def questions(ctx: Ctx, sv: Survey, tail: tuple = ()) -> list:
    """Every question of ``sv``, numbered, with the hidden survey mark before them;
    ``tail`` is kept on the page of the last question."""
    out: list = [SurveyMark(sv.id)] if fillable(ctx) else []
    gap = 14 if ctx.options.large_print else 10
    for n, q in enumerate(sv.questions, 1):
        last = n == len(sv.questions)
        out += question(ctx, q, n, tail if last else ())
        if not last:  # a new Spacer each time: reportlab marks a flowable it postponed
            out.append(Spacer(1, gap))
    return out


def anonymity(ctx: Ctx, sv: Survey) -> list:
    """The intro and the anonymity statement, in a box above the questions."""
    body = ctx.t(sv.intro) if sv.intro else []
    body.append(ctx.w(N_("This survey is anonymous: do not write your name or anything that "
                         "identifies you. You may leave any question blank."), "body"))
    return [pb.note_box(words(N_("Anonymous"), ctx.languages), body, ctx.options, ctx.faces,
                        width=ctx.width)]
