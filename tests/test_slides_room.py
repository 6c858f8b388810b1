"""Slides for the back of the room: legible sizes, statements, questions, icons, and
the slide defects a read-back of every deck found (headings left at a slide's foot,
URLs broken mid-word, a second language's QR code missing, a URL repeated, shapes
overlapping).  Decks are read back with python-pptx or as XML; PDFs with pypdf and
pypdfium2."""
from __future__ import annotations

import functools
import io
import re
import shutil
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from pptx import Presentation

from conftest import DATA, ROOT, SAMPLES, pdf_text, planned_once
from workshopkit.build.targets import options_for
from workshopkit.check import Sources, check_file
from workshopkit.check.generate import write_generated
from workshopkit.plan.slides import plan
from workshopkit.plan.slides_fit import LARGE_PT, LARGE_SHARE, MIN_PT, Box, TextBox
from workshopkit.plan.slides_text import Line, Span, inches, metrics_for, wrap
from workshopkit.source.settings import bundled_fonts, resolve
from workshopkit.source.validate import Workspace

ROOM = DATA / "slides-room"
M = metrics_for(bundled_fonts())
ACCENT = (0xD0, 0x56, 0x2B)


def build(args: list[str]) -> None:
    from workshopkit.cli import main

    res = CliRunner().invoke(main, ["build", *args, "-q", "-j", "1"], catch_exceptions=False)
    assert res.exit_code == 0, res.output


@pytest.fixture(scope="module")
def room(tmp_path_factory) -> Path:
    """The room fixture in Spanish and es+en (deck, slides.pdf, handout), and a low-ink
    Spanish deck and slides.pdf."""
    out = tmp_path_factory.mktemp("room")
    cur = str(ROOM / "curricula" / "room.yaml")
    build([cur, "-o", str(out / "n"), "--lang", "es", "--bilingual", "es,en",
           "--only", "slides,slides-pdf,handout"])
    build([cur, "-o", str(out / "low"), "--lang", "es", "--ink", "low",
           "--only", "slides,slides-pdf"])
    return out


@pytest.fixture(scope="module")
def generated(tmp_path_factory) -> tuple[list[Path], Path]:
    """Two of the layout check's generated curricula (long words in a wide table, long
    URLs), their Spanish and es+en decks and PDFs."""
    folder = tmp_path_factory.mktemp("gen")
    paths = [p for p in write_generated(folder / "curricula")
             if "long-urls" in p.name or "long-words" in p.name]
    build([*map(str, paths), "-o", str(folder / "out"), "--lang", "es", "--bilingual",
           "es,en", "--only", "slides,slides-pdf"])
    return paths, folder / "out"


def out(room: Path, langs: str, kind: str, variant: str = "n") -> Path:
    ext = "pptx" if kind == "slides" else "pdf"
    kind = "slides" if kind == "slides-pdf" else kind
    suffix = "-low-ink" if variant == "low" else ""  # a print variant's own file name
    return room / variant / "room" / langs / f"room-{langs}-{kind}{suffix}.{ext}"


@functools.lru_cache(maxsize=None)
def planned(path: Path, langs: tuple[str, ...]):
    ws = Workspace()
    cur = ws.load(path)
    assert cur is not None, [str(d) for d in ws.problems]
    return cur, plan(cur, resolve(cur), langs, options_for(cur, {}))


# ------------------------------------------------------------------ legible sizes
_SHAPE = re.compile(r"<p:(sp|graphicFrame)>.*?</p:\1>", re.S)
_RUN = re.compile(r'<a:r><a:rPr lang="([^"]+)"(?: sz="(\d+)")?[^>]*>.*?<a:t>([^<]*)</a:t></a:r>',
                  re.S)


def content_runs(deck: Path):
    """(language, size in points, characters) of every text run on the slides, but for
    slide numbers and image captions (the small text the rule allows)."""
    with zipfile.ZipFile(deck) as z:
        for name in z.namelist():
            if not re.match(r"ppt/slides/slide\d+\.xml$", name):
                continue
            xml = z.read(name).decode("utf-8")
            for m in _SHAPE.finditer(xml):
                shape = m.group(0)
                if re.search(r'name="(Slide Number|Caption) \d+"', shape):
                    continue
                for lang, sz, text in _RUN.findall(shape):
                    if text.strip():
                        yield lang, int(sz) / 100, len(text.strip())


def decks(folder: Path) -> list[Path]:
    return sorted(folder.rglob("*.pptx"))


def test_every_sample_and_generated_deck_is_legible_from_the_back(samples_built, generated):
    checked = decks(samples_built.out) + decks(generated[1])
    assert len(checked) >= 3 * len(list(SAMPLES.glob("*.yaml"))) + 4
    for deck in checked:
        first = deck.parent.name.split("+")[0]
        runs = list(content_runs(deck))
        small = [(lang, size) for lang, size, _ in runs if size < MIN_PT]
        assert not small, (deck.name, small[:5])
        mine = [(size, n) for lang, size, n in runs if lang == first]
        share = sum(n for size, n in mine if size >= LARGE_PT) / sum(n for _, n in mine)
        assert share >= LARGE_SHARE, (deck.name, round(share, 2))


def test_short_content_grows_and_is_balanced_and_tables_use_the_width():
    cur, deck = planned(ROOM / "curricula" / "room.yaml", ("es",))
    bullets = next(s for s in deck.slides if s.kind == "bullets")
    body = next(b for b in bullets.shapes if isinstance(b, TextBox))
    assert body.paras[0].size_pt == 36  # two bullets: the theme's maximum
    top = body.y - (bullets.title.y + bullets.title.h)
    assert top > inches(1)  # centred in its area, not stuck under the title
    table = next(s for s in deck.slides if s.kind == "table")
    t = next(b for b in table.shapes if hasattr(b, "cols"))
    assert sum(t.cols) == table.title.w + inches(1.1) + inches(0.25)  # the body's width
    assert t.rows[1][0][0].size_pt >= 28


# ------------------------------------------------------------------ statement and question
QUESTION = ("¿Quién mira las cámaras del barrio?", "Who watches the neighbourhood's cameras?")
STATEMENT = ("Nadie nos cuida mejor que nosotras mismas.", "Nobody looks after us better than we do.")


def slide_with(prs, text: str):
    for s in prs.slides:
        if s.shapes.title is not None and text in s.shapes.title.text_frame.text:
            return s
    raise AssertionError(text)


@pytest.mark.parametrize("langs", ["es", "es+en"])
def test_statement_and_question_slides_in_every_slide_output(room, langs):
    prs = Presentation(str(out(room, langs, "slides")))
    q = slide_with(prs, QUESTION[0])
    notes = q.notes_slide.notes_text_frame.text
    assert "Pregunta: ¿quién mira las cámaras del barrio?" in notes  # the step that asks it
    assert "Se pregunta en el paso 2" in notes
    st = slide_with(prs, STATEMENT[0])
    assert "Asamblea del barrio" in "".join(sh.text_frame.text for sh in st.shapes
                                            if sh.has_text_frame)
    assert "Deja un silencio." in st.notes_slide.notes_text_frame.text
    if langs == "es+en":
        assert QUESTION[1] in q.shapes.title.text_frame.text
        assert STATEMENT[1] in st.shapes.title.text_frame.text
        assert "Asked in step 2" in notes
    sizes = {r.font.size.pt for p in q.shapes.title.text_frame.paragraphs for r in p.runs}
    assert max(sizes) >= 40
    for kind in ("slides-pdf", "handout"):
        text = " ".join(pdf_text(out(room, langs, kind).read_bytes()).split())
        for words in (QUESTION, STATEMENT):
            for w in words[:len(langs.split("+"))]:
                assert " ".join(w.split()) in text, (kind, w)
        assert "Deja un silencio" not in text and "Saluda al grupo" not in text


# ------------------------------------------------------------------ icons
def icon_shapes(slide):
    return [sh for sh in slide.shapes if sh._element.xpath(".//a:custGeom")]


def test_icons_are_accent_vectors_with_localised_alt_text(room):
    prs = Presentation(str(out(room, "es+en", "slides")))
    q = slide_with(prs, QUESTION[0])
    [icon] = icon_shapes(q)
    descr = icon._element.xpath("./p:nvSpPr/p:cNvPr")[0].get("descr")
    assert descr == "Cámara de vigilancia / Surveillance camera"
    assert icon._element.xpath(".//a:ln//a:srgbClr")[0].get("val") == "D0562B"
    every = [sh for s in prs.slides for sh in icon_shapes(s)]
    assert len(every) == 5  # question, statement, bullets, table, title-only slide
    low = Presentation(str(out(room, "es", "slides", "low")))
    colours = {sh._element.xpath(".//a:ln//a:srgbClr")[0].get("val")
               for s in low.slides for sh in icon_shapes(s)}
    assert len(colours) == 1 and len(set(re.findall("..", colours.pop()))) == 1  # grey


def page_pixels(pdf: Path, page: int):
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(str(pdf))
    return doc[page].render(scale=0.3).to_pil().convert("RGB")


def colours(img):
    return img.getcolors(1 << 20)


def coloured(img) -> int:
    return sum(n for n, (r, g, b) in colours(img) if max(r, g, b) - min(r, g, b) > 40)


def accent_near(img) -> int:
    return sum(n for n, px in colours(img) if all(abs(a - b) < 40 for a, b in zip(px, ACCENT)))


def test_icons_and_images_in_slides_pdf_and_grey_under_low_ink(room):
    prs = Presentation(str(out(room, "es", "slides")))
    titles = [s.shapes.title.text_frame.text if s.shapes.title else "" for s in prs.slides]
    q = next(i for i, t in enumerate(titles) if QUESTION[0] in t)
    img = next(i for i, t in enumerate(titles) if t == "Un mapa")
    assert accent_near(page_pixels(out(room, "es", "slides-pdf"), q)) > 100
    assert coloured(page_pixels(out(room, "es", "slides-pdf"), img)) > 100
    low = out(room, "es", "slides-pdf", "low")
    assert coloured(page_pixels(low, q)) == 0
    assert coloured(page_pixels(low, img)) == 0
    from PIL import Image
    with zipfile.ZipFile(out(room, "es", "slides", "low")) as z:
        media = [n for n in z.namelist() if n.startswith("ppt/media/")]
        pics = [Image.open(io.BytesIO(z.read(n))).convert("RGB") for n in media]
    assert pics and all(coloured(p) == 0 for p in pics)


def test_unknown_icon_is_located_with_did_you_mean(tmp_path, cli):
    shutil.copytree(ROOM, tmp_path / "p")
    f = tmp_path / "p" / "curricula" / "room.yaml"
    f.write_text(f.read_text(encoding="utf-8").replace("icon: camera", "icon: camara"),
                 encoding="utf-8")
    res = cli("validate", str(f))
    assert res.exit_code == 1
    assert re.search(r"room\.yaml:28:19: error: unknown icon 'camara'; did you mean 'camera'\?",
                     res.output), res.output
    assert "Traceback" not in res.output


def test_icons_command_lists_names_and_labels(cli):
    res = cli("icons", "--lang", "es")
    assert res.exit_code == 0
    rows = dict(line.split(None, 1) for line in res.output.splitlines())
    assert rows["camera"] == "Cámara de vigilancia" and rows["megaphone"] == "Megáfono"
    assert len(rows) >= 60


# ------------------------------------------------------------------ theme: slide numbers
def test_the_theme_places_slide_numbers_and_sets_the_largest_text(tmp_path, cli):
    shutil.copytree(ROOM, tmp_path / "p")
    (tmp_path / "p" / "theme.yaml").write_text("slides:\n  number: bottom-left\n  text_max: 40\n",
                                               encoding="utf-8")
    cur, deck = planned(tmp_path / "p" / "curricula" / "room.yaml", ("es",))
    assert all(s.number.x == deck.slides[1].title.x for s in deck.slides[1:])
    assert all(s.number.paras[0].line.align == "l" for s in deck.slides[1:])
    bullets = next(s for s in deck.slides if s.kind == "bullets")
    assert next(b for b in bullets.shapes if isinstance(b, TextBox)).paras[0].size_pt == 40
    (tmp_path / "p" / "theme.yaml").write_text("slides:\n  number: bottom-middle\n",
                                               encoding="utf-8")
    res = cli("validate", str(tmp_path / "p" / "curricula" / "room.yaml"))
    assert res.exit_code == 1
    assert "theme.yaml:2:11: error:" in res.output, res.output
    assert "did you mean 'bottom-" in res.output, res.output


# ------------------------------------------------------------------ defects the read-back found
def test_a_bilingual_video_shows_every_languages_qr_code(generated):
    paths, folder = generated
    cur, deck = planned(next(p for p in paths if "long-urls" in p.name), ("es", "en"))
    v = cur.videos["per-language"]
    slide = next(s for s in deck.slides if s.kind == "video")
    assert {b.qr for b in slide.shapes if getattr(b, "qr", None)} == \
        {v.url.get("es"), v.url.get("en")}
    src = Sources.from_paths(paths)
    deck_file = folder / "gen-long-urls" / "es+en" / "gen-long-urls-es+en-slides.pptx"
    assert not [f for f in check_file(deck_file, src) if f.rule == "video-qr"]


def test_the_first_slide_of_an_activity_says_its_phase_duration_and_time():
    cur, deck = planned(ROOM / "curricula" / "room.yaml", ("es",))
    for title in ("Silencio y pausa", "Cierre"):  # no slides; an authored title-only slide
        s = next(s for s in deck.slides if s.title.paras[0].line.spans[0].text == title)
        said = [" ".join(sp.text for sp in p.line.spans) for b in s.shapes
                if isinstance(b, TextBox) for p in b.paras]
        assert any(re.match(r"Síntesis · \d+ min · \d\d:\d\d–\d\d:\d\d", t) for t in said), said


def agenda_ends(deck) -> list[str]:
    out = []
    agenda = [s for s in deck.slides if s.kind == "agenda"]
    for s in agenda[:-1]:
        last = [p for b in s.shapes if isinstance(b, TextBox) for p in b.paras
                if not p.line.secondary][-1]
        if last.line.bold or last.line.role == "title":
            out.append("".join(sp.text for sp in last.line.spans))
    return out


def test_a_bilingual_resources_slide_prints_a_shared_url_once(generated):
    paths, _ = generated
    cur, deck = planned(next(p for p in paths if "long-urls" in p.name), ("es", "en"))
    text = "".join(sp.text for s in deck.slides if s.kind == "resources" for b in s.shapes
                   if isinstance(b, TextBox) for p in b.paras for sp in p.line.spans)
    for r in cur.resources:
        assert text.count(r.url.get("es")) == 1


def test_urls_break_only_after_slash_dot_dash_underscore_and_query_marks(generated, room):
    url = "https://example.org/a-very-long-path/with_many_segments/documentation?lang=es&page=2"
    for width in (260, 320, 400):  # every piece fits a line
        lines = wrap(Line((Span(url),), "en"), 24, width, M)
        assert "".join(t for ln in lines for t, _ in ln) == url and len(lines) > 1
        assert all(ln[-1][0][-1] in "/.-_?&=" for ln in lines[:-1]), lines
    paths, folder = generated
    src = Sources.from_paths(paths + [ROOM / "curricula"])
    files = [f for f in folder.rglob("*") if f.suffix in (".pptx", ".pdf")]
    files += [out(room, "es+en", "slides"), out(room, "es+en", "slides-pdf")]
    found = [f for p in files for f in check_file(p, src) if f.rule == "url-split"]
    assert not found, found[:3]


@pytest.mark.parametrize("path", sorted(SAMPLES.glob("*.yaml")) + [ROOM / "curricula" / "room.yaml"],
                         ids=lambda p: p.stem)
def test_no_agenda_heading_at_a_slide_foot_and_no_shape_overlapping_or_leaving(path):
    """Every sample, bilingual (the most text): a day or session heading never closes an
    agenda slide without its first row; no shape overlaps another or leaves the slide
    (a title slide that continues keeps its "(cont.)" title above the accent bar)."""
    deck = planned_once(path, ("es", "en"))[1]
    assert agenda_ends(deck) == []
    assert_clean(deck)


def test_no_element_overlaps_on_generated_decks(tmp_path):
    for path in write_generated(tmp_path):
        assert_clean(planned(path, ("es", "en"))[1])


def assert_clean(deck) -> None:
    slack = 12700  # shapes may touch by a point
    for n, s in enumerate(deck.slides, 1):
        boxes = [b for b in s.boxes() if b.w and b.h]
        for b in boxes:
            assert Box(b.x, b.y, b.w, b.h).inside(deck.width, deck.height), (n, b)
        for i, a in enumerate(boxes):
            for b in boxes[i + 1:]:
                over_x = min(a.x + a.w, b.x + b.w) - max(a.x, b.x)
                over_y = min(a.y + a.h, b.y + b.h) - max(a.y, b.y)
                assert over_x <= slack or over_y <= slack, (n, s.kind, a, b)

