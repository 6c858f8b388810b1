"""translate export: PO catalogues beside curricula and catalogue files, read back with Babel."""
from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from conftest import add_comparison, require_tool

CUR = Path("curricula") / "local-surveillance.yaml"
PO_PT = Path("curricula") / "local-surveillance.pt.po"


def read(path: Path):
    from workshopkit.i18n.po_catalog import read_catalog

    return read_catalog(path)


def entries(path: Path) -> dict[tuple[str, str], object]:
    return {(m.context, m.id): m for m in read(path) if m.id}


def test_export_writes_entries_with_context_reference_and_place(cli, example_project):
    r = cli("translate", "export", "--lang", "pt", cwd=example_project)
    assert r.exit_code == 0, r.output
    po = entries(example_project / PO_PT)
    m = po[("sessions.map.activities.walk.slides.title", "¿Cuántas cámaras vimos?")]
    assert m.string == ""
    assert m.locations == [("local-surveillance.yaml", 53)]
    assert m.auto_comments == ["slide title"]
    notes = po[("sessions.map.activities.walk.notes", "Sugiere un recorrido corto.")]
    assert "facilitator" in notes.auto_comments[0]
    prompt = po[("sessions.map.activities.walk.worksheet.prompt", "¿Dónde viste cámaras?")]
    assert prompt.auto_comments == ["worksheet prompt"]
    # both bullets of one slide share a context and are both there
    assert ("sessions.map.activities.walk.slides.bullets", "¿Quién ve las imágenes?") in po
    assert ("sessions.map.activities.walk.slides.bullets", "Cámaras públicas y privadas") in po
    # plain strings are exported too, marked as such
    plain = po[("resources.title", "Surveillance Self-Defense")]
    assert any("plain string" in c for c in plain.auto_comments)
    assert ("authors.name", "Equipo de formación") in po


def test_export_is_in_document_order_and_has_headers(cli, example_project, monkeypatch):
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    cli("translate", "export", "--lang", "pt", cwd=example_project)
    cat = read(example_project / PO_PT)
    lines = [m.locations[0][1] for m in cat if m.id]
    assert lines == sorted(lines)
    assert str(cat.locale) == "pt"
    raw = (example_project / PO_PT).read_text(encoding="utf-8")
    assert '"Language: pt\\n"' in raw
    assert "charset=utf-8" in raw
    # dates come from the curriculum's 'updated' (2026-11-01), never the clock
    assert "POT-Creation-Date: 2026-11-01 00:00+0000" in raw


def test_export_is_deterministic_and_follows_source_date_epoch(cli, example_project,
                                                               monkeypatch):
    cli("translate", "export", "--lang", "pt", cwd=example_project)
    first = (example_project / PO_PT).read_bytes()
    (example_project / PO_PT).unlink()
    cli("translate", "export", "--lang", "pt", cwd=example_project)
    assert (example_project / PO_PT).read_bytes() == first
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "946771200")  # 2000-01-02
    (example_project / PO_PT).unlink()
    cli("translate", "export", "--lang", "pt", cwd=example_project)
    assert "POT-Creation-Date: 2000-01-02 00:00+0000" in (example_project / PO_PT).read_text()


def test_yaml_translation_fills_msgstr(cli, example_project):
    r = cli("translate", "export", "--lang", "en", cwd=example_project)
    assert r.exit_code == 0, r.output
    po = entries(example_project / "curricula" / "local-surveillance.en.po")
    m = po[("sessions.map.activities.walk.title", "Caminata de las cámaras")]
    assert m.string == "Camera walk"
    assert any("wins" in c for c in m.auto_comments)


def test_existing_translations_kept_changed_become_fuzzy_removed_become_obsolete(
        cli, example_project):
    cli("translate", "export", "--lang", "pt", cwd=example_project)
    po_path = example_project / PO_PT
    cat = read(po_path)
    for m in cat:
        if m.id == "Caminata de las cámaras":
            m.string = "Caminhada das câmeras"
            m.user_comments = ["revisado por Ana"]
        if m.id == "Escuela":
            m.string = "Escola"
        if m.id == "Metadatos":
            m.string = "Metadados"
    from babel.messages.pofile import write_po
    with po_path.open("wb") as fh:
        write_po(fh, cat)
    # the author edits one source text and removes another
    yaml = example_project / CUR
    text = yaml.read_text(encoding="utf-8")
    text = text.replace("{es: Caminata de las cámaras,", "{es: Caminata por las cámaras,")
    text = text.replace("              - {es: Escuela, en: School}\n", "")
    yaml.write_text(text, encoding="utf-8")
    r = cli("translate", "export", "--lang", "pt", cwd=example_project)
    assert r.exit_code == 0, r.output
    cat = read(po_path)
    kept = cat.get("Metadatos", "glossary.term")
    assert kept.string == "Metadados" and not kept.fuzzy
    changed = cat.get("Caminata por las cámaras", "sessions.map.activities.walk.title")
    assert changed.fuzzy
    assert changed.string == "Caminhada das câmeras"
    assert changed.previous_id == ["Caminata de las cámaras"]
    assert changed.user_comments == ["revisado por Ana"]
    raw = po_path.read_text(encoding="utf-8")
    assert '#| msgid "Caminata de las cámaras"' in raw
    assert '#~ msgid "Escuela"' in raw and '#~ msgstr "Escola"' in raw
    # a second export changes nothing: '#| msgid' survives being read back
    before = po_path.read_bytes()
    cli("translate", "export", "--lang", "pt", cwd=example_project)
    assert po_path.read_bytes() == before
    assert "# |" not in po_path.read_text(encoding="utf-8")
    # the fuzzy entry is not used: the build falls back and says so
    r = cli("validate", "curricula", cwd=example_project)
    assert "no 'pt' translation" in r.output


def test_export_beside_referenced_catalogue(cli, example_project):
    add_comparison(example_project)
    r = cli("translate", "export", "--lang", "pt", cwd=example_project)
    assert r.exit_code == 0, r.output
    cat_po = example_project / "curricula" / "catalog" / "free-software.pt.po"
    po = entries(cat_po)
    need = po[("rows.need", "Videollamadas")]
    assert need.locations == [("free-software.yaml", 6)]
    assert "comparison table" in need.auto_comments[0]
    assert ("rows.free", "Jitsi Meet") in po  # a plain string, exported too
    assert ("title", "Herramientas libres") in po


def test_pot_template(cli, example_project):
    r = cli("translate", "export", "--pot", cwd=example_project)
    assert r.exit_code == 0, r.output
    pot = example_project / "curricula" / "local-surveillance.pot"
    cat = read(pot)
    assert all(m.string == "" for m in cat if m.id)
    assert cat.get("Caminata de las cámaras", "sessions.map.activities.walk.title")
    assert "Language:" not in pot.read_text(encoding="utf-8").split("\n\n")[0].replace(
        "Language-Team", "")


def test_export_usage_errors(cli, example_project):
    assert cli("translate", "export", cwd=example_project).exit_code == 2
    assert cli("translate", "export", "--lang", "no such", cwd=example_project).exit_code == 2


def test_source_language_is_not_exported(cli, example_project):
    r = cli("translate", "export", "--lang", "es", cwd=example_project)
    assert r.exit_code == 0
    assert not (example_project / "curricula" / "local-surveillance.es.po").exists()
    assert "source language" in r.output


@pytest.mark.parametrize("lang", ["es", "en", "pt", "pt-BR", "fr", "ru", "ar", "de", "qu"])
def test_exported_catalogues_pass_msgfmt_check(cli, example_project, lang):
    msgfmt = require_tool("msgfmt")
    add_comparison(example_project)
    src = "es"
    r = cli("translate", "export", "--lang", lang, cwd=example_project)
    assert r.exit_code == 0, r.output
    files = sorted(example_project.rglob(f"*.{lang}.po"))
    assert len(files) == (0 if lang == src else 2)
    for f in files:
        cp = subprocess.run([msgfmt, "--check", "-o", "/dev/null", str(f)],
                            capture_output=True, text=True)
        assert cp.returncode == 0, cp.stderr


def test_entry_without_msgctxt_keeps_its_translation_when_exported(cli, example_project):
    # a translator may write an entry by msgid alone (FORMAT.md: looked up by msgid alone);
    # export must carry its translation into the entries with msgctxt, not retire it
    po = example_project / PO_PT
    po.write_text('msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
                  'msgid "¿Cuántas cámaras vimos?"\nmsgstr "Quantas câmeras vimos?"\n',
                  encoding="utf-8")
    r = cli("translate", "export", "--lang", "pt", cwd=example_project)
    assert r.exit_code == 0, r.output
    m = entries(po)[("sessions.map.activities.walk.slides.title", "¿Cuántas cámaras vimos?")]
    assert m.string == "Quantas câmeras vimos?"
    assert not read(po).obsolete
