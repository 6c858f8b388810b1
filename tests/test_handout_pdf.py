"""The slide handout read back: slides a page, paper, booklet, and never speaker notes."""
from __future__ import annotations

import io

import pytest
from pypdf import PdfReader

from workshopkit.model.options import Options
from workshopkit.render.pdf import slide_handout
from workshopkit.render.pdf.paper import PAPER
from workshopkit.source.settings import resolve

from conftest import SAMPLES, facilitator_texts, load_curriculum, squash


@pytest.fixture(scope="module")
def survey():
    cur = load_curriculum(SAMPLES / "member-survey.yaml")
    settings = resolve(cur)
    slides = len(slide_handout.deck_and_look(cur, settings, ("es",), Options())[0].slides)
    return cur, settings, slides


def build(survey, langs=("es",), **opts) -> PdfReader:
    cur, settings, _ = survey
    return PdfReader(io.BytesIO(slide_handout.write(cur, settings, langs, Options(**opts))))


def size(page) -> tuple[float, float]:
    return tuple(round(float(x), 1) for x in page.mediabox[2:])


@pytest.mark.parametrize("opts, per_page", [({}, 3), ({"paper": "a4"}, 3),
                                            ({"large_print": True}, 2)])
def test_slides_a_page(survey, opts, per_page):
    pdf = build(survey, **opts)
    assert len(pdf.pages) == -(-survey[2] // per_page)
    paper = PAPER[opts.get("paper", "letter")]
    assert all(size(p) == tuple(round(x, 1) for x in paper) for p in pdf.pages)


def test_booklet_is_imposed_on_landscape_sheets(survey):
    pages = -(-survey[2] // 3)
    pdf = build(survey, booklet=True)
    assert len(pdf.pages) == max(4, -(-pages // 4) * 4) // 2
    w, h = size(pdf.pages[0])
    assert (w, h) == (792.0, 612.0)


def test_no_speaker_notes_and_every_slide_title(samples_built):
    cur = load_curriculum(SAMPLES / "local-surveillance.yaml")
    for lang in ("es", "en"):
        folder = samples_built.out / cur.id / lang
        text = squash("".join(p.extract_text() for p in PdfReader(
            folder / f"{cur.id}-{lang}-handout.pdf").pages))
        notes = [squash(t) for t in facilitator_texts(cur, lang) if len(t) > 30]
        assert notes and not [n for n in notes if n[:40] in text]
        slides = squash("".join(p.extract_text() for p in PdfReader(
            folder / f"{cur.id}-{lang}-slides.pdf").pages[:6]))
        assert squash(cur.title.get(lang)) in text and slides[:200].replace("•", "") in \
            text.replace("•", "")
