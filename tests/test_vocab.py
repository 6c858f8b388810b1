"""One vocabulary: every table keyed by the format's words covers exactly those words."""
from __future__ import annotations

import dataclasses

import pytest

from workshopkit.i18n import LEVEL_NAMES, PHASE_NAMES
from workshopkit.model import ComparisonRow, Slide, WorksheetItem
from workshopkit.plan import pages
from workshopkit.render.pdf import guide, worksheets
from workshopkit.source import vocab
from workshopkit.source.spec import RECORDS


def test_the_spec_is_built_from_the_vocabulary():
    assert RECORDS["activity"].fields["phase"].of == vocab.PHASES
    assert RECORDS["curriculum"].fields["level"].of == vocab.LEVELS
    assert RECORDS["slide"].bodies == vocab.SLIDE_BODIES
    assert RECORDS["worksheet_item"].bodies == vocab.WORKSHEET_KINDS
    assert tuple(k for k in RECORDS["catalog_row"].fields if k not in ("id", "reviewed")) == vocab.CATALOG_FIELDS


def test_the_model_has_a_field_for_every_word():
    def names(cls):
        return {f.name for f in dataclasses.fields(cls)}
    assert set(vocab.SLIDE_BODIES) <= names(Slide)
    assert set(vocab.WORKSHEET_KINDS) <= names(WorksheetItem)
    assert set(vocab.CATALOG_FIELDS) <= names(ComparisonRow)


@pytest.mark.parametrize("table, words", [
    (PHASE_NAMES, vocab.PHASES),
    (LEVEL_NAMES, vocab.LEVELS),
    (guide.SLIDE_KINDS, vocab.SLIDE_BODIES + (vocab.TITLE_SLIDE,)),
    (guide.ITEM_KINDS, vocab.WORKSHEET_KINDS),
    (worksheets.RENDER, vocab.WORKSHEET_KINDS),
    (dict(pages.COMPARISON_FIELDS), vocab.CATALOG_FIELDS),
], ids=["phase names", "level names", "slide kinds", "item kinds", "item renderers",
        "comparison columns"])
def test_tables_cover_their_vocabulary_exactly(table, words):
    assert set(table) == set(words)


def test_comparison_columns_follow_the_vocabulary_order():
    assert tuple(name for name, _ in pages.COMPARISON_FIELDS) == vocab.CATALOG_FIELDS


def test_table_refuses_a_missing_or_extra_word():
    assert list(vocab.table(("a", "b"), b=2, a=1)) == ["a", "b"]
    with pytest.raises(ValueError, match=r"missing \['b'\], extra \['c'\]"):
        vocab.table(("a", "b"), a=1, c=3)
