"""validate, schema, new and list."""
from __future__ import annotations

import sys

import click

from workshopkit.cli.common import CONTEXT, call, paths, report


@click.command(context_settings=CONTEXT)
@click.argument("paths_", metavar="[PATHS]...", nargs=-1, type=click.Path())
@click.option("--strict", is_flag=True, help="Treat warnings (translation gaps, duration "
              "mismatches, undrawable characters) as errors.")
def validate(paths_: tuple[str, ...], strict: bool) -> None:
    """Check curricula and report every problem as FILE:LINE:COL.

    PATHS are curriculum files or folders (searched recursively; catalog/ is
    skipped). Default: curricula/. Under --strict every language a curriculum
    has is checked for gaps.

    \b
    Example:
      workshopkit validate --strict curricula/
    """
    from workshopkit import api

    loaded = call(api.validate, paths(paths_), strict)
    report(loaded.problems)
    if loaded.exit_code == 0:
        n = sum(1 for c in loaded.curricula if getattr(c, "document", "") != "survey")
        s = len(loaded.curricula) - n
        click.echo(f"{n} curricul{'um' if n == 1 else 'a'} valid"
                   + (f", {s} survey{'' if s == 1 else 's'} valid" if s else ""), err=True)
    sys.exit(loaded.exit_code)


@click.command(context_settings=CONTEXT)
@click.option("--catalog", is_flag=True, help="The schema of a catalogue file.")
@click.option("--project", is_flag=True, help="The schema of workshopkit.yaml.")
@click.option("--theme", is_flag=True, help="The schema of a deck theme (theme.yaml).")
@click.option("--survey", is_flag=True,
              help="The schema of a survey file (curricula/survey/*.yaml).")
def schema(catalog: bool, project: bool, theme: bool, survey: bool) -> None:
    """Print the JSON Schema (draft-07) of curriculum files.

    Editors with yaml-language-server validate and complete curricula that
    start with the line '# yaml-language-server: $schema=../schema/curriculum.schema.json'.

    \b
    Example:
      workshopkit schema > schema/curriculum.schema.json
    """
    import json

    from workshopkit import api

    kinds = [k for k, on in (("catalog", catalog), ("project", project), ("theme", theme),
                             ("survey", survey)) if on]
    if len(kinds) > 1:
        raise click.UsageError("choose one schema: " + " or ".join(f"--{k}" for k in kinds))
    kind = kinds[0] if kinds else "curriculum"
    click.echo(json.dumps(call(api.schema, kind), indent=2, ensure_ascii=False))


@click.command(context_settings=CONTEXT)
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
    from workshopkit import api

    click.echo(f"wrote {call(api.new, id, langs, folder)}")


@click.command("list", context_settings=CONTEXT)
@click.argument("paths_", metavar="[PATHS]...", nargs=-1, type=click.Path())
@click.option("--activities", is_flag=True, help="List every activity as "
              "<curriculum>/<session>/<activity> (what 'from:' takes), with its phase, "
              "duration, languages and title.")
@click.option("--phase", metavar="PHASE", help="With --activities: only this ADIDS phase "
              "(activity, discussion, input, deepening, synthesis).")
@click.option("--lang", metavar="LANG", help="With --activities: only activities complete in "
              "this language, titled in it.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON, for scripts.")
def list_(paths_: tuple[str, ...], activities: bool, phase: str | None, lang: str | None,
          as_json: bool) -> None:
    """List curricula: id, languages, total duration, sessions.

    With --activities, list every activity instead, to pick from with 'from:'.

    \b
    Examples:
      workshopkit list curricula/
      workshopkit list --activities --phase synthesis --lang en
    """
    from workshopkit import api

    if (phase or lang) and not activities:
        raise click.UsageError("--phase and --lang go with --activities")
    if activities:
        rows, loaded = call(api.list_activities, paths(paths_), phase, lang)
        head = ("ACTIVITY", "PHASE", "DURATION", "LANGUAGES", "TITLE")
        cells = [(r.ref, r.phase, r.duration, ",".join(r.languages), r.title) for r in rows]
    else:
        rows, loaded = call(api.list_curricula, paths(paths_))
        head = ("ID", "LANGUAGES", "DURATION", "SESSIONS", "FILE")
        cells = [(r.id, r.languages, r.duration, r.sessions, r.file) for r in rows]
    if as_json:
        import dataclasses
        import json

        data = [dataclasses.asdict(r) for r in rows]
        if not activities:  # typed as the activities' JSON: a list of tags, a number
            for d in data:
                d.update(languages=d["languages"].split(","), sessions=int(d["sessions"]))
        click.echo(json.dumps(data, indent=2, ensure_ascii=False))
    else:
        table = [head, *cells]
        widths = [max(len(r[i]) for r in table) for i in range(len(head))]
        for r in table:
            click.echo("  ".join(v.ljust(w) for v, w in zip(r, widths)).rstrip())
    report(loaded.problems, quiet_notes=True)
    sys.exit(loaded.exit_code)


@click.command(context_settings=CONTEXT)
@click.option("--lang", default="en", show_default=True,
              help="Language of the labels (the alt text slides give each icon).")
def icons(lang: str) -> None:
    """List the icons slides may show with 'icon: NAME', each with its label.

    Icons are drawn in the theme's accent colour (grey with --ink low); the label,
    in the deck's language, is the icon's alt text.

    \b
    Example:
      workshopkit icons --lang es
    """
    from workshopkit import api

    rows = call(api.icons, lang)
    width = max(len(n) for n, _ in rows)
    for name, label in rows:
        click.echo(f"{name:<{width}}  {label}")
