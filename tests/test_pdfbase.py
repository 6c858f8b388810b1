"""The shared PDF base: paper, booklets, fonts, large print, metadata, determinism."""
from __future__ import annotations

import datetime as dt
import io
import math

import pytest
from pypdf import PdfReader
from reportlab.platypus import PageBreak

from conftest import load_every_kind, load_example, pdf_text, squash
from workshopkit.model.options import Options
from workshopkit.plan import pages
from workshopkit.render.pdf import guide, base as pb, worksheets
from workshopkit.render.pdf.document import fit_line
from workshopkit.source.settings import bundled_fonts, resolve

FACES = pb.register(bundled_fonts())


def numbered(n: int, opts: Options, lang: str = "es") -> bytes:
    st = pb.styles(opts, FACES)
    story = []
    for i in range(1, n + 1):
        story += [pb.para(f"P{i}", st["h1"]), PageBreak()]
    return pb.render(story[:-1], cur=load_example(), languages=(lang,), options=opts,
                     faces=FACES, kind_title="Test")


def sizes(data: bytes) -> list[tuple[float, float]]:
    return [(float(p.mediabox.width), float(p.mediabox.height))
            for p in PdfReader(io.BytesIO(data)).pages]


@pytest.mark.parametrize("paper,size", [("letter", (612, 792)), ("a4", (595.276, 841.89))])
def test_page_sizes_exact(paper, size):
    for w, h in sizes(numbered(2, Options(paper=paper))):
        assert w == pytest.approx(size[0], abs=0.01) and h == pytest.approx(size[1], abs=0.01)
    assert pb.page_size(Options(paper=paper, booklet=True)) == pytest.approx((size[1] / 2, size[0]))
    for w, h in sizes(numbered(5, Options(paper=paper, booklet=True))):
        assert w == pytest.approx(size[1], abs=0.01) and h == pytest.approx(size[0], abs=0.01)


def test_booklet_order_plan():
    assert pb.booklet_order(8) == [(8, 1), (2, 7), (6, 3), (4, 5)]
    assert pb.booklet_order(1) == [(4, 1), (2, 3)]
    assert pb.booklet_order(5) == pb.booklet_order(8)


def halves(data: bytes) -> list[tuple[str, str]]:
    """Text of the left and right half of each imposed sheet side (read with PDFium,
    which places text drawn inside form XObjects where it appears)."""
    import pypdfium2 as pdfium

    out = []
    doc = pdfium.PdfDocument(data)
    for page in doc:
        w, h = page.get_size()
        tp = page.get_textpage()
        out.append((tp.get_text_bounded(0, 0, w / 2, h), tp.get_text_bounded(w / 2, 0, w, h)))
    return out


@pytest.mark.parametrize("n", [8, 6])
def test_booklet_imposed_in_saddle_stitch_order(n):
    data = numbered(n, Options(booklet=True, paper="a4"))
    got = []
    for left, right in halves(data):
        def label(s):
            for i in range(n, 0, -1):
                if f"P{i}" in s:
                    return i
            return None
        got.append((label(left), label(right)))
    want = [tuple(i if i <= n else None for i in pair) for pair in pb.booklet_order(n)]
    assert got == want


def test_booklet_does_not_scale():
    data = numbered(4, Options(booklet=True))
    reader = PdfReader(io.BytesIO(data))
    content = reader.pages[0].get_contents().get_data().decode("latin-1")
    # each page drawn as a form with a pure translation: 1 0 0 1 tx ty cm
    assert content.startswith("q 1 0 0 1 ") and " cm /P" in content


def fonts(data: bytes) -> dict[str, bool]:
    """The fonts the pages' text is drawn in, and whether each is embedded. Fonts of form
    fields (a survey's) are left out: viewers draw typed answers in a standard font."""
    out = {}
    reader = PdfReader(io.BytesIO(data))
    form = reader.trailer["/Root"].get("/AcroForm")
    fields = {str(r.get_object()["/BaseFont"]) for r in
              (form.get_object().get("/DR", {}).get("/Font", {}) if form else {}).values()}
    def resources(res):  # a page's, and those of the forms it draws (booklet pages)
        res = res.get_object() if res is not None else {}
        yield res
        for ref in (res.get("/XObject") or {}).values():
            x = ref.get_object()
            if x.get("/Subtype") == "/Form":
                yield from resources(x.get("/Resources"))

    for page in reader.pages:
        fonts_used = {k: v for res in resources(page.get("/Resources"))
                      for k, v in (res.get("/Font") or {}).items()}
        for _name, ref in fonts_used.items():
            f = ref.get_object()
            if str(f["/BaseFont"]) in fields and "/FontDescriptor" not in f:
                continue
            base = str(f["/BaseFont"])
            desc = f.get("/FontDescriptor")
            if desc is None and "/DescendantFonts" in f:
                desc = f["/DescendantFonts"][0].get_object().get("/FontDescriptor")
            out[base] = desc is not None and "/FontFile2" in desc.get_object()
    return out


@pytest.mark.parametrize("opts", [Options(), Options(booklet=True)], ids=["plain", "booklet"])
def test_fonts_embedded_never_helvetica(tmp_path, opts):
    cur = load_every_kind(tmp_path)
    for writer in (worksheets, guide):
        found = fonts(writer.write(cur, resolve(cur), ("es", "en"), opts))
        assert found and all(found.values()), found
        assert not any("Helvetica" in f for f in found), found
        assert any("DejaVuSans-Bold" in f for f in found)


def test_scripts_extract_unchanged():
    samples = ["Ελληνικά: Η ιδιωτικότητα είναι δικαίωμα.", "Кириллица: Приватность — это право.",
               "Tiếng Việt: Quyền riêng tư là quyền con người."]
    opts = Options()
    st = pb.styles(opts, FACES)
    data = pb.render([pb.para(s, st["body"]) for s in samples], cur=load_example(),
                     languages=("es",), options=opts, faces=FACES, kind_title="Test")
    text = pdf_text(data)
    for s in samples:
        assert s in " ".join(text.split())


def text_sizes(data: bytes) -> list[tuple[float, float, str]]:
    """(effective font size, y, text) of every drawn string."""
    out = []
    for page in PdfReader(io.BytesIO(data)).pages:
        def visit(text, cm, tm, font, size):
            if not text.strip():
                return
            scale = math.hypot(tm[2], tm[3]) * math.hypot(cm[2], cm[3])
            y = cm[1] * tm[4] + cm[3] * tm[5] + cm[5]
            out.append((size * scale, y, text))
        page.extract_text(visitor_text=visit)
    return out


@pytest.mark.parametrize("booklet", [False, True])
def test_large_print_text_at_least_16pt(tmp_path, booklet):
    cur = load_every_kind(tmp_path)
    opts = Options(large_print=True, booklet=booklet)
    assert pages.min_font_size(pb.styles(opts, FACES)) >= 16
    assert pb.styles(opts, FACES)["footer"].fontSize >= 12
    footer_top = pb.margins(opts)[3]
    for writer in (worksheets, guide):
        found = text_sizes(writer.write(cur, resolve(cur), ("es", "en"), opts))
        assert found
        small = [(s, y, t) for s, y, t in found if s < 15.99]
        # only the footer, below the body frame, is smaller, and never under 12 pt
        offset = 0 if not booklet else (pb.sheet_size(opts)[0] - pb.page_size(opts)[1]) / 2
        assert all(y - offset < footer_top and s >= 11.99 for s, y, t in small), small[:5]
        assert max(s for s, _, _ in found) >= 16


def test_normal_print_is_smaller():
    assert pb.styles(Options(), FACES)["body"].fontSize < 12
    assert pages.min_font_size(pb.styles(Options(), FACES)) >= 8


def test_low_ink_has_no_fills_and_greys_only():
    pal = pb.palette(Options(ink="low"))
    assert pal.fill is None and pal.head_fill is None and pal.warn_fill is None
    for c in (pal.text, pal.muted, pal.accent, pal.rule, pal.border):
        assert c.red == c.green == c.blue
    assert pb.palette(Options()).fill is not None


def test_low_ink_pages_render_without_colour(tmp_path):
    pdfium = pytest.importorskip("pypdfium2")
    cur = load_every_kind(tmp_path)
    for writer in (worksheets, guide):
        doc = pdfium.PdfDocument(writer.write(cur, resolve(cur), ("en",), Options(ink="low")))
        for i in range(len(doc)):
            img = doc[i].render(scale=0.5).to_pil().convert("RGB")
            assert all(abs(r - g) <= 2 and abs(g - b) <= 2 for r, g, b in zip(*[iter(img.tobytes())] * 3))


def test_metadata_date_language_and_footer():
    opts = Options(date=dt.datetime(2026, 11, 1, tzinfo=dt.timezone.utc))
    data = numbered(3, opts, "en")
    reader = PdfReader(io.BytesIO(data))
    meta = reader.metadata
    assert meta["/CreationDate"].startswith("D:20261101") and meta["/ModDate"] == meta["/CreationDate"]
    assert meta["/Title"] == "Surveillance in our communities — Test"
    assert meta["/Creator"].startswith("workshopkit ")
    assert str(reader.trailer["/Root"]["/Lang"]) == "en"
    for i, page in enumerate(reader.pages, 1):
        t = squash(page.extract_text())
        assert squash(f"Page {i} of 3") in t
        assert squash("CC-BY-SA-4.0") in t and squash("Version 1.2.0") in t and "2026-11-01" in t


def test_markup_escaped_and_styled():
    st = pb.styles(Options(), FACES)
    p = pb.para("a < b & **c** *d* \\*e", st["body"])
    assert "<b>c</b>" in p.text and "<i>d</i>" in p.text and "&lt;" in p.text and "*e" in p.text


def test_comparison_layout_plan():
    assert pages.fit_columns([50, 50], [100, 60], 200) == pytest.approx([120, 80])
    assert pages.fit_columns([150, 100], [200, 100], 200) is None
    assert pages.comparison_layout([80] * 7, large_print=True) == "cards"
    assert pages.comparison_layout(None, large_print=False) == "cards"
    assert pages.comparison_layout([80] * 7, large_print=False) == "table"


def test_footer_fit_cuts_a_very_long_title_at_the_longest_prefix_that_fits():
    from reportlab.pdfbase.pdfmetrics import stringWidth

    font, size, width = FACES.regular, 9, 300
    text = " ".join(f"palabra{i}" for i in range(2000))  # a 10,000-character title
    out = fit_line(text, font, size, width)
    assert out.endswith("…") and stringWidth(out, font, size) <= width
    kept = out[:-1]
    assert text.startswith(kept)
    longer = text[:len(kept) + 1].rstrip()
    assert longer == kept or stringWidth(longer + "…", font, size) > width
    assert fit_line("short", font, size, width) == "short"


def test_pages_are_deflated_without_ascii85_and_the_setting_is_restored():
    from reportlab import rl_config

    was = rl_config.useA85
    data = numbered(2, Options())
    assert b"/ASCII85Decode" not in data and b"/FlateDecode" in data
    assert rl_config.useA85 == was  # reportlab's global setting is left as it was
    assert "P1" in pdf_text(data) and "P2" in pdf_text(data)
