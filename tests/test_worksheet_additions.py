"""Answer keys, worksheet images, chosen catalogue rows and the checklist instruction,
read back from what the command builds.

A choice's answer is printed in the guide and nowhere else; a worksheet image is drawn
with its alt text as caption and its credit, grey in low ink, and credited in the deck;
a comparison that chooses rows shows exactly those, in that order, on the slide, the
worksheet and in the guide.
"""
from __future__ import annotations

import io
import re
import shutil
from pathlib import Path

import pytest
from PIL import Image
from pypdf import PdfReader

from conftest import EVERY_KIND, ONLY, SAMPLES, pdf_text, squash
from workshopkit.errors import Problems
from workshopkit.i18n import ui
from workshopkit.model.text import Translations
from workshopkit.source.convert import Converter
from workshopkit.source.nodes import load_string


def deck_text(data: bytes) -> str:
    """Every word of a deck: shapes, table cells and speaker notes."""
    from pptx import Presentation

    out = []
    for slide in Presentation(io.BytesIO(data)).slides:
        for sh in slide.shapes:
            if sh.has_text_frame:
                out.append(sh.text_frame.text)
            if sh.has_table:
                out += [c.text for row in sh.table.rows for c in row.cells]
        if slide.has_notes_slide:
            out.append(slide.notes_slide.notes_text_frame.text)
    return "\n".join(out)


def text_of(path: Path) -> str:
    data = path.read_bytes()
    if path.suffix == ".html":
        return data.decode("utf-8")
    return deck_text(data) if path.suffix == ".pptx" else pdf_text(data)


def build(cli, project: Path, out: Path, *extra: str) -> dict[str, Path]:
    res = cli("build", "curricula", "-o", str(out), "--only", ONLY, *extra, cwd=project)
    assert res.exit_code == 0, res.output
    return {p.relative_to(out).as_posix(): p for p in out.rglob("*.*") if p.suffix != ".json"}


@pytest.fixture
def every_kind(tmp_path) -> Path:
    dst = tmp_path / "proj"
    shutil.copytree(EVERY_KIND.parent.parent, dst)
    return dst


@pytest.fixture(scope="module")
def every_kind_built(tmp_path_factory) -> dict[str, Path]:
    """EVERY_KIND as it is, every kind in es, en and es+en: built once for the tests that
    only read it."""
    from click.testing import CliRunner

    from workshopkit.cli import main

    root = tmp_path_factory.mktemp("every-kind-built")
    project, out = root / "proj", root / "out"
    shutil.copytree(EVERY_KIND.parent.parent, project)
    with pytest.MonkeyPatch.context() as mp:
        mp.chdir(project)
        res = CliRunner().invoke(main, ["build", "curricula", "-o", str(out), "--only", ONLY,
                                        "--bilingual", "es,en"], catch_exceptions=True)
    assert res.exit_code == 0, res.output
    return {p.relative_to(out).as_posix(): p for p in out.rglob("*.*") if p.suffix != ".json"}


# ------------------------------------------------------------------ answer keys

def test_an_answer_appears_in_the_guide_and_in_no_participant_output(every_kind_built):
    files = every_kind_built
    headings = [ui(lang)("Answer key") for lang in ("es", "en")]
    assert headings[0] != headings[1]
    guides = [p for name, p in files.items() if name.endswith("-guide.pdf")]
    others = [p for name, p in files.items() if not name.endswith(("-guide.pdf", "-guide.html"))]
    assert len(guides) == 3 and len(others) >= 9  # every other kind, in es, en and es+en
    for guide in guides:
        text = squash(pdf_text(guide.read_bytes()))
        assert any(squash(h) in text for h in headings), guide.name
        assert "✓Signal" in text  # answer: 1 of "Signal, WhatsApp, None"
        assert "✓WhatsApp" not in text
        assert re.search("✓(Enundisco|Onadisk).*✓(Enlanube|Inthecloud)", text)  # [1, 2]
    for other in others:
        text = text_of(other)
        assert "✓" not in text, other.name
        assert not any(h in text for h in headings), other.name


# ------------------------------------------------------------------ worksheet images

def images_on(pdf: Path) -> list[tuple[int, Image.Image]]:
    return [(n, im.image) for n, page in enumerate(PdfReader(pdf).pages) for im in page.images]


def test_a_worksheet_image_is_drawn_captioned_and_credited(every_kind_built):
    files = every_kind_built
    sheet = files["every-kind/es/every-kind-es-worksheets.pdf"]
    [(page, im)] = images_on(sheet)
    assert im.size == (240, 160) and im.mode == "RGB"
    on_page = squash(PdfReader(sheet).pages[page].extract_text())
    assert squash("Un mapa del barrio con dos cámaras") in on_page  # the alt text, as caption
    assert squash("Imagen: Ana Pérez · CC-BY-4.0") in on_page       # the credit line
    both = squash(pdf_text(files["every-kind/es+en/every-kind-es+en-worksheets.pdf"].read_bytes()))
    assert squash("A map of the neighbourhood with two cameras") in both
    deck = deck_text(files["every-kind/en/every-kind-en-slides.pptx"].read_bytes())
    assert "A map of the neighbourhood with two cameras · Ana Pérez · CC-BY-4.0" in deck  # credits
    guide = squash(pdf_text(files["every-kind/en/every-kind-en-guide.pdf"].read_bytes()))
    assert squash("Image: A map of the neighbourhood") in guide


def test_a_worksheet_image_is_grey_in_low_ink_and_fits_any_page(cli, every_kind, tmp_path):
    big = every_kind / "curricula" / "pic.png"
    # taller than any page at the 96 pixels per inch an image may be drawn (16.7 in)
    Image.new("RGB", (1200, 1600), (200, 30, 30)).save(big)
    for extra in (("--ink", "low"), ("--large-print", "--booklet", "--paper", "a4")):
        out = tmp_path / "-".join(extra)
        files = build(cli, every_kind, out, "--lang", "es", "--only", "worksheets", *extra)
        variant = "-low-ink" if extra[0] == "--ink" else "-large-print-booklet"
        sheet = files[f"every-kind/es/every-kind-es-worksheets{variant}.pdf"]
        [(page, im)] = images_on(sheet)
        assert (im.mode == "L") == (extra[0] == "--ink"), extra
        assert squash("Un mapa del barrio") in squash(PdfReader(sheet).pages[page].extract_text())


def test_a_worksheet_image_may_differ_by_language(cli, every_kind, tmp_path):
    cdir = every_kind / "curricula"
    Image.new("RGB", (30, 20), "white").save(cdir / "map-es.png")
    Image.new("RGB", (20, 30), "white").save(cdir / "map-en.png")
    f = cdir / "every-kind.yaml"
    f.write_text(f.read_text(encoding="utf-8").replace(
        "src: pic.png", "src: {es: map-es.png, en: map-en.png}"), encoding="utf-8")
    files = build(cli, every_kind, tmp_path / "out", "--only", "worksheets")
    for lang, size in (("es", (30, 20)), ("en", (20, 30))):
        [(_, im)] = images_on(files[f"every-kind/{lang}/every-kind-{lang}-worksheets.pdf"])
        assert im.size == size


# ------------------------------------------------------------------ chosen rows

CHOSEN = """\
workshopkit: 1
id: short
languages: [es, en]
title: {es: Sesión corta, en: Short session}
sessions:
  - id: s1
    title: {es: Chat, en: Chat}
    activities:
      - id: tools
        title: {es: Herramientas, en: Tools}
        phase: input
        duration: 45m
        slides:
          - comparison: {catalog: free-software, needs: [secure-messaging, video-calls]}
        worksheet:
          - comparison: {catalog: free-software, needs: [secure-messaging, video-calls]}
"""


def test_a_comparison_shows_exactly_the_chosen_rows_in_order(cli, tmp_path):
    from pptx import Presentation

    from workshopkit.source.validate import Workspace

    project = tmp_path / "proj"
    (project / "curricula" / "catalog").mkdir(parents=True)
    shutil.copy(SAMPLES / "catalog" / "free-software.yaml", project / "curricula" / "catalog")
    (project / "curricula" / "short.yaml").write_text(CHOSEN, encoding="utf-8")
    cat = Workspace().catalog(project, "free-software")
    need = {r.id: r.need.get("en") for r in cat.rows}
    chosen, others = [need["secure-messaging"], need["video-calls"]], \
        [n for i, n in need.items() if i not in ("secure-messaging", "video-calls")]
    files = build(cli, project, tmp_path / "out", "--lang", "en")
    deck = Presentation(files["short/en/short-en-slides.pptx"])
    tables = [sh.table for s in deck.slides for sh in s.shapes if sh.has_table]
    assert [[r.cells[0].text for r in t.rows][1:] for t in tables] == [chosen]
    sheet = pdf_text(files["short/en/short-en-worksheets.pdf"].read_bytes())
    guide = pdf_text(files["short/en/short-en-guide.pdf"].read_bytes())
    for text in (sheet, squash(guide)):
        found = [squash(n) in squash(text) for n in chosen]
        assert all(found) and squash(text).index(squash(chosen[0])) < \
            squash(text).index(squash(chosen[1])), text
        assert not [n for n in others if re.search(rf"\b{re.escape(n)}\b", text)], text


# ------------------------------------------------------------------ checklists

def test_a_checklist_says_to_mark_all_that_apply(every_kind_built):
    files = every_kind_built
    es, en = ui("es")("Mark all that apply"), ui("en")("Mark all that apply")
    assert es != en == "Mark all that apply"
    for tag, want in (("es", [es]), ("en", [en]), ("es+en", [es, en])):
        text = squash(pdf_text(files[f"every-kind/{tag}/every-kind-{tag}-worksheets.pdf"]
                               .read_bytes()))
        assert all(squash(w) in text for w in want), tag


# ------------------------------------------------------------------ the checks

def convert(yaml: str, name: str) -> list[str]:
    problems = Problems()
    Converter(problems, ("es",), Translations("es")).record(load_string(yaml, "t.yaml"), name, "")
    return [f"{d.pos.line}:{d.pos.col}: {d.message}" for d in problems.sorted()]


@pytest.mark.parametrize("yaml, said", [
    ("options: [a, b]\nanswer: 2\n", []),
    ("options: [a, b]\nmultiple: true\nanswer: [2, 1]\n", []),
    ("options: [a, b]\nanswer: 3\n", ["2:9: 'answer' 3 is out of range: the choice has 2 options"]),
    ("options: [a, b]\nanswer: 0\n", ["2:9: 'answer' counts from 1 (the first), not 0"]),
    ("options: [a, b]\nanswer: [1]\n", ["2:9: 'answer' is a list only with 'multiple: true'; "
                                        "a single choice has one answer, such as 'answer: 2'"]),
    ("options: [a, b]\nmultiple: true\nanswer: 1\n",
     ["3:9: with 'multiple: true', 'answer' is a list of option numbers, such as [1]"]),
    ("options: [a, b]\nmultiple: true\nanswer: [1, 1]\n",
     ["3:13: option 1 is given twice in 'answer'"]),
    ("options: [a, b]\nmultiple: true\nanswer: [1, 5]\n",
     ["3:13: 'answer' 5 is out of range: the choice has 2 options"]),
    ("options: [a, b]\nanswer: {x: 1}\n", ["2:9: expected a number or a list, found a mapping"]),
    ("options: [a, b]\nanswer: b\n", ["2:9: 'answer' must be a whole number, not 'b'"]),
], ids=lambda v: v if isinstance(v, str) else "")
def test_an_answer_is_checked_against_its_options(yaml, said):
    assert convert(yaml, "choice") == said


@pytest.mark.parametrize("yaml, said", [
    ("comparison: {catalog: tools, needs: [chat]}\n", []),
    ("comparison: {catalog: tools, needs: [chat, chat]}\n",
     ["1:44: row 'chat' is chosen twice"]),
    ("comparison: {catalog: tools}\n",
     ["1:13: missing required key 'needs' in a catalogue selection"]),
    ("comparison: {catalog: tools, needs: []}\n", ["1:37: 'needs' needs at least 1 item"]),
    ("comparison: [tools]\n",
     ["1:13: expected an id or a mapping (a catalogue selection), found a list"]),
    ("comparison: {catalog: tools, needs: [Chat]}\n",
     ["1:38: 'Chat' is not a valid id (lower-case letters, digits and '-', starting with a "
      "letter or digit)"]),
], ids=lambda v: v if isinstance(v, str) else "")
def test_a_selection_is_a_catalogue_and_its_row_ids(yaml, said):
    assert convert(yaml, "worksheet_item") == said


@pytest.mark.parametrize("rows, said", [
    ("  - {id: chat, need: Chat, free: Element}\n  - {id: maps, need: Maps, free: uMap}\n",
     "catalogue 'tools' has no row 'video' (rows: chat, maps)"),
    ("  - {need: Chat, free: Element}\n", "catalogue 'tools' has no row 'video' (its rows have no 'id')"),
], ids=["rows listed", "rows without ids"])
def test_an_unknown_row_with_nothing_close_names_the_rows(tmp_path, rows, said):
    from workshopkit.source.validate import Workspace

    (tmp_path / "curricula" / "catalog").mkdir(parents=True)
    (tmp_path / "curricula" / "catalog" / "tools.yaml").write_text(
        "workshopkit: 1\nlanguages: [es, en]\nrows:\n" + rows, encoding="utf-8")
    f = tmp_path / "curricula" / "short.yaml"
    f.write_text(CHOSEN.replace("free-software, needs: [secure-messaging, video-calls]",
                                "tools, needs: [video]"), encoding="utf-8")
    ws = Workspace()
    assert ws.load(f) is None
    assert [(d.pos.line, d.message) for d in ws.problems.errors] == [(14, said), (16, said)]
