"""The guide's front matter: cover with the workshop's facts, schedule with clock
times, the gathered materials checklist, and the care (wellbeing) and
operational-security boxes also used beside sessions and activities."""
from __future__ import annotations

from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Paragraph, Spacer, Table, TableStyle

from workshopkit.i18n import LEVEL_NAMES, N_, PHASE_NAMES, language_name
from workshopkit.plan import pages
from workshopkit.plan.schedule import clock, days, hm, slots
from workshopkit.render.pdf import base as pb
from workshopkit.render.pdf.base import words
from workshopkit.render.pdf.meta import draft_notes
from workshopkit.render.pdf.blocks import Ctx, Tick


def two_col(ctx: Ctx, rows: list[tuple[str, list]]) -> Table:
    """A label/value table without grid lines (the cover's facts)."""
    label_w = min(ctx.width * 0.34, 150 if not ctx.options.large_print else 200)
    data = [[ctx.w(label, "label"), value] for label, value in rows]
    t = pb.Rows(data, colWidths=[label_w, ctx.width - label_w], hAlign="LEFT")
    t.setStyle(TableStyle(pb.cell_font(ctx.faces) + [("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0),
                           ("TOPPADDING", (0, 0), (-1, -1), 2), ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
                           ("LINEBELOW", (0, 0), (-1, -1), 0.3, ctx.pal.rule)]))
    return t


def cover(ctx: Ctx, after_facts: list = ()) -> list:
    """The cover; ``after_facts`` (how to join) follows the table of facts."""
    cur, o, langs = ctx.cur, ctx.options, ctx.languages
    out = [ctx.w("Facilitator guide", "subtitle")] + ctx.t(cur.title, "title", "subtitle")
    out += [pb.para(line, ctx.st["body"]) for line in draft_notes(cur, langs)]
    out += ctx.t(cur.summary) if cur.summary else []
    out.append(Spacer(1, 10))
    rows: list[tuple[str, list]] = []
    if cur.audience:
        rows.append((N_("Audience"), ctx.t(cur.audience)))
    if cur.level:
        rows.append((N_("Level"), [ctx.w(LEVEL_NAMES[cur.level], "body")]))
    rows.append((N_("Duration"), [pb.para(hm(cur.minutes), ctx.st["body"])]))
    rows.append((N_("Languages"), [pb.para(", ".join(f"{language_name(t, langs[0])} ({t})"
                                                     for t in cur.all_languages), ctx.st["body"])]))
    if cur.authors and not o.anonymous:
        names = []
        for a in cur.authors:
            s = a.name.get(langs[0])
            if a.org:
                s += f" ({a.org.get(langs[0])})"
            names.append(s)
        rows.append((N_("Authors"), [pb.para("; ".join(names), ctx.st["body"])]))
    if cur.license:
        rows.append((N_("Licence"), [pb.para(cur.license, ctx.st["body"])]))
    if cur.sources:
        rows.append((N_("Includes material from"), [
            pb.para(w, ctx.st["body"]) for w in pages.borrowed_from(cur, langs[0], o.anonymous)]))
    if cur.version:
        rows.append((N_("Version"), [pb.para(cur.version, ctx.st["body"])]))
    if o.dated:
        rows.append((N_("Date"), [pb.para(o.date.strftime("%Y-%m-%d"), ctx.st["body"])]))
    if cur.reviewed:
        rows.append((N_("Reviewed"), [pb.para(cur.reviewed.isoformat(), ctx.st["body"])]))
    out.append(two_col(ctx, rows))
    out += list(after_facts)
    if cur.objectives:
        out += pb.keep_list([ctx.w("Objectives", "h2")], [bullet(ctx, o) for o in cur.objectives])
    if cur.wellbeing or cur.opsec:  # read before anything else is prepared
        out += [Spacer(1, 6)] + care_boxes(ctx, cur)
    return out


def bullet(ctx: Ctx, text, mark: str = "•") -> list:
    texts = pb.texts(text, ctx.languages)
    ind = ctx.st["body"].fontSize * 1.6
    body = ParagraphStyle("bullet", parent=ctx.st["body"], leftIndent=ind, bulletIndent=0)
    second = ParagraphStyle("bullet2", parent=ctx.st["second"], leftIndent=ind)
    out = [Paragraph(pb.markup(texts[0]), body, bulletText=mark)]
    return out + [Paragraph(pb.markup(s), second) for s in texts[1:]]


def schedule_widths(ctx: Ctx) -> list[float]:
    """Time, Activity, Phase, Duration; or Time, Activity when the page is too narrow
    (booklet, large print): phase and duration then go inside the other two cells."""
    head = ctx.st["cellhead"]

    def fit(msgid: str, floor: float) -> float:
        return max([floor] + [stringWidth(w_, head.fontName, head.fontSize) + 12
                              for w_ in words(msgid, ctx.languages).split(" / ")])
    big = ctx.options.large_print
    time_w = fit(N_("Time"), 120 if big else 78)
    dur_w = fit(N_("Duration"), 80 if big else 56)
    # the longest phase name of the guide's languages on one line ("Approfondissement")
    phase_w = max(min(ctx.width * 0.22, 140 if big else 90), fit(N_("Phase"), 0),
                  max(fit(n, 0) for n in PHASE_NAMES.values()))
    rest = ctx.width - time_w - dur_w - phase_w
    if rest < ctx.width * 0.35:
        return [time_w, ctx.width - time_w]
    return [time_w, rest, phase_w, dur_w]


def schedule(ctx: Ctx) -> list:
    cur, st = ctx.cur, ctx.st
    out = [ctx.w("Schedule", "h1")]
    widths = schedule_widths(ctx)
    wide = len(widths) == 4
    pad = [""] * (len(widths) - 1)
    many_days = days(cur) > 1
    heads = (N_("Time"), N_("Activity"), N_("Phase"), N_("Duration"))[:len(widths)]
    header = [ctx.w(h, "cellhead") for h in heads]
    rows, cmds = [], []
    day, session = None, None
    for sl in slots(cur, ctx.options.start):
        if many_days and sl.day != day:
            day = sl.day
            rows.append([ctx.w("Day {day}", "cellhead", day=sl.day)] + pad)
            cmds.append(("SPAN", (0, len(rows)), (-1, len(rows))))
        if sl.session is not session:
            session = sl.session
            rows.append([ctx.t(session.title, "cellhead", "cell2")] + pad)
            cmds.append(("SPAN", (0, len(rows)), (-1, len(rows))))
            if ctx.pal.fill is not None:
                cmds.append(("BACKGROUND", (0, len(rows)), (-1, len(rows)), ctx.pal.fill))
        a = sl.activity
        time = pb.para(f"{clock(sl.start)}–{clock(sl.end)}", st["cell"])
        duration = pb.para(hm(a.minutes), st["cell"])
        if a.is_break:
            title = ctx.t(a.title, "cell", "cell2") if a.title else [ctx.w("Break", "cell")]
            phase = ""
        else:
            title = ctx.t(a.title, "cell", "cell2")
            phase = ctx.w(PHASE_NAMES[a.phase], "cell")
        if wide:
            rows.append([time, title, phase, duration])
        else:
            rows.append([[time, duration], title + ([phase] if phase else [])])
    total = pb.para(hm(cur.minutes), st["cellhead"])
    rows.append([ctx.w("Total", "cellhead")] + (["", "", total] if wide else [total]))
    t = pb.Rows([header] + rows, colWidths=widths, repeatRows=1, hAlign="LEFT",
                rowSplitRange=(2, -2) if len(rows) >= 4 else None)
    t.setStyle(TableStyle(pb.table_style(ctx.options, ctx.faces) + cmds))
    return out + [t]


def materials(ctx: Ctx) -> list:
    mats = pages.materials(ctx.cur, ctx.languages)
    if not mats:
        return []
    size = ctx.st["body"].fontSize + 1
    rows = []
    for m in mats:
        cell = [pb.para(m.texts[0], ctx.st["body"])]
        cell += [pb.para(s, ctx.st["second"]) for s in m.texts[1:]]
        used = []
        if m.whole_workshop:
            used.append(words("Whole workshop", ctx.languages))
        used += [" / ".join(pb.texts(t, ctx.languages)) for t in m.used_by]
        cell.append(pb.para(words("For: {what}", ctx.languages[:1], what="; ".join(used)),
                            ctx.st["small"]))
        rows.append([Tick(size, False, ctx.pal.text), cell])
    t = pb.Rows(rows, colWidths=[size + 10, ctx.width - size - 10], hAlign="LEFT",
                rowSplitRange=(2, -2) if len(rows) >= 4 else None)
    t.setStyle(TableStyle(pb.cell_font(ctx.faces) + [("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0),
                           ("TOPPADDING", (0, 0), (0, -1), 4), ("BOTTOMPADDING", (0, 0), (-1, -1), 4)]))
    return [ctx.w("Materials", "h1"), t]


def care_units(ctx: Ctx, owner) -> list[list]:
    """The wellbeing and opsec boxes of ``owner``, each a unit of a list."""
    out = []
    if owner.wellbeing:
        out.append([Spacer(1, 4), pb.note_box(words("Wellbeing", ctx.languages),
                                              ctx.t(owner.wellbeing, "box"), ctx.options,
                                              ctx.faces)])
    if owner.opsec:
        out.append([Spacer(1, 4), pb.note_box(words("Operational security", ctx.languages),
                                              ctx.t(owner.opsec, "box"), ctx.options, ctx.faces,
                                              warn=True)])
    return out


def care_boxes(ctx: Ctx, owner) -> list:
    return [f for unit in care_units(ctx, owner) for f in unit]
