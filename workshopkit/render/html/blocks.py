"""Parts both web editions show: slide content, videos, schedule, glossary, resources,
credits.  Each function returns an HTML string."""
from __future__ import annotations

import base64

from workshopkit.i18n import N_, PHASE_NAMES
from workshopkit.model import Image, Slide, Table, Video
from workshopkit.plan import pages
from workshopkit.plan.schedule import clock, days, hm, slots, video_length
from workshopkit.render.html.context import Ctx, esc, inline


def image(ctx: Ctx, img: Image) -> str:
    """A figure with the image inline (a data: URL) and its alt text; the credit beneath."""
    data = ctx.settings.images.get(img.path(ctx.lang))
    if data is None:
        return ""
    src = f"data:image/{data.format};base64,{base64.b64encode(data.data).decode('ascii')}"
    alt = " / ".join(s for _, s in ctx.versions(img.alt))
    cap = ""
    if img.credit or img.license:
        bits = [ctx.span(x) for x in (img.credit, img.license) if x]
        cap = f"<figcaption>{' · '.join(bits)}</figcaption>"
    return (f'<figure><img src="{src}" alt="{esc(alt)}" width="{data.width}" '
            f'height="{data.height}" loading="lazy">{cap}</figure>')


def link(ctx: Ctx, url: str, label: str) -> str:
    """A link that leaves the file: its text is the title, never only the URL."""
    return f'<a class="out" href="{esc(url)}" rel="noopener">{label}</a>'


def video(ctx: Ctx, v: Video, heading: str = "h4") -> str:
    title = ctx.span(v.title) if v.title else esc(v.id)
    meta = []
    if v.duration_seconds is not None:
        meta.append(f'{ctx.label("Duration")} <bdi>{video_length(v.duration_seconds)}</bdi>')
    if v.captions:
        names = ", ".join(ctx.language(c) for c in v.captions)
        meta.append(f'{ctx.label("Captions")} {names}')
    else:
        meta.append(ctx.w("No captions"))
    if ctx.facilitator and ctx.reviewed(v):
        meta.append(ctx.reviewed(v))
    out = [f'<div class="card video"><{heading}>{link(ctx, v.url.get(ctx.lang), title)}</{heading}>',
           f'<p class="meta">{" · ".join(meta)}</p>']
    out.append(ctx.t(v.summary) if v.summary else "")
    out.append(f'<p class="url" dir="ltr">{esc(v.url.get(ctx.lang))}</p></div>')
    return "".join(out)


def table(ctx: Ctx, tb: Table, label: str, empty_rows: int = 0, inputs: str = "") -> str:
    """A data table in its own scrolling region; the header row is marked as such."""
    head = "".join(f'<th scope="col">{ctx.span(c, "<br>")}</th>' for c in tb.columns)
    rows = ["<tr>" + "".join(f"<td>{ctx.span(c, '<br>')}</td>" for c in r) + "</tr>"
            for r in tb.rows]
    for r in range(empty_rows):
        cells = []
        for c, col in enumerate(tb.columns):
            fid = ctx.uid(f"{inputs}-r{r + 1}c{c + 1}")
            name = esc(f"{ctx.plain(col)} {r + 1}")
            cells.append(f'<td><input type="text" id="{fid}" name="{fid}" aria-label="{name}"></td>')
        rows.append("<tr>" + "".join(cells) + "</tr>")
    return scroll(ctx, f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>",
                  label)


def scroll(ctx: Ctx, inner: str, label: str) -> str:
    """A region that scrolls sideways by itself (never the page); focusable, so a keyboard
    can scroll it, and named uniquely."""
    n = ctx.ids.get("\0" + label, 0) + 1
    ctx.ids["\0" + label] = n
    name = label if n == 1 else f"{label} ({n})"
    return f'<div class="scroll" role="region" aria-label="{esc(name)}" tabindex="0">{inner}</div>'


def comparison(ctx: Ctx, x, tag: str = "h5") -> str:
    cat = ctx.cur.comparison(x)
    if cat is None:
        return ""
    cols = pages.comparison_columns(cat)
    title = ctx.head(cat.title, tag) if cat.title else f"<{tag}>{ctx.w('Free tools')}</{tag}>"
    head = "".join(f'<th scope="col">{ctx.w(h)}</th>' for _, h in cols)
    rows = []
    for r in cat.rows:
        vals = pages.row_values(r, cols)
        cells = [f'<th scope="row">{ctx.span(vals[0], "<br>")}</th>']
        cells += [f"<td>{ctx.span(v, '<br>') if v else ''}</td>" for v in vals[1:]]
        rows.append("<tr>" + "".join(cells) + "</tr>")
    label = ctx.plain(cat.title) if cat.title else ctx.w_plain(N_("Free tools"))
    return title + scroll(ctx, f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(rows)}"
                          "</tbody></table>", label)


def slide(ctx: Ctx, s: Slide, notes: bool = False) -> str:
    """A slide's content as a section; its speaker notes only when ``notes`` (the guide)."""
    out = ['<section class="slide">' if s.title else '<div class="slide">']
    sub = "h5" if s.title else "h4"  # headings inside: one level below the slide's
    if s.title:
        out.append(ctx.head(s.title, "h4"))
    if s.bullets:
        out.append("<ul>" + "".join(f"<li>{ctx.t(b, 'span', 'line')}</li>" for b in s.bullets)
                   + "</ul>")
    if s.columns:
        out.append('<div class="cols">' + "".join(
            "<ul>" + "".join(f"<li>{ctx.t(b, 'span', 'line')}</li>" for b in col) + "</ul>"
            for col in s.columns) + "</div>")
    if s.image:
        out.append(image(ctx, s.image))
    if s.video and s.video in ctx.cur.videos:
        out.append(video(ctx, ctx.cur.videos[s.video], sub))
    if s.quote:
        src = f"<footer>— {ctx.span(s.quote.source)}</footer>" if s.quote.source else ""
        out.append(f"<blockquote>{ctx.t(s.quote.text)}{src}</blockquote>")
    if s.table:
        out.append(table(ctx, s.table, ctx.plain(s.title) or ctx.w_plain(N_("Table"))))
    if s.comparison:
        out.append(comparison(ctx, s, sub))
    for name in ("statement", "question"):  # format 1.1 bodies, when the model has them
        body = getattr(s, name, None)
        if body is not None:
            out.append(f'<p class="{name}"><strong>{ctx.span(body)}</strong></p>')
    if notes and s.notes:
        out.append(f'<div class="note" role="note"><p class="label">{ctx.w("Notes")}</p>'
                   f"{ctx.t(s.notes)}</div>")
    out.append("</section>" if s.title else "</div>")
    return "".join(out)


def schedule(ctx: Ctx) -> str:
    """The agenda: clock times, sessions, activities and breaks (days when several)."""
    rows, day = [], 0
    several = days(ctx.cur) > 1
    session = None
    for sl in slots(ctx.cur, ctx.options.start):
        if several and sl.day != day:
            day = sl.day
            rows.append(f'<tr><th scope="rowgroup" colspan="3">{ctx.w("Day {day}", day=day)}</th></tr>')
        if sl.session is not session:
            session = sl.session
            rows.append(f'<tr><th scope="rowgroup" colspan="3">{ctx.span(session.title)}</th></tr>')
        a = sl.activity
        name = ctx.span(a.title) if a.title else ctx.w("Break")
        if a.phase:
            name += f' <span class="meta">({ctx.w(PHASE_NAMES[a.phase])})</span>'
        rows.append(f'<tr><td><bdi>{clock(sl.start)}–{clock(sl.end)}</bdi></td><td>{name}</td>'
                    f"<td><bdi>{hm(a.minutes)}</bdi></td></tr>")
    head = (f'<tr><th scope="col">{ctx.w("Time")}</th><th scope="col">{ctx.w("Activity")}</th>'
            f'<th scope="col">{ctx.w("Duration")}</th></tr>')
    return scroll(ctx, f"<table><thead>{head}</thead><tbody>{''.join(rows)}</tbody></table>",
                  ctx.w_plain(N_("Time")) + " · " + ctx.w_plain(N_("Activity")))


def glossary(ctx: Ctx) -> str:
    items = []
    for term in ctx.cur.glossary:
        items.append(f"<dt>{ctx.span(term.term)}</dt>")
        for i, (lang, s) in enumerate(ctx.versions(term.definition)):
            cls = ' class="second"' if i else ""
            items.append(f"<dd{cls}{ctx.mark(lang)}>{inline(s)}</dd>")
    return f"<dl>{''.join(items)}</dl>"


def resources(ctx: Ctx) -> str:
    items = []
    for r in ctx.cur.resources:
        title = ctx.span(r.title)
        line = link(ctx, r.url.get(ctx.lang), title) if r.url else title
        if r.url:
            line += f' <span class="url" dir="ltr">{esc(r.url.get(ctx.lang))}</span>'
        if ctx.facilitator and ctx.reviewed(r):
            line += f' <span class="meta">({ctx.reviewed(r)})</span>'
        items.append(f"<li>{line}{ctx.t(r.summary) if r.summary else ''}</li>")
    return f"<ul>{''.join(items)}</ul>"


def credits(ctx: Ctx) -> str:
    """Authors (unless anonymous), licence, version, date, and every image's credit."""
    cur, out = ctx.cur, []
    if cur.authors and not ctx.options.anonymous:
        names = ", ".join(ctx.span(a.name) + (f" ({ctx.span(a.org)})" if a.org else "")
                          for a in cur.authors)
        out.append(f'<p>{ctx.label("Authors")} {names}</p>')
    bits = []
    if cur.license:
        bits.append(f'{ctx.label("Licence")} <bdi>{esc(cur.license)}</bdi>')
    if cur.version:
        bits.append(f'{ctx.label("Version")} <bdi>{esc(cur.version)}</bdi>')
    if ctx.options.dated:
        bits.append(f"<bdi>{ctx.options.date.strftime('%Y-%m-%d')}</bdi>")
    if bits:
        out.append(f"<p>{' · '.join(bits)}</p>")
    seen, imgs = set(), []
    for img in cur.images():
        if img.credit and id(img) not in seen:
            seen.add(id(img))
            who = ctx.span(img.credit) + (f" · {ctx.span(img.license)}" if img.license else "")
            imgs.append(f"<li>{ctx.span(img.alt)}: {who}</li>")
    if imgs:
        out.append(f"<ul>{''.join(imgs)}</ul>")
    if cur.sources:
        lang = ctx.languages[0]
        items = "".join(f"<li><bdi>{esc(w)}</bdi></li>"
                        for w in pages.borrowed_from(cur, lang, ctx.options.anonymous))
        out.append(f'<p>{ctx.label(N_("Includes material from"))}</p><ul>{items}</ul>')
    return "".join(out)

