"""Error messages a new user meets, each said so that it can be acted on (bad inputs)."""
from __future__ import annotations

import shutil

import pytest
from pypdf import PdfReader

from conftest import DATA, SMALL_HEAD

HEAD = SMALL_HEAD


def check(cli, folder, text: str, name: str = "small.yaml"):
    """Validate ``text`` as a curriculum in ``folder``: (exit status, its one error line)."""
    path = folder / "curricula" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    res = cli("validate", str(path))
    errors = [l for l in res.output.splitlines() if ": error: " in l]
    assert res.exit_code == 1 and len(errors) == 1, res.output
    assert "Traceback" not in res.output
    return errors[0]


def test_lines_indented_under_a_prompt_says_dedent(cli, tmp_path):
    err = check(cli, tmp_path, HEAD + """        worksheet:
          - prompt:
              es: "¿Dónde?"
              en: "Where?"
              lines: 4
""")
    assert ":17:15: error:" in err and "dedent 'lines'" in err and "'prompt'" in err
    assert "quote" not in err and "unknown language" not in err


def test_a_list_item_out_of_line_mentions_indentation(cli, tmp_path):
    err = check(cli, tmp_path, HEAD + """        steps:
          - Uno
          - Dos
          notes: hola
""")
    assert ":16:11: error:" in err and "did not find expected '-' indicator" in err
    assert "indentation" in err


def test_an_unknown_language_suggests_languages_or_a_catalogue(cli, tmp_path):
    err = check(cli, tmp_path, HEAD.replace("title: {es: Actividad, en: Activity}",
                                            "title: {es: Actividad, en: Activity, pt: Atividade}"))
    assert ":10:46: error: unknown language 'pt'" in err
    assert "'languages:'" in err and "small.pt.po" in err and "quote" not in err


def test_an_unquoted_comma_still_says_quote(cli, tmp_path):
    err = check(cli, tmp_path, HEAD.replace("title: {es: Actividad, en: Activity}",
                                            "title: {es: Actividad, larga, en: Activity}"))
    assert "quote this text" in err


def test_an_image_outside_the_project_names_the_folder(cli, tmp_path, monkeypatch):
    project = tmp_path / "p"
    (project / "curricula").mkdir(parents=True)
    monkeypatch.chdir(project)
    err = check(cli, project, HEAD + """        slides:
          - image: {src: ../../outside.png, alt: Un mapa}
""")
    assert "is outside the project folder" in err and str(project.resolve()) in err
    assert "folder ." not in err


def test_a_misspelt_catalogue_and_key_get_a_did_you_mean(cli, tmp_path):
    shutil.copytree(DATA / "format-example" / "curricula" / "catalog",
                    tmp_path / "curricula" / "catalog")
    err = check(cli, tmp_path, HEAD + "        slides:\n          - comparison: free-sofware\n")
    assert "unknown catalogue 'free-sofware'" in err and "did you mean 'free-software'?" in err
    err = check(cli, tmp_path, HEAD + "        facilitator_notes: {es: Hola, en: Hello}\n")
    assert "unknown key 'facilitator_notes'" in err and "did you mean 'notes'?" in err


def test_a_risk_matrix_given_as_a_list_says_threats(cli, tmp_path):
    err = check(cli, tmp_path, HEAD + """        worksheet:
          - risk_matrix:
              - {es: Robo, en: Theft}
""")
    assert ":15:15: error:" in err and "under 'threats:'" in err


@pytest.mark.parametrize("written, hint", [('"#D0562"', False), ("#D0562", True),
                                           ("D0562", False)])
def test_a_bad_colour_gets_the_quoting_hint_only_when_unquoted_hash(cli, tmp_path, written,
                                                                   hint):
    project = tmp_path / "p"
    shutil.copytree(DATA / "format-example", project)
    (project / "theme.yaml").write_text(f"colors:\n  accent: {written}\n", encoding="utf-8")
    res = cli("build", "curricula", "--only", "slides", "-o", str(tmp_path / "out"), "-q",
              cwd=project)
    assert res.exit_code == 1 and "colour 'accent' must be six hex digits" in res.output
    assert ("quote it" in res.output) == hint, res.output


def test_print_choices_ignore_case(cli, example_project):
    res = cli("build", "curricula", "--only", "agenda", "--lang", "es", "--paper", "A4",
              "--ink", "LOW", "-j", "1", cwd=example_project)
    assert res.exit_code == 0, res.output
    out = example_project / "build" / "local-surveillance" / "es"
    page = PdfReader(out / "local-surveillance-es-agenda-low-ink.pdf").pages[0]
    assert round(float(page.mediabox.width), 1) == 595.3  # A4
