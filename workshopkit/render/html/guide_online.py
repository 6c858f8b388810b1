"""The facilitator web edition's online material, as in the PDF guide: an activity's online
variant (hybrid: both, marked), clock times in every listed time zone, and the online
facilitation section (roles, tech check, breakout plan, the recording and consent
statement to read aloud).  Nothing for an in-person delivery."""
from __future__ import annotations

from typing import Optional

from workshopkit.i18n import N_, language_name
from workshopkit.model import Activity
from workshopkit.plan.delivery import (CONSENT, INTERPRETER, NO_INTERPRETER, ROLES, TECH_CHECK,
                                       join, online_material, utc_offset, zone_rows)
from workshopkit.plan.schedule import clock, hm
from workshopkit.render.html import blocks
from workshopkit.render.html.context import Ctx, esc
from workshopkit.render.html.document import section


def _first(ctx: Ctx, msgid: str, **fmt) -> str:
    """An interface phrase in the edition's first language only (as the PDF guide prints
    roles, the tech check and tools: long lines, or names written in that language)."""
    lang, phrase = ctx.words(msgid, **fmt)[0]
    return f"<span{ctx.mark(lang)}>{esc(phrase)}</span>" if ctx.mark(lang) else esc(phrase)


def _note(ctx: Ctx, msgid: str, text) -> str:
    return f'<div class="note" role="note"><p class="label">{ctx.w(msgid)}</p>{ctx.t(text)}</div>'


def _ol(ctx: Ctx, texts) -> str:
    return "<ol>" + "".join(f"<li>{ctx.t(t, 'span', 'line')}</li>" for t in texts) + "</ol>"


def steps_heading(ctx: Ctx, a: Activity) -> str:
    """'Steps', or 'In the room: 20 min' beside the online steps of a hybrid workshop."""
    if ctx.cur.delivery == "hybrid" and a.online is not None and a.online.steps:
        return ctx.w(N_("In the room: {duration}"), duration=hm(a.room_minutes or a.minutes))
    return ctx.w(N_("Steps"))


def activity(ctx: Ctx, a: Activity) -> str:
    """An activity's online variant: its steps (hybrid), breakout rooms, tools and notes."""
    on = a.online
    if on is None or ctx.cur.delivery == "in-person":
        return ""
    out = []
    if ctx.cur.delivery == "hybrid" and on.steps:
        minutes = on.minutes or a.room_minutes or a.minutes
        out.append(f'<h4>{ctx.w(N_("Online: {duration}"), duration=hm(minutes))}</h4>'
                   + _ol(ctx, on.steps))
    facts = []
    if on.breakout:
        facts.append(ctx.w(N_("Breakout rooms of {n} people"), n=on.breakout))
    if on.tools:
        facts.append(_first(ctx, N_("Tools: {tools}"), tools=", ".join(t.get(ctx.lang)
                                                                      for t in on.tools)))
    out += [f'<p class="meta">{f}</p>' for f in facts]
    if on.notes:
        out.append(_note(ctx, N_("Online notes"), on.notes))
    return "".join(out)


def _city(t, lang: str) -> str:
    from workshopkit.render.pdf.guide_online import zone_city  # the one naming of a zone

    return zone_city(t, lang)


def time_zones(ctx: Ctx) -> Optional[tuple[str, str, str]]:
    """Each session's times in every listed zone, with the date change marked."""
    rows = zone_rows(ctx.cur, ctx.options.start)
    if not rows:
        return None
    first = rows[0].times[0].start
    head = "".join(f'<th scope="col">{esc(_city(t.start, ctx.lang))} <span class="meta">'
                   f'{esc(t.zone)}</span></th>' for t in rows[0].times)
    body = []
    for r in rows:
        cells = []
        for t in r.times:
            shift = f" ({t.day_shift:+d})" if t.day_shift else ""
            cells.append(f"<td><bdi>{clock(t.start.time())}–{clock(t.end.time())}</bdi> "
                         f'<span class="meta"><bdi>{t.start.date().isoformat()}{shift} · '
                         f"{esc(utc_offset(t.start))}</bdi></span></td>")
        body.append(f'<tr><th scope="row">{ctx.span(r.session.title)}</th>{"".join(cells)}</tr>')
    table = blocks.scroll(ctx, f'<table><thead><tr><th scope="col">{ctx.w(N_("Session"))}'
                                f'</th>{head}</tr></thead><tbody>{"".join(body)}</tbody></table>',
                          ctx.w_plain(N_("Time zones")))
    intro = _first(ctx, N_("Clock times in this guide are in {zone}."), zone=_city(first, ctx.lang))
    legend = ctx.w(N_("(+1): the next day; (−1): the day before."))
    return section(ctx, "time-zones", ctx.w(N_("Time zones")),
                   f'<p>{intro}</p>{table}<p class="meta">{legend}</p>')


def facilitation(ctx: Ctx) -> Optional[tuple[str, str, str]]:
    """Roles, tech check, breakout plan and the consent statement (None in person)."""
    cur = ctx.cur
    if not online_material(cur):
        return None
    j = join(cur, ctx.lang)
    roles = [_first(ctx, r) for r in ROLES]
    interp = j.interpretation if j else ()
    roles += [_first(ctx, INTERPRETER, language=language_name(tag, ctx.lang),
                    channel=channel.get(ctx.lang)) for tag, channel in interp]
    if not interp:
        roles.append(_first(ctx, NO_INTERPRETER))
    out = [f'<h3>{ctx.w(N_("Roles"))}</h3><ul>' + "".join(f"<li>{r}</li>" for r in roles)
           + "</ul>",
           f'<h3>{ctx.w(N_("Tech check"))}</h3><ul>'
           + "".join(f"<li>{_first(ctx, t)}</li>" for t in TECH_CHECK) + "</ul>"]
    plan = [_first(ctx, N_("{activity}: rooms of {n} people, {duration}"),
                  activity=a.title.get(ctx.lang) if a.title else a.id, n=a.online.breakout,
                  duration=hm(a.minutes))
            for _, a in cur.activities() if a.online is not None and a.online.breakout]
    if plan:
        out.append(f'<h3>{ctx.w(N_("Breakout plan"))}</h3><ul>'
                   + "".join(f"<li>{p}</li>" for p in plan) + "</ul>")
    policies = []
    for s in cur.sessions:
        if s.online is not None and s.online.recording not in policies:
            policies.append(s.online.recording)
    for policy in policies:
        said = "".join(f"<p{ctx.mark(lang)}>{esc(s)}</p>" for lang, s in ctx.words(CONSENT[policy]))
        out.append(f'<div class="note" role="note"><p class="label">'
                   f'{ctx.w(N_("Recording and consent: read aloud"))}</p>{said}</div>')
    return section(ctx, "online", ctx.w(N_("Online facilitation")), "".join(out))
