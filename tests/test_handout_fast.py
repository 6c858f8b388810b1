"""The video handout's fast paths give what the slow ones gave: card text broken into
the lines and heights reportlab's Paragraph gives, QR rectangles covering exactly the
dark modules, link annotations as Canvas.linkURL writes them, and reportlab's URL
pattern still there when something asks for it."""
from __future__ import annotations

import io

import pytest
from pypdf import PdfReader
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph

from workshopkit.model.options import Options
from workshopkit.plan import qr
from workshopkit.render.pdf import base as pdfbase
from workshopkit.render.pdf.cardtext import Pen, TextBlock, link, text_block
from workshopkit.render.pdf.handout_cards import LOOKS, card_styles, qr_path
from workshopkit.source.settings import bundled_fonts

TEXTS = [
    "Video 1", "Duration: 4:30", "Used in: Main \u2013 Watch; Day two \u2013 Practice",
    "Joy Buolamwini, \u00abC\u00f3mo lucho contra el sesgo en los algoritmos\u00bb (TED, "
    "subt\u00edtulos en espa\u00f1ol)",
    "Several   spaces\tand a tab, \u00bfsigns?  \u00abquotes\u00bb",
    "Captions: English, espa\u00f1ol, portugu\u00eas do Brasil, fran\u00e7ais",
    "word " * 40,
]


@pytest.fixture(scope="module")
def styles():
    faces = pdfbase.register(bundled_fonts())
    return [card_styles(look, Options(), faces)
            for look in (*LOOKS[("cut", False)], LOOKS[("cut", True)][0])]


def test_plain_text_breaks_as_a_paragraph_breaks_it(styles):
    checked = 0
    for sts in styles:
        for role in ("title", "body2", "small"):
            for text in TEXTS:
                for width in (60.0, 97.3, 163.5, 400.0):
                    got = text_block(text, sts[role], width)
                    para = Paragraph(pdfbase.markup(text), sts[role])
                    height = para.wrap(width, 1e6)[1]
                    if not isinstance(got, TextBlock):
                        continue
                    want = [" ".join(words) for _extra, words in para.blPara.lines]
                    assert [t for t, _ws in got.lines] == want, (text, width)
                    assert got.height == pytest.approx(height)
                    checked += 1
    assert checked > 150


@pytest.mark.parametrize("text", ["*emphasis* here", "two\nlines", "soft\xadhyphen",
                                  "no\xa0break", "A & B", "a <b>", "Supercalifragilistic" * 3,
                                  ""])
def test_markup_breaks_and_long_words_go_to_a_paragraph(styles, text):
    assert isinstance(text_block(text, styles[0]["body"], 60.0), Paragraph)


def test_a_drawn_block_puts_its_baselines_where_a_paragraph_puts_them(styles):
    style = styles[0]["title"]
    text, width = TEXTS[3], 120.0

    def baselines(draw) -> list[tuple[float, float]]:
        buf = io.BytesIO()
        c = Canvas(buf, pagesize=(300, 300), invariant=1)
        draw(c)
        c.save()
        out = []
        PdfReader(buf).pages[0].extract_text(visitor_text=lambda t, cm, tm, *_: out.append(
            (round(cm[4] + tm[4], 2), round(cm[5] + tm[5], 2))) if t.strip() else None)
        return out

    def para(c):
        p = Paragraph(pdfbase.markup(text), style)
        p.wrap(width, 1e6)
        p.drawOn(c, 20, 40)

    def block(c):
        pen = Pen(c)
        text_block(text, style, width).write(pen, 20, 40)
        pen.close()

    want = baselines(para)
    assert len(want) > 2 and baselines(block) == want


def test_qr_rectangles_cover_exactly_the_dark_modules():
    for url in ("https://video.example.org/w/clip-7?t=30", "x",
                "https://example.org/" + "long/path/" * 30):
        n = qr.size(url)
        m = qr.matrix(url)
        dark = {(x, n - 1 - y) for y, row in enumerate(m) for x, v in enumerate(row) if v}
        covered = set()
        ops = qr_path(url).split("\n")
        assert ops[-1] == "f"
        for op in ops[:-1]:
            x, y, w, h, name = op.split()
            assert name == "re" and h == "1"
            cells = {(int(x) - qr.QUIET_ZONE + i, int(y) - qr.QUIET_ZONE) for i in range(int(w))}
            assert not cells & covered
            covered |= cells
        assert covered == dark


def test_link_annotations_read_back_as_canvas_links():
    def annots(make) -> list:
        buf = io.BytesIO()
        c = Canvas(buf, pagesize=(300, 300), invariant=1)
        c.translate(10.5, 20.25)
        make(c, "https://example.org/a?b=1&c=(2)", (1, 2, 103.3333, 44))
        c.showPage()
        c.save()
        return [a.get_object() for a in PdfReader(buf).pages[0]["/Annots"]]

    ours = annots(link)
    assert ours == annots(lambda c, url, rect: c.linkURL(url, rect, relative=1))
    assert ours[0]["/A"]["/URI"] == "https://example.org/a?b=1&c=(2)"


def test_reportlab_patterns_left_uncompiled_at_import_still_work():
    from reportlab.lib import textsplit
    from reportlab.platypus import paragraph

    m = paragraph.uri_pat.match("https://example.org/a/b")
    assert m and m.group(1) == "https://"
    assert paragraph._uri_split_pairs is not None
    assert textsplit.rx.split("ab\u6f22c") == ["ab", "\u6f22", "c"]
