"""The sample curricula/saturday-fair.yaml, assembled from three other samples with from:,
read back from the sample build: the slides, worksheets, notes and videos it takes are in
place, in Spanish, English and both."""
from __future__ import annotations

import pypdfium2 as pdfium
import pytest
import zxingcpp
from pptx import Presentation

from workshopkit.plan.markup import plain

from conftest import SAMPLES, load_curriculum, pdf_text, squash

FAIR = SAMPLES / "saturday-fair.yaml"


@pytest.fixture(scope="module")
def fair():
    return load_curriculum(FAIR)


@pytest.fixture(scope="module")
def sources(fair):
    """Each activity of the fair as written in its source curriculum."""
    out = {}
    for cid in ("local-surveillance", "security-risk", "free-software"):
        cur = load_curriculum(SAMPLES / f"{cid}.yaml")
        for _, a in cur.activities():
            out[a.id] = a
    return out


def test_a_two_and_a_half_hour_workshop_from_three_curricula(fair):
    assert fair.minutes == fair.declared_minutes == 150
    assert set(fair.sources) == {"local-surveillance", "security-risk", "free-software"}
    assert fair.languages == ("es", "en")
    taken = [a for _, a in fair.activities() if a.title is None or a.title.owner
             is not fair.translations]
    assert len(taken) == len(list(fair.activities()))


def deck(out, lang):
    prs = Presentation(str(out / "saturday-fair" / lang / f"saturday-fair-{lang}-slides.pptx"))
    texts, notes = [], []
    for slide in prs.slides:
        parts = [sh.text_frame.text for sh in slide.shapes if sh.has_text_frame]
        parts += [c.text for sh in slide.shapes if sh.has_table
                  for row in sh.table.rows for c in row.cells]
        texts.append(squash(" ".join(parts)))
        if slide.has_notes_slide:
            notes.append(squash(slide.notes_slide.notes_text_frame.text))
    return "\n".join(texts), "\n".join(notes)


@pytest.mark.parametrize("lang", ["es", "en"])
def test_the_slides_and_speaker_notes_taken_are_in_the_deck(samples_built, fair, sources, lang):
    text, notes = deck(samples_built.out, lang)
    for _, a in fair.activities():
        src = sources[a.id]
        for sl in src.slides:
            if sl.title is not None:
                assert squash(plain(sl.title.get(lang)))[:30] in text, (a.id, sl.title.get(lang))
            for b in sl.bullets or []:
                assert squash(plain(b.get(lang)))[:30] in text, (a.id, b.get(lang))
            if sl.notes is not None:
                assert squash(plain(sl.notes.get(lang)))[:30] in notes, (a.id, sl.notes.get(lang))
    assert "JitsiMeet" in text  # the comparison slide of free-software/our-servers/compare


@pytest.mark.parametrize("lang", ["es", "en"])
def test_the_worksheets_taken_are_in_the_worksheets(samples_built, fair, sources, lang):
    pdf = samples_built.out / "saturday-fair" / lang / f"saturday-fair-{lang}-worksheets.pdf"
    text = squash(pdf_text(pdf.read_bytes()))
    prompts = [(a.id, i) for _, a in fair.activities() for i in sources[a.id].worksheet]
    assert len(prompts) >= 4
    for aid, item in prompts:
        for t in (item.prompt, item.text, *(item.checklist or [])):
            if t is not None:
                assert squash(plain(t.get(lang)))[:30] in text, (aid, t.get(lang))


def test_the_notes_taken_and_written_beside_from_are_in_the_guide(samples_built, fair, sources):
    for lang in ("es", "en"):
        pdf = samples_built.out / "saturday-fair" / lang / f"saturday-fair-{lang}-guide.pdf"
        text = squash(pdf_text(pdf.read_bytes()))
        for _, a in fair.activities():
            if a.is_break:
                continue
            assert a.notes is not None
            assert squash(plain(a.notes.get(lang)))[:40] in text, (a.id, lang)
            for step in sources[a.id].steps:
                assert squash(plain(step.get(lang)))[:30] in text, (a.id, step.get(lang))
        own = fair.sessions[1].activities[-1].notes  # written beside from: in the fair
        assert own.owner is fair.translations
        assert squash(plain(own.get(lang)))[:40] in text
        wellbeing = fair.sessions[0].wellbeing  # the morning session's, from its source
        assert squash(plain(wellbeing.get(lang)))[:40] in text
        for term in fair.glossary:
            assert squash(plain(term.term.get(lang))) in text


def test_every_video_taken_is_on_the_video_handout_with_its_qr_code(samples_built, fair):
    shown = {sl.video for _, a in fair.activities() for sl in a.slides if sl.video}
    assert len(shown) >= 3 and shown <= set(fair.videos)
    pdf = samples_built.out / "saturday-fair" / "en" / "saturday-fair-en-videos.pdf"
    text = squash(pdf_text(pdf.read_bytes()))
    for vid in shown:
        assert squash(plain(fair.videos[vid].title.get("en")))[:30] in text, vid
    found = set()
    for page in pdfium.PdfDocument(str(pdf)):
        img = page.render(scale=2).to_pil().convert("L")
        found |= {b.text for b in zxingcpp.read_barcodes(img)}
    assert {fair.videos[v].url.get("en") for v in shown} <= found
