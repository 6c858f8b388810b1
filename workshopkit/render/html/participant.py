"""The participant web edition (``<id>-<lang>.html``): objectives, agenda, every
session's slide content and worksheets (as forms), videos, glossary, resources, credits.

Nothing facilitator-only reaches it: no steps, notes, speaker notes, care or
operational-security notes, materials lists or answers.
"""
from __future__ import annotations

from workshopkit.i18n import N_, PHASE_NAMES
from workshopkit.model import Curriculum
from workshopkit.model.options import Options
from workshopkit.model.settings import Settings
from workshopkit.plan.schedule import clock, days, hm, session_span, slots
from workshopkit.render.html import blocks, forms
from workshopkit.render.html.context import Ctx, esc
from workshopkit.render.html.document import page, section
from workshopkit.render.html.join import join_section


def sessions(ctx: Ctx, guide_part=None) -> list[tuple[str, str, str]]:
    """One section per session; ``guide_part(ctx, session, activity)`` gives the guide's
    material (before, after) each session (activity None) and activity's content (None:
    the participant edition)."""
    cur, out = ctx.cur, []
    spans = session_span(cur, ctx.options.start)
    by_activity = {id(sl.activity): sl for sl in slots(cur, ctx.options.start)}
    for s in cur.sessions:
        day, start, end = spans.get(s.id, (1, ctx.options.start, ctx.options.start))
        meta = f"<bdi>{clock(start)}–{clock(end)}</bdi> · <bdi>{hm(s.minutes)}</bdi>"
        if days(cur) > 1:
            meta = ctx.w("Day {day}", day=day) + " · " + meta
        body = [f'<p class="meta">{meta}</p>', ctx.t(s.summary) if s.summary else ""]
        if guide_part:
            body.append("".join(guide_part(ctx, s, None)))
        for a in s.activities:
            sl = by_activity[id(a)]
            time = f"<bdi>{clock(sl.start)}–{clock(sl.end)}</bdi>"
            if a.is_break:
                name = ctx.span(a.title) if a.title else ctx.w("Break")
                body.append(f'<p class="break"><strong>{name}</strong> · {time} · '
                            f"<bdi>{hm(a.minutes)}</bdi></p>")
                continue
            aid = ctx.uid(f"a-{s.id}-{a.id}")
            body.append('<section class="activity">' + ctx.head(a.title, "h3", f' id="{aid}"'))
            body.append(f'<p class="meta">{ctx.w(PHASE_NAMES[a.phase])} · '
                        f"<bdi>{hm(a.minutes)}</bdi> · {time}</p>")
            body.append(ctx.t(a.summary) if a.summary else "")
            before, after = guide_part(ctx, s, a) if guide_part else ("", "")
            body.append(before)
            body += [blocks.slide(ctx, x, notes=guide_part is not None) for x in a.slides]
            body.append(forms.worksheet(ctx, a, s.id))
            body.append(after)
            body.append("</section>")
        out.append(section(ctx, ctx.uid(f"s-{s.id}"), ctx.span(s.title), "".join(body)))
    return out


def back(ctx: Ctx) -> list[tuple[str, str, str]]:
    cur, out = ctx.cur, []
    if cur.videos:
        out.append(section(ctx, "videos", ctx.w("Videos"),
                           "".join(blocks.video(ctx, v, "h3") for v in cur.videos.values())))
    if cur.glossary:
        out.append(section(ctx, "glossary", ctx.w("Glossary"), blocks.glossary(ctx)))
    if cur.resources:
        out.append(section(ctx, "resources", ctx.w("Resources"), blocks.resources(ctx)))
    out.append(section(ctx, "credits", ctx.w("Credits"), blocks.credits(ctx)))
    return out


def write(cur: Curriculum, settings: Settings, languages: tuple[str, ...],
          options: Options) -> bytes:
    ctx = Ctx(cur, settings, languages, options)
    parts = [p for p in (join_section(ctx),) if p]
    if cur.objectives:
        parts.append(section(ctx, "objectives", ctx.w("Objectives"),
                             "<ul>" + "".join(f"<li>{ctx.t(o, 'span', 'line')}</li>"
                                              for o in cur.objectives) + "</ul>"))
    parts.append(section(ctx, "agenda", ctx.w("Agenda"), blocks.schedule(ctx)))
    parts += sessions(ctx) + back(ctx)
    return page(ctx, N_("Participant edition"), parts)
