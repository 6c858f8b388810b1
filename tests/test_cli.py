"""The command line: help with examples, version, schema, new, list, build, --lang, usage errors."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import click
import pytest

from workshopkit import __version__
from workshopkit.cli import main
from workshopkit.source.schema import json_schema

ROOT = Path(__file__).resolve().parent.parent


def all_commands(group: click.Group = main, prefix: tuple[str, ...] = ()):
    yield prefix, group
    for name, cmd in group.commands.items():
        if isinstance(cmd, click.Group):
            yield from all_commands(cmd, prefix + (name,))
        else:
            yield prefix + (name,), cmd


COMMANDS = [" ".join(p) for p, _ in all_commands()]


def test_the_command_set_is_known():
    assert {"validate", "schema", "new", "list", "build"} <= set(COMMANDS)


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help_with_an_example(cli, command):
    args = command.split() if command else []
    result = cli(*args, "--help")
    assert result.exit_code == 0, result.output
    assert "Usage:" in result.output
    assert "Example" in result.output, f"'workshopkit {command} --help' shows no example"
    cmd = dict(all_commands())[tuple(args)]
    assert (cmd.help or "").strip(), f"'{command}' has no help text"
    example = result.output.split("Example", 1)[1]
    assert "workshopkit" in example, "the example should show a whole command line"


def test_version(cli):
    result = cli("--version")
    assert result.exit_code == 0 and result.output.strip() == f"workshopkit, version {__version__}"


@pytest.mark.parametrize("flag, name", [((), "curriculum"), (("--catalog",), "catalog"),
                                        (("--project",), "project"), (("--theme",), "theme"),
                                        (("--survey",), "survey")])
def test_schema_prints_the_committed_schema(cli, flag, name):
    result = cli("schema", *flag)
    assert result.exit_code == 0
    printed = json.loads(result.output)
    committed = json.loads((ROOT / "schema" / f"{name}.schema.json").read_text(encoding="utf-8"))
    assert printed == committed == json_schema(name)
    assert printed["$schema"] == "http://json-schema.org/draft-07/schema#"


def test_schema_prints_one_schema_only(cli):
    """Two schema flags are a usage error, not the last one silently."""
    result = cli("schema", "--catalog", "--project")
    assert result.exit_code == 2 and not result.output.startswith("{")
    assert "--catalog or --project" in result.output


# ------------------------------------------------------------------ new

def test_new_scaffolds_a_curriculum_that_validates_and_builds(cli, tmp_path):
    result = cli("new", "data-sovereignty", "--lang", "es,en,pt", cwd=tmp_path)
    assert result.exit_code == 0, result.output
    path = tmp_path / "curricula" / "data-sovereignty.yaml"
    assert path.is_file() and f"wrote {Path('curricula') / 'data-sovereignty.yaml'}" in result.output
    result = cli("validate", cwd=tmp_path)
    assert result.exit_code == 0, result.output
    assert "1 curriculum valid" in result.output
    # no placeholder words in Portuguese: the gaps are reported, honestly
    assert "warning: no 'pt' translation" in result.output
    assert "warning: no 'en' translation" not in result.output
    result = cli("build", "-o", "out", "--only", "slides", cwd=tmp_path)
    assert result.exit_code == 0, result.output
    for lang in ("es", "en", "pt"):
        assert (tmp_path / "out" / "data-sovereignty" / lang /
                f"data-sovereignty-{lang}-slides.pptx").is_file()


def test_new_default_languages_pass_strict(cli, tmp_path):
    assert cli("new", "taller", cwd=tmp_path).exit_code == 0
    result = cli("validate", "--strict", cwd=tmp_path)
    assert result.exit_code == 0, result.output


def test_new_single_language(cli, tmp_path):
    assert cli("new", "solo", "--lang", "fr", "-d", "x", cwd=tmp_path).exit_code == 0
    assert cli("validate", "--strict", "x", cwd=tmp_path).exit_code == 0


@pytest.mark.parametrize("bad", ["Bad_Id", "-dash", "kits", "survey", "ñu", "", "a" * 65])
def test_new_refuses_bad_ids(cli, tmp_path, bad):
    result = cli("new", bad, cwd=tmp_path)
    assert result.exit_code == 2, result.output
    assert not (tmp_path / "curricula").exists() or not any((tmp_path / "curricula").iterdir())


def test_new_refuses_bad_languages(cli, tmp_path):
    assert cli("new", "x", "--lang", "spanish!", cwd=tmp_path).exit_code == 2
    assert cli("new", "x", "--lang", ",", cwd=tmp_path).exit_code == 2


def test_new_refuses_to_overwrite(cli, tmp_path):
    assert cli("new", "taller", cwd=tmp_path).exit_code == 0
    path = tmp_path / "curricula" / "taller.yaml"
    path.write_text("mine", encoding="utf-8")
    result = cli("new", "taller", cwd=tmp_path)
    assert result.exit_code == 1 and "file exists" in result.output
    assert path.read_text(encoding="utf-8") == "mine"


# ------------------------------------------------------------------ list

def test_list(cli, example_project):
    result = cli("list", cwd=example_project)
    assert result.exit_code == 0, result.output
    from workshopkit.plan.schedule import hm

    header, row = result.output.splitlines()[:2]
    assert header.split() == ["ID", "LANGUAGES", "DURATION", "SESSIONS", "FILE"]
    starts = [header.index(h) for h in ("ID", "LANGUAGES", "DURATION", "SESSIONS", "FILE")]
    cells = [row[a:b].strip() for a, b in zip(starts, starts[1:] + [None])]
    assert cells == ["local-surveillance", "es,en", hm(60), "1",
                     str(Path("curricula") / "local-surveillance.yaml")]


def test_list_json_types_its_fields_as_the_activities_json_does(cli, example_project):
    result = cli("list", "--json", cwd=example_project)
    assert result.exit_code == 0, result.output
    start = result.output.index("[")
    rows = json.loads(result.output[start:result.output.rindex("]") + 1])
    assert [(r["id"], r["languages"], r["sessions"]) for r in rows] == \
        [("local-surveillance", ["es", "en"], 1)]


def test_list_includes_languages_added_by_catalogues(cli, example_project):
    po = example_project / "curricula" / "local-surveillance.pt.po"
    po.write_text('msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n', encoding="utf-8")
    result = cli("list", cwd=example_project)
    assert "es,en,pt" in result.output


def test_list_with_a_bad_file_exits_1(cli, example_project):
    (example_project / "curricula" / "bad.yaml").write_text("workshopkit: 1\n", encoding="utf-8")
    result = cli("list", cwd=example_project)
    assert result.exit_code == 1
    assert "local-surveillance" in result.output and "bad.yaml:1:1: error:" in result.output


# ------------------------------------------------------------------ validate / build

def test_validate_folder_skips_catalog(cli, example_project):
    result = cli("validate", "curricula", cwd=example_project)
    assert result.exit_code == 0, result.output
    assert "1 curriculum valid" in result.output


def test_validate_strict_fails_on_warnings(cli, example_project):
    f = example_project / "curricula" / "local-surveillance.yaml"
    f.write_text(f.read_text(encoding="utf-8").replace(
        "title: {es: Caminata de las cámaras, en: Camera walk}", "title: {es: Caminata de las cámaras}"),
        encoding="utf-8")
    assert cli("validate", cwd=example_project).exit_code == 0
    result = cli("validate", "--strict", cwd=example_project)
    assert result.exit_code == 1
    assert "warning: no 'en' translation" in result.output


def test_validate_strict_passes_with_only_notes(cli, example_project):
    f = example_project / "curricula" / "local-surveillance.yaml"
    f.write_text(f.read_text(encoding="utf-8").replace(
        "url: https://ssd.eff.org/", "url: https://ssd.eff.org/?utm_source=newsletter"), encoding="utf-8")
    result = cli("validate", "--strict", cwd=example_project)
    assert result.exit_code == 0, result.output
    assert "note: removed tracking parameter utm_source" in result.output


def test_build_writes_the_paths_format_md_lists(cli, example_project):
    from workshopkit.build.kinds import available

    result = cli("build", "-o", "build", cwd=example_project)
    assert result.exit_code == 0, result.output
    ext = {"slides": "pptx", "worksheets": "pdf", "guide": "pdf", "videos": "pdf"}
    expected = {f"local-surveillance/{lang}/local-surveillance-{lang}-{kind}.{ext[kind]}"
                for lang in ("es", "en") for kind in available() if kind in ext}
    out = example_project / "build"
    written = {p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file()}
    assert expected and expected <= written


@pytest.mark.parametrize("args, langs", [(("--lang", "es"), {"es"}),
                                         (("--lang", "es,en"), {"es", "en"}),
                                         (("--lang", "en", "--lang", "es"), {"es", "en"})])
def test_build_lang_filter(cli, example_project, args, langs):
    result = cli("build", "-o", "out", "--only", "slides", *args, cwd=example_project)
    assert result.exit_code == 0, result.output
    got = {p.name for p in (example_project / "out" / "local-surveillance").iterdir()}
    assert got == langs


def test_build_lang_missing_is_skipped_with_a_note(cli, example_project):
    result = cli("build", "-o", "out", "--only", "slides", "--lang", "fr,es", cwd=example_project)
    assert result.exit_code == 0, result.output
    assert "note: 'local-surveillance' has no language 'fr'; skipped" in result.output
    got = {p.name for p in (example_project / "out" / "local-surveillance").iterdir()}
    assert got == {"es"}


@pytest.mark.parametrize("option, value", [("--lang", "p t"), ("--lang", "es,es_MX"),
                                           ("--bilingual", "es,e n")])
def test_build_refuses_what_is_not_a_language_tag(cli, example_project, option, value):
    """A typo in a language is a usage error, as in translate status, not a note that the
    curriculum has no such language and an exit status of 0."""
    result = cli("build", "-o", "out", "--only", "agenda", option, value, cwd=example_project)
    assert result.exit_code == 2, result.output
    assert "is not a language tag" in result.output and option in result.output
    assert not (example_project / "out").exists()


@pytest.mark.parametrize("args", [
    ("build", "--only", "posters"),
    ("build", "--paper", "legal"),
    ("build", "--start", "25:00"),
    ("build", "--bilingual", "es"),
    ("validate", "--no-such-flag"),
    ("schema", "extra-arg"),
    ("no-such-command",),
    ("new",),
])
def test_usage_errors_exit_2(cli, example_project, args):
    result = cli(*args, cwd=example_project)
    assert result.exit_code == 2, result.output
    assert not (example_project / "build").exists()


def test_no_path_and_no_curricula_folder_is_a_usage_error(cli, tmp_path):
    for cmd in ("validate", "build", "list"):
        result = cli(cmd, cwd=tmp_path)
        assert result.exit_code == 2 and "no curricula/ folder here" in result.output


def test_missing_file_exits_1(cli, tmp_path):
    result = cli("validate", "nope.yaml", cwd=tmp_path)
    assert result.exit_code == 1 and "nope.yaml: error: no such file or folder" in result.output


def test_help_does_not_import_heavy_libraries():
    code = ("import sys, runpy\nsys.argv = ['workshopkit', '--help']\n"
            "try:\n    runpy.run_module('workshopkit', run_name='__main__')\n"
            "except SystemExit:\n    pass\n"
            "heavy = sorted(m for m in sys.modules if m.split('.')[0] in "
            "('pptx', 'reportlab', 'PIL', 'zxingcpp', 'babel'))\n"
            "print('HEAVY', heavy)\n")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr
    assert "Usage:" in proc.stdout
    assert "HEAVY []" in proc.stdout, proc.stdout


def test_a_folder_without_curricula_is_a_warning(cli, tmp_path):
    (tmp_path / "empty").mkdir()
    plain = cli("validate", str(tmp_path / "empty"))
    assert plain.exit_code == 0
    assert "warning: no curriculum files" in plain.output
    strict = cli("validate", "--strict", str(tmp_path / "empty"))
    assert strict.exit_code == 1


def test_an_internal_error_is_one_line_not_a_traceback(tmp_path):
    import subprocess
    import sys

    code = ("import sys, workshopkit.build.targets as b, workshopkit.cli as c\n"
            "def boom(*a, **k):\n    raise ValueError('unexpected state')\n"
            "b.load_all = boom\nsys.argv = ['workshopkit', 'validate', '.']\nc.run()\n")
    res = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, capture_output=True,
                         text=True)
    assert res.returncode == 1
    assert "Traceback" not in res.stderr
    assert "internal error: ValueError: unexpected state" in res.stderr
    debug = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, capture_output=True,
                           text=True, env={**__import__("os").environ, "WORKSHOPKIT_DEBUG": "1"})
    assert "Traceback" in debug.stderr


def test_jobs_default_comes_from_the_environment(tmp_path, monkeypatch):
    """WORKSHOPKIT_JOBS sets the default of -j; -j on the command line wins."""
    from click.testing import CliRunner

    from workshopkit import api

    seen = []
    monkeypatch.setattr(api, "build", lambda req, **kw: seen.append(req.jobs) or
                        (_ for _ in ()).throw(SystemExit(0)))
    for env, args, want in (("3", [], 3), ("3", ["-j", "2"], 2)):
        monkeypatch.setenv("WORKSHOPKIT_JOBS", env)
        CliRunner().invoke(main, ["build", "curricula", "-o", str(tmp_path / "o"), *args])
    assert seen == [3, 2]
