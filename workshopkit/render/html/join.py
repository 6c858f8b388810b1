"""How to join an online or hybrid workshop, in the web editions: the meeting link, the
dial-in, the interpretation channels and the recording policy in plain words (the same
join information the title slide, the guide's cover, the agenda and the video handout
print; see workshopkit.plan.delivery). Nothing for an in-person delivery."""
from __future__ import annotations

from typing import Optional

from workshopkit.i18n import language_name
from workshopkit.plan.delivery import RECORDING_PLAIN, Join, join, session_joins
from workshopkit.render.html.context import Ctx, esc
from workshopkit.render.html.document import section


def _link(url: str) -> str:
    return f'<a href="{esc(url)}" class="url"><bdi dir="ltr">{esc(url)}</bdi></a>'


def _details(ctx: Ctx, j: Join) -> list[str]:
    out = [f'<p>{ctx.label("Meeting link")} {_link(j.url)}</p>']
    if j.dial_number:
        dial = ctx.w("Dial-in: {number}", number=j.dial_number)
        if j.dial_pin:
            dial += " · " + ctx.w("PIN: {pin}", pin=j.dial_pin)
        out.append(f"<p>{dial}</p>")
    for tag, channel in j.interpretation:
        out.append("<p>" + ctx.w("Interpretation into {language}: channel “{channel}”",
                                  language=language_name(tag, ctx.lang),
                                  channel=channel.get(ctx.lang)) + "</p>")
    out.append(f"<p>{ctx.w(RECORDING_PLAIN[j.recording])}</p>")
    return out


def join_section(ctx: Ctx) -> Optional[tuple[str, str, str]]:
    """The "How to join" section, or None in person."""
    j = join(ctx.cur, ctx.lang)
    if j is None:
        return None
    body = _details(ctx, j)
    for s, other in session_joins(ctx.cur, ctx.lang):
        body.append(f"<h3>{ctx.span(s.title)}</h3>")
        body += _details(ctx, other)
    return section(ctx, "join", ctx.w("How to join"), "".join(body))
