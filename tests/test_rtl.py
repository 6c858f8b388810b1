"""Right-to-left languages: an Arabic curriculum (translated by a PO catalogue) builds a web
edition with dir="rtl", and a deck with right-to-left paragraphs, right alignment and
table order; the PDF kinds refuse Arabic (an error when asked for by name, a warning and
no file otherwise), so reversed text is never printed."""
from __future__ import annotations

import io
import re
import shutil
import zipfile

import pytest

from conftest import DATA, load_curriculum

RTL = DATA / "rtl" / "curricula" / "rtl-test.yaml"
TITLE = "أمان الهاتف مع Signal"


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    dst = tmp_path_factory.mktemp("rtl") / "proj"
    shutil.copytree(RTL.parent.parent, dst)
    return dst


@pytest.fixture(scope="module")
def built(project):
    """The default build in Arabic: the web editions and the deck, PDFs left out."""
    from click.testing import CliRunner

    from workshopkit.cli import main

    res = CliRunner().invoke(main, ["build", str(project / "curricula"), "--lang", "ar",
                                    "-o", str(project / "out"), "-j", "1"])
    return res, project / "out" / "rtl-test" / "ar"


def test_the_web_edition_is_right_to_left_with_mixed_runs_marked(built):
    res, out = built
    assert res.exit_code == 0, res.output
    html = (out / "rtl-test-ar.html").read_text("utf-8")
    assert re.search(r'<html lang="ar" dir="rtl">', html)
    assert TITLE in html and TITLE[::-1] not in html  # logical order: the browser shapes it
    assert "افتحوا Signal الإصدار 7.2" in html
    # interface words without an Arabic catalogue are English, and marked so
    assert '<span lang="en" dir="ltr">Worksheet</span>' in html
    # clock ranges are isolated: 09:00–09:15 never shows as 09:15–09:00
    assert "<bdi>09:00–09:15</bdi>" in html
    assert '<p class="url" dir="ltr">https://video.example.org/w/pin</p>' in html
    assert "Facilitator-only" not in html and "ملاحظة للميسّرين" not in html
    guide = (out / "rtl-test-ar-guide.html").read_text("utf-8")
    assert 'dir="rtl"' in guide and "ملاحظة للميسّرين فقط عن Signal." in guide


def test_the_deck_has_right_to_left_paragraphs_alignment_and_tables(built):
    res, out = built
    deck = zipfile.ZipFile(io.BytesIO((out / "rtl-test-ar-slides.pptx").read_bytes()))
    slides = [deck.read(n).decode() for n in sorted(deck.namelist())
              if re.fullmatch(r"ppt/slides/slide\d+\.xml", n)]
    paras = [p for s in slides for p in re.findall(r"<a:p>.*?</a:p>", s)]
    arabic = [p for p in paras if 'lang="ar"' in p and re.search("[\u0600-\u06ff]", p)]
    assert arabic
    for p in arabic:
        ppr = re.search(r"<a:pPr[^>]*>", p)
        assert ppr and 'rtl="1"' in ppr.group(0), p
        assert 'algn="l"' not in ppr.group(0), p
    tables = [s for s in slides if "<a:tbl>" in s]
    assert tables and all('<a:tblPr firstRow="1" bandRow="0" rtl="1"/>' in s for s in tables)
    assert any("\u200e09:00–09:15\u200e" in s for s in slides)  # the agenda's range held LTR
    from pptx import Presentation

    text = " ".join(sh.text_frame.text for sl in Presentation(io.BytesIO(
        (out / "rtl-test-ar-slides.pptx").read_bytes())).slides for sh in sl.shapes
        if sh.has_text_frame)
    assert TITLE in text


def test_pdf_kinds_are_left_out_with_a_warning_naming_the_language(built):
    res, out = built
    assert sorted(p.name for p in out.iterdir()) == [
        "rtl-test-ar-guide.html", "rtl-test-ar-slides.pptx", "rtl-test-ar.html"]
    warned = [l for l in res.output.splitlines() if "warning:" in l and "Arabic ('ar')" in l]
    from workshopkit.build import kinds

    pdfs = [k.name for k in kinds.all_kinds() if k.ext == "pdf" and k.source == "curriculum"]
    assert len(pdfs) >= 6 and len(warned) == len(pdfs)
    assert all(any(f"'{k}' output" in l for l in warned) for k in pdfs)
    assert all("rtl-test.ar.po" in l and "web edition" in l for l in warned)


def test_a_pdf_asked_for_in_arabic_is_an_error_and_nothing_is_written(project, cli, tmp_path):
    res = cli("build", str(project / "curricula"), "--lang", "ar", "--only", "worksheets,web",
              "-o", str(tmp_path / "o"))
    assert res.exit_code == 1
    assert "error: the 'worksheets' output cannot be made in Arabic ('ar')" in res.output
    assert "--only web,web-guide" in res.output
    assert not (tmp_path / "o").exists() or not list((tmp_path / "o").rglob("*.html"))
    # the strict build fails on the warning as well
    res = cli("build", str(project / "curricula"), "--lang", "ar", "--strict",
              "-o", str(tmp_path / "s"))
    assert res.exit_code == 1


def test_a_writer_called_directly_refuses_too(project):
    from workshopkit.build import kinds
    from workshopkit.errors import WorkshopkitError
    from workshopkit.model.options import Options
    from workshopkit.source.settings import resolve

    cur = load_curriculum(project / "curricula" / RTL.name)
    settings = resolve(cur, None, None)
    with pytest.raises(WorkshopkitError, match="Arabic"):
        kinds.render("guide", cur, settings, ("ar",), Options())
    with pytest.raises(WorkshopkitError, match="Arabic"):
        kinds.render("worksheets", cur, settings, ("en", "ar"), Options())
    assert kinds.render("web", cur, settings, ("en", "ar"), Options()).count(b'dir="rtl"') > 3


def test_a_kit_in_arabic_says_it_has_no_pdf_cover(project, cli, tmp_path):
    res = cli("kit", str(project / "curricula"), "--lang", "ar", "--only", "web",
              "-o", str(tmp_path / "k"), "-j", "1")
    assert res.exit_code == 0, res.output
    names = zipfile.ZipFile(tmp_path / "k" / "kits" / "rtl-test-ar.zip").namelist()
    assert not any(n.endswith("cover.pdf") for n in names) and any(n.endswith(".html")
                                                                   for n in names)
    assert "warning: the 'cover' output cannot be made in Arabic ('ar')" in res.output
