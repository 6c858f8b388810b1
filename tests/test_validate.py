"""Every validation rule of FORMAT.md, checked in-process with exact positions.

The bad-input suite (test_bad_inputs.py) runs a file per rule through the
command line; these tests cover the rest: what good input becomes, warnings
and notes, --strict, translations and catalogues.
"""
from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from workshopkit.errors import Problems
from workshopkit.source.validate import Workspace

BASE = """\
workshopkit: 1
id: rules
languages: [es, en]
title: {es: Reglas, en: Rules}
sessions:
  - id: s1
    title: {es: Sesión, en: Session}
    activities:
      - id: a1
        title: {es: Actividad, en: Activity}
        phase: input
        duration: 10m
"""


def load(tmp_path: Path, text: str, name: str = "c.yaml", **files: str):
    """Write a project with one curriculum; return (curriculum or None, diagnostics as strings)."""
    root = tmp_path / "p"
    (root / "curricula").mkdir(parents=True, exist_ok=True)
    for rel, content in files.items():
        f = root / "curricula" / rel.replace("__", "/")
        f.parent.mkdir(parents=True, exist_ok=True)
        f.write_text(textwrap.dedent(content), encoding="utf-8")
    path = root / "curricula" / name
    path.write_text(text, encoding="utf-8")
    ws = Workspace(Problems())
    cur = ws.load(path)
    return cur, [f"{d.pos.line}:{d.pos.col}: {d.severity}: {d.message}" for d in ws.problems.sorted()
                 if not d.message.startswith(NO_REVIEW)]  # tests/test_freshness.py checks it


NO_REVIEW = "no 'reviewed' date"


def errors(diags):
    return [d for d in diags if ": error: " in d]


# ------------------------------------------------------------------ typing

@pytest.mark.parametrize("written", ["No", "yes", "1.10", "2024-05-01", "null-ish", "0o17", "1e3"])
def test_text_is_read_as_written(tmp_path, written):
    cur, diags = load(tmp_path, BASE.replace("title: {es: Reglas, en: Rules}", f"title: {written}"))
    assert errors(diags) == []
    assert cur.title.get("es") == written and cur.title.get("en") == written


@pytest.mark.parametrize("value, ok", [("true", True), ("false", True), ("True", True),
                                       ("yes", False), ("no", False), ("on", False),
                                       ("1", False), ('"true"', False)])
def test_bools_are_only_true_or_false(tmp_path, value, ok):
    text = BASE + f"        worksheet:\n          - choice: {{options: [a, b], multiple: {value}}}\n"
    cur, diags = load(tmp_path, text)
    if ok:
        assert errors(diags) == []
        assert cur.sessions[0].activities[0].worksheet[0].choice.multiple is (value.lower() == "true")
    else:
        assert errors(diags) == [f"14:49: error: 'multiple' must be true or false, not "
                                 f"'{value.strip(chr(34))}'"]


@pytest.mark.parametrize("value, ok", [("4", True), ("0", True), ('"4"', False), ("'4'", False),
                                       ("4.0", False), ("four", False), ("-1", False)])
def test_ints_are_unquoted_whole_numbers(tmp_path, value, ok):
    text = BASE + f"        worksheet:\n          - prompt: P\n            lines: {value}\n"
    cur, diags = load(tmp_path, text)
    if ok:
        assert errors(diags) == []
        assert cur.sessions[0].activities[0].worksheet[0].lines == int(value)
    else:
        assert len(errors(diags)) == 1 and errors(diags)[0].startswith("15:20: error: 'lines' must be")


def test_lines_default_is_three(tmp_path):
    cur, _ = load(tmp_path, BASE + "        worksheet:\n          - prompt: P\n")
    assert cur.sessions[0].activities[0].worksheet[0].lines == 3


# ------------------------------------------------------------------ text

def test_text_is_normalised_to_nfc(tmp_path):
    cur, diags = load(tmp_path, BASE.replace("title: {es: Reglas, en: Rules}",
                                             'title: {es: "Cafe\\u0301", en: "Cafe\\u0301"}'))
    assert errors(diags) == []
    assert cur.title.get("es") == "Caf\u00e9" and len(cur.title.get("es")) == 4


def test_empty_text_in_a_mapping(tmp_path):
    _, diags = load(tmp_path, BASE.replace("title: {es: Reglas, en: Rules}", "title: {es: Reglas, en: }"))
    assert errors(diags) == ["4:21: error: empty text for 'en'"]


def test_unquoted_flow_comma_says_quote_this_text(tmp_path):
    _, diags = load(tmp_path, BASE.replace("title: {es: Reglas, en: Rules}",
                                           "title: {es: Calle, principal, en: Main}"))
    assert len(errors(diags)) == 1
    assert errors(diags)[0].startswith("4:20: error: 'principal' is read as a language")
    assert "quote this text" in errors(diags)[0]


def test_flow_comma_with_a_tag_like_word(tmp_path):
    _, diags = load(tmp_path, BASE.replace("title: {es: Reglas, en: Rules}",
                                           "title: {es: Calle, sur, en: South}"))
    assert errors(diags) == ["4:20: error: 'sur' is not one of the curriculum's languages (es, en); "
                             "if it is part of the text, quote this text"]


def test_unknown_language_suggests(tmp_path):
    _, diags = load(tmp_path, BASE.replace("{es: Reglas, en: Rules}", "{es: Reglas, eng: Rules}"))
    assert errors(diags) == ["4:21: error: unknown language 'eng'; the curriculum's languages are "
                             "es, en; did you mean 'en'?"]


def test_text_length_cap(tmp_path):
    _, diags = load(tmp_path, BASE.replace("title: {es: Actividad, en: Activity}",
                                           "title: " + "x" * 10_001))
    assert errors(diags) == ["10:16: error: text is 10001 characters long; the limit is 10000"]


def test_list_length_cap(tmp_path):
    _, diags = load(tmp_path, BASE + "objectives:\n" + "  - objetivo\n" * 501)
    assert errors(diags) == ["14:3: error: 'objectives' has 501 items; the limit is 500"]


def test_characters_the_fonts_lack_are_warned(tmp_path):
    cur, diags = load(tmp_path, BASE.replace("title: {es: Actividad, en: Activity}",
                                             "title: 監視カメラ"))
    assert cur is not None
    assert len(diags) == 1 and diags[0].startswith("10:16: warning: the output fonts cannot draw")
    assert "U+76E3" in diags[0]


def test_greek_cyrillic_vietnamese_are_drawable(tmp_path):
    _, diags = load(tmp_path, BASE.replace("title: {es: Actividad, en: Activity}",
                                           "title: Επιτήρηση наблюдение giám sát"))
    assert [d for d in diags if "is a plain string" not in d] == []  # no undrawable warning


# ------------------------------------------------------------------ keys

def test_unknown_key_belongs_elsewhere(tmp_path):
    _, diags = load(tmp_path, BASE + "        day: 2\n")
    assert errors(diags) == ["13:9: error: unknown key 'day' in an activity; 'day' belongs in a session"]


def test_missing_keys_each_reported(tmp_path):
    _, diags = load(tmp_path, "workshopkit: 1\nlanguages: [es]\n")
    assert errors(diags) == ["1:1: error: missing required key 'id' in the curriculum",
                             "1:1: error: missing required key 'title' in the curriculum",
                             "1:1: error: missing required key 'sessions' in the curriculum"]


def test_every_problem_is_reported_not_just_the_first(tmp_path):
    text = BASE.replace("phase: input", "phase: lecture").replace("duration: 10m", "duration: 10x")
    _, diags = load(tmp_path, text + "        titel: x\n")
    assert len(errors(diags)) == 3


def test_merge_keys_are_supported(tmp_path):
    text = BASE.replace("      - id: a1\n        title: {es: Actividad, en: Activity}\n"
                        "        phase: input\n",
                        "      - &base\n        id: a1\n        title: {es: Actividad, en: Activity}\n"
                        "        phase: input\n") + "      - <<: *base\n        id: a2\n"
    cur, diags = load(tmp_path, text)
    assert errors(diags) == []
    a2 = cur.sessions[0].activities[1]
    assert a2.id == "a2" and a2.phase == "input" and a2.minutes == 10


# ------------------------------------------------------------------ durations

@pytest.mark.parametrize("written, minutes", [("45", 45), ("90m", 90), ("1h", 60), ("1h30m", 90),
                                              ("2h 15m", 135)])
def test_durations(tmp_path, written, minutes):
    cur, diags = load(tmp_path, BASE.replace("duration: 10m", f"duration: {written}"))
    assert errors(diags) == []
    assert cur.sessions[0].activities[0].minutes == minutes


def test_video_duration_takes_seconds(tmp_path):
    cur, diags = load(tmp_path, BASE + "videos:\n  v1:\n    url: https://v.example.org/1\n"
                                       "    duration: 4m30s\n")
    assert errors(diags) == []
    assert cur.videos["v1"].duration_seconds == 270


def test_declared_duration_mismatch_warns_and_fails_under_strict(tmp_path):
    text = BASE.replace("title: {es: Reglas, en: Rules}\n", "title: {es: Reglas, en: Rules}\nduration: 1h\n")
    text = text.replace("    title: {es: Sesión, en: Session}\n",
                        "    title: {es: Sesión, en: Session}\n    duration: 15m\n")
    cur, diags = load(tmp_path, text)
    assert cur is not None
    assert diags == ["5:11: warning: declared duration 1h00m differs from the sum of its activities, 10m",
                     "9:15: warning: session 's1': declared duration 15m differs from the sum of its "
                     "activities, 10m"]
    p = Problems()
    Workspace(p).load(tmp_path / "p" / "curricula" / "c.yaml")
    assert p.failed(strict=True) and not p.failed(strict=False)


def test_declared_duration_that_matches_is_silent(tmp_path):
    _, diags = load(tmp_path, BASE.replace("title: {es: Reglas, en: Rules}\n",
                                           "title: {es: Reglas, en: Rules}\nduration: 10\n"))
    assert diags == []


# ------------------------------------------------------------------ breaks and days

def test_break_takes_a_title_and_no_phase(tmp_path):
    cur, diags = load(tmp_path, BASE + "      - id: pausa\n        break: true\n        duration: 10m\n"
                                       "        title: {es: Pausa, en: Break}\n")
    assert diags == []
    brk = cur.sessions[0].activities[1]
    assert brk.is_break and brk.phase is None and brk.title.get("en") == "Break"
    assert cur.minutes == 20


def test_break_without_title(tmp_path):
    cur, diags = load(tmp_path, BASE + "      - {id: pausa, break: true, duration: 5}\n")
    assert diags == [] and cur.sessions[0].activities[1].title is None


@pytest.mark.parametrize("key", ["slides: []", "worksheet: []", "steps: []"])
def test_break_rejects_activity_content(tmp_path, key):
    _, diags = load(tmp_path, BASE + f"      - id: pausa\n        break: true\n        duration: 5\n"
                                     f"        {key}\n")
    assert len(errors(diags)) == 1 and errors(diags)[0].startswith("16:9: error: a break has no")


def test_days(tmp_path):
    text = BASE + ("  - id: s2\n    day: 2\n    title: Dos\n    activities:\n"
                   "      - {id: a2, title: B, phase: input, duration: 10}\n"
                   "  - id: s3\n    day: 2\n    title: Tres\n    activities:\n"
                   "      - {id: a3, title: C, phase: input, duration: 10}\n")
    cur, diags = load(tmp_path, text)
    assert diags == []
    assert [s.day for s in cur.sessions] == [None, 2, 2]


# ------------------------------------------------------------------ ids

def test_duplicate_session_ids(tmp_path):
    text = BASE + "  - id: s1\n    title: Otra\n    activities:\n      - {id: a9, title: B, phase: input, duration: 5}\n"
    _, diags = load(tmp_path, text)
    assert errors(diags) == ["13:5: error: duplicate session id 's1' (first at line 6)"]


def test_curriculum_id_need_not_equal_file_name(tmp_path):
    cur, diags = load(tmp_path, BASE, name="something-else.yaml")
    assert diags == [] and cur.id == "rules"


def test_video_ids_are_slugs(tmp_path):
    _, diags = load(tmp_path, BASE + "videos:\n  Camaras:\n    url: https://v.example.org/1\n")
    assert errors(diags)[0].startswith("14:3: error: 'Camaras' is not a valid id")


def test_curriculum_ids_unique_in_a_project(tmp_path):
    from workshopkit.build.targets import load_all

    load(tmp_path, BASE, name="one.yaml")
    (tmp_path / "p" / "curricula" / "two.yaml").write_text(BASE, encoding="utf-8")
    p = Problems()
    good, bad = load_all([tmp_path / "p" / "curricula"], p)
    assert len(good) == 1 and len(bad) == 1
    assert any("curriculum id 'rules' is also used by" in d.message for d in p.errors)


# ------------------------------------------------------------------ images

PNG = bytes.fromhex("89504e470d0a1a0a0000000d4948445200000001000000010800000000"
                    "3a7e9b550000000a49444154789c6360000000020001e221bc33000000"
                    "0049454e44ae426082")


def test_image_per_language_src(tmp_path):
    (tmp_path / "p" / "curricula" / "img").mkdir(parents=True)
    for n in ("es.png", "en.png"):
        (tmp_path / "p" / "curricula" / "img" / n).write_bytes(PNG)
    cur, diags = load(tmp_path, BASE + "        slides:\n          - image:\n"
                                       "              src: {es: img/es.png, en: img/en.png}\n"
                                       "              alt: {es: Mapa, en: Map}\n"
                                       "              credit: Ana\n              license: CC-BY-4.0\n")
    assert diags == []
    img = cur.sessions[0].activities[0].slides[0].image
    assert img.path("es").name == "es.png" and img.path("en").name == "en.png"
    assert img.credit.get("en") == "Ana" and img.license.get("en") == "CC-BY-4.0"


def test_image_pixel_cap(tmp_path):
    from PIL import Image

    (tmp_path / "p" / "curricula").mkdir(parents=True)
    Image.new("1", (8000, 7000)).save(tmp_path / "p" / "curricula" / "huge.png")
    _, diags = load(tmp_path, BASE + "        slides:\n          - image: {src: huge.png, alt: Big}\n")
    assert errors(diags) == ["14:26: error: image is 8000×7000 pixels; the limit is 50000000 pixels"]


def test_damaged_png(tmp_path):
    (tmp_path / "p" / "curricula").mkdir(parents=True)
    (tmp_path / "p" / "curricula" / "broken.png").write_bytes(PNG[:20])
    _, diags = load(tmp_path, BASE + "        slides:\n          - image: {src: broken.png, alt: x}\n")
    assert errors(diags) == ["14:26: error: image 'broken.png' cannot be read: the file is damaged or cut short"]


def test_license_without_credit(tmp_path):
    (tmp_path / "p" / "curricula").mkdir(parents=True)
    (tmp_path / "p" / "curricula" / "a.png").write_bytes(PNG)
    _, diags = load(tmp_path, BASE + "        slides:\n          - image: {src: a.png, alt: x, license: CC0-1.0}\n")
    assert errors(diags) == ["14:41: error: an image with 'license' also needs 'credit' "
                             "(both go on the credits page)"]


# ------------------------------------------------------------------ urls

def test_tracking_parameters_removed_with_a_note(tmp_path):
    cur, diags = load(tmp_path, BASE + "videos:\n  v1:\n"
                                       "    url: https://v.example.org/w/1?t=42&utm_source=x&si=abc\n")
    assert diags == ["15:10: note: removed tracking parameters utm_source, si: the printed URL is "
                     "https://v.example.org/w/1?t=42"]
    assert cur.videos["v1"].url.get("es") == "https://v.example.org/w/1?t=42"
    p = Problems()
    Workspace(p).load(tmp_path / "p" / "curricula" / "c.yaml")
    assert not p.failed(strict=True)


def test_per_language_video_urls(tmp_path):
    cur, diags = load(tmp_path, BASE + "videos:\n  v1:\n    url:\n      es: https://v.example.org/es\n"
                                       "      en: https://v.example.org/en?fbclid=1\n")
    assert [d.split(": ")[1] for d in diags] == ["note"]
    url = cur.videos["v1"].url
    assert url.get("es") == "https://v.example.org/es" and url.get("en") == "https://v.example.org/en"


def test_per_language_url_needs_the_source_language(tmp_path):
    _, diags = load(tmp_path, BASE + "resources:\n  - title: R\n    url: {en: https://x.example.org}\n")
    assert errors(diags) == ["15:10: error: 'url' has no 'es' (the source language)"]


# ------------------------------------------------------------------ translations

PO_HEAD = 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'


def test_po_catalogue_adds_a_language_and_translates_by_context(tmp_path):
    text = BASE.replace("languages: [es, en]", "languages: [es]").replace(
        "{es: Reglas, en: Rules}", "Reglas").replace("{es: Sesión, en: Session}", "Sesión").replace(
        "{es: Actividad, en: Activity}", "Actividad")
    po = PO_HEAD + ('msgctxt "title"\nmsgid "Reglas"\nmsgstr "Regras"\n\n'
                    'msgctxt "sessions.s1.activities.a1.title"\nmsgid "Actividad"\nmsgstr "Atividade"\n\n'
                    'msgid "Sesión"\nmsgstr "Sessão"\n')
    cur, diags = load(tmp_path, text, **{"c.pt-BR.po": po})
    assert diags == []
    assert cur.all_languages == ("es", "pt-BR")
    assert cur.title.get("pt-BR") == "Regras"
    assert cur.sessions[0].activities[0].title.get("pt-BR") == "Atividade"
    assert cur.sessions[0].title.get("pt-BR") == "Sessão"  # by msgid alone


def test_stale_po_entry_is_warned_and_not_used(tmp_path):
    text = BASE.replace("{es: Actividad, en: Activity}", "{es: Actividad nueva}")
    po = PO_HEAD + 'msgctxt "sessions.s1.activities.a1.title"\nmsgid "Actividad"\nmsgstr "Activity"\n'
    cur, diags = load(tmp_path, text, **{"c.en.po": po})
    assert cur.sessions[0].activities[0].title.get("en") == "Actividad nueva"
    assert any(d.startswith("6:1: warning: stale translation for sessions.s1.activities.a1.title")
               for d in diags)


def test_yaml_mapping_wins_over_catalogue(tmp_path):
    po = PO_HEAD + 'msgctxt "title"\nmsgid "Reglas"\nmsgstr "From PO"\n'
    cur, _ = load(tmp_path, BASE, **{"c.en.po": po})
    assert cur.title.get("en") == "Rules"


def test_translation_gap_warns_with_position(tmp_path):
    cur, diags = load(tmp_path, BASE.replace("{es: Actividad, en: Activity}", "{es: Actividad}"))
    assert cur is not None
    assert diags == ["10:16: warning: no 'en' translation; the 'es' text is used "
                     "(sessions.s1.activities.a1.title)"]
    assert cur.sessions[0].activities[0].title.get("en") == "Actividad"


def test_plain_string_is_never_a_gap(tmp_path):
    _, diags = load(tmp_path, BASE.replace("{es: Actividad, en: Activity}", "Actividad"))
    assert diags == []


def test_malformed_po_line_is_an_error(tmp_path):
    cur, diags = load(tmp_path, BASE, **{"c.en.po": PO_HEAD + 'garbage "\n'})
    assert cur is None
    assert any(d.startswith("5:1: error: catalogue line not understood") for d in diags)


# ------------------------------------------------------------------ catalogues

CATALOG = """\
workshopkit: 1
languages: [es, en]
title: {es: Herramientas, en: Tools}
rows:
  - id: calls
    need: {es: Videollamadas, en: Video calls}
    free: Jitsi Meet
    commercial: Zoom
"""


def test_catalogue_referenced_and_translated_by_po(tmp_path):
    po = PO_HEAD + 'msgctxt "rows.calls.need"\nmsgid "Videollamadas"\nmsgstr "Videochamadas"\n'
    cur, diags = load(tmp_path, BASE + "        slides:\n          - comparison: tools\n",
                      **{"catalog__tools.yaml": CATALOG, "catalog__tools.pt.po": po})
    assert errors(diags) == []
    cat = cur.catalogs["tools"]
    assert cat.rows[0].id == "calls" and cat.rows[0].need.get("pt") == "Videochamadas"


def test_catalogue_stale_entry(tmp_path):
    po = PO_HEAD + 'msgctxt "rows.calls.need"\nmsgid "Llamadas"\nmsgstr "Calls"\n'
    _, diags = load(tmp_path, BASE + "        slides:\n          - comparison: tools\n",
                    **{"catalog__tools.yaml": CATALOG, "catalog__tools.en.po": po})
    assert any("warning: stale translation for rows.calls.need" in d for d in diags)


def test_catalogue_id_must_equal_stem(tmp_path):
    p = Problems()
    load(tmp_path, BASE + "        slides:\n          - comparison: tools\n",
         **{"catalog__tools.yaml": "id: other\n" + CATALOG})
    ws = Workspace(p)
    ws.load(tmp_path / "p" / "curricula" / "c.yaml")
    assert [(d.pos.line, d.pos.col, d.message) for d in p.errors if d.pos.file.endswith("tools.yaml")] \
        == [(1, 5, "catalogue id 'other' must equal the file name 'tools'")]


def test_catalogue_with_broken_languages_reports_once(tmp_path):
    p = Problems()
    load(tmp_path, BASE + "        slides:\n          - comparison: tools\n",
         **{"catalog__tools.yaml": CATALOG.replace("languages: [es, en]\n", "")})
    Workspace(p).load(tmp_path / "p" / "curricula" / "c.yaml")
    cat_errors = [d.message for d in p.errors if d.pos.file.endswith("tools.yaml")]
    assert cat_errors == ["missing required key 'languages' in the catalogue"]


# ------------------------------------------------------------------ project

def test_project_config(tmp_path):
    (tmp_path / "p").mkdir()
    (tmp_path / "p" / "workshopkit.yaml").write_text("paper: a4\nstart: '10:30'\n")
    cur, diags = load(tmp_path, BASE)
    assert diags == []
    assert cur.config.paper == "a4" and cur.config.start.strftime("%H:%M") == "10:30"


def test_project_config_errors_are_located(tmp_path):
    (tmp_path / "p").mkdir()
    (tmp_path / "p" / "workshopkit.yaml").write_text("paper: legal\nstrat: '10:30'\n")
    _, diags = load(tmp_path, BASE)
    assert "1:8: error: 'paper' must be one of letter, a4, not 'legal'" in diags
    assert any(d.startswith("2:1: error: unknown key 'strat'") and "did you mean 'start'" in d
               for d in diags)


@pytest.mark.parametrize("written", ['""', "'   '", "{es: '', en: x}", '{es: " ", en: x}'])
def test_quoted_empty_text_is_an_error(tmp_path, written):
    _, diags = load(tmp_path, BASE.replace("title: {es: Reglas, en: Rules}", f"title: {written}"))
    assert len(errors(diags)) == 1 and "empty text" in errors(diags)[0]
    assert errors(diags)[0].startswith("4:")


def test_table_cells_may_be_left_blank(tmp_path):
    text = BASE + ('        worksheet:\n          - table:\n              columns: [Paso, Fecha]\n'
                   '              rows:\n                - [Elegir, ""]\n')
    cur, diags = load(tmp_path, text)
    assert diags == []
    row = cur.sessions[0].activities[0].worksheet[0].table.rows[0]
    assert [c.get("en") for c in row] == ["Elegir", ""]


def test_jpeg_is_accepted_by_content_not_extension(tmp_path):
    from PIL import Image

    (tmp_path / "p" / "curricula").mkdir(parents=True)
    Image.new("RGB", (4, 4)).save(tmp_path / "p" / "curricula" / "photo.img", "JPEG")
    cur, diags = load(tmp_path, BASE + "        slides:\n          - image: {src: photo.img, alt: Foto}\n")
    assert diags == [] and cur.sessions[0].activities[0].slides[0].image.path("es").name == "photo.img"


def test_image_byte_cap(tmp_path, monkeypatch):
    import workshopkit.source.validate as validate

    monkeypatch.setattr(validate, "MAX_IMAGE_BYTES", 50)
    (tmp_path / "p" / "curricula").mkdir(parents=True)
    (tmp_path / "p" / "curricula" / "a.png").write_bytes(PNG + b"\0" * 10)
    _, diags = load(tmp_path, BASE + "        slides:\n          - image: {src: a.png, alt: x}\n")
    assert errors(diags) == [f"14:26: error: file is {len(PNG) + 10} bytes; the limit is 50 bytes"]


def test_duplicate_activity_id_reported_even_when_the_activity_has_other_errors(tmp_path):
    from workshopkit.source.validate import Workspace

    src = tmp_path / "c.yaml"
    src.write_text(
        "workshopkit: 1\nid: c\nlanguages: [en]\ntitle: T\nsessions:\n"
        "  - id: s\n    title: S\n    activities:\n"
        "      - {id: a, title: A, phase: input, duration: 10}\n"
        "      - {id: a, title: B, phase: input, duration: 4m30s}\n",
        encoding="utf-8")
    ws = Workspace()
    assert ws.load(src) is None
    messages = [(d.pos.line, d.message) for d in ws.problems.errors]
    assert (10, "duplicate activity id 'a' (first at line 9)") in messages
    assert any("seconds are only for video durations" in m for _, m in messages)


@pytest.mark.parametrize("line", ["objectives: [Uno, dos: tres]", "objectives: [Papel, en: x]"])
def test_a_colon_inside_a_flow_list_says_quote_this_text(tmp_path, line):
    from workshopkit.source.validate import Workspace

    src = tmp_path / "c.yaml"
    src.write_text("workshopkit: 1\nid: c\nlanguages: [es, en]\ntitle: T\n" + line + "\n"
                   "sessions:\n  - id: s\n    title: S\n    activities:\n"
                   "      - {id: a, title: A, phase: input, duration: 10}\n", encoding="utf-8")
    ws = Workspace()
    assert ws.load(src) is None
    [err] = ws.problems.errors
    assert err.pos.line == 5
    assert "quote the text" in err.message


def test_a_comparison_in_a_language_its_catalogue_lacks_is_a_gap(example_project):
    from workshopkit.source.validate import Workspace

    cat = example_project / "curricula" / "catalog" / "free-software.yaml"
    text = cat.read_text(encoding="utf-8")
    cat.write_text(text.replace("languages: [es, en]", "languages: [es]")
                   .replace(", en: Video calls}", "}").replace(", en: Our server}", "}")
                   .replace(", en: Proprietary}", "}").replace(", en: No account or install needed.}", "}")
                   .replace("title: {es: Herramientas libres, en: Free tools}", "title: Herramientas libres"),
                   encoding="utf-8")
    cur_file = example_project / "curricula" / "local-surveillance.yaml"
    cur_file.write_text(cur_file.read_text(encoding="utf-8").replace(
        "          - video: cameras-101\n", "          - video: cameras-101\n          - comparison: free-software\n"),
        encoding="utf-8")
    ws = Workspace()
    assert ws.load(cur_file) is not None, [str(d) for d in ws.problems]
    gaps = [d for d in ws.problems.warnings if "no 'en' translation" in d.message]
    assert gaps and all(d.pos.file.endswith("free-software.yaml") for d in gaps)
    assert {d.message.rsplit("(", 1)[1] for d in gaps} >= {"rows.need)", "rows.notes)"}
