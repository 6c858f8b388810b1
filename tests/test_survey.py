"""Surveys: validated like curricula, built as printable, fillable PDF forms (and inside
worksheets), with the field names FORMAT.md fixes; filled values show when rendered."""
from __future__ import annotations

import io
import json
import shutil
from pathlib import Path

import jsonschema
import pytest
import yaml
from pypdf import PdfReader

from conftest import ROOT, SURVEY_TEST, fill_form, pdf_text, squash
from workshopkit.model.survey import SURVEY_FIELD
from workshopkit.source.project import find_sources, find_surveys
from workshopkit.source.validate import Workspace

SURVEY = SURVEY_TEST / "curricula" / "survey" / "tech.yaml"
ACCENTS = "Señora ñandú, çà, über"


def load(path: Path):
    ws = Workspace()
    return ws.load(path), [str(d) for d in ws.problems.sorted()]


def form(survey_built, langs: str) -> bytes:
    return (survey_built.out / "survey" / "tech" / f"tech-{langs}-survey.pdf").read_bytes()


def fields(data: bytes) -> dict:
    return PdfReader(io.BytesIO(data)).get_fields() or {}


# ---------------------------------------------------------------- the survey file

def test_a_survey_is_found_in_survey_folders_and_never_as_a_curriculum():
    folder = SURVEY_TEST / "curricula"
    assert SURVEY not in find_sources([folder]) and SURVEY in find_surveys([folder])
    sv, problems = load(SURVEY)
    assert problems == [] and sv.id == "tech" and sv.all_languages == ("es", "en")
    assert sv.fields() == ["apps.signal", "apps.whatsapp", "apps.other", "apps.other.text",
                           "worry", "language", "language.other.text", "years", "comments"]


BAD = """\
workshopkit: 1
languages: [es, en]
title: {es: Encuesta, en: Survey}
min_count: 3
questions:
  - id: apps
    ask: {es: "¿Qué?", en: "What?"}
    multple: true
    options:
      - {id: signal, text: Signal}
      - {id: signal, text: Signal}
      - {id: skipped, text: Saltada}
  - id: worry
    ask: {es: Cuánto, en: How much}
    scale: {min: 5, max: 1}
  - id: apps
    ask: {es: Nada, en: Nothing}
  - id: x
    ask: {es: Hola, fr: Salut}
    text: 2
"""


def test_a_survey_reports_every_problem_with_its_place(tmp_path):
    path = tmp_path / "curricula" / "survey" / "bad.yaml"
    path.parent.mkdir(parents=True)
    path.write_text(BAD, encoding="utf-8")
    sv, problems = load(path)
    assert sv is None
    text = "\n".join(problems)
    assert "bad.yaml:8:5: error: unknown key 'multple' in a question; did you mean 'multiple'?" \
        in text
    assert "bad.yaml:11:9: error: duplicate option id 'signal'" in text
    assert "bad.yaml:12:9: error: option id 'skipped' is reserved" in text
    assert "bad.yaml:15:26: error: a scale's 'max' (1) must be greater than 'min' (5)" in text
    assert "bad.yaml:16:5: error: duplicate question id 'apps'" in text
    assert "bad.yaml:16:5: error: a question needs one of: options, scale, number, text" in text
    assert "bad.yaml:19:21: error: unknown language 'fr'" in text


def test_a_worksheet_naming_an_unknown_survey_is_an_error_with_a_suggestion(tmp_path):
    shutil.copytree(SURVEY_TEST, tmp_path / "p")
    cur = tmp_path / "p" / "curricula" / "workshop.yaml"
    cur.write_text(cur.read_text(encoding="utf-8").replace("survey: tech", "survey: tecch"),
                   encoding="utf-8")
    got, problems = load(cur)
    assert got is None
    assert any("workshop.yaml:14:21: error: unknown survey 'tecch'; did you mean 'tech'?" in p
               for p in problems), problems


def test_the_published_schema_accepts_the_surveys_and_rejects_a_typo():
    from workshopkit.cli import main
    from click.testing import CliRunner

    schema = json.loads((ROOT / "schema" / "survey.schema.json").read_text(encoding="utf-8"))
    printed = CliRunner().invoke(main, ["schema", "--survey"])
    assert json.loads(printed.output) == schema
    check = jsonschema.Draft7Validator(schema)
    for path in (SURVEY, ROOT / "curricula" / "survey" / "member-tech.yaml"):
        doc = yaml.safe_load(path.read_text(encoding="utf-8"))  # no dates, no yes/no here
        assert list(check.iter_errors(doc)) == [], path
        doc["questions"][0]["multple"] = True
        assert list(check.iter_errors(doc))


def test_translate_export_writes_a_catalogue_of_the_survey(tmp_path):
    from workshopkit import api

    shutil.copytree(SURVEY_TEST, tmp_path / "p")
    written, loaded = api.translate_export([tmp_path / "p" / "curricula"], "pt")
    po = tmp_path / "p" / "curricula" / "survey" / "tech.pt.po"
    assert po in written
    text = po.read_text(encoding="utf-8")
    assert 'msgctxt "questions.apps.options.other.text"' in text and "#. survey question" in text
    rows, _ = api.translate_status([tmp_path / "p" / "curricula" / "survey"], "pt")
    assert [(r.doc.kind, r.lang, r.translated) for r in rows] == [("survey", "pt", 0)]


# ---------------------------------------------------------------- the form

@pytest.mark.parametrize("langs", ["es", "en", "es+en"])
def test_the_form_has_the_fields_format_fixes_and_no_name_field(survey_built, langs):
    sv, _ = load(SURVEY)
    data = form(survey_built, langs)
    got = fields(data)
    assert set(got) == set(sv.fields()) | {SURVEY_FIELD}
    assert str(got[SURVEY_FIELD]["/V"]) == "tech"
    assert not [n for n in got if "name" in n.lower() or "nombre" in n.lower()]
    assert sorted(got["worry"]["/_States_"]) == ["/1", "/2", "/3", "/4", "/Off"]
    assert sorted(got["language"]["/_States_"]) == ["/Off", "/en", "/es", "/other"]
    text = squash(pdf_text(data))
    for lang in langs.split("+"):
        for q in sv.questions:
            assert squash(q.ask.get(lang)) in text
    anonymous = {"es": "Estaencuestaesanónima", "en": "Thissurveyisanonymous"}
    assert all(anonymous[lang] in text for lang in langs.split("+"))
    assert squash("1. ¿Qué aplicaciones usas?" if langs != "en" else "1. Which apps") in text


def test_the_worksheet_item_puts_the_same_fields_in_the_worksheets(survey_built):
    sv, _ = load(SURVEY)
    data = (survey_built.out / "workshop" / "es" / "workshop-es-worksheets.pdf").read_bytes()
    assert set(fields(data)) == set(sv.fields()) | {SURVEY_FIELD}
    assert squash("¿Cuánto te preocupa tu seguridad?") in squash(pdf_text(data))


def _render(data: bytes):
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(data)
    doc.init_forms()
    page = doc[0]
    return page.render(scale=2, may_draw_forms=True).to_pil().convert("L"), page.get_size()


def _ink(img, rect, size) -> int:
    """Dark pixels inside a field's rectangle (PDF points, origin at the bottom left)."""
    x0, y0, x1, y1 = (float(v) for v in rect)
    sx, sy = img.width / size[0], img.height / size[1]
    box = (int(x0 * sx) + 3, int((size[1] - y1) * sy) + 3, int(x1 * sx) - 3,
           int((size[1] - y0) * sy) - 3)
    return sum(img.crop(box).histogram()[:128])


@pytest.mark.parametrize("langs", ["es", "en"])
def test_filled_values_survive_the_round_trip_and_show_when_rendered(survey_built, langs):
    blank = form(survey_built, langs)
    filled = fill_form(blank, {"apps.signal": "/Yes", "apps.other.text": ACCENTS,
                               "worry": "/3", "language": "/es"})
    got = fields(filled)
    assert got["apps.other.text"]["/V"] == ACCENTS
    assert (got["apps.signal"]["/V"], got["worry"]["/V"]) == ("/Yes", "/3")
    before, size = _render(blank)
    after, _ = _render(filled)
    rects = {}
    for annot in PdfReader(io.BytesIO(filled)).pages[0]["/Annots"]:
        a = annot.get_object()
        name = a.get("/T") or a["/Parent"].get_object()["/T"]
        rects.setdefault(name, []).append((a.get("/AS"), a["/Rect"]))
    for name in ("apps.signal", "apps.other.text"):
        (_, rect), = rects[name]
        assert _ink(after, rect, size) > _ink(before, rect, size) + 10, name
    on = [r for state, r in rects["worry"] if state == "/3"]
    off = [r for state, r in rects["worry"] if state != "/3"]
    assert _ink(after, on[0], size) > _ink(before, on[0], size) + 10
    assert all(_ink(after, r, size) == _ink(before, r, size) for r in off)


def test_a_large_print_form_has_bigger_boxes(survey_built, tmp_path):
    from workshopkit import api

    res = api.build(api.BuildRequest(paths=(survey_built.out.parent / "project" / "curricula",),
                                     out_dir=tmp_path, kinds=("survey",), languages=("es",),
                                     overrides={"large_print": True}))
    assert res.exit_code == 0, res.problems.sorted()
    big = PdfReader(next(tmp_path.rglob("tech-es*survey*.pdf")))

    def width(reader) -> float:
        for annot in reader.pages[0]["/Annots"]:
            a = annot.get_object()
            if a.get("/T") == "apps.signal":
                r = [float(v) for v in a["/Rect"]]
                return r[2] - r[0]
        raise AssertionError("no box")

    assert width(big) > width(PdfReader(io.BytesIO(form(survey_built, "es")))) * 1.3


def test_list_and_validate_name_surveys_apart_from_curricula(cli):
    from workshopkit import api

    rows, loaded = api.list_curricula([SURVEY_TEST / "curricula"])
    assert [r.id for r in rows] == ["workshop"] and loaded.exit_code == 0
    res = cli("validate", str(SURVEY_TEST / "curricula"))
    assert res.exit_code == 0 and "1 curriculum valid, 1 survey valid" in res.output
