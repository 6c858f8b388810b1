"""The converter on small node trees: values typed by context, records built into the model.

These call :class:`workshopkit.source.convert.Converter` directly on nodes
composed from a few lines of YAML, without files, a project or a Workspace.
"""
from __future__ import annotations

import datetime as dt

import pytest

from workshopkit.errors import Problems
from workshopkit.model import (Activity, Choice, Session, Slide, Table, Url, Video,
                               WorksheetItem)
from workshopkit.model.text import Text, Translations
from workshopkit.source.convert import Converter
from workshopkit.source.nodes import load_string
from workshopkit.source.spec import DURATION, LIST, RECORDS, TEXT, URL, VDURATION, T
from workshopkit.source.values import INVALID

LANGS = ("es", "en")


def converter(langs=LANGS) -> Converter:
    return Converter(Problems(), langs, Translations(langs[0]))


def said(conv: Converter) -> list[str]:
    return [f"{d.pos.line}:{d.pos.col}: {d.message}" for d in conv.problems.sorted()]


def value(yaml_value: str, t: T, key: str = "k", langs=LANGS):
    """The value of ``k: <yaml_value>`` typed as ``t``, and what was reported."""
    conv = converter(langs)
    node = load_string(f"k: {yaml_value}\n", "t.yaml").get("k")
    return conv.value(node, t, "here", key), said(conv), conv


def record(yaml: str, name: str, langs=LANGS, path: str = ""):
    conv = converter(langs)
    return conv.record(load_string(yaml, "t.yaml"), name, path), said(conv), conv


ACTIVITY = RECORDS["activity"].fields


# ------------------------------------------------------------------ scalars by context

@pytest.mark.parametrize("key, written, expected", [
    ("break", "true", True), ("break", "False", False),
    ("id", "walk-2", "walk-2"),
    ("phase", "deepening", "deepening"),
])
def test_scalars_are_typed_by_their_key(key, written, expected):
    v, diags, _ = value(written, ACTIVITY[key], key)
    assert (v, diags) == (expected, [])


@pytest.mark.parametrize("key, written, message", [
    ("break", "yes", "1:4: 'break' must be true or false, not 'yes'"),
    ("break", '"true"', "1:4: 'break' must be true or false, not 'true'"),
    ("id", "Walk", "1:4: 'Walk' is not a valid id (lower-case letters, digits and '-', "
                   "starting with a letter or digit)"),
    ("phase", "deepenning", "1:4: 'phase' must be one of activity, discussion, input, deepening, "
                            "synthesis, not 'deepenning'; did you mean 'deepening'?"),
])
def test_wrong_scalars_are_reported_where_they_stand(key, written, message):
    v, diags, _ = value(written, ACTIVITY[key], key)
    assert v is INVALID and diags == [message]


def test_the_same_text_is_a_number_or_a_string_by_context():
    lines = RECORDS["worksheet_item"].fields["lines"]
    assert value("4", lines, "lines")[0] == 4
    assert value("4", TEXT)[0].source == "4"
    assert value('"4"', lines, "lines")[1] == ["1:4: 'lines' must be a whole number, not '4'"]
    assert value("41", lines, "lines")[1] == ["1:4: 'lines' must be between 0 and 40, not 41"]


def test_dates_clock_and_languages():
    curriculum, project = RECORDS["curriculum"].fields, RECORDS["project"].fields
    assert value("2026-11-01", curriculum["updated"], "updated")[0] == dt.date(2026, 11, 1)
    assert value("2026-02-30", curriculum["updated"], "updated")[1] == [
        "1:4: 'updated' must be a date written YYYY-MM-DD, not '2026-02-30'"]
    assert value("9:05", project["start"], "start")[0] == dt.time(9, 5)
    assert value("[es, pt-BR]", curriculum["languages"], "languages")[0] == ["es", "pt-BR"]
    assert value("[es, español]", curriculum["languages"], "languages")[1] == [
        "1:9: 'español' is not a BCP 47 language tag (such as es, en, pt-BR)"]


# ------------------------------------------------------------------ durations

@pytest.mark.parametrize("written, minutes", [("45", 45), ("90m", 90), ("1h", 60),
                                              ("1h30m", 90), ("0", 0)])
def test_durations_are_minutes(written, minutes):
    assert value(written, DURATION, "duration")[:2] == (minutes, [])


def test_seconds_only_for_videos():
    assert value("4m30s", VDURATION, "duration")[0] == 270
    v, diags, _ = value("4m30s", DURATION, "duration")
    assert v is INVALID and diags == [
        "1:4: 'duration': seconds are only for video durations; write whole minutes"]
    assert value("an hour", DURATION, "duration")[1] == [
        "1:4: 'duration' must be minutes (45) or a duration such as 90m, 1h, 1h30m; "
        "found 'an hour'"]


# ------------------------------------------------------------------ texts

def test_a_plain_text_is_one_string_for_every_language():
    t, diags, _ = value("Mapa del barrio", TEXT)
    assert diags == [] and isinstance(t, Text)
    assert (t.plain, t.path, t.get("en"), t.resolve("en")) == (
        "Mapa del barrio", "here", "Mapa del barrio", ("Mapa del barrio", False))


def test_a_text_mapping_and_its_gaps():
    t, diags, _ = value("{es: Hola, en: Hello}", TEXT)
    assert diags == [] and (t.get("es"), t.get("en")) == ("Hola", "Hello")
    assert (t.value_pos["es"].col, t.value_pos["en"].col) == (9, 19)
    gap, diags, _ = value("{es: Hola}", TEXT)
    assert diags == [] and gap.resolve("en") == ("Hola", True)  # falls back to the source


@pytest.mark.parametrize("written, message", [
    ("{en: Hello}", "1:4: text has no 'es' (the source language); if ': ' is part of the "
                    "text, quote the text"),
    ("{es: Hola, enn: Hello}", "1:15: unknown language 'enn'; the curriculum's languages are "
                               "es, en; did you mean 'en'?"),
    ("''", "1:4: empty text"),
    ("{es: Hola, en: ''}", "1:19: empty text for 'en'"),
    ("[a, b]", "1:4: expected a text, found a list"),
])
def test_wrong_texts(written, message):
    v, diags, _ = value(written, TEXT)
    assert v is INVALID and diags == [message]


def test_text_paths_are_built_from_ids():
    s, diags, _ = record("id: s1\ntitle: S\nactivities:\n  - {id: a1, title: A, phase: input, "
                         "duration: 5, steps: [Uno]}\n", "session", path="sessions")
    assert diags == [] and isinstance(s, Session)
    assert s.title.path == "sessions.s1.title"
    assert s.activities[0].steps[0].path == "sessions.s1.activities.a1.steps"


def test_converting_registers_no_source_text():
    conv = converter()
    conv.record(load_string("title: T\nbullets: [a, b]\n", "t.yaml"), "slide", "")
    assert conv.owner.sources == {}  # loading registers them once the document is built


# ------------------------------------------------------------------ URLs

def test_tracking_parameters_are_removed_and_noted():
    url, diags, conv = value("https://e.org/v?utm_source=x&t=30&fbclid=1", URL, "url")
    assert diags == [] and isinstance(url, Url)
    assert url.get("es") == "https://e.org/v?t=30"
    [note] = conv.url_notes
    assert (note.pos.line, note.pos.col, note.removed) == (1, 4, ("utm_source", "fbclid"))


def test_urls_per_language():
    url, diags, _ = value("{es: 'https://e.org/es', en: 'https://e.org/en'}", URL, "url")
    assert diags == [] and (url.get("es"), url.get("en"), url.get("pt")) == (
        "https://e.org/es", "https://e.org/en", "https://e.org/es")
    assert value("'ftp://e.org'", URL, "url")[1] == [
        "1:4: URL must start with https:// or http:// ('ftp:' found)"]


# ------------------------------------------------------------------ records

def test_unknown_keys_say_what_was_meant():
    _, diags, _ = record("title: T\nbulets: [a]\n", "slide")
    assert diags == ["2:1: unknown key 'bulets' in a slide; did you mean 'bullets'?"]
    _, diags, _ = record("id: a\nduration: 5\nbreak: true\nsrc: x.png\n", "activity")
    assert diags == ["4:1: unknown key 'src' in an activity; 'src' belongs in an image"]


def test_a_worksheet_item_has_exactly_one_body():
    item, diags, _ = record("prompt: P\nlines: 2\n", "worksheet_item")
    assert diags == [] and isinstance(item, WorksheetItem)
    assert (item.kind, item.lines) == ("prompt", 2)
    _, diags, _ = record("lines: 2\n", "worksheet_item")
    assert diags == ["1:1: a worksheet item needs one of: prompt, checklist, choice, table, "
                     "risk_matrix, case_study, comparison, text, image, survey",
                     "1:1: 'lines' goes with 'prompt'"]
    _, diags, _ = record("prompt: P\nchecklist: [a]\n", "worksheet_item")
    assert diags == ["2:1: a worksheet item has one body; found both 'prompt' and 'checklist'"]


def test_a_slide_has_at_most_one_body_and_records_its_references():
    s, diags, conv = record("title: T\n", "slide")
    assert diags == [] and isinstance(s, Slide) and s.kind == "title"
    s, diags, conv = record("video: intro\n", "slide")
    assert diags == [] and s.kind == "video"
    [ref] = conv.found.refs
    assert (ref.kind, ref.id, ref.pos.line, ref.pos.col) == ("video", "intro", 1, 8)
    _, diags, _ = record("bullets: [a]\nquote: {text: q}\n", "slide")
    assert diags == ["2:1: a slide has one body; found both 'bullets' and 'quote'"]


def test_records_become_model_objects():
    a, diags, _ = record("id: tea\nduration: 15\nbreak: true\n", "activity")
    assert diags == [] and isinstance(a, Activity)
    assert (a.id, a.minutes, a.is_break, a.phase, a.title) == ("tea", 15, True, None, None)
    c, diags, _ = record("options: [a, b]\nmultiple: true\n", "choice")
    assert diags == [] and isinstance(c, Choice) and c.prompt is None and c.multiple
    t, diags, _ = record("columns: [A, B]\nrows: 4\n", "worksheet_table")
    assert diags == [] and isinstance(t, Table) and (t.rows, t.empty_rows) == ([], 4)


def test_a_record_that_cannot_be_built_is_dropped_after_its_problems_are_reported():
    a, diags, conv = record("id: a\nphase: nap\nduration: 4m30s\n", "activity")
    assert a is None
    assert diags == [
        "1:1: missing required key 'title' in an activity (only a break, 'break: true', "
        "may leave it out)",
        "2:8: 'phase' must be one of activity, discussion, input, deepening, synthesis, "
        "not 'nap'",
        "3:11: 'duration': seconds are only for video durations; write whole minutes"]
    assert [i.id for i in conv.found.activity_ids] == ["a"]  # still checked for duplicates


def test_break_rules_point_at_the_keys():
    _, diags, _ = record("id: b\nduration: 5\nbreak: true\nphase: input\n", "activity")
    assert diags == ["4:1: a break has no 'phase' (it takes id, duration, title, summary, "
                     "notes, wellbeing and opsec)"]


def test_table_rows_must_be_as_wide_as_the_columns():
    t, diags, _ = record("columns: [A, B]\nrows:\n  - [x, y]\n  - [z]\n  - ['', w]\n",
                         "slide_table")
    assert diags == ["4:6: table row has 1 cells; the table has 2 columns"]
    assert [[c.source for c in row] for row in t.rows] == [["x", "y"], ["z"], ["", "w"]]


def test_videos_are_named_by_their_key():
    conv = converter()
    node = load_string("intro: {url: 'https://e.org/v', duration: 4m30s, captions: [es]}\n",
                       "t.yaml")
    videos = conv.value(node, RECORDS["curriculum"].fields["videos"], "videos", "videos")
    assert said(conv) == []
    v = videos["intro"]
    assert isinstance(v, Video) and (v.id, v.pos.line, v.pos.col) == ("intro", 1, 1)
    assert (v.duration_seconds, v.captions, v.url.get("en")) == (270, ("es",), "https://e.org/v")


def test_lists_keep_their_valid_items():
    v, diags, _ = value("[a, '', c]", LIST(TEXT))
    assert [t.source for t in v] == ["a", "c"] and diags == ["1:8: empty text"]
    v, diags, _ = value("~", LIST(TEXT))
    assert v == [] and diags == []


def test_every_record_of_the_spec_has_a_builder():
    from workshopkit.source.records import BUILDERS

    assert set(BUILDERS) == set(RECORDS)
