"""translate export and translate status: gettext catalogues for translators."""
from __future__ import annotations

import sys

import click

from workshopkit.cli.common import CONTEXT, call, paths, report


@click.group(context_settings=CONTEXT)
def translate() -> None:
    """Work with translators: gettext catalogues (.po) beside the curricula.

    \b
    Example:
      workshopkit translate export --lang pt     # write curricula/*.pt.po
      workshopkit translate status --min 90      # fail below 90 % translated
    """


@translate.command("export", context_settings=CONTEXT)
@click.argument("paths_", metavar="[PATHS]...", nargs=-1, type=click.Path())
@click.option("--lang", "langs", multiple=True,
              help="Languages to export, comma-separated; may repeat.")
@click.option("--pot", is_flag=True, help="Also write a <stem>.pot template.")
def translate_export(paths_: tuple[str, ...], langs: tuple[str, ...], pot: bool) -> None:
    """Write <stem>.<lang>.po beside each curriculum and each catalogue it uses.

    Existing translations are kept; an entry whose source text changed is
    marked fuzzy (with the previous text); entries no longer used are kept
    as obsolete (#~). Translations written in the YAML are filled in.

    \b
    Example:
      workshopkit translate export --lang pt,fr curricula/
      workshopkit translate export --pot
    """
    from workshopkit import api

    written, loaded = call(api.translate_export, paths(paths_), langs, pot)
    for path in written:  # every path as the diagnostics print it: from the current folder
        note = loaded.notes.get(path)
        click.echo(f"wrote {api.display(path)}" + (f" ({note})" if note else ""))
    report(loaded.problems)
    click.echo(f"{len(written)} catalogue{'s' if len(written) != 1 else ''} written", err=True)
    sys.exit(1 if loaded.failed or loaded.problems.errors else 0)


@translate.command("status", context_settings=CONTEXT)
@click.argument("paths_", metavar="[PATHS]...", nargs=-1, type=click.Path())
@click.option("--lang", "langs", multiple=True,
              help="Languages to check, comma-separated; may repeat. Default: every "
              "language each document has.")
@click.option("--min", "minimum", type=click.IntRange(0, 100), default=0, show_default=True,
              help="Exit with status 1 when a document is less translated than this percent.")
@click.option("--summary", is_flag=True, help="Only the percentages, not each missing entry.")
def translate_status(paths_: tuple[str, ...], langs: tuple[str, ...], minimum: int,
                     summary: bool) -> None:
    """Show how much of each curriculum and catalogue is translated.

    One line per document and language with the percentage of texts
    translated (plain strings, the same in every language, are not counted),
    then FILE:LINE:COL: missing|stale|fuzzy: LANG: PATH for each entry to do.

    \b
    Example:
      workshopkit translate status --lang pt --min 100
    """
    from workshopkit import api

    rows, loaded = call(api.translate_status, paths(paths_), langs)
    for row in rows:
        click.echo(row.summary())
        if not summary:
            for finding in row.findings:
                click.echo(f"  {finding}")
    low = [r for r in rows if r.percent < minimum]
    report(loaded.problems)
    if low:
        click.echo(f"{len(low)} below {minimum}%", err=True)
    sys.exit(1 if loaded.failed or low or loaded.problems.errors else 0)
