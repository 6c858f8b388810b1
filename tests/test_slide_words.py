"""Words and URLs on slides.pdf and the slide handout: whole where a size lets them be,
hyphenated only at their language's hyphenation points, URLs never cut mid-piece.

A small curriculum (Spanish and English) with long words in a wide table, words too
long for any legible size in a two-column table, and a long meeting room URL on the
title slide; built once, read back with pypdf and the layout check.
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner
from pypdf import PdfReader

from conftest import _Once
from test_slides_pdf import pdf_pages, pptx_slides, same, unhyphenated
from workshopkit.check import Sources, check_outputs
from workshopkit.plan.hyphenate import points
from workshopkit.plan.slides_fit import BODY_SIZES, LARGE_PT, MIN_PT, TABLE_SIZES, table
from workshopkit.plan.slides_paging import fit
from workshopkit.plan.slides_shapes import Box
from workshopkit.plan.slides_text import (URL_MIN_PT, Line, Span, count_lines, inches, layout,
                                          metrics_for, wrap)
from workshopkit.plan.slides_wrap import WIDTH_SAFETY, widest
from workshopkit.source.settings import bundled_fonts

M = metrics_for(bundled_fonts())
ROOM = "https://meet.example.org/UnseemlyUnfixableConfidentPlaypenPebblyPaprikaDesecrate"
LONG = {"es": ["Otorrinolaringología", "Desinstitucionalización", "Electroencefalografía",
               "Anticonstitucionalmente", "Internacionalización"],
        "en": ["Incomprehensibilities", "Counterintelligence", "Telecommunications",
               "Uncharacteristically", "Institutionalisation"]}
GIANT = {"es": ["Electroencefalografistasotorrinolaringológicos",
                "Anticonstitucionalmentedesinstitucionalizaciones"],
         "en": ["Pneumonoultramicroscopicsilicovolcanoconiosis",
                "Antidisestablishmentarianismsupercalifragilistic"]}
"""Words wider than half a slide at the legibility floor: in a two-column table only
hyphenation keeps them on the slide."""
KINDS = ("slides", "slides-pdf", "handout")


def t(i: int, words=LONG) -> dict:
    return {lang: words[lang][i] for lang in ("es", "en")}


def curriculum() -> dict:
    wide = {"columns": [t(i) for i in range(5)],
            "rows": [[t((i + k) % 5) for i in range(5)] for k in range(2)]}
    narrow = {"columns": [t(0, GIANT), t(1, GIANT)], "rows": [[t(1, GIANT), t(0, GIANT)]]}
    return {
        "workshopkit": 1, "id": "words", "languages": ["es", "en"],
        "title": {"es": "Palabras largas", "en": "Long words"},
        "summary": {"es": "Palabras y direcciones largas.", "en": "Long words and URLs."},
        "license": "CC-BY-SA-4.0", "updated": "2026-11-01", "delivery": "online",
        "date": "2026-11-07", "start": "10:00",
        "online": {"platform": "jitsi", "url": ROOM},
        "objectives": [{"es": "Leer.", "en": "Read."}],
        "sessions": [{"id": "s1", "title": {"es": "Sesión", "en": "Session"}, "activities": [
            {"id": "a1", "title": t(0), "phase": "activity", "duration": "20m",
             "steps": [{"es": "Un paso.", "en": "One step."}],
             "slides": [{"title": t(0), "table": wide},
                        {"title": t(1), "table": narrow}]}]}],
    }


@pytest.fixture(scope="session")
def built(tmp_path_factory) -> tuple[Path, Path]:
    """The curriculum in Spanish and English: deck, slides.pdf, handout (built once for
    every pytest-xdist worker)."""
    def make(folder: Path) -> dict:
        from workshopkit.cli import main

        src = folder / "words.yaml"
        src.write_text(yaml.safe_dump(curriculum(), allow_unicode=True, sort_keys=False),
                       encoding="utf-8")
        res = CliRunner().invoke(main, ["build", str(src), "-o", str(folder / "out"), "-q",
                                        "-j", "1", "--only", ",".join(KINDS)],
                                 catch_exceptions=True)
        return {"exit_code": res.exit_code, "output": res.output}

    once = _Once(tmp_path_factory, "slide-words")
    info = once.get(make)
    assert info["exit_code"] == 0, info["output"]
    return once.folder / "words.yaml", once.folder / "out" / "words"


def outputs(out: Path, kind: str) -> list[Path]:
    name = {"slides": "slides.pptx", "slides-pdf": "slides.pdf", "handout": "handout.pdf"}[kind]
    found = sorted(out.glob(f"*/words-*-{name}"))
    assert len(found) == 2, found
    return found


def test_no_word_broken_without_a_hyphen_and_no_url_cut_in_slides_pdf_and_handout(built):
    src, out = built
    files = outputs(out, "slides-pdf") + outputs(out, "handout")
    found = check_outputs(files, Sources.from_paths([src]))
    bad = [f for f in found if f.rule in ("word-split", "url-split", "bad-hyphen")]
    assert not bad, [str(f) for f in bad]


def test_a_word_too_wide_at_the_floor_is_hyphenated_at_its_points_with_a_printed_hyphen(built):
    _, out = built
    for pdf in outputs(out, "slides-pdf") + outputs(out, "handout"):
        lang = pdf.parent.name
        text = "\n".join(pdf_pages(pdf.read_bytes()))
        broken = re.findall(r"\w+-\n(?:\w+-\n)*\w+", text)
        assert broken, pdf.name  # the giant words could only be hyphenated
        for chain in broken:
            pieces = chain.split("-\n")
            word = "".join(pieces)
            assert word in GIANT[lang], (pdf.name, chain)
            cuts = [len("".join(pieces[:k])) for k in range(1, len(pieces))]
            assert set(cuts) <= set(points(word, lang)), (pdf.name, chain)
        for w in LONG[lang]:  # words that fit at a legible size are never broken
            assert len(re.findall(rf"\b{w}\b", text)) >= 2, (pdf.name, w)


def test_the_deck_keeps_the_authors_words_and_matches_the_pdf_but_for_printed_hyphens(built):
    _, out = built
    for pptx, pdf in zip(outputs(out, "slides"), outputs(out, "slides-pdf")):
        lang = pptx.parent.name
        deck = pptx_slides(pptx.read_bytes())
        joined = " ".join(deck)
        for w in GIANT[lang] + LONG[lang]:
            assert w in joined, (pptx.name, w)
        assert not re.search(r"\w-\s", joined)
        pages = unhyphenated(pdf_pages(pdf.read_bytes()), joined)
        assert len(deck) == len(pages)
        assert [same(s) for s in deck] == [same(p) for p in pages]


def test_the_meeting_url_is_printed_whole_on_the_title_slide_and_links_to_the_room(built):
    _, out = built
    for pdf in outputs(out, "slides-pdf"):
        page = PdfReader(pdf).pages[0]
        links = [a.get_object()["/A"]["/URI"] for a in page.get("/Annots") or []]
        assert len(links) == 3 and set(links) == {ROOM}  # the code and both printed lines
        lines = (page.extract_text() or "").splitlines()
        at = next(i for i, ln in enumerate(lines) if "meet.example.org" in ln)
        parts = [lines[at].strip()]
        while not ROOM.startswith("".join(parts)) or "".join(parts) != ROOM:
            assert ROOM.startswith("".join(parts)), lines
            assert parts[-1][-1] in "/.-_?&=", parts  # broken only after these
            at += 1
            parts.append(lines[at].strip())
        assert ROOM.rsplit("/", 1)[1] in parts  # the room's name on one line


# ------------------------------------------------------------------ the plan itself
@pytest.mark.parametrize("lang,word", [("es", GIANT["es"][0]), ("en", GIANT["en"][0]),
                                       ("es", "Otorrinolaringología"),
                                       ("fr", "anticonstitutionnellement")])
def test_count_lines_agrees_with_wrap_and_breaks_only_at_hyphenation_points(lang, word):
    text = f"Ver {word} y {word}, {ROOM} {word}"
    line = Line((Span(text),), lang)
    starts = [m.start() for m in re.finditer(word, text)]
    hyphens = 0
    for width in range(150, 900, 23):  # from a line holding a few letters
        rows = wrap(line, 24, width, M)
        room = widest(line, M)[1] * 24 <= width * WIDTH_SAFETY  # every URL piece fits
        assert count_lines(line, 24, width, M) == len(rows), width
        assert "".join(x for r in rows for x, _ in r) == text  # the author's text
        at = 0
        for row in rows[:-1]:
            end = "".join(x for x, _ in row)
            at += len(end)
            if row.hyphen:  # a hyphen only inside the word, at one of its points
                first = max(s for s in starts if s < at)
                assert at - first in points(word, lang), (width, end)
                hyphens += 1
            elif end and not end[-1].isspace() and room:  # a URL, after / . - _ ? & =
                assert end[-1] in "/.-_?&=", (width, end)
    assert hyphens


def test_the_fitter_prefers_a_size_where_every_word_fits_to_breaking_one():
    word = "Otorrinolaringología"
    item = [Line((Span(f"{word} {word}"),), "es", bold=True)]
    width = inches(4.6)
    big = layout([item], BODY_SIZES[0], width, M)[0][0]
    assert not big.whole  # at the largest size the word is wider than the box
    f = fit([item], width, inches(5), M, BODY_SIZES)
    assert all(p.whole for c in f.chunks for p in c) and f.size_pt < BODY_SIZES[0]
    tiny = [Line((Span(GIANT["es"][0]),), "es", bold=True)]
    f = fit([tiny], width, inches(5), M, BODY_SIZES)  # whole nowhere: large, hyphenated
    assert f.size_pt == BODY_SIZES[0] and any(r.hyphen for r in wrap(
        tiny[0], f.size_pt, f.chunks[0][0].wrap_pt, M))


def test_a_stacked_table_keeps_its_long_column_names_whole_and_large():
    names = LONG["es"] + ["Desinstitucionalizaciones"]  # wider than a third of the slide
    header = [[Line((Span(w),), "es", bold=True)] for w in names]
    rows = [[[Line((Span(w),), "es")] for w in names]]
    shapes = table(header, rows, Box(0, 0, inches(12), inches(5)), M, TABLE_SIZES)
    cells = [p for s in shapes for b in s for r in b.rows for c in r for p in c]
    assert cells and all(p.whole and p.lines == 1 for p in cells)
    assert min(p.size_pt for p in cells) >= LARGE_PT  # the names' column widened instead


def test_a_url_piece_too_wide_at_the_floor_sets_its_line_smaller_not_cut():
    line = Line((Span(ROOM),), "en")
    width = inches(6.5)
    para = layout([[line]], 24, width, M)[0][0]
    assert URL_MIN_PT <= para.size_pt < MIN_PT and not para.whole
    rows = wrap(line, para.size_pt, para.wrap_pt, M, para.safety)
    assert ["".join(x for x, _ in r) for r in rows] == [ROOM[:25], ROOM[25:]]


def test_a_paragraph_with_a_url_keeps_a_hyphenated_word_whole_in_the_deck():
    """The deck breaks a URL's paragraph where the plan did (line breaks), but not inside
    a word the plan hyphenated: no hyphen and no line break enter the author's word."""
    from workshopkit.model.settings import Theme
    from workshopkit.render.pptx.slidexml import Style, _para

    word = GIANT["es"][0]
    line = Line((Span(f"{word} {ROOM}"),), "es")
    para = layout([[line]], 24, inches(4), M)[0][0]
    rows = wrap(line, para.size_pt, para.wrap_pt, M, para.safety, para.start_pt)
    assert any(r.hyphen for r in rows) and para.lines > 2  # hyphenated, URL broken
    xml = _para(para, Style(Theme(), True, metrics=M))
    runs = re.findall(r"<a:t>([^<]*)</a:t>|(<a:br>)", xml)
    text = "".join(t or "\n" for t, _ in runs)
    assert text.replace("\n", "") == f"{word} {ROOM}"
    assert word in text.split("\n")[0] and "-" not in text.split(word)[0]
    assert text.count("\n") >= 1  # the URL still breaks where the plan broke it


def test_a_script_without_hyphens_is_cut_without_one():
    text = "数字安全工作坊面向社区组织与记者的实践培训" * 3
    line = Line((Span(text),), "zh-Hant-TW")
    rows = wrap(line, 24, 200, M)
    assert len(rows) == count_lines(line, 24, 200, M) > 2
    assert not any(r.hyphen for r in rows) and "".join(x for r in rows for x, _ in r) == text
