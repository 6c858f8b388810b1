"""PO catalogues of a document: building, merging with the previous catalogue, reading back.

The documents here are made in code (a handful of Texts), so each rule of the merge is
tested on its own: a kept translation, a changed source text (fuzzy, previous msgid), a
removed one (obsolete, kept), an obsolete entry whose text is back (revived).
"""
from __future__ import annotations

import datetime as dt
import subprocess
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from babel.messages.pofile import PoFileError

from conftest import require_tool
from workshopkit.errors import Pos
from workshopkit.i18n.documents import Document
from workshopkit.i18n.po_catalog import (PLAIN_NOTE, YAML_NOTE, build_catalog, check_lang,
                                         read_catalog, render, write_file)
from workshopkit.model.text import Text, Translations

TITLE = "sessions.map.title"
BULLETS = "sessions.map.activities.walk.slides.bullets"


def text(owner: Translations, path: str, line: int, es: str | None = None,
         plain: str | None = None, **others: str) -> Text:
    values = {"es": es, **others} if es is not None else {}
    return Text(path, Pos("w.yaml", line, 5), owner, plain=plain, values=values)


def document(*specs: tuple) -> Document:
    """A curriculum ``w.yaml`` (source language es): one Text per (path, line, es[, more]),
    ``more`` giving other languages' values or ``plain``."""
    owner = Translations("es")
    texts = []
    for spec in specs:
        path, line, es, *rest = spec
        extra = rest[0] if rest else {}
        texts.append(text(owner, path, line, es, **extra))
    return Document("curriculum", "w", Path("/p/curricula/w.yaml"), owner, texts, ("es", "en"),
                    updated=dt.date(2026, 11, 1), version="1.0")


def catalog_with(*entries: tuple, obsolete: tuple = ()) -> Catalog:
    """An old catalogue: entries (context, msgid, msgstr[, flags[, comments]])."""
    cat = Catalog(locale="pt", fuzzy=False)
    for ctx, mid, mstr, *rest in entries:
        cat.add(mid, mstr, context=ctx, flags=rest[0] if rest else (),
                user_comments=rest[1] if len(rest) > 1 else ())
    for ctx, mid, mstr in obsolete:
        cat.add(mid, mstr, context=ctx)
        m = cat.get(mid, ctx)
        cat.delete(mid, context=ctx)
        cat.obsolete[(mid, ctx)] = m
    return cat


def live(cat: Catalog) -> dict[tuple[str, str], object]:
    return {(m.context, m.id): m for m in cat if m.id}


def dead(cat: Catalog) -> dict[tuple[str, str], object]:
    return {(m.context, m.id): m for m in cat.obsolete.values()}


# ---------------------------------------------------------------- a new catalogue

def test_new_catalogue_in_document_order_with_place_and_description():
    doc = document((TITLE, 3, "Mapa"), (BULLETS, 9, "Cámaras"), (BULLETS, 10, "Quién ve"))
    cat = build_catalog(doc, "pt")
    assert [(m.context, m.id) for m in cat if m.id] == [
        (TITLE, "Mapa"), (BULLETS, "Cámaras"), (BULLETS, "Quién ve")]
    m = cat.get("Cámaras", BULLETS)
    assert m.string == "" and not m.fuzzy
    assert m.locations == [("w.yaml", 9)]
    assert m.auto_comments == ["slide bullet"]
    assert cat.get("Mapa", TITLE).auto_comments == ["session title"]
    assert str(cat.locale) == "pt" and cat.language_team == "pt"
    assert cat.project == "w" and cat.version == "1.0"
    assert not cat.obsolete


def test_same_text_twice_in_one_place_is_one_entry_with_both_lines():
    doc = document((BULLETS, 9, "Cámaras"), (BULLETS, 12, "Cámaras"))
    cat = build_catalog(doc, "pt")
    assert [m.locations for m in cat if m.id] == [[("w.yaml", 9), ("w.yaml", 12)]]


def test_plain_string_is_marked_and_a_yaml_translation_wins():
    doc = document(("resources.title", 4, None, {"plain": "EFF"}),
                   (TITLE, 5, "Mapa", {"pt": "Mapa do bairro"}))
    old = catalog_with(("resources.title", "EFF", "EFF pt"),
                       (TITLE, "Mapa", "Mapa antigo", (), ["revisto"]))
    cat = build_catalog(doc, "pt", old)
    plain = cat.get("EFF", "resources.title")
    assert PLAIN_NOTE in plain.auto_comments and plain.string == "EFF pt"
    yaml = cat.get("Mapa", TITLE)
    assert YAML_NOTE in yaml.auto_comments
    assert yaml.string == "Mapa do bairro"  # the YAML, not the old catalogue
    assert yaml.user_comments == ["revisto"]  # the translator's comment stays


def test_template_has_no_translation_language_or_merge():
    doc = document((TITLE, 3, "Mapa", {"pt": "Mapa"}))
    old = catalog_with((TITLE, "Mapa", "x"), ("gone", "Ido", "y"))
    cat = build_catalog(doc, None, old)
    assert cat.locale is None
    assert [m.string for m in cat if m.id] == [""]
    assert not cat.obsolete


# ---------------------------------------------------------------- merging with the old one

def test_kept_translation_and_comments_are_carried_over():
    doc = document((TITLE, 3, "Mapa"))
    old = catalog_with((TITLE, "Mapa", "Mapa pt", (), ["revisto por Ana"]))
    m = build_catalog(doc, "pt", old).get("Mapa", TITLE)
    assert m.string == "Mapa pt" and not m.fuzzy
    assert m.user_comments == ["revisto por Ana"]


def test_changed_source_becomes_fuzzy_with_previous_msgid():
    doc = document((TITLE, 3, "Mapa del barrio"))
    old = catalog_with((TITLE, "Mapa", "Mapa pt", (), ["nota"]))
    cat = build_catalog(doc, "pt", old)
    m = cat.get("Mapa del barrio", TITLE)
    assert m.fuzzy and m.string == "Mapa pt"
    assert m.previous_id == ["Mapa"]
    assert m.user_comments == ["nota"]
    assert not cat.obsolete  # the old entry was used: not kept twice
    assert '#| msgid "Mapa"' in render(cat).decode()


def test_changed_source_takes_the_closest_old_text_of_its_own_context():
    doc = document((BULLETS, 9, "Cámaras públicas"), (BULLETS, 10, "Quién ve las imágenes"))
    old = catalog_with((BULLETS, "Quién ve imágenes", "Quem vê"),
                       (BULLETS, "Cámaras", "Câmeras"),
                       ("sessions.other.title", "Cámaras públicas!", "não este"))
    cat = build_catalog(doc, "pt", old)
    assert cat.get("Cámaras públicas", BULLETS).previous_id == ["Cámaras"]
    assert cat.get("Quién ve las imágenes", BULLETS).previous_id == ["Quién ve imágenes"]
    # another context's entry is never borrowed; it is kept as obsolete
    assert list(dead(cat)) == [("sessions.other.title", "Cámaras públicas!")]


def test_an_old_fuzzy_entry_stays_fuzzy_with_its_previous_msgid():
    doc = document((TITLE, 3, "Mapa"))
    old = catalog_with((TITLE, "Mapa", "Mapa pt", ["fuzzy"]))
    old.get("Mapa", TITLE).previous_id = ["Mapita"]
    m = build_catalog(doc, "pt", old).get("Mapa", TITLE)
    assert m.fuzzy and m.string == "Mapa pt" and m.previous_id == ["Mapita"]


def test_removed_text_is_kept_obsolete_and_untranslated_ones_are_dropped():
    doc = document((TITLE, 3, "Mapa"))
    old = catalog_with((TITLE, "Mapa", "Mapa pt"),
                       ("glossary.escuela.term", "Escuela", "Escola"),
                       ("glossary.metadatos.term", "Metadatos", ""),
                       obsolete=[("glossary.viejo.term", "Viejo", "Velho")])
    cat = build_catalog(doc, "pt", old)
    assert set(live(cat)) == {(TITLE, "Mapa")}
    assert {k: m.string for k, m in dead(cat).items()} == {
        ("glossary.escuela.term", "Escuela"): "Escola",
        ("glossary.viejo.term", "Viejo"): "Velho"}  # obsolete entries stay obsolete
    raw = render(cat).decode()
    assert '#~ msgid "Escuela"' in raw and '#~ msgstr "Escola"' in raw


def test_text_back_in_use_revives_its_obsolete_translation():
    doc = document((TITLE, 3, "Mapa"), ("glossary.escuela.term", 7, "Escuela"))
    old = catalog_with((TITLE, "Mapa", "Mapa pt"),
                       obsolete=[("glossary.escuela.term", "Escuela", "Escola")])
    cat = build_catalog(doc, "pt", old)
    m = cat.get("Escuela", "glossary.escuela.term")
    assert m.string == "Escola" and not m.fuzzy
    assert m.locations == [("w.yaml", 7)]
    assert not cat.obsolete  # live, not defined twice (msgfmt would reject that)


def test_merge_is_stable_through_render_and_read(tmp_path):
    doc = document((TITLE, 3, "Mapa del barrio"), (BULLETS, 9, "Cámaras"))
    old = catalog_with((TITLE, "Mapa", "Mapa pt"), (BULLETS, "Cámaras", "Câmeras"),
                       ("glossary.escuela.term", "Escuela", "Escola"))
    po = tmp_path / "w.pt.po"
    write_file(po, render(build_catalog(doc, "pt", old)))
    first = po.read_bytes()
    again = read_catalog(po)
    assert again.get("Mapa del barrio", TITLE).previous_id == ["Mapa"]
    assert again.get("Mapa del barrio", TITLE).user_comments == []  # '#|' is not a comment
    assert render(build_catalog(doc, "pt", again)) == first


def test_rendered_catalogue_passes_msgfmt_check(tmp_path):
    msgfmt = require_tool("msgfmt")
    doc = document((TITLE, 3, "Mapa del barrio"), ("glossary.escuela.term", 7, "Escuela"))
    old = catalog_with((TITLE, "Mapa", "Mapa pt"), ("glossary.x.term", "X", "Xis"),
                       obsolete=[("glossary.escuela.term", "Escuela", "Escola")])
    po = tmp_path / "w.pt.po"
    po.write_bytes(render(build_catalog(doc, "pt", old)))
    cp = subprocess.run([msgfmt, "--check", "-o", "/dev/null", str(po)],
                        capture_output=True, text=True)
    assert cp.returncode == 0, cp.stderr


# ---------------------------------------------------------------- reading and writing

def test_read_restores_a_multiline_previous_msgid(tmp_path):
    po = tmp_path / "x.po"
    po.write_text('msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
                  '# translator\n#, fuzzy\n#| msgctxt "t"\n#| msgid ""\n#| "first line \\"q\\" "\n'
                  '#| "second"\nmsgctxt "t"\nmsgid "new"\nmsgstr "novo"\n', encoding="utf-8")
    m = read_catalog(po).get("new", "t")
    assert m.previous_id == ['first line "q" second']
    assert m.user_comments == ["translator"]
    assert m.fuzzy


def test_read_rejects_a_broken_file(tmp_path):
    po = tmp_path / "x.po"
    po.write_text('msgid "a"\nmsgid "b"\nmsgstr "c"\n', encoding="utf-8")
    with pytest.raises(PoFileError):
        read_catalog(po)


def test_write_file_replaces_whole_and_leaves_no_temporary(tmp_path):
    path = tmp_path / "w.pt.po"
    path.write_bytes(b"old")
    write_file(path, b"new")
    assert path.read_bytes() == b"new"
    assert [p.name for p in tmp_path.iterdir()] == ["w.pt.po"]


@pytest.mark.parametrize("tag, ok", [("pt", True), ("pt-BR", True), ("zh-Hant", True),
                                     ("no such", False), ("", False), ("pt/BR", False)])
def test_check_lang(tag, ok):
    assert check_lang(tag) is ok
