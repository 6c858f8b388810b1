"""The command line: options in, one library call (:mod:`workshopkit.api`), diagnostics
and exit codes out.

Exit status: 0 success (warnings allowed), 1 invalid input (or any warning
under --strict), 2 wrong usage, 130 interrupted.  Each comes from the exception
or result the library returns.  No writer and no loading module is imported
here: `workshopkit --help` starts without python-pptx, reportlab or PyYAML.
"""
from __future__ import annotations

import sys

import click

from workshopkit import __version__
from workshopkit.cli.build import build, kit, watch
from workshopkit.cli.check import check
from workshopkit.cli.common import CONTEXT
from workshopkit.cli.misc import icons, list_, new, schema, validate
from workshopkit.cli.room import room
from workshopkit.cli.translate import translate


@click.group(context_settings=CONTEXT)
@click.version_option(__version__, "-V", "--version", prog_name="workshopkit")
def main() -> None:
    """Compile workshop curricula written in YAML into slide decks, worksheets,
    facilitator guides, QR video handouts and printable kits.

    \b
    Example:
      workshopkit new my-workshop      # start a curriculum
      workshopkit validate             # check every file in curricula/
      workshopkit build -o build/      # write every output
    """


for _command in (validate, schema, new, list_, build, kit, watch, check, translate, room, icons):
    main.add_command(_command)


def _terminated(signum, _frame) -> None:
    """SIGTERM: stop as Ctrl-C does (workers stopped, temporary files removed)."""
    raise KeyboardInterrupt


def run() -> None:
    """The console entry point: no traceback reaches a user unless they ask for one.

    Bad input is reported by the commands themselves; this catches what would
    be a bug in workshopkit, says so in one line, and exits 1.  Set
    WORKSHOPKIT_DEBUG=1 to see the traceback.  Ctrl-C (and SIGTERM) exit 130,
    wherever they arrive.
    """
    import os
    import signal

    signal.signal(signal.SIGTERM, _terminated)
    try:
        code = main(standalone_mode=False)
    except (KeyboardInterrupt, click.exceptions.Abort) as exc:
        if isinstance(exc, click.exceptions.Abort) and not isinstance(
                exc.__context__, KeyboardInterrupt):
            click.echo("Aborted!", err=True)
            sys.exit(1)
        from workshopkit.errors import Interrupted

        click.echo(str(Interrupted()), err=True)
        sys.exit(Interrupted.exit_code)
    except click.exceptions.ClickException as exc:
        exc.show()
        sys.exit(exc.exit_code)
    except click.exceptions.Exit as exc:
        sys.exit(exc.exit_code)
    except Exception as exc:  # noqa: BLE001 - the last line of defence
        if os.environ.get("WORKSHOPKIT_DEBUG"):
            raise
        click.echo(f"workshopkit: internal error: {type(exc).__name__}: {exc} "
                   "(set WORKSHOPKIT_DEBUG=1 to see where; please report it)", err=True)
        sys.exit(1)
    sys.exit(code if isinstance(code, int) else 0)


if __name__ == "__main__":  # pragma: no cover
    run()
