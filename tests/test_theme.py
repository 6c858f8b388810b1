"""theme.yaml is converted by the spec's theme record; validate and build report its problems.

Each bad theme must fail `workshopkit validate` (exit 1, FILE:LINE:COL, no
traceback) and `workshopkit build` (exit 1, nothing written), as a bad
curriculum does.
"""
from __future__ import annotations

import shutil
from dataclasses import replace
from pathlib import Path

import pytest

from conftest import DATA
from workshopkit import api
from workshopkit.errors import WorkshopkitError
from workshopkit.source.fonts import font_path
from workshopkit.source.theme import DEFAULT, files, load, read

MINI = """\
workshopkit: 1
id: mini
languages: [en]
title: Mini
sessions:
  - id: s1
    title: One
    activities:
      - id: a1
        title: Start
        phase: input
        duration: 10m
        slides:
          - bullets: [Hello]
"""


@pytest.fixture
def project(tmp_path) -> Path:
    root = tmp_path / "p"
    (root / "curricula").mkdir(parents=True)
    (root / "workshopkit.yaml").write_text("paper: a4\n")
    (root / "curricula" / "mini.yaml").write_text(MINI)
    shutil.copy(DATA / "slides-all" / "logo.png", root / "logo.png")
    (root / "notes.png").write_text("not an image\n")
    return root


BAD = {
    "unknown-key": ('colors:\n  title: "#7A1F5C"\n  acent: "#00AA55"\n', "3:3",
                    "unknown key 'acent' in the theme's colors; did you mean 'accent'?"),
    "bad-colour": ("colors:\n  accent: #00AA55\n", "2:10",
                   "colour 'accent' must be six hex digits, such as \"#1B3A5C\" "
                   "(quote it: # starts a YAML comment)"),
    "missing-logo": ("colors: {}\nlogo: gone.png\n", "2:7", "logo file not found: "),
    "logo-not-an-image": ("logo: notes.png\n", "1:7", "is not a PNG or JPEG file"),
}


def located(output: str, where: str, message: str) -> list[str]:
    return [line for line in output.splitlines()
            if line.startswith(f"theme.yaml:{where}: error: ") and message in line]


@pytest.mark.parametrize("case", sorted(BAD))
def test_validate_reports_a_broken_theme(project, cli, case):
    text, where, message = BAD[case]
    (project / "theme.yaml").write_text(text)
    r = cli("validate", "curricula", cwd=project)
    assert r.exit_code == 1, r.output
    assert "Traceback" not in r.output and isinstance(r.exception, (SystemExit, type(None)))
    assert len(located(r.output, where, message)) == 1, r.output
    assert "valid" not in r.output


@pytest.mark.parametrize("case", sorted(BAD))
def test_build_writes_nothing_with_a_broken_theme(project, cli, tmp_path, case):
    text, where, message = BAD[case]
    (project / "theme.yaml").write_text(text)
    out = tmp_path / "out"
    r = cli("build", "curricula", "-o", str(out), cwd=project)
    assert r.exit_code == 1, r.output
    assert "Traceback" not in r.output
    assert located(r.output, where, message), r.output
    written = [p for p in out.rglob("*") if p.is_file() and not p.name.startswith(".")]
    assert written == []


def test_a_good_theme_validates(project, cli):
    (project / "theme.yaml").write_text('colors:\n  title: "#7A1F5C"\n  text: 101010\n'
                                        "fonts:\n  title: DejaVu Sans\nlogo: logo.png\n")
    r = cli("validate", "curricula", cwd=project)
    assert r.exit_code == 0, r.output
    assert "1 curriculum valid" in r.output


def test_a_projects_theme_is_reported_once_and_fails_each_curriculum(project, cli):
    (project / "curricula" / "two.yaml").write_text(MINI.replace("id: mini", "id: two"))
    (project / "theme.yaml").write_text("colors:\n  accent: red\n")
    r = cli("validate", "curricula", cwd=project)
    assert r.exit_code == 1
    assert len(located(r.output, "2:11", "colour 'accent' must be six hex digits")) == 1, r.output
    loaded = api.validate([project / "curricula"])
    assert loaded.curricula == [] and len(loaded.failed) == 2 and loaded.exit_code == 1
    assert len(loaded.problems.errors) == 1


def test_the_projects_theme_and_template_settings_are_checked(project, cli):
    (project / "org.yaml").write_text("colors:\n  muted: 12345\n")
    (project / "notes.pptx").write_text("hello")
    (project / "workshopkit.yaml").write_text("theme: org.yaml\ntemplate: notes.pptx\n")
    r = cli("validate", "curricula", cwd=project)
    assert r.exit_code == 1 and "Traceback" not in r.output
    assert "org.yaml:2:10: error: colour 'muted' must be six hex digits" in r.output
    assert "workshopkit.yaml:2:11: error: template notes.pptx: is not a .pptx presentation" \
        in r.output  # reported where the project names it


def test_the_comment_hint_only_for_unquoted_colours(tmp_path):
    theme = tmp_path / "theme.yaml"
    theme.write_text('colors:\n  title: "#12345"\n  text: 12345\n  muted: "red"\n')
    with pytest.raises(WorkshopkitError) as exc:
        load(theme)
    quoted, plain, word = str(exc.value).splitlines()
    assert quoted.endswith(":2:10: error: colour 'title' must be six hex digits, such as "
                           '"#1B3A5C"')
    assert plain.endswith('"#1B3A5C" (quote it: # starts a YAML comment)') and ":3:9:" in plain
    assert word.endswith('such as "#1B3A5C"') and ":4:10:" in word


@pytest.mark.parametrize("text, where, message", [
    ("colors: [a]\n", "1:9", "expected a mapping (the theme's colors), found a list"),
    ("fonts:\n  body: Arial\n", "2:9",
     "font 'body' must be 'DejaVu Sans' or the path of a .ttf file, not 'Arial'"),
    ("fonts:\n  heading: x.ttf\n", "2:3",
     "unknown key 'heading' in the theme's fonts; expected one of title, body"),
    ("fonts:\n  body: missing.ttf\n", "2:9", "font file not found: "),
    ("fonts:\n  body: notes.ttf\n", "2:9", "cannot read the font file "),
    ("logo: logo.gif\n", "1:7", "'logo' must be a .png, .jpg or .jpeg file, not 'logo.gif'"),
    ("margin: 3\n", "1:1", "unknown key 'margin' in the theme; expected one of colors, fonts, logo, slides"),
    ("slides:\n  number: top\n", "2:11", "'number' must be one of bottom-right, bottom-left, "
     "bottom-center, not 'top'"),
    ("slides:\n  text_max: 12\n", "2:13", "'text_max'"),
    ("- colors\n", "1:1", "a theme is a mapping with colors, fonts, logo and slides"),
])
def test_every_theme_mistake_is_located(project, text, where, message):
    (project / "notes.ttf").write_text("not a font")
    (project / "theme.yaml").write_text(text)
    with pytest.raises(WorkshopkitError) as exc:
        read(project / "theme.yaml")
    lines = str(exc.value).splitlines()
    assert len(lines) == 1 and f"theme.yaml:{where}: error: {message}" in lines[0], lines


def test_a_theme_reads_its_logo_and_fonts(project):
    shutil.copy(font_path("italic"), project / "body.ttf")
    (project / "theme.yaml").write_text('colors: {accent: "#00aa55", title: 7a1f5c}\n'
                                        "fonts: {body: body.ttf}\nlogo: logo.png\n")
    found = read(project / "theme.yaml")
    t = found.theme
    assert (t.accent, t.title, t.background) == ("00AA55", "7A1F5C", DEFAULT.background)
    assert t.body_font == "DejaVu Sans" and t.logo.width > 0
    assert [s for s, _ in found.fonts] == ["italic", "regular"]
    assert found.files == ((project / "body.ttf").resolve(), (project / "logo.png").resolve())
    assert files(project / "theme.yaml") == list(found.files)
    (project / "theme.yaml").write_text("logo: gone.png\n")
    assert files(project / "theme.yaml") == []


def test_an_empty_theme_is_the_default(project):
    (project / "theme.yaml").write_text("# nothing yet\n~\n")
    t = load(project / "theme.yaml")
    assert t == replace(DEFAULT, source=t.source) and t.source.endswith("theme.yaml")
