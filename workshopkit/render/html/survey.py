"""A survey (worksheet item ``survey: <id>``) in a web edition: its questions as form fields.

Field names are the survey's own (:meth:`~workshopkit.model.survey.Survey.fields`), as in
its PDF form; nothing is sent anywhere (the worksheet form's method is ``dialog``).
"""
from __future__ import annotations

from workshopkit.i18n import N_
from workshopkit.model.survey import Question, Survey
from workshopkit.render.html.context import Ctx, esc

_HINTS = {"single": N_("Tick one"), "multiple": N_("Tick all that apply"),
          "scale": N_("Tick one number"), "text": N_("Write your answer")}


def _box(ctx: Ctx, kind: str, name: str, value: str, label: str) -> str:
    fid = ctx.uid(f"sv-{name}-{value}".replace(".", "-"))
    return (f'<label for="{fid}"><input type="{kind}" id="{fid}" name="{esc(name)}" '
            f'value="{esc(value)}"><span>{label}</span></label>')


def _write_in(ctx: Ctx, name: str, label: str) -> str:
    fid = ctx.uid(f"sv-{name}".replace(".", "-"))
    return (f'<label class="field" for="{fid}">{label}</label>'
            f'<input type="text" id="{fid}" name="{esc(name)}">')


def question(ctx: Ctx, q: Question) -> str:
    kind = q.kind
    out = [f'<fieldset><legend>{ctx.span(q.ask, "<br>")}</legend>']
    if kind in ("single", "multiple", "scale"):  # a text or number field is labelled
        out.append(f'<p class="hint">{ctx.w(_HINTS[kind])}</p>')
    if kind in ("single", "multiple"):
        boxes, extra = [], []
        for o in q.options:
            name = q.id if kind == "single" else f"{q.id}.{o.id}"
            value = o.id if kind == "single" else "1"
            boxes.append(_box(ctx, "radio" if kind == "single" else "checkbox", name, value,
                              ctx.span(o.text, "<br>")))
            if o.write_in:
                extra.append(_write_in(ctx, f"{q.id}.{o.id}.text", ctx.span(o.text)))
        out.append(f'<div class="choice">{"".join(boxes)}</div>{"".join(extra)}')
    elif kind == "scale":
        sc = q.scale
        if sc.low is not None or sc.high is not None:
            out.append(f'<p class="hint">{sc.min}: {ctx.span(sc.low) if sc.low else ""} · '
                       f'{sc.max}: {ctx.span(sc.high) if sc.high else ""}</p>')
        out.append('<div class="choice">' + "".join(
            _box(ctx, "radio", q.id, str(v), str(v)) for v in sc.values) + "</div>")
    elif kind == "number":
        fid = ctx.uid(f"sv-{q.id}")
        hint = ctx.w(N_("Write a number from {low} to {high}"), low=q.number.min,
                     high=q.number.max)
        out.append(f'<label class="field" for="{fid}">{hint}</label>'
                   f'<input type="number" id="{fid}" name="{esc(q.id)}" '
                   f'min="{q.number.min}" max="{q.number.max}">')
    else:
        fid = ctx.uid(f"sv-{q.id}")
        out.append(f'<label class="field" for="{fid}">{ctx.w(_HINTS["text"])}</label>'
                   f'<textarea id="{fid}" name="{esc(q.id)}" '
                   f'rows="{max(2, min(q.text or 3, 12))}"></textarea>')
    return "".join(out) + "</fieldset>"


def survey(ctx: Ctx, sv: Survey) -> str:
    """The survey's title, intro, anonymity statement and every question."""
    head = ctx.head(sv.title, "h5")
    intro = ctx.t(sv.intro) if sv.intro else ""
    anon = ctx.w(N_("This survey is anonymous: do not write your name or anything that "
                    "identifies you. You may leave any question blank."))
    return (f'<div class="card">{head}{intro}<p class="hint">{anon}</p>'
            f'{"".join(question(ctx, q) for q in sv.questions)}</div>')
