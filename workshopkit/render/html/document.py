"""The frame of a web edition: head, skip link, banner, table of contents, main, footer.

One self-contained file: the stylesheet is inline, images are data: URLs, there is no
script and no web font, and a Content-Security-Policy forbids every request (a link
the reader follows is a navigation, which it does not forbid).
"""
from __future__ import annotations

from workshopkit import __version__
from workshopkit.i18n import LEVEL_NAMES, direction
from workshopkit.plan.markup import plain
from workshopkit.plan.schedule import hm
from workshopkit.render.html.context import Ctx, esc
from workshopkit.render.html.style import CSS

CSP = "default-src 'none'; img-src data:; style-src 'unsafe-inline'; form-action 'none'"


def section(ctx: Ctx, sid: str, heading: str, body: str) -> tuple[str, str, str]:
    """(id, heading HTML, section HTML) for the table of contents and the main part."""
    return sid, heading, f'<section aria-labelledby="{sid}"><h2 id="{sid}">{heading}</h2>{body}</section>'


def banner(ctx: Ctx, kind: str) -> str:
    cur = ctx.cur
    out = [f'<header><p class="meta">{kind}</p>', ctx.head(cur.title, "h1")]
    out.append(ctx.t(cur.summary) if cur.summary else "")
    facts = []
    if cur.audience:
        facts.append(f'{ctx.label("Audience")} {ctx.span(cur.audience)}')
    if cur.level:
        facts.append(f'{ctx.label("Level")} {ctx.w(LEVEL_NAMES[cur.level])}')
    facts.append(f'{ctx.label("Duration")} <bdi>{hm(cur.minutes)}</bdi>')
    if ctx.reviewed(cur):
        facts.append(ctx.reviewed(cur))
    if len(ctx.languages) > 1:
        facts.append(f'{ctx.label("Languages")} ' + ", ".join(ctx.language(l) for l in ctx.languages))
    out.append('<ul class="meta">' + "".join(f"<li>{f}</li>" for f in facts) + "</ul></header>")
    return "".join(out)


def page(ctx: Ctx, kind_msgid: str, parts: list[tuple[str, str, str]]) -> bytes:
    """The whole file, as UTF-8 bytes (deterministic: no clock, no randomness)."""
    lang = ctx.lang
    title = plain(ctx.cur.title.get(lang))
    kind = ctx.w(kind_msgid)
    kind_plain = ctx.w_plain(kind_msgid)
    toc = "".join(f'<li><a href="#{sid}">{heading}</a></li>' for sid, heading, _ in parts)
    footer = (f'<footer><p>{esc(title)} · {kind}'
              + (f' · <bdi>{ctx.options.date.strftime("%Y-%m-%d")}</bdi>'
                 if ctx.options.dated else "")
              + (f" · <bdi>{esc(ctx.cur.license)}</bdi>" if ctx.cur.license else "")
              + f' · <span lang="en" dir="ltr">workshopkit {esc(__version__)}</span></p></footer>')
    html = (
        "<!DOCTYPE html>\n"
        f'<html lang="{esc(lang)}" dir="{direction(lang)}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">\n'
        f'<meta name="generator" content="workshopkit {esc(__version__)}">\n'
        f"<title>{esc(title)} — {esc(kind_plain)}</title>\n<style>{CSS}</style>\n</head>\n<body>\n"
        f'<a class="skip" href="#main">{ctx.w("Skip to content")}</a>\n'
        f"{banner(ctx, kind)}\n"
        f'<nav class="toc" aria-label="{esc(ctx.w_plain("Contents"))}">'
        f'<p><strong>{ctx.w("Contents")}</strong></p><ol>{toc}</ol></nav>\n'
        f'<main id="main" tabindex="-1">\n' + "\n".join(p for _, _, p in parts) + "\n</main>\n"
        f"{footer}\n</body>\n</html>\n")
    return html.encode("utf-8")
