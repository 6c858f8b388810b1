"""The facilitator web edition (``<id>-<lang>-guide.html``): everything in the guide
(schedule, objectives, materials, care and operational-security notes, every session
and activity with its steps and notes), the slides with their speaker notes, the
worksheets, answer keys, videos, glossary, resources and credits."""
from __future__ import annotations

from workshopkit.i18n import N_
from workshopkit.model import Curriculum
from workshopkit.model.options import Options
from workshopkit.model.settings import Settings
from workshopkit.render.html import blocks, guide_online
from workshopkit.render.html.context import Ctx
from workshopkit.render.html.document import page, section
from workshopkit.render.html.join import join_section
from workshopkit.render.html.participant import back, sessions


def note(ctx: Ctx, msgid: str, text) -> str:
    if not text:
        return ""
    return f'<div class="note" role="note"><p class="label">{ctx.w(msgid)}</p>{ctx.t(text)}</div>'


def care(ctx: Ctx, x) -> str:
    return note(ctx, N_("Wellbeing"), x.wellbeing) + note(ctx, N_("Operational security"), x.opsec)


def _list(ctx: Ctx, texts, tag: str = "ul") -> str:
    return f"<{tag}>" + "".join(f"<li>{ctx.t(t, 'span', 'line')}</li>" for t in texts) + f"</{tag}>"


def answers(ctx: Ctx, a) -> str:
    """The answer key: each choice's question and its right options."""
    out = []
    for it in a.worksheet:
        ch = it.choice
        if ch is None or not ch.answer:
            continue
        q = ctx.t(ch.prompt) if ch.prompt else ""
        out.append(q + "<ul>" + "".join(f"<li>✓ {ctx.span(ch.options[n - 1])}</li>"
                                        for n in ch.answer) + "</ul>")
    return f'<h4>{ctx.w("Answer key")}</h4>' + "".join(out) if out else ""


def part(ctx: Ctx, s, a) -> tuple[str, str]:
    if a is None:
        return note(ctx, N_("Facilitator notes"), s.notes) + care(ctx, s), ""
    out = []
    if a.steps:
        out.append(f'<h4>{guide_online.steps_heading(ctx, a)}</h4>' + _list(ctx, a.steps, "ol"))
    out.append(guide_online.activity(ctx, a))
    out.append(note(ctx, N_("Facilitator notes"), a.notes) + care(ctx, a))
    if a.materials:
        out.append(f'<h4>{ctx.w("Materials")}</h4>' + _list(ctx, a.materials))
    if a.slides:
        out.append(f'<h4>{ctx.w("Slides")}</h4>')
    return "".join(out), answers(ctx, a)


def write(cur: Curriculum, settings: Settings, languages: tuple[str, ...],
          options: Options) -> bytes:
    ctx = Ctx(cur, settings, languages, options, facilitator=True)
    parts = [p for p in (join_section(ctx),) if p]
    if cur.objectives:
        parts.append(section(ctx, "objectives", ctx.w("Objectives"), _list(ctx, cur.objectives)))
    parts.append(section(ctx, "schedule", ctx.w("Schedule"), blocks.schedule(ctx)))
    parts += [p for p in (guide_online.time_zones(ctx),) if p]
    gathered = list(cur.materials) + [m for _, a in cur.activities() for m in a.materials]
    if gathered:
        parts.append(section(ctx, "materials", ctx.w("Materials"), _list(ctx, gathered)))
    if cur.wellbeing or cur.opsec:
        parts.append(section(ctx, "care", ctx.w("Wellbeing"), care(ctx, cur)))
    parts += [p for p in (guide_online.facilitation(ctx),) if p]
    parts += sessions(ctx, part) + back(ctx)
    return page(ctx, N_("Facilitator guide"), parts)
