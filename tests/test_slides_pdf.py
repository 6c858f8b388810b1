"""slides.pdf read back: the same slides as the .pptx, text, links, QR codes, fonts, ink."""
from __future__ import annotations

import io
import re

import pypdfium2 as pdfium
import pytest
import zxingcpp
from pptx import Presentation
from pypdf import PdfReader

from workshopkit.model.options import Options
from workshopkit.plan.slides import plan
from workshopkit.render.pdf import slides
from workshopkit.source.settings import resolve

from conftest import SAMPLES, load_curriculum, squash


def pptx_slides(data: bytes) -> list[str]:
    """Each slide's text, shape by shape, table cells row by row."""
    out = []
    for s in Presentation(io.BytesIO(data)).slides:
        parts = []
        for sh in s.shapes:
            if sh.has_text_frame:
                parts.append(sh.text_frame.text)
            elif sh.has_table:
                parts += [c.text for r in sh.table.rows for c in r.cells]
        out.append(" ".join(parts))
    return out


def pdf_pages(data: bytes) -> list[str]:
    return [p.extract_text() or "" for p in PdfReader(io.BytesIO(data)).pages]


def pdf_pages_pdfium(data: bytes) -> list[str]:
    """Each page's text as PDFium reads it: pypdf's lines in a tenth of its time (PDFium
    marks a hyphen that ends a line as U+FFFE, and ends lines with CR LF)."""
    doc = pdfium.PdfDocument(data)
    return [doc[i].get_textpage().get_text_range().replace("\ufffe", "-").replace("\r\n", "\n")
            for i in range(len(doc))]


def unhyphenated(pages: list[str], deck_text: str) -> list[str]:
    """``pages`` without the hyphens slides.pdf prints where it breaks a word too wide for
    its box (the deck keeps the word whole): a hyphen at a line's end goes only where the
    deck holds the joined word and not the hyphenated one, so nothing else is hidden."""
    words = set(re.findall(r"\w+", deck_text))

    def join(m: re.Match) -> str:
        word = m.group(0).replace("-\n", "")
        if word in words and m.group(0).replace("\n", "") not in deck_text:
            return word
        return m.group(0)

    return [re.sub(r"\w+-\n(?:\w+-\n)*\w+", join, p) for p in pages]


def same(text: str) -> str:
    """Text as both formats hold it: no whitespace, no bullet characters (a .pptx
    bullet is a paragraph property, a PDF bullet a drawn character)."""
    return squash(text).replace("•", "")


def decks(out):
    """(folder, pptx, pdf) of every sample deck built, single languages and pairs."""
    for pptx in sorted(out.rglob("*-slides.pptx")):
        yield pptx.parent.name, pptx, pptx.with_suffix(".pdf")


def test_every_sample_deck_has_the_same_slides_and_text_as_its_pdf(samples_built):
    seen, count = set(), 0
    for lang, pptx, pdf in decks(samples_built.out):
        if lang != "es" and not (lang == "es+en" and "local-surveillance" in pdf.name):
            continue  # every sample in Spanish, and a bilingual deck: a few seconds
        deck = pptx_slides(pptx.read_bytes())
        pages = unhyphenated(pdf_pages_pdfium(pdf.read_bytes()), " ".join(deck))
        assert len(deck) == len(pages), pdf.name
        for n, (a, b) in enumerate(zip(deck, pages), 1):
            assert same(a) == same(b), f"{pdf.name}, slide {n}"
        seen.add(lang)
        count += 1
    assert seen == {"es", "es+en"} and count == len(list(SAMPLES.glob("*.yaml"))) + 1


def test_slide_numbers_on_every_slide_but_the_first(samples_built):
    _, pptx, pdf = next(decks(samples_built.out))
    pages = pdf_pages(pdf.read_bytes())
    assert not re.search(r"(^|\n)1\s*$", pages[0])
    for n, text in enumerate(pages[1:], 2):
        assert text.rstrip().endswith(str(n)), (n, text[-40:])


@pytest.fixture(scope="module")
def surveillance():
    cur = load_curriculum(SAMPLES / "local-surveillance.yaml")
    return cur, resolve(cur)


def test_qr_codes_decode_at_150_dpi_and_urls_are_links(surveillance):
    cur, settings = surveillance
    data = slides.write(cur, settings, ("es",), Options())
    deck = plan(cur, settings, ("es",), Options(), 12192000, 6858000)
    want = {p.qr for s in deck.slides for p in s.shapes if getattr(p, "qr", None)}
    assert want
    found, links = set(), set()
    pdf = pdfium.PdfDocument(data)
    reader = PdfReader(io.BytesIO(data))
    for i, s in enumerate(deck.slides):
        if not any(getattr(p, "qr", None) for p in s.shapes):
            continue
        img = pdf[i].render(scale=150 / 72).to_pil()
        found |= {b.text for b in zxingcpp.read_barcodes(img)}
        for a in reader.pages[i].get("/Annots") or []:
            links.add(a.get_object()["/A"]["/URI"])
    assert found == want
    assert want <= links  # the code itself is a link, and so is the printed URL


def test_fonts_are_embedded_and_nothing_is_ascii85(surveillance):
    cur, settings = surveillance
    data = slides.write(cur, settings, ("es", "en"), Options())
    reader = PdfReader(io.BytesIO(data))
    fonts = {}
    for page in reader.pages:
        for f in (page["/Resources"].get("/Font") or {}).values():
            f = f.get_object()
            desc = f.get("/FontDescriptor")
            fonts[f["/BaseFont"]] = desc is not None and "/FontFile2" in desc.get_object()
    assert fonts and all(fonts.values()), fonts
    w, h = (float(x) for x in reader.pages[0].mediabox[2:])
    assert abs(w / h - 16 / 9) < 0.01
    assert b"ASCII85" not in data


def test_low_ink_is_grey_and_same_input_same_bytes(surveillance):
    cur, settings = surveillance
    grey = slides.write(cur, settings, ("es",), Options(ink="low"))
    assert grey == slides.write(cur, settings, ("es",), Options(ink="low"))
    assert spread(grey) < 8
    assert spread(slides.write(cur, settings, ("es",), Options())) > 40  # accent bar, blue title


def spread(pdf: bytes) -> int:
    """The largest difference between two colour channels of a pixel on slide 2."""
    from PIL import ImageChops

    r, g, b = pdfium.PdfDocument(pdf)[1].render(scale=0.5).to_pil().convert("RGB").split()
    return max(ImageChops.difference(x, y).getextrema()[1] for x, y in ((r, g), (g, b), (r, b)))
