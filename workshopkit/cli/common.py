"""What every command shares: help settings, default paths, printing diagnostics,
and turning the library's exceptions into exit statuses.

The command modules import the library (:mod:`workshopkit.api`) inside their
commands, so that `workshopkit --help` loads click and nothing else.
"""
from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Callable, Iterable, TypeVar

import click

if TYPE_CHECKING:
    from workshopkit.errors import Problems

CONTEXT = {"help_option_names": ["-h", "--help"], "max_content_width": 100}
DEFAULT_PATHS = ("curricula",)
T = TypeVar("T")


def paths(given: tuple[str, ...]) -> list:
    """The PATHS argument, or curricula/ (a usage error when there is none)."""
    from pathlib import Path  # on first use: `workshopkit --help` starts faster without it

    if not given and not Path(DEFAULT_PATHS[0]).exists():
        raise click.UsageError("no PATH given and no curricula/ folder here")
    return [Path(p) for p in (given or DEFAULT_PATHS)]


def report(problems: "Problems", quiet_notes: bool = False) -> None:
    """Print every diagnostic, once, sorted by place."""
    for d in problems.sorted():
        if not (quiet_notes and d.severity == "note"):
            click.echo(str(d), err=True)


def call(fn: Callable[..., T], *args, **kwargs) -> T:
    """Call the library; a usage error becomes click's (exit 2), any other error is
    printed and ends the command with the exit status it carries (Ctrl-C: 130)."""
    from workshopkit.errors import Interrupted, Problems, UsageError, WorkshopkitError

    try:
        return fn(*args, **kwargs)
    except KeyboardInterrupt:
        stop = Interrupted()
        click.echo(str(stop), err=True)
        sys.exit(stop.exit_code)
    except UsageError as exc:
        if exc.param:
            raise click.BadParameter(exc.message, param_hint=exc.param) from None
        raise click.UsageError(exc.message) from None
    except WorkshopkitError as exc:
        report(Problems(list(exc.diagnostics)))
        sys.exit(exc.exit_code)


def default_out(out, param: str = "out") -> None:
    """Stop (exit 1) when the output folder was not given (-o) and the default one, in the
    project, is a symbolic link: a project may carry one to a folder elsewhere."""
    import os
    from pathlib import Path

    from workshopkit.errors import ERROR, Diagnostic, Pos, WorkshopkitError

    ctx = click.get_current_context()
    if ctx.get_parameter_source(param) != click.core.ParameterSource.DEFAULT \
            or not Path(out).is_symlink():
        return
    call(_raise, WorkshopkitError(Diagnostic(ERROR, Pos(str(out)), (
        f"the output folder is a symbolic link to {os.path.realpath(out)}; nothing is "
        "written through it (remove the link, or name the folder with -o)"))))


def _raise(exc: Exception) -> None:
    raise exc


def echo_lines(lines: Iterable[str], err: bool = False) -> None:
    for line in lines:
        click.echo(line, err=err)


class LiveHelp(click.Option):
    """An option whose help is written when it is shown (from the registry of kinds,
    which may have grown since the command was defined)."""

    def __init__(self, *args, help_text: Callable[[], str], **kwargs):
        super().__init__(*args, **kwargs)
        self.help_text = help_text

    def get_help_record(self, ctx):
        self.help = self.help_text()
        return super().get_help_record(ctx)
