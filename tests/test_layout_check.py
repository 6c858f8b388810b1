"""The read-back layout check: each rule fires on a defect and stays quiet on a clean page.

Pages and decks are drawn here directly with reportlab and python-pptx, so every rule
is tested on its own, independent of how workshopkit lays things out.
"""
from __future__ import annotations

import io
from pathlib import Path

import pytest
from reportlab.lib.pagesizes import letter
from reportlab.pdfgen import canvas

from workshopkit.check import Sources, check_file
from workshopkit.check.pdftext import read_pdf

W, H = letter
FOOT = "Title · Guide"


def make_pdf(path: Path, pages: list[list[tuple]], size=letter, footer: bool = True) -> Path:
    """Pages of (x, y-from-top, text[, font, size]); a footer "Page N of M" on each page."""
    path.parent.mkdir(parents=True, exist_ok=True)
    c = canvas.Canvas(str(path), pagesize=size)
    w, h = size
    for n, items in enumerate(pages, 1):
        for item in items:
            x, y, text = item[:3]
            font = item[3] if len(item) > 3 else "Helvetica"
            pt = item[4] if len(item) > 4 else 10
            c.setFont(font, pt)
            c.drawString(x, h - y - pt, text)
        if footer:
            c.setFont("Helvetica", 8)
            c.drawString(46, 22, FOOT)
            c.drawString(w - 110, 22, f"Page {n} of {len(pages)}")
        c.showPage()
    c.save()
    return path


def paragraph(top: float, lines: list[str], x: float = 50, lead: float = 13) -> list[tuple]:
    return [(x, top + i * lead, line) for i, line in enumerate(lines)]


def sources(*texts: str) -> Sources:
    src = Sources()
    src.languages.update({"es", "en", "pt-BR"})
    for t in texts:
        src.add_text(t)
    return src


def rules(path: Path, src: Sources) -> list[str]:
    return [f.rule for f in check_file(path, src)]


FILLER = [f"Line {i} of a paragraph that fills the page with ordinary words." for i in range(50)]


# ---------------------------------------------------------------- words and URLs
def test_word_split_without_hyphen_is_found(tmp_path):
    src = sources("Profundización de la sesión")
    bad = make_pdf(tmp_path / "bad-guide.pdf", [paragraph(60, ["Profundizació", "n"])])
    good = make_pdf(tmp_path / "good-guide.pdf", [paragraph(60, ["Profundización de", "la sesión"])])
    found = check_file(bad, src)
    assert [f.rule for f in found] == ["word-split"]
    assert "Profundizació/n" in found[0].message and found[0].page == 1
    assert rules(good, src) == []


def test_word_split_over_several_lines_is_found(tmp_path):
    src = sources("¿Quién la construye?")
    bad = make_pdf(tmp_path / "g-guide.pdf", [paragraph(60, ["¿Quién la co", "nstruy", "e?"])])
    assert "word-split" in rules(bad, src)


def test_two_words_that_also_make_one_are_not_flagged(tmp_path):
    src = sources("un paraguas para las aguas")
    pdf = make_pdf(tmp_path / "g-guide.pdf", [paragraph(60, ["lleva un para", "aguas del río"])])
    assert rules(pdf, src) == []


def test_hyphenation_points_are_checked():
    pytest.importorskip("pyphen")
    from workshopkit.check.words import split_word
    src = sources("Tecnología")
    assert split_word(["Tecnol-", "ogía"], 0, src)[0] == "bad-hyphen"
    assert split_word(["Tecno-", "logía"], 0, src) is None


def test_url_broken_mid_word_is_found(tmp_path):
    url = "https://www.ted.com/talks/fighting_bias_in_algorithms"
    src = sources(f"See {url} for more.")
    bad = make_pdf(tmp_path / "g-guide.pdf",
                   [paragraph(60, ["https://www.ted.com/talks/fighting_bias_in_alg", "orithms"])])
    good = make_pdf(tmp_path / "h-guide.pdf",
                    [paragraph(60, ["https://www.ted.com/talks/", "fighting_bias_in_algorithms"])])
    found = check_file(bad, src)
    assert [f.rule for f in found] == ["url-split"]
    assert "alg / orithms" in found[0].message
    assert rules(good, src) == []


def test_language_codes_printed_as_names_are_found(tmp_path):
    src = sources()
    bad = make_pdf(tmp_path / "g-guide.pdf", [[(50, 60, "Subtítulos: en, es, pt-BR")]])
    good = make_pdf(tmp_path / "h-guide.pdf", [[(50, 60, "Subtítulos: inglés, español"),
                                                (50, 80, "Duración: en el taller, 8 min")]])
    assert rules(bad, src) == ["language-code"]
    assert rules(good, src) == []


# ---------------------------------------------------------------- pages
def test_footer_only_page_is_blank(tmp_path):
    src = sources()
    bad = make_pdf(tmp_path / "g-guide.pdf", [paragraph(60, FILLER), [], paragraph(60, FILLER)])
    good = make_pdf(tmp_path / "h-guide.pdf", [paragraph(60, FILLER), paragraph(60, FILLER)])
    found = check_file(bad, src)
    assert [(f.rule, f.page) for f in found] == [("blank-page", 2)]
    assert rules(good, src) == []


def test_nearly_empty_page_before_a_block_that_fits_is_underfull(tmp_path):
    src = sources()
    pages = [paragraph(60, FILLER), paragraph(60, ["Two short", "lines."]),
             paragraph(60, FILLER[:5] + [""] * 6 + FILLER[:30])]
    bad = make_pdf(tmp_path / "g-guide.pdf", pages)
    found = check_file(bad, src)
    assert [(f.rule, f.page) for f in found] == [("underfull", 2)]
    # the same short page is fine when the next block could not have fitted
    good = make_pdf(tmp_path / "h-guide.pdf", [pages[0], pages[1], paragraph(40, FILLER + FILLER[:4])])
    assert rules(good, src) == []


def test_heading_last_on_a_page_is_stranded(tmp_path):
    src = sources()
    body = paragraph(60, FILLER[:38])
    bad = make_pdf(tmp_path / "g-guide.pdf", [body + [(50, 60 + 38 * 13 + 8, "Next steps",
                                                        "Helvetica-Bold", 14)],
                                              paragraph(60, FILLER)])
    found = check_file(bad, src)
    assert [(f.rule, f.page) for f in found] == [("stranded-heading", 1)]
    assert "Next steps" in found[0].message
    good = make_pdf(tmp_path / "h-guide.pdf", [[(50, 40, "Next steps", "Helvetica-Bold", 14)] + body,
                                               paragraph(60, FILLER)])
    assert rules(good, src) == []


def test_text_off_the_page_or_over_other_text_is_found(tmp_path):
    src = sources()
    off = make_pdf(tmp_path / "g-guide.pdf", [[(50, 60, "inside"), (W - 30, 100, "beyond the edge")]])
    over = make_pdf(tmp_path / "h-guide.pdf", [[(50, 60, "a long cell text"), (90, 61, "next cell")]])
    clean = make_pdf(tmp_path / "i-guide.pdf", [[(50, 60, "a cell"), (150, 60, "next cell")]])
    assert rules(off, src) == ["off-page"]
    assert rules(over, src) == ["text-overlap"]
    assert rules(clean, src) == []


def test_worksheet_continuation_without_running_header_is_found(tmp_path):
    src = sources()
    head = (46, 40, "Title · Session one", "Helvetica", 9)
    bad = make_pdf(tmp_path / "w-es-worksheets.pdf",
                   [[head] + paragraph(60, FILLER), paragraph(60, FILLER)])
    good = make_pdf(tmp_path / "v-es-worksheets.pdf",
                    [[head] + paragraph(60, FILLER), [head] + paragraph(60, FILLER)])
    found = check_file(bad, src)
    assert [(f.rule, f.page) for f in found] == [("running-header", 2)]
    assert rules(good, src) == []


def test_booklet_sheets_are_read_as_pages_in_reading_order(tmp_path):
    # one sheet, two sides: front 4|1, back 2|3; page 3 holds only its footer
    c = canvas.Canvas(str(tmp_path / "b-guide.pdf"), pagesize=(H, W))
    for side in ((4, 1), (2, 3)):
        for half, n in enumerate(side):
            x = half * H / 2
            if n != 3:
                for i, line in enumerate(FILLER[:30]):
                    c.drawString(x + 40, W - 60 - 13 * i, f"p{n} {line}")
            c.setFont("Helvetica", 8)
            c.drawString(x + 40, 22, FOOT)
            c.drawString(x + H / 2 - 90, 22, f"Page {n} of 4")
            c.setFont("Helvetica", 10)
        c.showPage()
    c.save()
    pages = read_pdf(tmp_path / "b-guide.pdf")
    assert [p.number for p in pages] == [1, 2, 3, 4]
    assert all(p.frags[0].text.startswith(f"p{p.number} ") for p in pages if p.number != 3)
    found = check_file(tmp_path / "b-guide.pdf", sources())
    assert [(f.rule, f.page) for f in found] == [("blank-page", 3)]


# ---------------------------------------------------------------- decks
def make_deck(path: Path, boxes: list[tuple], paragraphs: list[tuple[str, bool]] = (),
              slides: int = 1, pictures: list[bytes] = ()) -> Path:
    from pptx import Presentation
    from pptx.util import Inches

    prs = Presentation()
    prs.slide_width, prs.slide_height = Inches(13.333), Inches(7.5)
    for n in range(slides):
        slide = prs.slides.add_slide(prs.slide_layouts[6])
        if n:
            continue
        for x, y, w, h, text in boxes:
            tb = slide.shapes.add_textbox(Inches(x), Inches(y), Inches(w), Inches(h))
            tb.text_frame.text = text
        if paragraphs:
            tf = slide.shapes.add_textbox(Inches(0.5), Inches(2), Inches(12), Inches(5)).text_frame
            for i, (text, bold) in enumerate(paragraphs):
                p = tf.paragraphs[0] if i == 0 else tf.add_paragraph()
                run = p.add_run()
                run.text = text
                run.font.bold = bold
        for i, blob in enumerate(pictures):
            slide.shapes.add_picture(io.BytesIO(blob), Inches(0.5 + 3 * i), Inches(0.2),
                                     Inches(1.5), Inches(1.5))
    path.parent.mkdir(parents=True, exist_ok=True)
    prs.save(str(path))
    return path


def test_slide_elements_overlapping_or_leaving_the_slide_are_found(tmp_path):
    src = sources()
    bad = make_deck(tmp_path / "d-slides.pptx", [(0.5, 0.5, 6, 2, "Title"), (3, 1.5, 6, 2, "Body"),
                                                 (10, 6, 4, 2, "Leaves")])
    good = make_deck(tmp_path / "e-slides.pptx", [(0.5, 0.5, 6, 1, "Title"), (0.5, 2, 6, 2, "Body")])
    assert sorted(rules(bad, src)) == ["slide-off", "slide-overlap"]
    assert rules(good, src) == []


def test_heading_stranded_at_the_foot_of_a_slide_is_found(tmp_path):
    src = sources()
    bad = make_deck(tmp_path / "d-slides.pptx", [], [("Día 1", True), ("09:00 Bienvenida", False),
                                                     ("Día 2", True)], slides=2)
    good = make_deck(tmp_path / "e-slides.pptx", [], [("Día 1", True), ("09:00 Bienvenida", False)],
                     slides=2)
    assert rules(bad, src) == ["stranded-heading"]
    assert rules(good, src) == []


def test_language_codes_and_split_words_on_slides_are_found(tmp_path):
    src = sources("Probabilidad")
    bad = make_deck(tmp_path / "d-slides.pptx", [(0.5, 2, 6, 2, "Subtítulos: en, es"),
                                                 (7, 2, 5, 2, "Probabilida\vd")])
    good = make_deck(tmp_path / "e-slides.pptx", [(0.5, 2, 6, 2, "Subtítulos: inglés, español"),
                                                  (7, 2, 5, 2, "Probabilidad")])
    assert sorted(rules(bad, src)) == ["language-code", "word-split"]
    assert rules(good, src) == []


def qr_png(text: str) -> bytes:
    import zxingcpp
    from PIL import Image

    img = memoryview(zxingcpp.create_barcode(text, zxingcpp.BarcodeFormat.QRCode)
                     .to_image(scale=6, add_quiet_zones=True))
    out = io.BytesIO()
    Image.frombytes("L", (img.shape[1], img.shape[0]), img.tobytes()).save(out, "PNG")
    return out.getvalue()


def test_bilingual_video_slide_needs_each_languages_qr(tmp_path):
    es, en = "https://example.org/video-es", "https://example.org/video-en"
    src = sources()
    src.videos["talk"] = {"es": es, "en": en}
    bad = make_deck(tmp_path / "es+en" / "d-es+en-slides.pptx", [], pictures=[qr_png(es)])
    good = make_deck(tmp_path / "es+en" / "e-es+en-slides.pptx", [], pictures=[qr_png(es), qr_png(en)])
    found = check_file(bad, src)
    assert [f.rule for f in found] == ["video-qr"] and en in found[0].message
    assert rules(good, src) == []


# ---------------------------------------------------------------- generated curricula
def test_generated_curricula_are_valid(tmp_path):
    from workshopkit.check.generate import write_generated
    from workshopkit.source.validate import Workspace

    ws = Workspace()
    for path in write_generated(tmp_path):
        assert ws.load(path) is not None, [str(d) for d in ws.problems.errors]
