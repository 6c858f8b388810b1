"""The kit cover as printing instructions: paper, sides, booklets, sheets, plurals."""
from __future__ import annotations

import io
import json
import re
import zipfile

import pytest
from pypdf import PdfReader

from conftest import load_example, pdf_text
from workshopkit.build.kits import KitFile, contents_of
from workshopkit.build.request import KitRequest
from workshopkit.model.options import Options
from workshopkit.render.pdf.kitcover import write as cover_pdf
from workshopkit.source.settings import resolve

ID = "local-surveillance"
FILES = [KitFile(f"{ID}-es-guide.pdf", "guide", b"", 3),
         KitFile(f"{ID}-es-worksheets.pdf", "worksheets", b"", 1),
         KitFile(f"{ID}-es-slides.pptx", "slides", b"", 0)]


@pytest.fixture(scope="module")
def cur():
    return load_example()


def flat(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.parametrize("lang, participants, facilitators, said", [
    ("es", 1, 1, "Para 1 participante y 1 persona facilitadora"),
    ("es", 20, 2, "Para 20 participantes y 2 personas facilitadoras"),
    ("en", 20, 1, "For 20 participants and 1 facilitator"),
    ("en", 1, 3, "For 1 participant and 3 facilitators"),
    ("pt", 1, 2, "Para 1 participante e 2 pessoas facilitadoras"),
    ("fr", 20, 1, "Pour 20 participant·es et 1 animateur·rice"),
])
def test_counts_agree_in_number_in_every_language(cur, lang, participants, facilitators, said):
    contents = contents_of(FILES, KitRequest(participants, facilitators))
    text = flat(pdf_text(cover_pdf(cur, resolve(cur), (lang,), Options(), contents)))
    assert said in text


def test_each_file_says_paper_and_sides(cur):
    contents = contents_of(FILES, KitRequest(4, 1), Options(paper="a4"))
    text = flat(pdf_text(cover_pdf(cur, resolve(cur), ("en",), Options(paper="a4"), contents)))
    assert "A4, double-sided" in text and "A4, single-sided" in text and "Not printed" in text
    es = flat(pdf_text(cover_pdf(cur, resolve(cur), ("es",), Options(), contents)))
    assert "Carta, a doble cara" in es and "Carta, a una cara" in es


def test_a_booklet_kit_says_how_to_fold_and_counts_its_sheets(cli, example_project):
    res = cli("kit", "curricula", "--only", "worksheets,agenda", "--lang", "en", "--booklet",
              "--participants", "20", "-j", "1", cwd=example_project)
    assert res.exit_code == 0, res.output
    z = zipfile.ZipFile(example_project / "build" / "kits" / f"{ID}-en-booklet.zip")
    folder = f"{ID}-en-booklet"
    man = json.loads(z.read(f"{folder}/manifest.json"))
    cover = pdf_text(z.read(f"{folder}/cover.pdf"))
    text = flat(cover)
    assert "For 20 participants and 1 facilitator:" in text
    assert text.count("Letter, double-sided, flip on short edge, fold, staple") == 2
    rows = {r["kind"]: r for r in man["print_plan"]["files"]}
    sheets = rows["worksheets"]
    pages = len(PdfReader(io.BytesIO(z.read(f"{folder}/{sheets['name']}"))).pages)
    # each page of an imposed booklet is one side of a sheet: two pages a sheet
    assert sheets["booklet"] and sheets["sides"] == 2
    assert sheets["sheets"] == -(-pages // 2) * 20 == sheets["single"]
    assert man["print_plan"]["sheets"] == sum(r["sheets"] for r in rows.values())
    assert str(man["print_plan"]["sheets"]) in text
    # file names break only after '-' or '+', never at the extension
    lines = [l.strip() for l in cover.splitlines()]
    assert not [l for l in lines if l.startswith(("pdf", ".pdf", "pptx"))], lines
    joined = re.sub(r"(?<=[-+])\n", "", cover)
    for f in man["files"]:
        assert f["kind"] == "cover" or f["name"] in joined, f["name"]


def test_a_long_name_in_large_print_breaks_after_hyphens(cur):
    files = [KitFile(f"{ID}-es+en-worksheets-large-print-booklet-low-ink.pdf", "worksheets",
                     b"", 6)]
    contents = contents_of(files, KitRequest(2, 1), Options(large_print=True, booklet=True))
    cover = pdf_text(cover_pdf(cur, resolve(cur), ("en",), Options(large_print=True), contents))
    lines = [l.strip() for l in cover.splitlines()]
    parts = [l for l in lines if l and files[0].name.startswith(l.split(" ")[0])
             and "-" in l]
    assert len(parts) >= 2  # the name needs several lines in large print
    assert all(l.endswith(("-", "+")) or l.endswith(".pdf") for l in parts), parts
    assert files[0].name in re.sub(r"(?<=[-+])\n", "", cover)


@pytest.mark.parametrize("lang, heading, options", [
    ("pt", "Folhas de papel", Options()),
    ("fr", "Feuilles de papier", Options()),
    ("pt", "Folhas de papel", Options(large_print=True, paper="a4")),
])
def test_a_column_heading_takes_at_most_two_lines(cur, lang, heading, options):
    """A narrow column is as wide as its heading on one or two lines, never one word a
    line; "no printed copies needed" stays on one line beside it."""
    contents = contents_of(FILES, KitRequest(20, 1), options)
    cover = pdf_text(cover_pdf(cur, resolve(cur), (lang,), options, contents))
    first, *rest = heading.split()
    found = re.search(re.escape(first) + r"\s+" + r"\s+".join(map(re.escape, rest)), cover)
    assert found and found.group(0).count("\n") <= 1, cover
    if not options.large_print:
        none = {"pt": "Não é preciso imprimir cópias", "fr": "Aucune copie imprimée nécessaire"}
        assert none[lang] in cover.splitlines(), cover


def test_each_language_names_the_paper_in_its_own_words(cur):
    contents = contents_of(FILES, KitRequest(4, 1))
    text = flat(pdf_text(cover_pdf(cur, resolve(cur), ("fr", "en"), Options(), contents)))
    assert "Lettre US, recto verso / Letter, double-sided" in text, text
    assert "Lettre US / Letter," not in text


def test_the_file_list_starts_under_the_title_even_when_it_runs_over(cur):
    """Bilingual large print: the list is longer than what is left of the first page; it
    starts there (heading and first rows) rather than leaving the title alone."""
    options = Options(large_print=True)
    contents = contents_of(FILES, KitRequest(20, 1), options)
    data = cover_pdf(cur, resolve(cur), ("fr", "en"), options, contents)
    pages = [p.extract_text() for p in PdfReader(io.BytesIO(data)).pages]
    assert len(pages) > 2  # the case this is about: the contents do not fit one page
    assert "What is inside" in pages[0] and FILES[0].name.split("-")[0] in pages[0], pages[0]
