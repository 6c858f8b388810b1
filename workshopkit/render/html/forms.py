"""Worksheets as a form a participant fills on a phone.

Every field has a visible label (the prompt, the option, the threat); groups of
boxes are fieldsets with a legend.  Nothing is sent anywhere: the form's method is
``dialog`` (outside a dialog, submitting does nothing) and the page has no script; answers stay in the browser (and on paper, printed).
Answers to choices are never marked here: the guide prints them.
"""
from __future__ import annotations

from workshopkit.i18n import N_
from workshopkit.model import Activity, WorksheetItem
from workshopkit.plan import pages
from workshopkit.render.html import blocks, survey
from workshopkit.render.html.context import Ctx


def _label(ctx: Ctx, text, fid: str) -> str:
    return f'<label class="field" for="{fid}">{ctx.span(text, "<br>")}</label>'


def _area(fid: str, lines: int) -> str:
    return f'<textarea id="{fid}" name="{fid}" rows="{max(2, min(lines, 12))}"></textarea>'


def _boxes(ctx: Ctx, name: str, options, kind: str) -> str:
    out = []
    for n, opt in enumerate(options, 1):
        fid = ctx.uid(f"{name}-{n}")
        field = name if kind == "radio" else fid
        out.append(f'<label for="{fid}"><input type="{kind}" id="{fid}" name="{field}" '
                   f'value="{n}"><span>{ctx.span(opt, "<br>")}</span></label>')
    return f'<div class="choice">{"".join(out)}</div>'


def item(ctx: Ctx, it: WorksheetItem, base: str) -> str:
    k = it.kind
    fid = ctx.uid(base)
    if k == "prompt":
        return f"<div>{_label(ctx, it.prompt, fid)}{_area(fid, it.lines)}</div>"
    if k == "checklist":
        return (f'<fieldset><legend>{ctx.w("Mark all that apply")}</legend>'
                f'{_boxes(ctx, fid, it.checklist, "checkbox")}</fieldset>')
    if k == "choice":
        ch = it.choice
        hint = N_("Choose all that apply") if ch.multiple else N_("Choose one")
        legend = ctx.span(ch.prompt, "<br>") if ch.prompt else ctx.w(hint)
        extra = f'<p class="hint">{ctx.w(hint)}</p>' if ch.prompt else ""
        return (f"<fieldset><legend>{legend}</legend>{extra}"
                f'{_boxes(ctx, fid, ch.options, "checkbox" if ch.multiple else "radio")}</fieldset>')
    if k == "table":
        label = " · ".join(ctx.plain(c) for c in it.table.columns) or ctx.w_plain(N_("Table"))
        return blocks.table(ctx, it.table, label, it.table.empty_rows, fid)
    if k == "risk_matrix":
        return risk_matrix(ctx, it, fid)
    if k == "case_study":
        cs = it.case_study
        out = [f'<div class="card">{ctx.head(cs.title, "h5") if cs.title else ""}{ctx.t(cs.story)}']
        for n, q in enumerate(cs.questions, 1):
            qid = ctx.uid(f"{fid}-q{n}")
            out.append(_label(ctx, q, qid) + _area(qid, cs.lines))
        return "".join(out) + "</div>"
    if k == "comparison":
        return blocks.comparison(ctx, it)
    if k == "text":
        return ctx.t(it.text)
    if k == "image":
        return blocks.image(ctx, it.image)
    if k == "survey":
        sv = ctx.cur.surveys.get(it.survey)
        return survey.survey(ctx, sv) if sv is not None else ""
    return ""


def risk_matrix(ctx: Ctx, it: WorksheetItem, fid: str) -> str:
    """One block per threat: likelihood and impact as radio groups, a mitigation field."""
    out = [f'<h5>{ctx.w("Risk matrix")}</h5>',
           '<p class="hint">' + ctx.w("For each threat: how likely is it, and how much harm "
                                      "would it do?") + "</p>"]
    for n, threat in enumerate(it.risk_matrix.threats, 1):
        tid = f"{fid}-t{n}"
        out.append(f'<fieldset class="threat"><legend>{ctx.span(threat, "<br>")}</legend>')
        for what in (N_("Likelihood"), N_("Impact")):
            name = f"{tid}-{'l' if what == 'Likelihood' else 'i'}"
            out.append(f'<fieldset class="levels"><legend>{ctx.label(what)}</legend>'
                       f'<div class="choice">')
            for v, lv in enumerate(pages.RISK_LEVELS, 1):
                oid = ctx.uid(f"{name}-{v}")
                out.append(f'<label for="{oid}"><input type="radio" id="{oid}" name="{name}" '
                           f'value="{v}"><span>{ctx.w(lv)}</span></label>')
            out.append("</div></fieldset>")
        mid = ctx.uid(f"{tid}-m")
        out.append(f'<label class="field" for="{mid}">{ctx.w("Mitigation")}</label>'
                   f"{_area(mid, 2)}</fieldset>")
    return "".join(out)


def worksheet(ctx: Ctx, a: Activity, sid: str) -> str:
    """An activity's worksheet as one form (empty string: it has none)."""
    if not a.worksheet:
        return ""
    heading = f'<h4 id="{ctx.uid(f"ws-{sid}-{a.id}")}">{ctx.w("Worksheet")}</h4>'
    parts = [item(ctx, it, f"{sid}-{a.id}-{n}") for n, it in enumerate(a.worksheet, 1)]
    return f'{heading}<form class="worksheet" method="dialog">' \
           f'{"".join(parts)}</form>'
