"""build, kit and watch: command-line options in, one request, the same report out."""
from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Callable

import click

from workshopkit.cli.common import CONTEXT, LiveHelp, call, default_out, paths, report

if TYPE_CHECKING:
    from workshopkit import api


def _kinds_help(text: str, part: str = "") -> Callable[[], str]:
    """Help that names kinds from the registry: every output kind, or those reading ``part``."""
    def help_text() -> str:
        from workshopkit.build import kinds  # the registry alone: no writer is imported

        names = kinds.reading(part) if part else kinds.available(None)
        return text.format(kinds=", ".join(names))

    return help_text


def build_options(f):
    """The options build, kit and watch share."""
    opts = [
        click.argument("paths", nargs=-1, type=click.Path()),
        click.option("-o", "--out", "out", default="build", show_default=True,
                     type=click.Path(file_okay=False), help="Output folder."),
        click.option("--lang", "langs", multiple=True,
                     help="Languages to build, comma-separated; may repeat. Default: every "
                          "language."),
        click.option("--only", cls=LiveHelp,
                     help_text=_kinds_help("Kinds to build, comma-separated: {kinds}.")),
        click.option("--strict", is_flag=True,
                     help="Any warning (such as a translation gap) is an error."),
        click.option("--start", help="Start time of day one, HH:MM (default: the project's, or "
                                     "09:00)."),
        click.option("--paper", type=click.Choice(["letter", "a4"], case_sensitive=False),
                     help="Paper size of PDFs (default: the project's, or letter)."),
        click.option("--ink", type=click.Choice(["normal", "low"], case_sensitive=False),
                     help="low: greyscale, no filled backgrounds."),
        click.option("--large-print", is_flag=True, default=None,
                     help="Body text at least 16 pt, reflowed."),
        click.option("--booklet", is_flag=True, default=None,
                     help="Half-size pages imposed 2-up for fold-and-staple."),
        click.option("--cards", type=click.Choice(["cut", "page"], case_sensitive=False),
                     help="Video handout: several cards per page with cut marks, or one per "
                          "page."),
        click.option("--anonymous/--no-anonymous", default=None,
                     help="Leave author names out of file metadata and the Name field off "
                          "worksheets (default: the project's 'anonymous', or off)."),
        click.option("--theme", type=click.Path(dir_okay=False, exists=True), cls=LiveHelp,
                     help_text=_kinds_help("A theme.yaml (colours, fonts, logo) for the slides; "
                                           "read by: {kinds} (the guide to number the "
                                           "slides; the other kinds keep their own look).",
                                           "theme")),
        click.option("--template", type=click.Path(dir_okay=False, exists=True), cls=LiveHelp,
                     help_text=_kinds_help("An organisation's .pptx template; read by: {kinds}.",
                                           "template")),
        click.option("--delivery", type=click.Choice(["in-person", "online", "hybrid"]),
                     help="Deliver the workshop in person, online or hybrid, whatever the "
                          "curriculum's 'delivery' says; outputs of another delivery than the "
                          "file's get '-online' (…) in their names."),
        click.option("--bilingual",
                     help="Also build bilingual material for two languages, e.g. es,en."),
        click.option("-j", "--jobs", type=click.IntRange(min=1), envvar="WORKSHOPKIT_JOBS",
                     show_envvar=True,
                     help="Processes to build with (default: the number of cores)."),
        click.option("-q", "--quiet", is_flag=True,
                     help="No progress bar, no summary and no notes (warnings and errors "
                          "still print)."),
    ]
    for opt in reversed(opts):
        f = opt(f)
    return f


def request(paths_, out, langs, only, strict, start, paper, ink, large_print, booklet, cards,
            anonymous, theme, template, bilingual, jobs, delivery=None,
            kit=None) -> api.BuildRequest:
    """Command-line values -> a build request (checked by the library)."""
    import os

    from workshopkit import api

    default_out(out)
    overrides = {"paper": paper, "start": start, "ink": ink, "large_print": large_print,
                 "booklet": booklet, "cards": cards, "anonymous": anonymous, "theme": theme,
                 "template": template, "delivery": delivery}
    req = api.BuildRequest(paths=tuple(paths(paths_)), out_dir=out, overrides=overrides,
                           kinds=only, languages=langs, strict=strict, bilingual=bilingual,
                           jobs=jobs or os.cpu_count() or 1, kit=kit)
    return call(req.checked)


def build_and_report(req: api.BuildRequest, quiet: bool) -> int:
    """Build, print diagnostics and the summary line; return the exit status."""
    from workshopkit import api

    bar = None

    def on_plan(n: int) -> None:
        nonlocal bar
        if n and not quiet and sys.stderr.isatty():
            bar = click.progressbar(length=n, label="Building", file=sys.stderr)
            bar.__enter__()

    try:
        result = call(api.build, req, on_plan=on_plan,
                      progress=lambda _t: bar.update(1) if bar else None)
    finally:
        if bar is not None:
            bar.__exit__(None, None, None)
    report(result.problems, quiet_notes=quiet)
    if not quiet:
        click.echo(result.summary(), err=True)
    return result.exit_code


@click.command(context_settings=CONTEXT)
@build_options
def build(paths, quiet, **kw) -> None:
    """Write decks and printables for every curriculum and language.

    Outputs go to OUT/<id>/<lang>/<id>-<lang>-<kind>.<ext> (bilingual material
    to OUT/<id>/<a>+<b>/). Only what changed since the last build is rebuilt; a
    build with nothing to do writes nothing. A curriculum with errors writes
    nothing; the others still build. Files are renamed into place whole, so an
    interrupted build never leaves a half-written file.

    \b
    Example:
      workshopkit build curricula/ --lang es --only slides -o build/
    """
    sys.exit(build_and_report(request(paths, **kw), quiet))


@click.command(context_settings=CONTEXT)
@build_options
@click.option("--participants", type=click.IntRange(min=1),
              help="Add a print plan for this many participants to the kit's cover.")
@click.option("--facilitators", type=click.IntRange(min=1), default=1, show_default=True,
              help="Facilitators, for the print plan (one guide each).")
def kit(paths, quiet, participants, facilitators, **kw) -> None:
    """Build what is needed and pack printable kits, one zip per curriculum and language.

    A kit, OUT/kits/<id>-<lang>.zip, holds every output, a cover PDF that
    lists what is inside and what to print, and manifest.json (sizes and
    SHA-256 checksums). With --participants the cover says how many copies of
    each file to print and how many sheets of paper that takes.

    \b
    Example:
      workshopkit kit curricula/ --lang es --participants 20 --paper a4
    """
    from workshopkit import api

    req = request(paths, **kw, kit=api.KitRequest(participants, facilitators))
    sys.exit(build_and_report(req, quiet))


@click.command(context_settings=CONTEXT)
@build_options
def watch(paths, quiet, **kw) -> None:
    """Build, then rebuild what changed each time a file is saved (Ctrl-C stops).

    Errors are printed as FILE:LINE:COL and watching goes on.

    \b
    Example:
      workshopkit watch curricula/ --lang es --only slides
    """
    from workshopkit import api

    req = request(paths, **kw)
    try:  # Ctrl-C while waiting for changes ends the watch; while building, the build
        api.watch(req, lambda r: build_and_report(r, quiet), lambda s: click.echo(s, err=True),
                  quiet=quiet)
    except KeyboardInterrupt:
        pass
    sys.exit(0)
