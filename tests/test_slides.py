"""The slide deck, read back with python-pptx and compared to what the YAML said."""
from __future__ import annotations

import functools
import io
import re
import subprocess
import uuid
import zipfile
from pathlib import Path

import pytest
from pptx import Presentation
from pptx.util import Emu

from conftest import DATA, FORMAT_EXAMPLE, IN_CI, SAMPLES, require_tool
from workshopkit.build.targets import options_for
from workshopkit.plan.markup import plain
from workshopkit.plan.slides import plan
from workshopkit.plan.slides_fit import TableBox, TextBox
from workshopkit.source.settings import resolve
from workshopkit.source.validate import Workspace
from workshopkit.render.pptx.deck import write

ALL_KINDS = DATA / "slides-all" / "curricula" / "all-kinds.yaml"
DECKS = [(FORMAT_EXAMPLE, ("es",)), (FORMAT_EXAMPLE, ("en",)), (FORMAT_EXAMPLE, ("es", "en")),
         (ALL_KINDS, ("en",)), (ALL_KINDS, ("vi",)), (ALL_KINDS, ("en", "vi"))]
IDS = [f"{p.stem}-{'+'.join(l)}" for p, l in DECKS]


def load_cur(path: Path):
    ws = Workspace()
    cur = ws.load(path)
    assert cur is not None, [str(d) for d in ws.problems]
    return cur


@functools.lru_cache(maxsize=None)
def written(path: Path, langs: tuple[str, ...]) -> bytes:
    """The deck of one of DECKS, written once per test process."""
    cur = load_cur(path)
    opts = options_for(cur, {})
    return write(cur, resolve(cur, opts.theme, opts.template), langs, opts)


@pytest.fixture(scope="module", params=DECKS, ids=IDS)
def deck(request):
    path, langs = request.param
    cur = load_cur(path)
    opts = options_for(cur, {})
    settings = resolve(cur, opts.theme, opts.template)
    data = written(path, langs)
    return {"cur": cur, "langs": langs, "opts": opts, "bytes": data,
            "prs": Presentation(io.BytesIO(data)),
            "plan": plan(cur, settings, langs, opts)}


def shape_text(shape) -> str:
    if shape.has_text_frame:
        return shape.text_frame.text.replace("\v", "\n")
    if getattr(shape, "has_table", False) and shape.has_table:
        return "\n".join(c.text_frame.text for r in shape.table.rows for c in r.cells)
    return ""


def slide_text(slide) -> str:
    return "\n".join(shape_text(s) for s in slide.shapes)


def notes_text(slide) -> str:
    return slide.notes_slide.notes_text_frame.text if slide.has_notes_slide else ""


def slides_titled(prs, title: str) -> list:
    """The slide whose title starts with ``title`` and its "(cont.)" slides."""
    out = [s for s in prs.slides if s.shapes.title is not None
           and s.shapes.title.text_frame.text.startswith(title)]
    assert out, f"no slide titled {title!r}"
    return out


def on(prs, title: str) -> str:
    return "\n".join(slide_text(s) for s in slides_titled(prs, title))


def words(text, lang) -> str:
    return plain(text.get(lang))


def test_slide_count_equals_plan(deck):
    assert len(deck["prs"].slides) == len(deck["plan"].slides) > 5


def test_every_authored_string_is_on_its_slide(deck):
    cur, prs = deck["cur"], deck["prs"]
    for lang in deck["langs"]:
        assert words(cur.title, lang) in slide_text(prs.slides[0])
        kinds = [ps.kind for ps in deck["plan"].slides]
        objectives = slide_text(prs.slides[kinds.index("objectives")])
        for o in cur.objectives:
            assert words(o, lang) in objectives
        for s in cur.sessions:
            assert words(s.title, lang) in on(prs, words(s.title, deck["langs"][0]))
            for a in s.activities:
                for sl in a.slides:
                    check_slide(prs, cur, sl, a, lang, deck["langs"][0])
        gloss = "\n".join(slide_text(s) for s, k in zip(prs.slides, kinds) if k == "glossary")
        for t in cur.glossary:
            assert words(t.term, lang) in gloss and words(t.definition, lang) in gloss
        every = unbroken("\n".join(slide_text(s) for s, k in zip(prs.slides, kinds)
                                    if k == "resources"))
        for r in cur.resources:
            assert words(r.title, lang) in every and r.url.get(lang) in every


def check_slide(prs, cur, sl, act, lang, first):
    title = sl.title or act.title
    if (sl.statement or sl.question) and not sl.title:
        said = words(sl.statement or sl.question, first)
        text = unbroken("\n".join(slide_text(s) for s in prs.slides
                                   if said in unbroken(slide_text(s))))
        assert words(sl.statement or sl.question, lang) in text
        if sl.source:
            assert words(sl.source, lang) in text
        return
    if sl.video and not sl.title:
        title = cur.videos[sl.video].title
    if sl.comparison and not sl.title:
        title = cur.catalogs[sl.comparison].title
    text = unbroken(on(prs, words(title, first)))
    assert words(title, lang) in text
    for b in sl.bullets or []:
        assert words(b, lang) in text
    for col in sl.columns or []:
        for b in col:
            assert words(b, lang) in text
    if sl.quote:
        assert words(sl.quote.text, lang) in text and words(sl.quote.source, lang) in text
    if sl.table:
        for c in sl.table.columns + [c for r in sl.table.rows for c in r]:
            assert words(c, lang) in text
    if sl.comparison:
        for row in cur.catalogs[sl.comparison].rows:
            for f in (row.need, row.free, row.hosted_by, row.free_license, row.commercial,
                      row.commercial_license, row.notes):
                if f is not None:
                    assert words(f, lang) in text
    if sl.video:
        v = cur.videos[sl.video]
        assert v.url.get(lang) in text and "utm_" not in text and "fbclid" not in text
        assert words(v.summary, lang) in text
    if sl.image:
        pics = [s for s in slides_titled(prs, words(title, first))[0].shapes
                if s.shape_type == 13]
        assert [p._element.nvPicPr.cNvPr.get("descr") for p in pics] == \
            [words(sl.image.alt, first)]


def unbroken(text: str) -> str:
    """Slide text with the line breaks a long URL takes (after / . - _ ? & =) taken out."""
    return re.sub(r"(?<=[/.\-_?&=])[\n\v]", "", text)


def facilitator_texts(cur):
    """Every text meant only for the facilitator."""
    out = [cur.wellbeing, cur.opsec] + list(cur.materials)
    for s in cur.sessions:
        out += [s.notes, s.wellbeing, s.opsec]
        for a in s.activities:
            out += [a.notes, a.wellbeing, a.opsec] + list(a.steps) + list(a.materials)
            out += [sl.notes for sl in a.slides]
    return [t for t in out if t is not None]


def test_notes_are_in_notes_and_on_no_slide(deck):
    cur, prs = deck["cur"], deck["prs"]
    shown = "\n".join(slide_text(s) for s in prs.slides)
    notes = "\n".join(notes_text(s) for s in prs.slides)
    texts = facilitator_texts(cur)
    assert texts
    for t in texts:
        for lang in deck["langs"]:
            assert words(t, lang) in notes
            assert words(t, lang) not in shown


def test_activity_notes_on_first_slide_session_notes_on_section(deck):
    cur, prs = deck["cur"], deck["prs"]
    lang = deck["langs"][0]
    for s in cur.sessions:
        if s.notes is not None:
            section = slides_titled(prs, words(s.title, lang))[0]
            assert words(s.notes, lang) in notes_text(section)
        for a in s.activities:
            if a.slides and a.steps:
                first = slides_titled(prs, words(a.slides[0].title or a.title, lang))[0]
                assert all(words(x, lang) in notes_text(first) for x in a.steps)


def test_video_qr_codes_decode_to_the_stripped_url(deck):
    import zxingcpp
    from PIL import Image
    cur, prs, lang = deck["cur"], deck["prs"], deck["langs"][0]
    urls = {v.url.get(lang) for v in cur.videos.values()}
    found = set()
    for s, ps in zip(prs.slides, deck["plan"].slides):
        if ps.kind != "video":
            continue
        for sh in s.shapes:
            if sh.shape_type == 13:
                assert sh._element.nvPicPr.cNvPr.get("descr").endswith(codes_url(sh))
                codes = zxingcpp.read_barcodes(Image.open(io.BytesIO(sh.image.blob)))
                assert len(codes) == 1
                found.add(codes[0].text)
    assert found == urls and all("utm_" not in u and "fbclid" not in u for u in found)


def codes_url(sh) -> str:
    import zxingcpp
    from PIL import Image
    return zxingcpp.read_barcodes(Image.open(io.BytesIO(sh.image.blob)))[0].text


def test_every_picture_has_alt_text_and_every_shape_is_inside(deck):
    prs = deck["prs"]
    w, h = prs.slide_width, prs.slide_height
    assert (w, h) == (Emu(12192000), Emu(6858000))
    for s in prs.slides:
        for sh in s.shapes:
            if sh.shape_type == 13:
                assert sh._element.nvPicPr.cNvPr.get("descr", "").strip()
            assert sh.left >= 0 and sh.top >= 0
            assert sh.left + sh.width <= w and sh.top + sh.height <= h, (sh.name, slide_text(s))


def test_measured_text_never_exceeds_its_box(deck):
    p = deck["plan"]
    boxes = 0
    for s in p.slides:
        for b in s.boxes():
            assert b.inside(p.width, p.height)
            if isinstance(b, TextBox):
                assert b.measured <= b.h, [x.line.spans for x in b.paras]
                boxes += 1
            if isinstance(b, TableBox):
                assert b.measured <= b.h and sum(b.cols) == b.w
    assert boxes > len(p.slides)


def test_plan_heights_are_what_the_deck_says(deck):
    """Tables carry the plan's measured row heights; text boxes its sizes."""
    for ps, s in zip(deck["plan"].slides, deck["prs"].slides):
        tables = [b for b in ps.shapes if isinstance(b, TableBox)]
        read = [sh for sh in s.shapes if sh.has_table]
        assert len(tables) == len(read)
        for t, r in zip(tables, read):
            assert [row.height for row in r.table.rows] == t.row_heights


def test_every_run_has_the_language_tag(deck):
    z = zipfile.ZipFile(io.BytesIO(deck["bytes"]))
    tags = set()
    for name in z.namelist():
        if re.match(r"ppt/(slides|notesSlides)/\w+\.xml$", name):
            xml = z.read(name).decode()
            for rpr in re.findall(r"<a:rPr\b[^>]*>", xml):
                m = re.search(r'lang="([^"]+)"', rpr)
                assert m, rpr
                tags.add(m.group(1))
    assert tags == set(deck["langs"])


def test_runs_name_the_measured_font(deck):
    z = zipfile.ZipFile(io.BytesIO(deck["bytes"]))
    xml = z.read("ppt/slides/slide2.xml").decode()
    assert re.findall(r'<a:latin typeface="([^"]+)"', xml) and \
        set(re.findall(r'<a:latin typeface="([^"]+)"', xml)) == {"DejaVu Sans"}
    assert "**" not in "".join(slide_text(s) for s in deck["prs"].slides)


def test_deterministic_bytes_and_core_properties(deck):
    cur, langs, opts = deck["cur"], deck["langs"], deck["opts"]
    assert write(cur, resolve(cur), langs, opts) == deck["bytes"]
    cp = deck["prs"].core_properties
    assert cp.title.startswith(plain(cur.title.get(langs[0])))
    assert cp.author == "; ".join(plain(a.name.get(langs[0])) for a in cur.authors)
    assert cp.language == langs[0] and cp.subject == plain(cur.summary.get(langs[0]))
    assert cur.id in cp.keywords and (cp.version or "") == (cur.version or "")
    assert cp.created == cp.modified == opts.date.replace(tzinfo=None)
    assert "python-pptx" not in (cp.author + cp.last_modified_by + cp.comments)
    assert cp.title != "PowerPoint Presentation"
    z = zipfile.ZipFile(io.BytesIO(deck["bytes"]))
    assert "docProps/thumbnail.jpeg" not in z.namelist()
    assert {i.date_time[:3] for i in z.infolist()} == {opts.date.timetuple()[:3]}


def test_anonymous_leaves_authors_out_of_metadata():
    from dataclasses import replace
    cur = load_cur(FORMAT_EXAMPLE)
    data = write(cur, resolve(cur), ("en",), replace(options_for(cur, {}), anonymous=True))
    cp = Presentation(io.BytesIO(data)).core_properties
    assert cp.author == "" and cp.last_modified_by == ""
    assert b"Equipo de formaci" not in zipfile.ZipFile(io.BytesIO(data)).read("docProps/core.xml")


def test_bilingual_second_language_is_smaller_italic_and_tagged():
    cur = load_cur(ALL_KINDS)
    prs = Presentation(io.BytesIO(write(cur, resolve(cur), ("en", "vi"), options_for(cur, {}))))
    body = [sh for sh in slides_titled(prs, "What we learnt")[0].shapes
            if sh.shape_type == 17][0]
    paras = body.text_frame.paragraphs
    assert [p.text for p in paras] == ["One", "Một", "Two", "Hai"]
    first, second = paras[0].runs[0], paras[1].runs[0]
    assert 0.6 * first.font.size <= second.font.size < first.font.size
    assert second.font.size >= Emu(14 * 12700)
    assert second.font.italic and not first.font.italic
    assert first._r.rPr.get("lang") == "en" and second._r.rPr.get("lang") == "vi"
    notes = notes_text(slides_titled(prs, "A title on its own")[0])
    assert "Activity step one" in notes and "Bước một" in notes


@pytest.mark.slow
def test_libreoffice_converts_every_deck(tmp_path, samples_built):
    """One soffice run for every test deck and sample deck (in CI; locally each test
    curriculum's bilingual deck, the Vietnamese one and the smallest sample deck in each
    language set): page count equals slide count."""
    soffice = require_tool("soffice")
    from pypdf import PdfReader
    files = []
    samples = sorted(SAMPLES.glob("*.yaml"))
    assert len(samples) >= 5, "the sample curricula are part of this check"
    local = [(p, l) for p, l in DECKS if len(l) > 1 or l == ("vi",)]  # each deck costs a second
    for n, (path, langs) in enumerate(DECKS if IN_CI else local):
        f = tmp_path / f"{n:02d}-{path.stem}-{'+'.join(langs)}.pptx"
        f.write_bytes(written(path, langs))
        files.append(f)
    if not IN_CI:  # locally: the smallest sample deck in each language set; CI: every one
        def size(p):
            return (samples_built.out / p.stem / "es" / f"{p.stem}-es-slides.pptx").stat().st_size
        samples = [min(samples, key=size)]
    for path, tag in [(p, "es") for p in samples] + [(samples[0], "es+en")]:
        f = tmp_path / f"{path.stem}-{tag}-slides.pptx"  # as `make build` wrote it
        f.write_bytes((samples_built.out / path.stem / tag / f.name).read_bytes())
        files.append(f)
    profile = f"file:///tmp/lo-{uuid.uuid4().hex}"
    out = tmp_path / "pdf"
    run = subprocess.run([soffice, f"-env:UserInstallation={profile}", "--headless",
                          "--convert-to", "pdf", "--outdir", str(out)] + [str(f) for f in files],
                         capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr
    for f in files:
        pdf = out / (f.stem + ".pdf")
        assert pdf.is_file(), run.stdout + run.stderr
        assert len(PdfReader(pdf).pages) == len(Presentation(f).slides)
