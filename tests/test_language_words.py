"""Interface words that depend on the reader's language: language names with their own
casing, adjectives that agree with their noun, and a draft translation said on covers."""
from __future__ import annotations

import io
import re
import shutil

import pytest
from pptx import Presentation

from conftest import DATA, EVERY_KIND, load_curriculum, pdf_text
from workshopkit.build import kinds
from workshopkit.model.options import Options
from workshopkit.source.settings import resolve


def flat(text: str) -> str:
    return " ".join(text.split())


def deck_words(data: bytes) -> str:
    prs = Presentation(io.BytesIO(data))
    return "\n".join(p.text for s in prs.slides for sh in s.shapes if sh.has_text_frame
                     for p in sh.text_frame.paragraphs)


def render(cur, kind: str, langs: tuple[str, ...], options: Options = Options()) -> bytes:
    return kinds.render(kind, cur, resolve(cur), langs, options)


def test_caption_languages_are_named_in_the_guide(video_cur):
    guide = flat(pdf_text(render(video_cur, "guide", ("es",))))
    assert "Subtítulos: español, inglés, portugués (Brasil)" in guide
    assert not re.search(r"Subtítulos: es\b", guide)  # a code, not the start of a name


def test_a_bilingual_deck_names_caption_languages_in_each_language(video_cur):
    deck = deck_words(render(video_cur, "slides", ("es", "en")))
    assert "Subtítulos: español, inglés, portugués (Brasil)" in deck
    assert "Captions: Spanish, English, Portuguese (Brazil)" in deck
    assert not re.search(r"(Subtítulos|Captions): (es|en)\b", deck)


@pytest.fixture(scope="module")
def every_kind(tmp_path_factory):
    dst = tmp_path_factory.mktemp("ek") / "proj"
    shutil.copytree(EVERY_KIND.parent.parent, dst)
    return load_curriculum(dst / "curricula" / EVERY_KIND.name)


@pytest.mark.parametrize("options", [Options(), Options(large_print=True)])
def test_risk_levels_agree_with_likelihood_and_impact_in_spanish(every_kind, options):
    text = flat(pdf_text(render(every_kind, "worksheets", ("es",), options)))
    for word in ("Baja", "Media", "Alta", "Bajo", "Medio", "Alto"):
        assert f" {word}" in text, word
    if options.large_print:  # one card per threat: each scale after its noun
        assert "Probabilidad: ○ Baja ○ Media ○ Alta" in text
        assert "Impacto: ○ Bajo ○ Medio ○ Alto" in text
    assert "Probabilidad: ○ Bajo" not in text


def test_a_draft_translation_is_said_on_the_guide_and_kit_covers(cli, tmp_path):
    from workshopkit import api

    project = tmp_path / "p"
    shutil.copytree(DATA / "format-example", project)
    po = project / "curricula" / "local-surveillance.fr.po"
    po.write_text('msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
                  'msgctxt "title"\nmsgid "Vigilancia en nuestras comunidades"\n'
                  'msgstr "La surveillance dans nos quartiers"\n', encoding="utf-8")
    rows, _ = api.translate_status([project / "curricula"], "fr")
    percent = rows[0].percent
    assert 0 < percent < 100
    res = cli("kit", "curricula", "--only", "guide", "--lang", "fr", "-j", "1", cwd=project)
    assert res.exit_code == 0, res.output
    guide = flat(pdf_text((project / "build" / "local-surveillance" / "fr" /
                           "local-surveillance-fr-guide.pdf").read_bytes()))
    said = f"Traduction provisoire : {percent} % traduit"
    assert said in guide and "La surveillance dans nos quartiers" in guide
    import zipfile

    kit = zipfile.ZipFile(project / "build" / "kits" / "local-surveillance-fr.zip")
    assert said in flat(pdf_text(kit.read("local-surveillance-fr/cover.pdf")))
    from workshopkit.render.pdf.meta import draft_notes

    cur = load_curriculum(project / "curricula" / "local-surveillance.yaml")
    assert [flat(s) for s in draft_notes(cur, ("fr",))] == [said] and draft_notes(cur, ("es", "en")) == []
