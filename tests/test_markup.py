"""Inline markup of Texts: **bold**, *italic*, \\* and nothing else."""
from __future__ import annotations

import pytest
from hypothesis import given, settings, strategies as st

from workshopkit.plan.markup import Run, parse, plain


@pytest.mark.parametrize("source, runs", [
    ("plain text", [Run("plain text")]),
    ("a **bold** word", [Run("a "), Run("bold", bold=True), Run(" word")]),
    ("an *italic* word", [Run("an "), Run("italic", italic=True), Run(" word")]),
    ("*start* and **end**", [Run("start", italic=True), Run(" and "), Run("end", bold=True)]),
    ("2 * 3 * 4", [Run("2 * 3 * 4")]),
    ("a\\*b\\*c", [Run("a*b*c")]),
    ("\\*not italic\\*", [Run("*not italic*")]),
    ("**unclosed", [Run("**unclosed")]),
    ("*unclosed", [Run("*unclosed")]),
    ("** spaced **", [Run("** spaced **")]),
    ("snake_case_name", [Run("snake_case_name")]),
    ("`code` <b>html</b> [link](x)", [Run("`code` <b>html</b> [link](x)")]),
    ("**¿Quién?** mira", [Run("¿Quién?", bold=True), Run(" mira")]),
])
def test_parse(source, runs):
    assert parse(source) == runs


def test_plain_removes_markers_only():
    assert plain("Las **cámaras** *nos* miran \\* 2") == "Las cámaras nos miran * 2"


@pytest.mark.slow
@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab *\\\n_")), max_size=30))
def test_parse_never_loses_letters(s):
    """Markup only removes asterisks and backslashes before them: every other character stays."""
    out = plain(s)
    assert [c for c in out if c not in "*\\"] == [c for c in s if c not in "*\\"]
    assert all(r.text for r in parse(s))
