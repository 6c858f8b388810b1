"""The video handout read back: QR codes decoded, text extracted, pages measured."""
from __future__ import annotations

import functools
import io
import re
import subprocess
from pathlib import Path

import pypdfium2 as pdfium
import pytest
import zxingcpp
from pypdf import PdfReader

from workshopkit.i18n import ui
from workshopkit.model.options import Options
from workshopkit.source.validate import Workspace
from workshopkit.build.kinds import get
from workshopkit.render.pdf import handout
from workshopkit.plan.handout import plan_cards
from workshopkit.source.settings import resolve

from conftest import FORMAT_EXAMPLE, LONG, TRACKED, VIDEO_TEST, require_tool

CURRICULUM = VIDEO_TEST.read_text(encoding="utf-8")

COMMON = {TRACKED, LONG, "https://media.example.net/unused",
          "https://archive.example.org/details/no-duration", "https://video.example.org/w/five",
          "https://video.example.org/w/six",
          "https://video.example.org/w/seven?list=PL0123456789abcdefABCDEF&index=3"}
URLS = {"es": COMMON | {"https://video.example.org/w/rostro-es"},
        "en": COMMON | {"https://video.example.org/w/face-en"},
        "es+en": COMMON | {"https://video.example.org/w/rostro-es",
                           "https://video.example.org/w/face-en"}}


def load(path: Path):
    ws = Workspace()
    cur = ws.load(path)
    assert cur is not None, ws.problems.items
    return cur


@pytest.fixture(scope="module")
def cur(video_cur):
    return video_cur


def build(cur, langs: str = "es", **opts) -> bytes:
    return handout.write(cur, resolve(cur), tuple(langs.split("+")), Options(**opts))


def pages_text(pdf: bytes) -> list[str]:
    return list(_pages_text(pdf))


@functools.lru_cache(maxsize=64)
def _pages_text(pdf: bytes) -> tuple[str, ...]:
    """Each page's text, extracted once per PDF (several tests read the same one)."""
    return tuple(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages)


def decoded(pdf: bytes, dpi: int = 100) -> list[set[str]]:
    """The QR codes zxing-cpp reads on each page rendered at ``dpi``."""
    return [set(codes) for codes in _decoded(pdf, dpi)]


@functools.lru_cache(maxsize=64)
def _decoded(pdf: bytes, dpi: int) -> tuple[frozenset[str], ...]:
    doc = pdfium.PdfDocument(pdf)
    out = []
    for page in doc:
        img = page.render(scale=dpi / 72).to_pil()
        out.append(frozenset(b.text for b in zxingcpp.read_barcodes(img)
                             if b.format == zxingcpp.BarcodeFormat.QRCode))
    return tuple(out)


def printed(url: str, text: str) -> bool:
    """True when ``url`` stands in ``text`` on one line or over consecutive lines."""
    lines = [line.strip() for line in text.splitlines()]
    for i in range(len(lines)):
        joined = ""
        for line in lines[i:]:
            joined += line
            if joined == url:
                return True
            if not url.startswith(joined):
                break
    return False


# ------------------------------------------------------------------ the PDF read back

VARIANTS = {
    "letter": ("es", {}),
    "a4": ("en", {"paper": "a4"}),
    "low-ink": ("es", {"ink": "low"}),
    "large-print": ("es", {"large_print": True}),
    "booklet": ("es", {"booklet": True}),
    "booklet-a4-large": ("en", {"booklet": True, "paper": "a4", "large_print": True}),
    "page": ("es", {"cards": "page"}),
    "bilingual": ("es+en", {}),
    "bilingual-page": ("es+en", {"cards": "page", "paper": "a4"}),
}


@pytest.fixture(scope="module")
def pdfs(cur):
    return {name: build(cur, langs, **opts) for name, (langs, opts) in VARIANTS.items()}


@pytest.mark.parametrize("variant", VARIANTS)
def test_every_code_decodes_to_its_url_on_the_page_that_prints_it(pdfs, variant):
    langs = VARIANTS[variant][0]
    pdf = pdfs[variant]
    found = decoded(pdf)
    assert set().union(*found) == URLS[langs]
    for codes, text in zip(found, pages_text(pdf)):
        assert codes == {u for u in URLS[langs] if printed(u, text)}


@pytest.mark.parametrize("variant", VARIANTS)
def test_titles_durations_captions_and_urls_are_printed(pdfs, variant):
    langs = VARIANTS[variant][0]
    text = "\n".join(pages_text(pdfs[variant]))
    for url in URLS[langs]:
        assert printed(url, text), url
    for s in ("4:30", "1:02:05", "12:00", "0:30", "7:00", "8:00", "Jitsi"):
        assert s in text
    titles = {"es": ["Cámaras en la calle", "Reconocimiento facial", "Un video que no se usa",
                     "Sin duración", "Séptimo video"],
              "en": ["Cameras on the street", "Face recognition", "A video nobody shows",
                     "No duration", "Seventh video"]}
    names = {"es": ["español", "inglés", "portugués (Brasil)"],
             "en": ["Spanish", "English", "Portuguese (Brazil)"]}
    flat = " ".join(text.split())
    for lang in langs.split("+"):
        for s in titles[lang] + names[lang]:
            assert s in flat, s
    assert "zz" in flat
    assert "*" not in text and "utm_" not in text and "si=" not in text
    for lang in langs.split("+"):
        assert ui(lang)("Point your phone's camera at a code to open the video") in flat


def test_bilingual_cards_say_both_languages(pdfs):
    flat = " ".join("\n".join(pages_text(pdfs["bilingual"])).split())
    assert "Un recorrido por las cámaras de una calle." in flat
    assert "A walk past one street's cameras." in flat
    es, en = ui("es"), ui("en")
    assert es("Captions: {languages}").format(languages="español, inglés, portugués (Brasil)") in flat
    assert en("Captions: {languages}").format(languages="Spanish, English, Portuguese (Brazil)") in flat
    assert "Se usa en / Used in: Mapeo \u2013 Caminata; Mapeo \u2013 Charla" in flat


@pytest.mark.parametrize("variant,size", [
    ("letter", (612, 792)), ("a4", (595.276, 841.89)), ("booklet", (792, 612)),
    ("booklet-a4-large", (841.89, 595.276)), ("page", (612, 792)), ("bilingual-page", (595.276, 841.89)),
])
def test_page_sizes_are_exact(pdfs, variant, size):
    for page in PdfReader(io.BytesIO(pdfs[variant])).pages:
        assert (float(page.mediabox.width), float(page.mediabox.height)) == pytest.approx(size, abs=0.01)


def test_cards_per_page(pdfs):
    assert [len(p) for p in decoded(pdfs["letter"])] == [6, 2]
    large = decoded(pdfs["large-print"])  # one column: cards stacked, at least two a page
    assert all(len(p) >= 2 for p in large[:-1]) and len(large) <= 4, [len(p) for p in large]
    assert [len(p) for p in decoded(pdfs["page"])] == [1] * 8
    assert [len(p) for p in decoded(pdfs["bilingual-page"])] == [1, 2] + [1] * 6


def test_large_print_text_is_at_least_16_pt(pdfs):
    from workshopkit.render.pdf.base import margins

    bottom = margins(Options(large_print=True))[3]
    small, body = [], []

    def visit(text, cm, tm, font, size):
        y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]  # on the page
        if text.strip():
            (body if y > bottom else small).append((text.strip(), size * abs(tm[3] or 1)))

    for page in PdfReader(io.BytesIO(pdfs["large-print"])).pages:
        page.extract_text(visitor_text=visit)
    assert body and min(size for _t, size in body) >= 16, body
    assert small and all("2000-01-01" in t or "Vigilancia" in t or any(c.isdigit() for c in t)
                         for t, _size in small), small  # only the footer is smaller


def test_low_ink_pages_are_grey(pdfs):
    for page in pdfium.PdfDocument(pdfs["low-ink"]):
        img = page.render(scale=1).to_pil().convert("RGB")
        colours = {c for _n, c in img.getcolors(maxcolors=1 << 20)}
        assert max(max(c) - min(c) for c in colours) <= 2


def test_normal_ink_has_colour(pdfs):
    img = pdfium.PdfDocument(pdfs["letter"])[0].render(scale=1).to_pil().convert("RGB")
    assert max(max(c) - min(c) for _n, c in img.getcolors(maxcolors=1 << 20)) > 20


def test_qpdf_check_passes(pdfs, tmp_path):
    qpdf = require_tool("qpdf")
    for name in ("letter", "booklet", "bilingual-page"):
        path = tmp_path / f"{name}.pdf"
        path.write_bytes(pdfs[name])
        run = subprocess.run([qpdf, "--check", str(path)], capture_output=True, text=True)
        assert run.returncode == 0, run.stdout + run.stderr


def test_same_input_same_bytes(cur, pdfs):
    assert build(cur, "es") == pdfs["letter"]
    assert build(cur, "es", booklet=True) == pdfs["booklet"]


def test_fonts_are_embedded(pdfs):
    seen = 0
    for page in PdfReader(io.BytesIO(pdfs["bilingual"])).pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            desc = font["/DescendantFonts"][0].get_object()["/FontDescriptor"] if "/DescendantFonts" in font \
                else font["/FontDescriptor"]
            assert "/FontFile2" in desc.get_object(), font["/BaseFont"]
            seen += 1
    assert seen


def test_links_open_the_videos(pdfs):
    uris = set()
    for page in PdfReader(io.BytesIO(pdfs["letter"])).pages:
        for a in page.get("/Annots", []):
            uris.add(a.get_object()["/A"]["/URI"])
    assert uris == URLS["es"]


def test_no_videos_is_a_single_page_that_says_so():
    cur = load(FORMAT_EXAMPLE)
    cur.videos.clear()
    pdf = handout.write(cur, resolve(cur), ("en",), Options())
    texts = pages_text(pdf)
    assert len(texts) == 1 and "This workshop has no videos." in texts[0]
    assert decoded(pdf) == [set()]


def test_a_card_too_long_for_a_cell_gets_a_page_and_loses_nothing(tmp_path):
    story = " ".join(f"palabra{i}" for i in range(700))
    yaml = CURRICULUM.replace("  plain:\n    title:", f"  plain:\n    summary: {story}\n    title:")
    (tmp_path / "long.yaml").write_text(yaml, encoding="utf-8")
    pdf = build(load(tmp_path / "long.yaml"), "es")
    texts = pages_text(pdf)
    assert re.findall(r"palabra\d+", "\n".join(texts)) == story.split()
    codes = decoded(pdf)
    assert set().union(*codes) == URLS["es"]
    for found, text in zip(codes, texts):  # the code and its URL on the same page
        assert found == {u for u in URLS["es"] if printed(u, text)}
    assert_in_order(load(tmp_path / "long.yaml"), codes)  # the long card in its place


def assert_in_order(cur, codes: list[set[str]], langs=("es",)) -> None:
    """Cards come page after page in the order the workshop shows the videos."""
    order = {c.url: i for i, card in enumerate(plan_cards(cur, langs)) for c in card.codes}
    seen = [sorted({order[u] for u in page}) for page in codes]
    flat = [i for page in seen for i in page]
    assert flat == sorted(flat) and len(set(flat)) == len(plan_cards(cur, langs)), seen


def test_registered_and_built_from_the_command_line(cli, example_project):
    assert get("videos") is handout.write
    result = cli("build", "curricula", "-o", "out", "--only", "videos", "--lang", "en",
                 cwd=example_project)
    assert result.exit_code == 0, result.output
    pdf = (example_project / "out/local-surveillance/en/local-surveillance-en-videos.pdf").read_bytes()
    assert decoded(pdf) == [{"https://video.example.org/w/cameras-101"}]
    assert "Who watches the cameras?" in " ".join(pages_text(pdf)[0].split())


@pytest.mark.parametrize("cards", ["cut", "page"])
def test_a_very_long_url_still_scans_and_prints_whole(cards):
    cur = load(FORMAT_EXAMPLE)
    url = "https://video.example.org/w/" + "/".join(f"part{i}-x_y.z" for i in range(25)) + "?a=1&b=2"
    cur.videos["cameras-101"].url.plain = url
    pdf = handout.write(cur, resolve(cur), ("es",), Options(cards=cards))
    assert decoded(pdf) == [{url}]
    assert printed(url, pages_text(pdf)[0])


def test_a_title_taller_than_the_page_header_still_builds_every_card(tmp_path):
    words = [f"titulo{i}" for i in range(330)]
    yaml = CURRICULUM.replace("title: {es: Vigilancia y *software* libre, en: Surveillance and free *software*}",
                              "title: " + " ".join(words))
    (tmp_path / "tall.yaml").write_text(yaml, encoding="utf-8")
    cur = load(tmp_path / "tall.yaml")
    pdf = handout.write(cur, resolve(cur), ("es",), Options(large_print=True, paper="a4"))
    texts = pages_text(pdf)
    assert set(re.findall(r"titulo\d+", "\n".join(texts))) == set(words)  # the whole title
    assert set().union(*decoded(pdf)) == URLS["es"]


def test_per_language_codes_too_tall_side_by_side_go_one_under_the_other():
    """Bilingual page cards on a booklet's half page: two codes for long per-language URLs."""
    from workshopkit.model import Url

    cur = load(FORMAT_EXAMPLE)
    long = {lang: f"https://video.example.org/{lang}/" + "/".join(
        f"segmento-largo-{lang}-{i}" for i in range(24)) for lang in ("es", "en")}
    video = cur.videos["cameras-101"]
    video.url = Url(video.url.pos, values=long, source_lang="es")
    pdf = handout.write(cur, resolve(cur), ("es", "en"), Options(booklet=True, cards="page"))
    assert set().union(*decoded(pdf)) == set(long.values())
