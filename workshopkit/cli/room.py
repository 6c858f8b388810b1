"""workshopkit room: an unguessable meeting room name."""
from __future__ import annotations

import click

from workshopkit.cli.common import CONTEXT, call


@click.command(context_settings=CONTEXT)
@click.option("--platform", type=click.Choice(["jitsi", "bigbluebutton", "other"]),
              default="jitsi", show_default=True, help="The meeting platform.")
@click.option("--words", "count", type=click.IntRange(min=1),
              help="How many words (default: the fewest that give 80 bits, 7).")
@click.option("--server", help="A meeting server such as https://meet.example.org: print the "
                               "whole meeting URL.")
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
