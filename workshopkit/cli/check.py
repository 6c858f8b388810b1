"""check: build curricula in print variants and report layout defects read back."""
from __future__ import annotations

import sys

import click

from workshopkit.cli.common import CONTEXT, paths


@click.command(context_settings=CONTEXT)
@click.argument("paths_", metavar="[PATHS]...", nargs=-1, type=click.Path(exists=True))
@click.option("--all-variants", is_flag=True, help="Letter and A4 × standard, large print, "
              "booklet, large-print booklet, bilingual es,en and low ink, plus generated "
              "curricula with long words, titles, URLs and many rows.")
@click.option("-o", "--out", "out", default="build/check", show_default=True,
              type=click.Path(file_okay=False), help="Folder the variants are built into.")
@click.option("--paper", type=click.Choice(["letter", "a4"], case_sensitive=False),
              help="Paper of the standard variant (without --all-variants).")
@click.option("--pdf-only", is_flag=True, help="Build and check the printed PDFs only "
              "(no decks, no slides PDF).")
@click.option("--examples", default=5, show_default=True, type=click.IntRange(0),
              help="Examples printed per rule.")
@click.option("-j", "--jobs", default=0, type=click.IntRange(0),
              help="Processes reading outputs back (default: one per core).")
def check(paths_: tuple[str, ...], all_variants: bool, out: str, paper: str | None,
          pdf_only: bool, examples: int, jobs: int) -> None:
    """Build curricula and read every PDF and deck back: report words broken
    without a hyphen, URLs broken mid-word, blank or nearly empty pages, headings
    stranded at a page's foot, text off the page or over other text, worksheet
    pages without the running header, slide overlaps and language codes.

    PATHS are curriculum files or folders (default: curricula/). Exit status 1
    when anything is found.

    \b
    Example:
      workshopkit check curricula/ --all-variants --pdf-only
    """
    from pathlib import Path

    from workshopkit.check.run import PDF_KINDS, run, summary, variants_for

    variants = variants_for(all_variants, (paper or "letter").lower())
    rep = run(paths(paths_), Path(out), variants, generated=all_variants,
              only=PDF_KINDS if pdf_only else "", jobs=jobs,
              progress=lambda s: click.echo(s, err=True))
    for line in summary(rep, examples):
        click.echo(line)
    sys.exit(1 if rep.count or rep.failed else 0)
