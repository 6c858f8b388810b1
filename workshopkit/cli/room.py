"""workshopkit room: an unguessable meeting room name."""
from __future__ import annotations

import click

from workshopkit.cli.common import CONTEXT, call


def _server(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    """A meeting server is an http(s) address: a room URL without one would not open, and
    'validate' would refuse it in a curriculum."""
    if value is None:
        return None
    from urllib.parse import urlsplit

    parts = urlsplit(value.strip())
    if parts.scheme.lower() not in ("https", "http") or not parts.netloc:
        raise click.BadParameter(f"'{value}' is not a web address; write it as "
                                 "https://meet.example.org", ctx, param)
    return value.strip()


@click.command(context_settings=CONTEXT)
@click.option("--platform", type=click.Choice(["jitsi", "bigbluebutton", "other"]),
              default="jitsi", show_default=True, help="The meeting platform.")
@click.option("--words", "count", type=click.IntRange(min=1),
              help="How many words (default: the fewest that give 80 bits, 7).")
@click.option("--server", callback=_server,
              help="A meeting server such as https://meet.example.org: print the whole "
                   "meeting URL.")
def room(platform: str, count: int | None, server: str | None) -> None:
    """Print an unguessable meeting room name: random words, joined in CamelCase for
    Jitsi (as Jitsi writes room names), by '-' otherwise.

    On Jitsi anyone who knows or guesses a room's name can walk in. The name is
    made of words picked at random (Python's secrets module) from a list of
    7,772, about 12.9 bits each: at least 80 bits, the least that 'validate'
    accepts without a warning. Put it at the end of the meeting URL in the
    curriculum's 'online: url:' and share it only with participants.

    \b
    Example:
      workshopkit room --platform jitsi --server https://meet.example.org
    """
    from workshopkit import api

    name = call(api.room_name, count)
    if platform == "jitsi":
        name = "".join(w.capitalize() for w in name.split("-"))
    click.echo(f"{server.rstrip('/')}/{name}" if server else name)
