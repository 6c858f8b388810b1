"""Localised names for writers: ADIDS phases, levels, languages; stale detection."""
from __future__ import annotations

import pytest

from workshopkit.errors import Pos
from workshopkit.i18n import (LEVEL_NAMES, PHASE_NAMES, language_label, language_name,
                              level_name, phase_name)
from workshopkit.model.text import PoEntry, Text, Translations, register_sources
from workshopkit.model import LEVELS, PHASES


def test_every_phase_and_level_has_a_name():
    assert set(PHASE_NAMES) == set(PHASES)
    assert set(LEVEL_NAMES) == set(LEVELS)


@pytest.mark.parametrize("lang, phase, name", [
    ("en", "deepening", "Deepening"), ("es", "deepening", "Profundización"),
    ("pt", "synthesis", "Síntese"), ("pt-BR", "activity", "Atividade"),
    ("fr", "input", "Apport"), ("de", "discussion", "Discussion"),
])
def test_phase_name(lang, phase, name):
    assert phase_name(phase, lang) == name


@pytest.mark.parametrize("lang, level, name", [
    ("en", "intro", "Introductory"), ("es", "advanced", "Avanzado"),
    ("pt", "intermediate", "Intermediário"), ("fr", "advanced", "Avancé"),
])
def test_level_name(lang, level, name):
    assert level_name(level, lang) == name


@pytest.mark.parametrize("tag, in_lang, name", [
    ("es", "es", "español"), ("en", "es", "inglés"), ("pt-BR", "es", "portugués (Brasil)"),
    ("es", "pt", "espanhol"), ("pt", "pt", "português"), ("fr", "fr", "français"),
    ("es", "en", "Spanish"), ("en", "en", "English"), ("qu", "es", "quechua"),
    ("xx", "es", "xx"),          # unknown language: the tag itself
    ("es", "zz", "Spanish"),     # unknown display language: English
])
def test_language_name(tag, in_lang, name):
    """Names keep the casing of the language they are written in (as inside a sentence)."""
    assert language_name(tag, in_lang) == name


def test_language_label_capitalises_a_name_standing_alone():
    assert language_label("es", "es") == "Español" and language_label("en", "en") == "English"


def _owner() -> Translations:
    return Translations("es")


def test_stale_only_when_no_text_in_the_context_has_that_msgid():
    owner = _owner()
    ctx = "sessions.s.activities.a.slides.bullets"
    a = Text(ctx, Pos("x.yaml", 3, 5), owner, values={"es": "Uno"})
    b = Text(ctx, Pos("x.yaml", 4, 5), owner, values={"es": "Dos"})
    register_sources([a, b])  # as loading does once a document is built
    owner.add("pt", ctx, "Uno", PoEntry("Um", Pos("x.pt.po", 10, 1)))
    owner.add("pt", ctx, "Dos", PoEntry("Dois", Pos("x.pt.po", 14, 1)))
    assert owner.stale("pt", ctx, a.source) == [] and owner.stale("pt", ctx, b.source) == []
    assert a.get("pt") == "Um" and b.get("pt") == "Dois"
    owner.add("pt", ctx, "Tres", PoEntry("Três", Pos("x.pt.po", 18, 1)))
    stale = owner.stale("pt", ctx, a.source) + owner.stale("pt", ctx, b.source)
    assert [e.pos.line for e in stale] == [18]  # reported once, for the first text


def test_fuzzy_and_empty_entries_are_not_used():
    owner = _owner()
    t = Text("title", Pos("x.yaml", 1, 8), owner, values={"es": "Hola"})
    owner.add("pt", "title", "Hola", PoEntry("Olá", Pos("x.pt.po", 5, 1), fuzzy=True))
    assert t.resolve("pt") == ("Hola", True)
    owner.add("fr", "title", "Hola", PoEntry("", Pos("x.fr.po", 5, 1)))
    assert t.resolve("fr") == ("Hola", True)


def test_yaml_wins_then_context_then_msgid():
    owner = _owner()
    t = Text("title", Pos("x.yaml", 1, 8), owner, values={"es": "Hola", "en": "Hello"})
    owner.add("en", "title", "Hola", PoEntry("Hi", Pos("x.en.po", 5, 1)))
    assert t.get("en") == "Hello"
    owner.add("pt", "other", "Hola", PoEntry("Oi", Pos("x.pt.po", 5, 1)))
    assert t.resolve("pt") == ("Oi", False)
    owner.add("pt", "title", "Hola", PoEntry("Olá", Pos("x.pt.po", 9, 1)))
    assert t.get("pt") == "Olá"
    plain = Text("resources.title", Pos("x.yaml", 9, 8), owner, plain="SSD")
    assert plain.resolve("pt") == ("SSD", False)  # never a gap
