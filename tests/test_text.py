"""Text and Translations: constructing a Text is side-effect free; loading registers sources."""
from __future__ import annotations

import copy

from conftest import FORMAT_EXAMPLE

from workshopkit.errors import Pos
from workshopkit.model.text import PoEntry, Text, Translations, iter_texts, register_sources
from workshopkit.source.validate import Workspace


def test_constructing_a_text_leaves_its_owner_unchanged():
    owner = Translations("es")
    owner.add("pt", "title", "Hola", PoEntry("Olá", Pos("x.pt.po", 3, 1)))
    before = copy.deepcopy(owner)
    Text("title", Pos("x.yaml", 1, 8), owner, values={"es": "Hola", "en": "Hello"})
    Text("title", Pos("x.yaml", 2, 8), owner, plain="Otra")
    assert owner == before and owner.sources == {}


def test_register_sources_records_each_context_in_order():
    owner = Translations("es")
    texts = [Text("bullets", Pos("x.yaml", 3, 5), owner, plain="Uno"),
             Text("bullets", Pos("x.yaml", 4, 5), owner, values={"es": "Dos"}),
             Text("bullets", Pos("x.yaml", 5, 5), owner, plain="Uno"),
             Text("title", Pos("x.yaml", 1, 8), owner, values={"en": "no source yet"})]
    register_sources(texts)
    assert owner.sources == {"bullets": ["Uno", "Dos"]}


def test_stale_is_judged_against_registered_sources_only():
    owner = Translations("es")
    t = Text("title", Pos("x.yaml", 1, 8), owner, plain="Hola nueva")
    owner.add("pt", "title", "Hola", PoEntry("Olá", Pos("x.pt.po", 5, 1)))
    assert owner.stale("pt", "title", t.source) != []  # nothing registered: compared with itself
    register_sources([t, Text("title", Pos("x.yaml", 2, 8), owner, plain="Hola")])
    assert owner.stale("pt", "title", t.source) == []  # "Hola" is a current source of the context


def test_loading_registers_every_text_of_the_document():
    cur = Workspace().load(FORMAT_EXAMPLE)
    registered = {(ctx, s) for ctx, sources in cur.translations.sources.items() for s in sources}
    assert registered == {(t.path, t.source) for t in iter_texts(cur)}
