"""tally: count filled survey forms and typed CSVs."""
from __future__ import annotations

import sys

import click

from workshopkit.cli.common import CONTEXT, call, default_out, report


@click.command(context_settings=CONTEXT)
@click.argument("survey")
@click.argument("files", metavar="[FILLED.pdf | responses.csv]...", nargs=-1,
                type=click.Path())
@click.option("-o", "--out", "out_dir", default="tally", show_default=True,
              type=click.Path(file_okay=False), help="Folder to write the tally and reports into.")
@click.option("--template", is_flag=True, help="Print the CSV header for typing up paper "
              "forms, and stop.")
@click.option("--include-text", is_flag=True, help="Put free-text answers and write-ins in "
              "the reports (shuffled, without file names). Off by default: handwriting and "
              "wording can identify people.")
@click.option("--paper", type=click.Choice(["letter", "a4"]), default=None,
              help="Paper size of the reports (default: the project's).")
@click.option("-j", "--jobs", type=click.IntRange(min=1), envvar="WORKSHOPKIT_JOBS",
              help="Processes reading files (default: one per CPU; many files only).")
def tally(survey: str, files: tuple[str, ...], out_dir: str, template: bool,
          include_text: bool, paper: str | None, jobs: int | None) -> None:
    """Count the answers to SURVEY (an id in curricula/survey/, or a survey file).

    Reads filled PDF forms in any of the survey's languages and CSV files typed
    from paper, pools the answers by question and option ids, and writes
    OUT/<id>-tally.csv and OUT/<id>-<lang>-report.pdf for each survey language.
    Counts below the survey's min_count print as "< N". A file or form that is
    not a valid answer to SURVEY is reported and skipped (exit status 1).

    \b
    Example:
      workshopkit tally member-tech --template > typed.csv
      workshopkit tally member-tech filled/*.pdf typed.csv -o tally/
    """
    import os
    from pathlib import Path

    from workshopkit import api

    if template:
        click.echo(call(api.tally_template, survey), nl=False)
        return
    if not files:
        raise click.UsageError("give the filled forms (.pdf) and typed answers (.csv) to count")
    default_out(out_dir, "out_dir")
    result = call(api.tally, survey, [Path(f) for f in files], Path(out_dir), include_text,
                  paper, jobs or os.cpu_count() or 1)
    report(result.problems)
    click.echo(result.summary(), err=True)
    sys.exit(result.exit_code)
