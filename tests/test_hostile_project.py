"""Project files that lead out of the project, or that are broken in ways the format's
other tests do not reach: curricula and surveys that are symbolic links, a symlinked
survey folder, translations longer than a text may be, a catalogue in another encoding,
a template whose layouts are missing, a template named in workshopkit.yaml, words
longer than any line.

Each case answers with a located error (or lays out in time) instead of reading a file
outside the project, hanging or failing with an internal error.
"""
from __future__ import annotations

import io
import time
import zipfile

import pytest

from hostile_kit import MARKER, deadline, no_marker, outputs, plant

SURVEY = f"""\
workshopkit: 1
languages: [es, en]
title: {{es: "{MARKER}", en: "{MARKER}"}}
questions:
  - id: worry
    ask: {{es: "¿Cuánto?", en: "How much?"}}
    scale: {{min: 1, max: 5}}
"""
OUTSIDE_CURRICULUM = f"""\
workshopkit: 1
id: secret
languages: [en]
title: "{MARKER}"
sessions:
  - id: s
    title: S
    activities:
      - {{id: a, title: A, phase: input, duration: 5}}
"""
OUT_OF_PROJECT = "is outside the project folder"


def _errors(r) -> list[str]:
    return [ln for ln in r.output.splitlines() if ": error: " in ln]


def _survey_folder_link(root, outside):
    (outside / "survey").mkdir()
    (outside / "survey" / "ask.yaml").write_text(SURVEY)
    (root / "curricula" / "survey").symlink_to(outside / "survey")
    f = root / "curricula" / "mini.yaml"
    f.write_text(f.read_text() + "        worksheet:\n          - survey: ask\n")


def _survey_link(root, outside):
    (outside / "ask.yaml").write_text(SURVEY)
    (root / "curricula" / "survey").mkdir()
    (root / "curricula" / "survey" / "ask.yaml").symlink_to(outside / "ask.yaml")


def _curriculum_link(root, outside):
    (outside / "secret.yaml").write_text(OUTSIDE_CURRICULUM)
    (root / "curricula" / "secret.yaml").symlink_to(outside / "secret.yaml")


LINKS = {  # case -> (make it, where the error is)
    "survey-folder": (_survey_folder_link, "survey/ask.yaml:1:1"),
    "survey-file": (_survey_link, "survey/ask.yaml:1:1"),
    "curriculum-file": (_curriculum_link, "curricula/secret.yaml:1:1"),
}


@pytest.mark.parametrize("case", sorted(LINKS))
def test_a_curriculum_or_survey_linked_from_outside_is_not_read(tmp_path, cli, case):
    root, outside = plant(tmp_path)
    make, where = LINKS[case]
    make(root, outside)
    with deadline():
        r = cli("build", "curricula", "-o", "out", "--only", "worksheets", cwd=root)
    assert r.exit_code == 1, r.output
    assert any(where in ln and OUT_OF_PROJECT in ln for ln in _errors(r)), r.output
    no_marker(r.output, *(p.read_text(errors="replace") for p in outputs(root / "out")))


def test_a_curriculum_linked_from_outside_is_not_taken_from(tmp_path, cli):
    root, outside = plant(tmp_path)
    _curriculum_link(root, outside)
    (root / "curricula" / "take.yaml").write_text(
        "workshopkit: 1\nid: take\nlanguages: [en]\ntitle: T\nsessions:\n  - from: secret/s\n")
    with deadline():
        r = cli("validate", "curricula/take.yaml", cwd=root)
    assert r.exit_code == 1
    assert "take.yaml:6:11: error: unknown curriculum 'secret'" in r.output, r.output
    no_marker(r.output)


def test_a_link_inside_the_project_is_read(tmp_path, cli):
    root, _ = plant(tmp_path)
    (root / "curricula" / "again.yaml").symlink_to("mini.yaml")
    r = cli("validate", "curricula/again.yaml", cwd=root)
    assert r.exit_code == 0, r.output


def test_a_loop_of_links_is_named_as_such(tmp_path, cli):
    root, _ = plant(tmp_path)
    (root / "curricula" / "mini.fr.po").symlink_to("loop.po")
    (root / "curricula" / "loop.po").symlink_to("mini.fr.po")
    with deadline():
        r = cli("validate", "curricula", cwd=root)
    assert r.exit_code == 1
    assert any("mini.fr.po:1:1" in ln and "is a loop of symbolic links" in ln
               for ln in _errors(r)), r.output


PO = 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'


@pytest.mark.parametrize("entry, where, says", [
    (b'msgid "Mini"\nmsgstr "' + b"x" * 10_001 + b'"\n', "mini.fr.po:5:1",
     "the translation is 10001 characters long; the limit is 10000"),
    (b'msgid "Mini"\nmsgstr "Min\xe9"\n', "mini.fr.po:6:12",
     "the file is not UTF-8 (byte 0xe9); save it as UTF-8"),
])
def test_a_translation_is_held_to_the_rules_of_a_text(tmp_path, cli, entry, where, says):
    root, _ = plant(tmp_path)
    (root / "curricula" / "mini.fr.po").write_bytes(PO.encode() + entry)
    with deadline():
        r = cli("validate", "curricula", cwd=root)
    assert r.exit_code == 1
    assert any(where in ln and says in ln for ln in _errors(r)), r.output


def _layoutless_template() -> bytes:
    from pptx import Presentation

    buf = io.BytesIO()
    Presentation().save(buf)
    out = io.BytesIO()
    with zipfile.ZipFile(buf) as src, zipfile.ZipFile(out, "w") as z:
        for name in src.namelist():
            if "slideLayout" not in name:
                z.writestr(name, src.read(name))
    return out.getvalue()


def test_a_template_named_by_the_project_is_reported_where_it_is_named(tmp_path, cli):
    root, _ = plant(tmp_path)
    (root / "t.pptx").write_bytes(_layoutless_template())
    (root / "workshopkit.yaml").write_text("paper: a4\ntemplate: t.pptx\n")
    with deadline():
        r = cli("validate", "curricula", cwd=root)
        assert r.exit_code == 1 and "internal error" not in r.output, r.output
        assert _errors(r) == ["workshopkit.yaml:2:11: error: template t.pptx: is not a .pptx "
                              "presentation: its slide layouts cannot be read (save the "
                              "template again as .pptx)"], r.output
        r = cli("build", "curricula", "--only", "slides", "-o", "out", cwd=root)
    assert r.exit_code == 1 and "internal error" not in r.output, r.output
    assert r.output.rstrip().endswith(", 1 error"), r.output  # printed once, counted once
    assert not (root / "out" / "mini").exists()


def test_a_csv_column_named_twice_is_located():
    from workshopkit.errors import Problems
    from workshopkit.source.responses import csv_forms

    problems = Problems()
    assert list(csv_forms(["a", "b"], b"a,b,a\n1,2,3\n", "r.csv", problems)) == [None]
    assert "r.csv:1:3: error: column 'a' is named twice (first in column 1)" in \
        [str(d) for d in problems], [str(d) for d in problems]


def test_a_word_longer_than_any_line_is_laid_out_in_time():
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph

    from workshopkit.plan.slides_text import Metrics
    from workshopkit.plan.slides_wrap import _pieces
    from workshopkit.render.pdf.hyphen import in_language
    from workshopkit.source.settings import bundled_fonts

    word = "x" * 6000
    started = time.process_time()
    style = in_language(ParagraphStyle("t", fontName="Helvetica", fontSize=10,
                                       embeddedHyphenation=1, hyphenationMinWordLength=6), "en")
    p = Paragraph(word, style)
    p.wrap(60, 10_000)
    lines = p.blPara.lines
    assert len(lines) > 100 and "".join(str(w) for ln in lines for w in ln[1]) \
        .replace("-", "") == word
    pieces = _pieces(word, "regular", 8.0, 0.0, Metrics(bundled_fonts()), "en")
    assert len(pieces) > 100 and "".join(p for p, _, _ in pieces) == word
    assert time.process_time() - started < 2.0


@pytest.mark.parametrize("command, link", [
    (("build", "curricula", "--only", "slides", "-o", "out"), "out/mini/es"),
    (("kit", "curricula", "--lang", "es", "-o", "out"), "out/kits"),
])
def test_nothing_is_written_through_a_link_in_the_output_folder(tmp_path, cli, command, link):
    root, outside = plant(tmp_path)
    (root / link).parent.mkdir(parents=True)
    (root / link).symlink_to(outside)
    before = sorted(p.name for p in outside.iterdir())
    with deadline(30):
        r = cli(*command, cwd=root)
    assert r.exit_code == 1, r.output
    assert f"{link}: error: the output folder is a symbolic link to {outside.resolve()}; " \
        "nothing is written through it" in r.output, r.output
    assert sorted(p.name for p in outside.iterdir()) == before
    if command[0] == "build":  # the curriculum writes nothing, in any language
        assert not [p for p in outputs(root / "out") if not p.name.startswith(".")]


def test_a_catalogue_line_of_megabytes_is_checked_in_bounded_memory():
    import tracemalloc

    from workshopkit.source.po import syntax

    data = b'msgid "a"\nmsgstr "' + b"x" * 2_000_000 + b'"\n'
    tracemalloc.start()
    try:
        assert syntax(data, "x.po") == []
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 40 * 1024 * 1024, peak  # the line itself is 2 MB (8 MB as text)


@pytest.mark.parametrize("command", [("build", "curricula", "--only", "slides"),
                                     ("tally", "ask", "typed.csv")])
def test_a_default_output_folder_that_is_a_link_is_refused(tmp_path, cli, command):
    root, outside = plant(tmp_path)
    default = "build" if command[0] == "build" else "tally"
    (root / default).symlink_to(outside)
    before = sorted(p.name for p in outside.iterdir())
    r = cli(*command, cwd=root)
    assert r.exit_code == 1, r.output
    assert f"{default}: error: the output folder is a symbolic link to {outside.resolve()}" \
        in r.output, r.output
    assert sorted(p.name for p in outside.iterdir()) == before
