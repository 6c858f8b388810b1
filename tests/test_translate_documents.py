"""The documents a translator works on, and the words that say where a text appears."""
from __future__ import annotations

import pytest

from conftest import load_curriculum, load_every_kind
from workshopkit.i18n.documents import describe, documents


def test_curriculum_then_its_catalogue_with_texts_in_document_order(tmp_path):
    cur = load_every_kind(tmp_path)
    docs = documents([cur])
    assert [(d.kind, d.id, d.path.name) for d in docs] == [
        ("curriculum", "every-kind", "every-kind.yaml"),
        ("catalogue", "free-software", "free-software.yaml"), ("survey", "quick", "quick.yaml")]
    for doc in docs:
        lines = [(t.pos.line, t.pos.col) for t in doc.texts]
        assert lines == sorted(lines) and len(lines) == len(set(lines))
        assert doc.source_lang == "es" and doc.languages == ("es", "en")
        assert all(doc.context(t) == t.path for t in doc.texts)
    cur_doc, cat_doc, _survey = docs
    assert cur_doc.texts[0].path == "title"
    assert [t.path for t in cat_doc.texts[:2]] == ["title", "rows.video-calls.need"]
    assert cur_doc.version == cur.version and cur_doc.updated == cur.updated
    assert cur_doc.po_path("pt-BR") == cur.path.with_name("every-kind.pt-BR.po")
    assert cat_doc.pot_path() == cat_doc.path.with_name("free-software.pot")


def test_a_catalogue_shared_by_curricula_is_one_document_in_all_their_languages(tmp_path):
    first = load_every_kind(tmp_path).path
    folder = first.parent
    second = folder / "second.yaml"
    text = first.read_text(encoding="utf-8")
    assert "languages: [es, en]\n" in text
    second.write_text(text.replace("languages: [es, en]\n", "languages: [es, en, fr]\n", 1),
                      encoding="utf-8")
    # a catalogue's own .po files add their languages too
    (folder / "catalog" / "free-software.de.po").write_text(
        'msgid ""\nmsgstr "Content-Type: text/plain; charset=UTF-8\\n"\n', encoding="utf-8")
    docs = documents([load_curriculum(first), load_curriculum(second)])
    assert [d.kind for d in docs] == ["curriculum", "curriculum", "catalogue", "survey"]
    assert docs[1].languages == ("es", "en", "fr")
    assert docs[2].languages == ("es", "en", "de", "fr")  # its own first, the others sorted
    assert docs[3].languages == ("es", "en", "fr")  # a survey too


@pytest.mark.parametrize("context, kind, where", [
    ("title", "curriculum", "workshop title (every output)"),
    ("title", "catalogue", "comparison table title"),
    ("sessions.map.title", "curriculum", "session title"),
    ("sessions.map.activities.walk.title", "curriculum", "activity title"),
    ("sessions.map.activities.walk.slides.title", "curriculum", "slide title"),
    ("sessions.map.activities.walk.slides.quote.text", "curriculum", "quotation on a slide"),
    ("sessions.map.activities.walk.slides.table.rows", "curriculum", "table cell on a slide"),
    ("sessions.map.activities.walk.worksheet.table.rows", "curriculum",
     "table cell on a worksheet"),
    ("sessions.map.activities.walk.worksheet.choice.options", "curriculum",
     "worksheet answer option"),
    # an id that is also a key is still read as an id
    ("sessions.title.title", "curriculum", "session title"),
    ("sessions.notes.activities.summary.summary", "curriculum", "activity summary"),
    ("videos.title.summary", "curriculum", "video summary (video handout)"),
    ("rows.need", "catalogue", "comparison table: need"),
    ("rows.jitsi.hosted_by", "catalogue", "comparison table: who hosts it"),
    ("somewhere.unknown", "curriculum", "text"),
])
def test_describe(context, kind, where):
    assert describe(context, kind) == where


def test_every_text_of_every_kind_is_described(tmp_path):
    """A new format key with translatable text needs a description for translators."""
    docs = documents([load_every_kind(tmp_path)])
    vague = [(d.path.name, t.path) for d in docs for t in d.texts
             if describe(t.path, d.kind) == "text"]
    assert not vague
