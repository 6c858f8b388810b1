"""The whole translation round trip: export, fill, build, read the outputs back."""
from __future__ import annotations

from pathlib import Path

import pytest
from babel.messages.pofile import write_po

from conftest import add_comparison
from workshopkit.i18n.po_catalog import read_catalog

CUR = Path("curricula") / "local-surveillance.yaml"
PO_PT = Path("curricula") / "local-surveillance.pt.po"
DECK_PT = Path("build") / "local-surveillance" / "pt" / "local-surveillance-pt-slides.pptx"


def fill(po: Path, translate=lambda s: f"PT {s}") -> dict[str, str]:
    """Give every entry a translation; return source -> translation."""
    cat = read_catalog(po)
    done = {}
    for m in cat:
        if m.id:
            m.string = done[m.id] = translate(m.id)
    with po.open("wb") as fh:
        write_po(fh, cat)
    return done


def deck_text(path: Path) -> tuple[list[str], list[str]]:
    """(texts on slides, texts in speaker notes) of a deck."""
    from pptx import Presentation

    prs = Presentation(str(path))
    shown, notes = [], []
    for slide in prs.slides:
        for shape in slide.shapes:
            if shape.has_text_frame:
                shown += [p.text for p in shape.text_frame.paragraphs]
            if getattr(shape, "has_table", False) and shape.has_table:
                shown += [c.text for row in shape.table.rows for c in row.cells]
        if slide.has_notes_slide:
            notes.append(slide.notes_slide.notes_text_frame.text)
    return shown, notes


def contains(texts: list[str], s: str) -> bool:
    return any(s in t for t in texts)


@pytest.fixture
def translated(cli, example_project):
    r = cli("translate", "export", "--lang", "pt", cwd=example_project)
    assert r.exit_code == 0, r.output
    return fill(example_project / PO_PT)


def test_filled_catalogue_reaches_the_portuguese_deck(cli, example_project, translated):
    r = cli("build", "--lang", "pt", "--only", "slides", cwd=example_project)
    assert r.exit_code == 0, r.output
    assert "no 'pt' translation" not in r.output
    shown, notes = deck_text(example_project / DECK_PT)
    for source in ("¿Cuántas cámaras vimos?", "Cámaras públicas y privadas",
                   "¿Quién ve las imágenes?", "Vigilancia en nuestras comunidades"):
        assert contains(shown, translated[source]), source
    assert contains(notes, translated["Deja que cada grupo cuente."])
    # nothing of the source language is left on the slides
    assert not any("Cámaras públicas" in t and not t.startswith("PT") and "PT " not in t
                   for t in shown)


def pdf_text(path: Path) -> str:
    from pypdf import PdfReader

    return "\n".join(p.extract_text() or "" for p in PdfReader(str(path)).pages)


@pytest.mark.parametrize("kind, sources", [
    ("worksheets", ["¿Dónde viste cámaras?", "Calle principal"]),
    ("guide", ["Sugiere un recorrido corto.", "Formen grupos de tres."]),
    ("videos", ["¿Quién mira las cámaras?"]),
])
def test_filled_catalogue_reaches_the_portuguese_pdfs(cli, example_project, translated, kind,
                                                     sources):
    from workshopkit.build.kinds import available

    if kind not in available():
        pytest.skip(f"no {kind} writer yet")
    r = cli("build", "--lang", "pt", "--only", kind, cwd=example_project)
    assert r.exit_code == 0, r.output
    pdf = example_project / "build" / "local-surveillance" / "pt" / f"local-surveillance-pt-{kind}.pdf"
    text = " ".join(pdf_text(pdf).split())
    for source in sources:
        assert " ".join(translated[source].split()) in text, source


def test_edited_source_makes_translation_stale(cli, example_project, translated):
    yaml = example_project / CUR
    text = yaml.read_text(encoding="utf-8")
    old, new = "¿Cuántas cámaras vimos?", "¿Cuántas cámaras contamos?"
    yaml.write_text(text.replace(f'es: "{old}"', f'es: "{new}"'), encoding="utf-8")
    # translate status: the stale entry at its place in the .po file; exit 1 under --min 100
    r = cli("translate", "status", "--lang", "pt", "--min", "100", cwd=example_project)
    assert r.exit_code == 1, r.output
    po_line = next(m.lineno for m in read_catalog(example_project / PO_PT) if m.id == old)
    assert (f"curricula/local-surveillance.pt.po:{po_line}:1: stale: pt: "
            "sessions.map.activities.walk.slides.title") in r.output
    assert "curricula/local-surveillance.yaml:53:20: missing: pt: " \
           "sessions.map.activities.walk.slides.title" in r.output
    # the build warns, and the stale translation is not used
    r = cli("build", "--lang", "pt", "--only", "slides", cwd=example_project)
    assert r.exit_code == 0, r.output
    assert "warning: stale translation for sessions.map.activities.walk.slides.title" in r.output
    assert "local-surveillance.yaml:53:20: warning: no 'pt' translation" in r.output
    shown, _ = deck_text(example_project / DECK_PT)
    assert not contains(shown, translated[old])
    assert contains(shown, new)
    # a strict build refuses it
    r = cli("build", "--lang", "pt", "--only", "slides", "--strict", cwd=example_project)
    assert r.exit_code == 1


def test_sibling_bullets_are_not_stale(cli, example_project, translated):
    """Two bullets share one msgctxt; neither's entry is stale for the other."""
    r = cli("validate", "--strict", "curricula", cwd=example_project)
    assert r.exit_code == 0, r.output
    assert "stale" not in r.output


def test_undeclared_language_is_added_to_list_and_build(cli, example_project, translated):
    r = cli("list", cwd=example_project)
    assert r.exit_code == 0, r.output
    row = next(l for l in r.output.splitlines() if l.startswith("local-surveillance"))
    assert "es,en,pt" in row.split()
    r = cli("build", "--only", "slides", cwd=example_project)
    assert r.exit_code == 0, r.output
    for lang in ("es", "en", "pt"):
        deck = (example_project / "build" / "local-surveillance" / lang
                / f"local-surveillance-{lang}-slides.pptx")
        assert deck.is_file(), lang


def test_language_without_interface_catalogue_warns_and_builds_in_english(cli, example_project):
    from workshopkit.i18n import has_ui_catalog

    assert not has_ui_catalog("de")
    cli("translate", "export", "--lang", "de", cwd=example_project)
    fill(example_project / "curricula" / "local-surveillance.de.po", lambda s: f"DE {s}")
    r = cli("build", "--lang", "de", "--only", "slides", cwd=example_project)
    assert r.exit_code == 0, r.output
    assert "warning: no interface catalogue for 'de'; headings in English" in r.output
    deck = example_project / "build" / "local-surveillance" / "de" / "local-surveillance-de-slides.pptx"
    shown, _ = deck_text(deck)
    assert contains(shown, "DE ¿Cuántas cámaras vimos?")


def test_gaps_are_warnings_with_positions_and_errors_under_strict(cli, example_project):
    cli("translate", "export", "--lang", "pt", cwd=example_project)
    po = example_project / PO_PT
    cat = read_catalog(po)
    for m in cat:
        if m.id and m.id != "Escuela":  # leave exactly one gap
            m.string = f"PT {m.id}"
    with po.open("wb") as fh:
        write_po(fh, cat)
    gap = ("curricula/local-surveillance.yaml:64:17: warning: no 'pt' translation; the 'es' "
           "text is used (sessions.map.activities.walk.worksheet.checklist)")
    r = cli("build", "--lang", "pt", "--only", "slides", cwd=example_project)
    assert r.exit_code == 0, r.output
    assert gap in r.output
    r = cli("build", "--lang", "pt", "--only", "slides", "--strict", "-o", "strict-out",
            cwd=example_project)
    assert r.exit_code == 1, r.output
    assert gap in r.output
    assert not (example_project / "strict-out" / "local-surveillance").exists()
    r = cli("validate", "--strict", cwd=example_project)
    assert r.exit_code == 1 and gap in r.output
    r = cli("validate", cwd=example_project)
    assert r.exit_code == 0 and gap in r.output


def test_catalogue_translations_reach_the_comparison(cli, example_project):
    add_comparison(example_project)
    cli("translate", "export", "--lang", "pt", cwd=example_project)
    fill(example_project / PO_PT)
    done = fill(example_project / "curricula" / "catalog" / "free-software.pt.po")
    r = cli("translate", "status", "--lang", "pt", "--min", "100", cwd=example_project)
    assert r.exit_code == 0, r.output
    assert "curricula/catalog/free-software.yaml: pt: 100% translated (5 of 5)" in r.output
    r = cli("build", "--lang", "pt", "--only", "slides", cwd=example_project)
    assert r.exit_code == 0, r.output
    shown, _ = deck_text(example_project / DECK_PT)
    if not contains(shown, "Jitsi Meet"):
        pytest.skip("the deck does not draw comparison slides yet")
    assert contains(shown, done["Videollamadas"])
