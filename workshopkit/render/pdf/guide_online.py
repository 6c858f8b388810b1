"""The guide's online material: join information on the cover, clock times in every
listed time zone, an activity's online variant, and the online facilitation section
(roles, tech check, breakout plan, the recording and consent statement to read aloud)."""
from __future__ import annotations

from babel.dates import format_date
from reportlab.platypus import CondPageBreak, Paragraph, Spacer, TableStyle

from workshopkit.i18n import N_, language_name
from workshopkit.model import Activity
from workshopkit.plan.delivery import (CONSENT, INTERPRETER, NO_INTERPRETER, ROLES, TECH_CHECK,
                                       join, online_material, session_joins, utc_offset,
                                       zone_label, zone_rows)
from workshopkit.plan.schedule import clock, hm
from workshopkit.render.pdf import base as pb
from workshopkit.render.pdf import join as jn
from workshopkit.render.pdf.base import words
from workshopkit.render.pdf.blocks import Ctx
from workshopkit.render.pdf.guide_front import bullet

ZONES_PER_TABLE = 3


def cover_join(ctx: Ctx) -> list:
    j = join(ctx.cur, ctx.languages[0])
    if j is None:
        return []
    return [Spacer(1, 8)] + jn.block(j, ctx.languages, ctx.st, ctx.width, ctx.faces,
                                     N_("How to join"))


def zone_city(t, lang: str) -> str:
    """The zone of ``t`` (an aware time) named by its city in ``lang``: 'Ciudad de México'."""
    from babel.dates import get_timezone_location

    try:
        return get_timezone_location(t.tzinfo, locale=lang.replace("-", "_"), return_city=True)
    except Exception:  # a language or zone Babel does not know
        return zone_label(str(t.tzinfo))


def _date(d, lang: str) -> str:
    try:
        return format_date(d, "EEE d MMM", locale=lang.replace("-", "_"))
    except Exception:  # a language Babel does not know
        return d.isoformat()


def time_zones(ctx: Ctx) -> list:
    """Each session's times in every listed zone, the date in each (date changes marked)."""
    rows = zone_rows(ctx.cur, ctx.options.start)
    if not rows:
        return []
    lang = ctx.languages[0]
    out = [ctx.w("Time zones", "h2"),
           pb.para(words("Clock times in this guide are in {zone}.", ctx.languages[:1],
                         zone=zone_city(rows[0].times[0].start, lang)), ctx.st["small"])]
    zones = len(rows[0].times)
    for first in range(0, zones, ZONES_PER_TABLE):
        cols = range(first, min(first + ZONES_PER_TABLE, zones))
        head = [ctx.w("Session", "cellhead")]
        for i in cols:
            t = rows[0].times[i]
            head.append([pb.para(zone_city(t.start, lang), ctx.st["cellhead"]),
                         pb.para(t.zone, ctx.st["cell2"])])
        body = []
        for r in rows:
            line = [ctx.t(r.session.title, "cell", "cell2")]
            for i in cols:
                if i >= len(r.times):
                    line.append("")
                    continue
                t = r.times[i]
                shift = f" ({t.day_shift:+d})" if t.day_shift else ""
                line.append([pb.para(f"{clock(t.start.time())}–{clock(t.end.time())}",
                                     ctx.st["cellhead"]),
                             pb.para(f"{_date(t.start.date(), lang)}{shift} · "
                                     f"{utc_offset(t.start)}", ctx.st["cell"])])
            body.append(line)
        w0 = ctx.width * 0.28
        n = len(cols)
        t = pb.Rows([head] + body, colWidths=[w0] + [(ctx.width - w0) / n] * n, repeatRows=1,
                    hAlign="LEFT")
        t.setStyle(TableStyle(pb.table_style(ctx.options, ctx.faces)))
        out += [t, Spacer(1, 6)]
    out.append(ctx.w("(+1): the next day; (−1): the day before.", "small"))
    return out


def activity_online(ctx: Ctx, a: Activity) -> list[tuple[list, list[list]]]:
    """Sections for an activity's online variant (guide): hybrid shows both, marked."""
    on = a.online
    if on is None or ctx.cur.delivery == "in-person":
        return []
    out: list[tuple[list, list[list]]] = []
    if ctx.cur.delivery == "hybrid":
        room = a.room_minutes or a.minutes
        online_minutes = on.minutes or room
        if on.steps:
            out.append(([ctx.w("Online: {duration}", "h3", duration=hm(online_minutes))],
                        [bullet(ctx, s, f"{i}.") for i, s in enumerate(on.steps, 1)]))
    facts = []
    if on.breakout:
        facts.append(words("Breakout rooms of {n} people", ctx.languages, n=on.breakout))
    if on.tools:
        facts.append(words("Tools: {tools}", ctx.languages[:1], tools=", ".join(
            t.get(ctx.languages[0]) for t in on.tools)))
    if facts:
        out.append(([], [[pb.para(f, ctx.st["small"])] for f in facts]))
    if on.notes:
        out.append(([], [[Spacer(1, 4), pb.note_box(words("Online notes", ctx.languages),
                                                    ctx.t(on.notes, "box"), ctx.options,
                                                    ctx.faces)]]))
    return out


def steps_heading(ctx: Ctx, a: Activity) -> str:
    """'Steps', or 'In the room: 20 min' beside the online steps of a hybrid workshop."""
    if ctx.cur.delivery == "hybrid" and a.online is not None and a.online.steps:
        return words("In the room: {duration}", ctx.languages,
                     duration=hm(a.room_minutes or a.minutes))
    return words("Steps", ctx.languages)


def facilitation(ctx: Ctx) -> list:
    """The online facilitation section (None for an in-person delivery)."""
    cur = ctx.cur
    if not online_material(cur):
        return []
    lang = ctx.languages[0]
    j = join(cur, lang)
    out = [CondPageBreak(pb.frame_height(ctx.options) * 0.3), ctx.w("Online facilitation", "h1")]
    roles = [[pb.para(pb.escape(words(r, ctx.languages[:1])), ctx.st["body"])] for r in ROLES]
    interp = j.interpretation if j else ()
    for tag, channel in interp:
        roles.append([pb.para(pb.escape(words(INTERPRETER, ctx.languages[:1],
                                              language=language_name(tag, lang),
                                              channel=channel.get(lang))), ctx.st["body"])])
    if not interp:
        roles.append([pb.para(pb.escape(words(NO_INTERPRETER, ctx.languages[:1])),
                              ctx.st["body"])])
    out += pb.keep_list([ctx.w("Roles", "h2")], roles)
    out += pb.keep_list([ctx.w("Tech check", "h2")],
                        [[pb.para(pb.escape(words(t, ctx.languages[:1])), ctx.st["body"])]
                         for t in TECH_CHECK])
    plan = []
    for s, a in cur.activities():
        if a.online is not None and a.online.breakout:
            name = pb.texts(a.title, ctx.languages)[0] if a.title else a.id
            plan.append([pb.para(words("{activity}: rooms of {n} people, {duration}",
                                       ctx.languages[:1], activity=name, n=a.online.breakout,
                                       duration=hm(a.minutes)), ctx.st["body"])])
    if plan:
        out += pb.keep_list([ctx.w("Breakout plan", "h2")], plan)
    statements = []
    for s in cur.sessions:
        o = s.online
        if o is not None and o.recording not in [x for x, _ in statements]:
            statements.append((o.recording, s))
    for policy, _s in statements:
        body = [Paragraph(pb.escape(words(CONSENT[policy], (l,))), ctx.st["body"])
                for l in ctx.languages]
        out += [Spacer(1, 6), pb.note_box(words("Recording and consent: read aloud",
                                                ctx.languages), body, ctx.options, ctx.faces,
                                          warn=True)]
    for s, sj in session_joins(cur, lang):  # sessions joined elsewhere than the cover says
        out += [Spacer(1, 6)] + ctx.t(s.title, "h3", "second")
        out += jn.block(sj, ctx.languages, ctx.st, ctx.width, ctx.faces, "")
    return out
