"""The command line: options in, one library call, diagnostics and exit codes out.

Exit status: 0 success (warnings allowed), 1 invalid input (or any warning
under --strict), 2 wrong usage.  Heavy libraries (python-pptx, reportlab) are
imported only by the commands that write outputs.
"""
from __future__ import annotations

import sys

import click

from workshopkit import __version__

CONTEXT = {"help_option_names": ["-h", "--help"], "max_content_width": 100}
DEFAULT_PATHS = ("curricula",)


def _path(p):
    """pathlib is imported on first use: `workshopkit --help` starts faster without it."""
    from pathlib import Path

    return Path(p)


def _paths(paths: tuple[str, ...]) -> list:
    return [_path(p) for p in (paths or DEFAULT_PATHS)]


def report(problems, strict: bool = False, quiet_notes: bool = False) -> int:
    """Print every diagnostic; return the exit status they call for."""
    for d in problems.sorted():
        if quiet_notes and d.severity == "note":
            continue
        click.echo(str(d), err=True)
    return 1 if problems.failed(strict) else 0


def _missing_default(paths: tuple[str, ...]) -> None:
    if not paths and not _path(DEFAULT_PATHS[0]).exists():
        raise click.UsageError("no PATH given and no curricula/ folder here")


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


def _count(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def _summary(out, written: int, current: int, slides: int, pages: int, warnings: int) -> str:
    return (f"{out}: {_count(written, 'file')} written, {current} up to date; "
            f"{_count(slides, 'slide')}, {_count(pages, 'page')}, {_count(warnings, 'warning')}")


@main.command(context_settings=CONTEXT)
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("--strict", is_flag=True, help="Treat warnings (translation gaps, duration "
              "mismatches, undrawable characters) as errors.")
def validate(paths: tuple[str, ...], strict: bool) -> None:
    """Check curricula and report every problem as FILE:LINE:COL.

    PATHS are curriculum files or folders (searched recursively; catalog/ is
    skipped). Default: curricula/. Under --strict every language a curriculum
    has is checked for gaps.

    \b
    Example:
      workshopkit validate --strict curricula/
    """
    from workshopkit.build.runner import load_all
    from workshopkit.errors import Problems

    _missing_default(paths)
    problems = Problems()
    good, bad = load_all(_paths(paths), problems, strict=strict)
    status = report(problems, strict)
    if status == 0:
        click.echo(f"{len(good)} curricul{'um' if len(good) == 1 else 'a'} valid", err=True)
    sys.exit(status)


@main.command(context_settings=CONTEXT)
@click.option("--catalog", "kind", flag_value="catalog", help="The schema of a catalogue file.")
@click.option("--project", "kind", flag_value="project", help="The schema of workshopkit.yaml.")
def schema(kind: str | None) -> None:
    """Print the JSON Schema (draft-07) of curriculum files.

    Editors with yaml-language-server validate and complete curricula that
    start with the line '# yaml-language-server: $schema=../schema/curriculum.schema.json'.

    \b
    Example:
      workshopkit schema > schema/curriculum.schema.json
    """
    import json

    from workshopkit.source.spec import json_schema

    click.echo(json.dumps(json_schema(kind or "curriculum"), indent=2, ensure_ascii=False))


@main.command(context_settings=CONTEXT)
@click.argument("id")
@click.option("--lang", "langs", default="es,en", show_default=True,
              help="Comma-separated languages; the first is the source language.")
@click.option("-d", "--dir", "folder", default="curricula", show_default=True,
              type=click.Path(file_okay=False), help="Folder to write the curriculum into.")
def new(id: str, langs: str, folder: str) -> None:
    """Start a new curriculum ID.yaml that validates and builds.

    \b
    Example:
      workshopkit new data-sovereignty --lang es,en
    """
    from workshopkit.build.scaffold import scaffold

    try:
        path = scaffold(id, [l.strip() for l in langs.split(",") if l.strip()], _path(folder))
    except ValueError as exc:
        raise click.UsageError(str(exc)) from None
    except FileExistsError as exc:
        click.echo(f"{exc}: error: file exists; choose another id or remove it", err=True)
        sys.exit(1)
    click.echo(f"wrote {path}")


@main.command("list", context_settings=CONTEXT)
@click.argument("paths", nargs=-1, type=click.Path())
def list_(paths: tuple[str, ...]) -> None:
    """List curricula: id, languages, total duration, sessions.

    \b
    Example:
      workshopkit list curricula/
    """
    from workshopkit.build.runner import load_all
    from workshopkit.errors import Problems
    from workshopkit.source.project import display
    from workshopkit.plan.schedule import hm

    _missing_default(paths)
    problems = Problems()
    good, _bad = load_all(_paths(paths), problems)
    rows = [("ID", "LANGUAGES", "DURATION", "SESSIONS", "FILE")]
    for c in good:
        rows.append((c.id, ",".join(c.all_languages), hm(c.minutes), str(len(c.sessions)),
                     display(c.path)))
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    for r in rows:
        click.echo("  ".join(v.ljust(w) for v, w in zip(r, widths)).rstrip())
    status = report(problems, quiet_notes=True)
    sys.exit(1 if problems.errors else status)


def _build_options(f):
    """The options build, kit and watch share."""
    opts = [
        click.argument("paths", nargs=-1, type=click.Path()),
        click.option("-o", "--out", "out", default="build", show_default=True,
                     type=click.Path(file_okay=False), help="Output folder."),
        click.option("--lang", "langs", multiple=True,
                     help="Languages to build, comma-separated; may repeat. Default: every "
                          "language."),
        click.option("--only", help="Kinds to build, comma-separated: slides, worksheets, guide, "
                                    "videos."),
        click.option("--strict", is_flag=True,
                     help="Any warning (such as a translation gap) is an error."),
        click.option("--start", help="Start time of day one, HH:MM (default: the project's, or "
                                     "09:00)."),
        click.option("--paper", type=click.Choice(["letter", "a4"]),
                     help="Paper size of PDFs (default: the project's, or letter)."),
        click.option("--ink", type=click.Choice(["normal", "low"]),
                     help="low: greyscale, no filled backgrounds."),
        click.option("--large-print", is_flag=True, default=None,
                     help="Body text at least 16 pt, reflowed."),
        click.option("--booklet", is_flag=True, default=None,
                     help="Half-size pages imposed 2-up for fold-and-staple."),
        click.option("--cards", type=click.Choice(["cut", "page"]),
                     help="Video handout: several cards per page with cut marks, or one per "
                          "page."),
        click.option("--anonymous/--no-anonymous", default=None,
                     help="Leave author names out of file metadata and the Name field off "
                          "worksheets (default: the project's 'anonymous', or off)."),
        click.option("--theme", type=click.Path(dir_okay=False, exists=True),
                     help="A theme.yaml (colours, fonts, logo) for decks and PDFs."),
        click.option("--template", type=click.Path(dir_okay=False, exists=True),
                     help="An organisation's .pptx template for the deck."),
        click.option("--bilingual",
                     help="Also build bilingual material for two languages, e.g. es,en."),
        click.option("-j", "--jobs", type=click.IntRange(min=1),
                     help="Processes to build with (default: the number of cores)."),
        click.option("-q", "--quiet", is_flag=True, help="No progress bar and no summary."),
    ]
    for opt in reversed(opts):
        f = opt(f)
    return f


def _request(paths, out, langs, only, strict, start, paper, ink, large_print, booklet, cards,
             anonymous, theme, template, bilingual, jobs, quiet) -> dict:
    """Command-line values -> keyword arguments of workshopkit.build.runner.build."""
    import os

    from workshopkit.build.kinds import KINDS

    _missing_default(paths)
    kinds = None
    if only:
        kinds = tuple(k.strip() for k in only.split(",") if k.strip())
        unknown = [k for k in kinds if k not in KINDS]
        if unknown:
            raise click.BadParameter(f"unknown kind {', '.join(unknown)}; choose from "
                                     f"{', '.join(KINDS)}", param_hint="--only")
    pair = None
    if bilingual:
        pair = tuple(l.strip() for l in bilingual.split(",") if l.strip())
        if len(pair) != 2 or pair[0] == pair[1]:
            raise click.BadParameter("give two different languages, such as es,en",
                                     param_hint="--bilingual")
    overrides = {"paper": paper, "start": _clock(start), "ink": ink, "large_print": large_print,
                 "booklet": booklet, "cards": cards, "anonymous": anonymous,
                 "theme": _path(theme) if theme else None,
                 "template": _path(template) if template else None}
    return {"paths": _paths(paths), "out_dir": _path(out), "overrides": overrides,
            "kinds": kinds, "languages": _split_langs(langs) or None, "strict": strict,
            "bilingual": pair, "jobs": jobs or os.cpu_count() or 1, "quiet": quiet}


def _split_langs(values) -> list[str]:
    """--lang es,en --lang pt -> ['es', 'en', 'pt'] (without loading the build layer)."""
    out: list[str] = []
    for part in ",".join(values).split(","):
        if part.strip() and part.strip() not in out:
            out.append(part.strip())
    return out


def _build_and_report(req: dict, kit=None) -> int:
    """Build (or find nothing to do), print diagnostics and a summary; the exit status."""
    from workshopkit.build.cache import up_to_date
    from workshopkit.errors import Diagnostic, Pos, Problems

    quiet, jobs = req["quiet"], req["jobs"]
    args = {k: v for k, v in req.items() if k not in ("quiet", "jobs")}
    problems = Problems()
    _cache, _key, _src, record = up_to_date(args["paths"], args["out_dir"], args["overrides"],
                                            args["kinds"], args["languages"], args["strict"],
                                            args["bilingual"], kit)
    if record is not None:  # nothing changed: no YAML parsed, no writer imported
        for sev, file, line, col, message in record["diagnostics"]:
            problems.items.append(Diagnostic(sev, Pos(file, line, col), message))
        status = report(problems, args["strict"])
        if not quiet:
            click.echo(_summary(args["out_dir"], 0, len(record["outputs"]),
                                record["summary"]["slides"], record["summary"]["pages"],
                                len(problems.warnings)), err=True)
        return status
    from workshopkit.build.runner import build as run
    from workshopkit.build.kinds import KINDS, WRITERS

    missing = [k for k in (args["kinds"] or KINDS) if k not in WRITERS]
    if missing:
        click.echo(f"note: not available yet: {', '.join(missing)}", err=True)
    bar = None
    show = not quiet and sys.stderr.isatty()

    def on_plan(n: int) -> None:
        nonlocal bar
        if show and n:
            bar = click.progressbar(length=n, label="Building", file=sys.stderr)
            bar.__enter__()

    try:
        result = run(**args, problems=problems, jobs=jobs, kit=kit, on_plan=on_plan,
                     progress=lambda t: bar.update(1) if bar else None)
    finally:
        if bar is not None:
            bar.__exit__(None, None, None)
    status = report(problems, args["strict"])
    if not quiet:
        click.echo(_summary(args["out_dir"], len(result.written), len(result.up_to_date),
                            result.slides, result.pages, result.warnings), err=True)
    return 1 if result.failed else status


@main.command(context_settings=CONTEXT)
@_build_options
def build(**kw) -> None:
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
    sys.exit(_build_and_report(_request(**kw)))


@main.command(context_settings=CONTEXT)
@_build_options
@click.option("--participants", type=click.IntRange(min=1),
              help="Add a print plan for this many participants to the kit's cover.")
@click.option("--facilitators", type=click.IntRange(min=1), default=1, show_default=True,
              help="Facilitators, for the print plan (one guide each).")
def kit(participants, facilitators, **kw) -> None:
    """Build what is needed and pack printable kits, one zip per curriculum and language.

    A kit, OUT/kits/<id>-<lang>.zip, holds every output, a cover PDF that
    lists what is inside and what to print, and manifest.json (sizes and
    SHA-256 checksums). With --participants the cover says how many copies of
    each file to print and how many sheets of paper that takes.

    \b
    Example:
      workshopkit kit curricula/ --lang es --participants 20 --paper a4
    """
    from workshopkit.build.cache import KitRequest

    sys.exit(_build_and_report(_request(**kw), KitRequest(participants, facilitators)))


@main.command(context_settings=CONTEXT)
@_build_options
def watch(**kw) -> None:
    """Build, then rebuild what changed each time a file is saved (Ctrl-C stops).

    Errors are printed as FILE:LINE:COL and watching goes on.

    \b
    Example:
      workshopkit watch curricula/ --lang es --only slides
    """
    from workshopkit.build.watch import Watcher

    req = _request(**kw)
    try:
        Watcher(req, echo=lambda s: click.echo(s, err=True)).run()
    except KeyboardInterrupt:
        pass
    sys.exit(0)


def _clock(value: str | None):
    if value is None:
        return None
    import datetime as dt
    import re

    m = re.match(r"^(\d{1,2}):(\d{2})$", value)
    if not m or int(m.group(1)) > 23 or int(m.group(2)) > 59:
        raise click.BadParameter("use HH:MM, such as 09:30", param_hint="--start")
    return dt.time(int(m.group(1)), int(m.group(2)))



# ---------------------------------------------------------------- translate

@main.group(context_settings=CONTEXT)
def translate() -> None:
    """Work with translators: gettext catalogues (.po) beside the curricula.

    \b
    Example:
      workshopkit translate export --lang pt     # write curricula/*.pt.po
      workshopkit translate status --min 90      # fail below 90 % translated
    """


def _translation_docs(paths: tuple[str, ...]):
    from workshopkit.build.runner import load_all
    from workshopkit.errors import Problems
    from workshopkit.i18n.translate import documents

    _missing_default(paths)
    problems = Problems()
    good, bad = load_all(_paths(paths), problems, languages=set())
    return documents(good), bad, problems


def _lang_list(values: tuple[str, ...]) -> list[str]:
    from workshopkit.build.runner import parse_langs
    from workshopkit.i18n.translate import check_lang

    langs = parse_langs(values)
    wrong = [l for l in langs if not check_lang(l)]
    if wrong:
        raise click.BadParameter(f"'{wrong[0]}' is not a language tag (such as pt, pt-BR)",
                                 param_hint="--lang")
    return langs


@translate.command("export", context_settings=CONTEXT)
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("--lang", "langs", multiple=True,
              help="Languages to export, comma-separated; may repeat.")
@click.option("--pot", is_flag=True, help="Also write a <stem>.pot template.")
def translate_export(paths: tuple[str, ...], langs: tuple[str, ...], pot: bool) -> None:
    """Write <stem>.<lang>.po beside each curriculum and each catalogue it uses.

    Existing translations are kept; an entry whose source text changed is
    marked fuzzy (with the previous text); entries no longer used are kept
    as obsolete (#~). Translations written in the YAML are filled in.

    \b
    Example:
      workshopkit translate export --lang pt,fr curricula/
      workshopkit translate export --pot
    """
    from workshopkit.i18n.translate import export

    wanted = _lang_list(langs)
    if not wanted and not pot:
        raise click.UsageError("give --lang (such as --lang pt) or --pot")
    docs, bad, problems = _translation_docs(paths)
    written = export(docs, wanted, pot, problems)
    for path in written:
        click.echo(f"wrote {path}")
    status = report(problems)
    click.echo(f"{len(written)} catalogue{'s' if len(written) != 1 else ''} written", err=True)
    sys.exit(1 if bad or status else 0)


@translate.command("status", context_settings=CONTEXT)
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("--lang", "langs", multiple=True,
              help="Languages to check, comma-separated; may repeat. Default: every "
              "language each document has.")
@click.option("--min", "minimum", type=click.IntRange(0, 100), default=0, show_default=True,
              help="Exit with status 1 when a document is less translated than this percent.")
@click.option("--summary", is_flag=True, help="Only the percentages, not each missing entry.")
def translate_status(paths: tuple[str, ...], langs: tuple[str, ...], minimum: int,
                     summary: bool) -> None:
    """Show how much of each curriculum and catalogue is translated.

    One line per document and language with the percentage of texts
    translated (plain strings, the same in every language, are not counted),
    then FILE:LINE:COL: missing|stale|fuzzy: LANG: PATH for each entry to do.

    \b
    Example:
      workshopkit translate status --lang pt --min 100
    """
    from workshopkit.i18n.translate import status as measure

    wanted = _lang_list(langs)
    docs, bad, problems = _translation_docs(paths)
    rows = measure(docs, wanted or None)
    for row in rows:
        click.echo(row.summary())
        if not summary:
            for finding in row.findings:
                click.echo(f"  {finding}")
    low = [r for r in rows if r.percent < minimum]
    report(problems)
    if low:
        click.echo(f"{len(low)} below {minimum}%", err=True)
    sys.exit(1 if bad or low or problems.errors else 0)


def run() -> None:
    """The console entry point: no traceback reaches a user unless they ask for one.

    Bad input is reported by the commands themselves; this catches what would
    be a bug in workshopkit, says so in one line, and exits 1.  Set
    WORKSHOPKIT_DEBUG=1 to see the traceback.
    """
    import os

    try:
        main(standalone_mode=True)
    except KeyboardInterrupt:
        click.echo("interrupted", err=True)
        sys.exit(130)
    except Exception as exc:  # noqa: BLE001 - the last line of defence
        if os.environ.get("WORKSHOPKIT_DEBUG"):
            raise
        click.echo(f"workshopkit: internal error: {type(exc).__name__}: {exc} "
                   "(set WORKSHOPKIT_DEBUG=1 to see where; please report it)", err=True)
        sys.exit(1)


if __name__ == "__main__":  # pragma: no cover
    run()
