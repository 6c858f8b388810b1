"""Printed PDFs read back: hyphens, URL breaks, flowing worksheets, page breaks that
leave no blank or nearly empty page, and the layout check over every sample in every
print variant (letter and A4 × six options; kit covers included).

Here every sample is read in every variant, one language per variant besides the shared
standard and bilingual builds; with CI=true (or WK_LAYOUT_ALL=1) every language, and the
generated curricula (long words, titles, URLs, many rows) in every variant, marked slow.
"""
from __future__ import annotations

import io
import os
from pathlib import Path

import pytest
from pypdf import PdfReader
from reportlab.platypus import Paragraph, Spacer

from conftest import (FORMAT_EXAMPLE, IN_CI, ROOT, load_curriculum, load_every_kind, pdf_text,
                      squash)
from workshopkit.check import Sources, check_outputs, pdfrules
from workshopkit.check.variants import OPTIONS, PAPERS, Variant, all_variants
from workshopkit.model.options import Options
from workshopkit.render.pdf import base as pb
from workshopkit.render.pdf.fonts import register
from workshopkit.source.settings import resolve


@pytest.fixture(scope="module")
def faces():
    return register(resolve(load_curriculum(FORMAT_EXAMPLE)).fonts)


def _style(faces, lang: str):
    return pb.styles(Options(large_print=True), faces, lang)["body"]


def _lines(text: str, style, width: float) -> list[str]:
    p = Paragraph(pb.markup(text), style)
    p.wrap(width, 10_000)
    out = []
    for line in p.blPara.lines:
        words = line[1] if isinstance(line, tuple) else line.words
        texts = [str(getattr(w, "text", w)) for w in words]
        out.append(("" if not isinstance(line, tuple) else " ").join(t for t in texts if t))
    return out


def test_a_word_wider_than_its_column_hyphenates_at_its_languages_points(faces):
    import pyphen

    lines = _lines("Profundización", _style(faces, "es"), 70)
    assert len(lines) > 1 and all(line.endswith("-") for line in lines[:-1]), lines
    assert "".join(line.rstrip("-") for line in lines) == "Profundización"
    points = set(pyphen.Pyphen(lang="es").positions("Profundización"))
    cut = 0
    for line in lines[:-1]:
        cut += len(line) - 1
        assert cut in points, lines


def test_a_word_that_fits_a_line_is_never_hyphenated(faces):
    text = "Reconocimiento facial en marchas y manifestaciones de organizaciones vecinales"
    lines = _lines(text, _style(faces, "es"), 200)
    assert len(lines) > 2 and not any(line.endswith("-") for line in lines), lines
    assert " ".join(lines) == text


def test_urls_break_only_after_safe_characters(faces):
    url = "https://www.ted.com/talks/joy_buolamwini_how_im_fighting_bias_in_algorithms?a=1"
    lines = _lines(f"See {url} now", _style(faces, "en"), 120)
    assert lines[0] == "See" and lines[-1].endswith(" now") and len(lines) > 3, lines
    assert "".join(lines[1:])[:-len(" now")] == url, lines
    assert all(line[-1] in "/.-_?&=" for line in lines[1:-1]), lines


# ---------------------------------------------------------------- worksheets
def _pages(data: bytes) -> list[str]:
    return [squash(p.extract_text()) for p in PdfReader(io.BytesIO(data)).pages]


def _worksheets(cur, **opts) -> bytes:
    from workshopkit.render.pdf import worksheets

    return worksheets.write(cur, resolve(cur), ("en",), Options(**opts))


def test_worksheet_activities_flow_and_page_break_starts_a_page(tmp_path):
    cur = load_every_kind(tmp_path)
    acts = [a for _s, a in cur.activities() if a.worksheet]
    flowing = _pages(_worksheets(cur))
    second = squash(acts[1].title.get("en"))
    assert any(second in p for p in flowing[:-1]) or len(flowing) == 1
    start = next(i for i, p in enumerate(flowing) if second in p)
    assert squash(acts[0].title.get("en")) not in flowing[start] or start == 0
    acts[1].page_break = True
    broken = _pages(_worksheets(cur))
    at = next(i for i, p in enumerate(broken) if second in p)
    assert all(second not in p for p in broken[:at])
    assert squash("Name:") in broken[at] and squash("Name:") in broken[0]
    # the page before the break holds nothing of the second activity
    assert broken[at - 1].count(second) == 0
    assert len(flowing) < len(broken)  # flowing saves paper


@pytest.mark.parametrize("value, message", [("yes", "true or false"),
                                            ("true", "a break has no 'page_break'")])
def test_page_break_is_a_boolean_and_not_on_a_break(tmp_path, value, message):
    from workshopkit.source.validate import Workspace

    src = FORMAT_EXAMPLE.read_text(encoding="utf-8")
    if value == "yes":
        src = src.replace("        phase: deepening\n", "        phase: deepening\n"
                          "        page_break: yes\n")
    else:
        src = src.replace("        break: true\n", "        break: true\n"
                          "        page_break: true\n")
    f = tmp_path / "x.yaml"
    f.write_text(src, encoding="utf-8")
    ws = Workspace()
    assert ws.load(f) is None
    found = [str(p) for p in ws.problems.items]
    assert any(message in s and "x.yaml:" in s for s in found), found


def test_case_studys_last_two_questions_stay_together(tmp_path, faces):
    from workshopkit.render.pdf import worksheet_items
    from workshopkit.render.pdf.blocks import Ctx, WritingLines

    cur = load_every_kind(tmp_path)
    item = next(i for _s, a in cur.activities() for i in a.worksheet if i.kind == "case_study")
    o = Options()
    ctx = Ctx(cur, ("en",), o, pb.styles(o, faces, "en"), pb.palette(o), pb.frame_width(o), faces)
    flows = worksheet_items.case_study(ctx, item)
    last = flows[-1]
    assert isinstance(last, pb.Together)
    assert sum(isinstance(f, WritingLines) for f in last._content) == 2


# ---------------------------------------------------------------- guide
def test_guide_prints_slide_notes_and_cuts_summaries_after_whole_words():
    from workshopkit.render.pdf import guide

    cur = load_curriculum(FORMAT_EXAMPLE)
    text = squash(pdf_text(guide.write(cur, resolve(cur), ("es",), Options())))
    assert squash("Deja que cada grupo cuente.") in text
    long = "palabra " * 30
    short = guide._short(long)
    assert short.endswith("palabra…") and len(short) <= guide.SNIPPET


def test_a_session_follows_on_when_the_page_holds_little():
    from reportlab.platypus import Frame

    from workshopkit.render.pdf.keep import SectionBreak

    frame = Frame(0, 0, 400, 600)
    brk = SectionBreak()
    brk._frame = frame
    assert brk.wrap(400, 580)[1] == 0  # 20 pt used: the section follows on
    brk2 = SectionBreak()
    brk2._frame = frame
    assert brk2.wrap(400, 300)[1] > 0  # half the page used: a new page


def test_no_blank_page_from_a_tall_box_or_trailing_space(faces):
    cur = load_curriculum(FORMAT_EXAMPLE)
    o = Options(large_print=True, booklet=True, paper="a4")
    st = pb.styles(o, faces, "en")
    tall = pb.note_box("Notes", [Paragraph("word " * 60, st["body"]) for _ in range(6)], o, faces)
    data = pb.render([Spacer(1, 4), tall, Spacer(1, 40)], cur=cur, languages=("en",), options=o,
                     faces=faces, kind_title="Test")
    src = Sources()
    path = Path(os.environ.get("TMPDIR", "/tmp")) / f"wk-layout-{os.getpid()}-guide.pdf"
    path.write_bytes(data)
    try:
        assert [f.rule for f in check_outputs([path], src) if f.rule == "blank-page"] == []
    finally:
        path.unlink()


# ---------------------------------------------------------------- the check, locally
CI_ONLY = pytest.mark.skipif(not (IN_CI or os.environ.get("WK_LAYOUT_ALL")),
                             reason="runs in CI (or with WK_LAYOUT_ALL=1)")


# ---------------------------------------------------------------- every sample, every variant
VARIANTS = all_variants()
"""Letter and A4 × standard, large print, booklet, large-print booklet, bilingual es+en,
low ink."""
SAMPLES = ROOT / "curricula"
CHANGED = {"large-print": {"large_print"}, "booklet": {"booklet"},
           "large-print-booklet": {"large_print", "booklet"}, "low-ink": {"ink"}}
"""The options each variant changes, besides the paper."""


def _languages(v: Variant) -> tuple[str, ...] | None:
    """In CI every language of every sample; in `make test` one language per variant,
    Spanish and English alternating, so that each print option is read in both languages,
    once on each paper (the standard letter build, read from `samples_built`, has every
    language, Portuguese and French included)."""
    if IN_CI or os.environ.get("WK_LAYOUT_ALL"):
        return None
    option = [name for name, _flags in OPTIONS].index(v.name)
    return (("es", "en")[(option + PAPERS.index(v.paper)) % 2],)


def _kinds(v: Variant) -> tuple[str, ...]:
    """The kinds whose output this variant changes: on A4, those that read the paper (the
    others are the same as in the Letter variant); on Letter, those that read an option the
    variant sets, or every kind for the bilingual pair."""
    from workshopkit.build import kinds

    every = kinds.available("curriculum") + kinds.available("survey")
    if v.paper != "letter":
        return tuple(k for k in every if "paper" in kinds.kind(k).options)
    if v.name == "bilingual":
        return tuple(k for k in every if not k.startswith("web"))
    return tuple(k for k in every if CHANGED.get(v.name, set()) & kinds.kind(k).options)


@pytest.fixture(scope="module")
def sample_sources() -> Sources:
    return Sources.from_paths([SAMPLES, SAMPLES / "survey"])


def _findings(files: list[Path], src: Sources) -> str:
    assert files
    return "\n".join(map(str, check_outputs(files, src)))


@pytest.mark.parametrize("variant", VARIANTS, ids=lambda v: v.folder)
def test_every_sample_passes_the_layout_check(variant, samples_built, sample_sources, tmp_path):
    """Every sample curriculum and the sample survey, built in the variant and read back:
    every PDF and deck. The standard letter and bilingual letter builds are the shared
    sample build (every kind, every language); the others are built here, the kinds the
    variant changes only."""
    from workshopkit import api

    if variant.paper == "letter" and variant.name in ("standard", "bilingual"):
        out = samples_built.out
        files = [p for p in sorted(out.rglob("*")) if p.suffix in (".pdf", ".pptx")
                 and "kits" not in p.relative_to(out).parts
                 and ("+" in p.parent.name) == (variant.name == "bilingual")]
        covers = _kit_covers(api.load([SAMPLES], freshness=False).curricula, files, {},
                             tmp_path)
        assert _findings(files + covers, sample_sources) == ""
        return
    overrides = {"paper": variant.paper, "large_print": "large_print" in CHANGED.get(variant.name, ()),
                 "booklet": "booklet" in CHANGED.get(variant.name, ()),
                 "ink": "low" if variant.name == "low-ink" else None}
    bilingual = ("es", "en") if variant.name == "bilingual" else None
    res = api.build(api.BuildRequest(paths=(SAMPLES,), out_dir=tmp_path, overrides=overrides,
                                     kinds=_kinds(variant), bilingual=bilingual,
                                     languages=("es",) if bilingual else _languages(variant)))
    assert res.exit_code == 0, "\n".join(map(str, res.problems.sorted()))
    files = [p for p in res.written if p.suffix in (".pdf", ".pptx")
             and (not bilingual or "+" in p.parent.name)]
    files += _kit_covers(res.curricula, files, overrides, tmp_path)
    assert _findings(files, sample_sources) == ""


def _kit_covers(curricula, files: list[Path], overrides: dict, out: Path) -> list[Path]:
    """The kit cover of every curriculum and language of the build, for 20 participants,
    listing the files built (what `workshopkit kit` prints on the first page of a kit)."""
    from workshopkit.build import kinds
    from workshopkit.build.kits import KitFile, contents_of
    from workshopkit.build.request import KitRequest
    from workshopkit.model.options import Options
    from workshopkit.source.settings import resolve

    options = Options(**{k: v for k, v in overrides.items() if v is not None})
    covers = []
    for cur in curricula:
        if not hasattr(cur, "sessions"):
            continue  # a survey has no kit of its own
        by_lang: dict[str, list] = {}
        for f in files:
            if f.parent.parent.name == cur.id:
                kind = pdfrules.kind_of(f) or "slides"
                kind = "slides-pdf" if kind == "slides" and f.suffix == ".pdf" else kind
                by_lang.setdefault(f.parent.name, []).append(KitFile(f.name, kind, b"", 2))
        for tag, kit in by_lang.items():
            contents = contents_of(kit, KitRequest(20, 1), options)
            data = kinds.render("cover", cur, resolve(cur), tuple(tag.split("+")), options,
                                contents)
            path = out / "covers" / f"{cur.id}-{tag}-cover.pdf"
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
            covers.append(path)
    assert covers
    return covers


@pytest.mark.slow
@CI_ONLY
@pytest.mark.parametrize("variant", VARIANTS, ids=lambda v: v.folder)
def test_generated_curricula_pass_the_layout_check(variant, tmp_path):
    """Long words, long titles, long URLs and many rows, in every variant (CI)."""
    from workshopkit.check.run import PDF_KINDS, run, summary

    rep = run([], tmp_path, [variant], generated=True, only=PDF_KINDS, jobs=1)
    assert not rep.failed and rep.count == 0, "\n".join(summary(rep, 10))
