"""translate status: percentages, missing and stale entries, and the exit code."""
from __future__ import annotations

from pathlib import Path

from babel.messages.pofile import write_po

from workshopkit.i18n.po_catalog import read_catalog

PO_PT = Path("curricula") / "local-surveillance.pt.po"


def translate_some(project: Path, sources: set[str]) -> None:
    po = project / PO_PT
    cat = read_catalog(po)
    for m in cat:
        if m.id in sources:
            m.string = f"PT {m.id}"
    with po.open("wb") as fh:
        write_po(fh, cat)


def test_declared_language_complete_and_plain_strings_not_counted(cli, example_project):
    r = cli("translate", "status", "--min", "100", cwd=example_project)
    assert r.exit_code == 0, r.output
    # 27 mapping Texts; the three plain strings (author name, org, resource title) are not counted
    assert r.output.strip() == "curricula/local-surveillance.yaml: en: 100% translated (27 of 27)"


def test_percentage_missing_lines_and_threshold(cli, example_project):
    cli("translate", "export", "--lang", "pt", cwd=example_project)
    translate_some(example_project, {"Vigilancia en nuestras comunidades", "Escuela",
                                     "Equipo de formación"})  # the last is a plain string
    r = cli("translate", "status", "--lang", "pt", cwd=example_project)
    assert r.exit_code == 0, r.output  # default --min 0: information only
    lines = r.output.splitlines()
    assert lines[0] == "curricula/local-surveillance.yaml: pt: 7% translated (2 of 27)"
    missing = [l.strip() for l in lines[1:]]
    assert len(missing) == 25
    assert "curricula/local-surveillance.yaml:44:16: missing: pt: " \
           "sessions.map.activities.walk.title" in missing
    assert not any(":6:3:" in l for l in missing)  # the translated title
    assert not any("authors" in l for l in missing)
    assert cli("translate", "status", "--lang", "pt", "--min", "7",
               cwd=example_project).exit_code == 0
    r = cli("translate", "status", "--lang", "pt", "--min", "8", "--summary", cwd=example_project)
    assert r.exit_code == 1
    assert r.output.splitlines()[0] == "curricula/local-surveillance.yaml: pt: 7% translated (2 of 27)"
    assert "missing" not in r.output.split("below")[0]


def test_fuzzy_entries_are_listed_and_not_counted(cli, example_project):
    cli("translate", "export", "--lang", "pt", cwd=example_project)
    po = example_project / PO_PT
    cat = read_catalog(po)
    m = cat.get("Escuela", "sessions.map.activities.walk.worksheet.checklist")
    m.string = "Escola"
    m.flags.add("fuzzy")
    with po.open("wb") as fh:
        write_po(fh, cat)
    line = read_catalog(po).get("Escuela", "sessions.map.activities.walk.worksheet.checklist").lineno
    r = cli("translate", "status", "--lang", "pt", cwd=example_project)
    assert "0% translated (0 of 27)" in r.output
    assert f"curricula/local-surveillance.pt.po:{line}:1: fuzzy: pt: " \
           "sessions.map.activities.walk.worksheet.checklist" in r.output


def test_usage_errors_exit_2(cli, example_project):
    assert cli("translate", "status", "--min", "101", cwd=example_project).exit_code == 2
    assert cli("translate", "status", "--lang", "p t", cwd=example_project).exit_code == 2


def test_invalid_curriculum_exits_1(cli, example_project):
    f = example_project / "curricula" / "local-surveillance.yaml"
    f.write_text(f.read_text(encoding="utf-8").replace("phase: deepening", "phase: nap"),
                 encoding="utf-8")
    r = cli("translate", "status", cwd=example_project)
    assert r.exit_code == 1
    assert "local-surveillance.yaml:" in r.output and "error:" in r.output


def test_help_has_examples(cli):
    for cmd in (["translate"], ["translate", "export"], ["translate", "status"]):
        r = cli(*cmd, "--help")
        assert r.exit_code == 0 and "Example:" in r.output
