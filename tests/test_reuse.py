"""``from:``: sessions and activities taken from other curricula of the project.

The test project (tests/data/reuse) has two source curricula (neighbourhood, risks), one
that assembles a workshop from them (mix) and one that has nothing to do with them (other).
"""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from conftest import DATA, load_curriculum, pdf_text

PROJECT = DATA / "reuse"


@pytest.fixture(scope="module")
def mix():
    return load_curriculum(PROJECT / "curricula" / "mix.yaml")


@pytest.fixture
def project(tmp_path, monkeypatch) -> Path:
    dst = tmp_path / "p"
    shutil.copytree(PROJECT, dst)
    monkeypatch.chdir(dst)
    return dst


def test_a_whole_session_and_single_activities_with_overrides(mix):
    assert [(s.id, [a.id for a in s.activities]) for s in mix.sessions] == [
        ("morning", ["walk", "talk", "pause"]), ("later", ["matrix", "close"])]
    matrix = mix.sessions[1].activities[0]
    assert matrix.minutes == 25 and matrix.title.get("en") == "Our matrix"  # overridden
    assert matrix.phase == "input" and matrix.worksheet[0].risk_matrix is not None  # kept
    assert mix.minutes == 95 and mix.declared_minutes == 95


def test_what_an_activity_brings_keeps_its_translations(mix):
    walk = mix.sessions[0].activities[0]
    assert [sl.title.get("en") for sl in walk.slides if sl.title] == ["Cameras we saw"]
    assert walk.slides[0].notes.get("en") == "Each group reports."
    assert walk.worksheet[0].prompt.get("es") == "¿Dónde viste cámaras?"
    # the English of these notes is only in the source's neighbourhood.en.po
    assert walk.notes.values == {"es": "Sugiere un recorrido corto."}
    assert walk.notes.get("en") == "Suggest a short route."
    assert walk.notes.owner is not mix.translations
    # an override is the assembling curriculum's own text
    assert mix.sessions[1].activities[0].title.owner is mix.translations


def test_care_notes_of_the_source_go_with_what_is_taken(mix):
    morning = mix.sessions[0]
    assert morning.wellbeing.get("en") == "Offer breaks when needed."  # the session's own
    assert morning.opsec.get("en") == "Destroy the maps afterwards."  # its curriculum's


def test_videos_catalogues_terms_and_resources_come_along(mix):
    # both sources call a video 'cameras': the second one is renamed, its slide follows
    assert {k: v.url.get("en") for k, v in mix.videos.items()} == {
        "cameras": "https://video.example.org/w/cameras",
        "risks-cameras": "https://video.example.org/w/other"}
    assert mix.sessions[0].activities[0].slides[1].video == "cameras"
    assert mix.sessions[1].activities[0].slides[0].video == "risks-cameras"
    assert list(mix.catalogs) == ["tools"]
    # 'Metadata' is mentioned by the walk, but mix has its own: no duplicate
    assert [t.definition.get("en") for t in mix.glossary] == ["What your data says."]
    assert mix.resources == []  # the source's resource is mentioned nowhere it was taken


def test_a_mentioned_term_and_resource_are_added_once(project):
    src = project / "curricula" / "neighbourhood.yaml"
    src.write_text(src.read_text(encoding="utf-8").replace(
        "Conversen sobre el mapa.", "Conversen sobre los antecedentes y Surveillance "
        "Self-Defense."), encoding="utf-8")
    cur = load_curriculum(project / "curricula" / "mix.yaml")
    assert [t.term.get("en") for t in cur.glossary] == ["Metadata", "Records"]
    assert [r.url.get("en") for r in cur.resources] == ["https://ssd.eff.org/"]


def test_every_file_read_is_an_input_of_the_assembled_curriculum(mix):
    names = {p.name for p in mix.inputs}
    assert {"mix.yaml", "neighbourhood.yaml", "neighbourhood.en.po", "risks.yaml",
            "tools.yaml"} <= names
    assert "other.yaml" not in names


def test_taken_at_any_depth(project):
    deep = project / "curricula" / "deep.yaml"
    deep.write_text("workshopkit: 1\nid: deep\nlanguages: [es, en]\ntitle: Hondo\n"
                    "sessions:\n  - from: mix/later\n", encoding="utf-8")
    cur = load_curriculum(deep)
    assert [a.id for a in cur.sessions[0].activities] == ["matrix", "close"]
    assert cur.sessions[0].activities[0].title.get("en") == "Our matrix"
    assert set(cur.sources) == {"mix", "neighbourhood", "risks"}
    assert "risks-cameras" in cur.videos


def test_adids_hints_for_an_assembled_workshop(project, cli):
    bad = project / "curricula" / "hints.yaml"
    bad.write_text("""workshopkit: 1
id: hints
languages: [es, en]
title: Pistas
sessions:
  - id: s
    title: S
    activities:
      - from: risks/afternoon/matrix
      - from: risks/afternoon/matrix
        id: again
        duration: 20m
""", encoding="utf-8")
    res = cli("validate", "--strict", "curricula/hints.yaml")
    assert res.exit_code == 0, res.output  # notes only
    notes = [ln for ln in res.output.splitlines() if ": note: " in ln and "ADIDS" in ln]
    assert notes == [
        "curricula/hints.yaml:1:1: note: the assembled workshop has no synthesis activity: "
        "participants need a moment to gather what they learnt and plan what they will do "
        "(ADIDS)",
        "curricula/hints.yaml:10:15: note: two inputs in a row, 'matrix' and 'again', last 50 "
        "minutes together: put an activity or a discussion between them (ADIDS)"]
    bad.write_text(bad.read_text(encoding="utf-8").replace("20m", "15m") +
                   "      - from: risks/afternoon/close\n", encoding="utf-8")
    res = cli("validate", "curricula/hints.yaml")
    assert "ADIDS" not in res.output and res.exit_code == 0, res.output


# ------------------------------------------------------------------ list --activities

def test_list_activities(project, cli):
    res = cli("list", "--activities", "curricula")
    assert res.exit_code == 0, res.output
    lines = res.output.splitlines()
    assert lines[0].split() == ["ACTIVITY", "PHASE", "DURATION", "LANGUAGES", "TITLE"]
    rows = [ln.split() for ln in lines[1:]]
    assert ["risks/afternoon/matrix", "input", "30", "min", "es,en", "Matriz", "de",
            "riesgos"] in rows
    refs = [r[0] for r in rows]
    assert "neighbourhood/morning/pause" not in refs  # breaks are not taken
    assert "mix/later/matrix" in refs and "other/s/a" in refs
    res = cli("list", "--activities", "--phase", "synthesis", "curricula")
    assert [ln.split()[0] for ln in res.output.splitlines()[1:]] == [
        "mix/later/close", "risks/afternoon/close"]


def test_list_activities_json_and_language(project, cli):
    res = cli("list", "--activities", "--json", "--lang", "en", "--phase", "activity",
              "curricula")
    assert res.exit_code == 0, res.output
    rows = json.loads(res.stdout)
    assert [(r["ref"], r["phase"], r["minutes"], r["languages"], r["title"]) for r in rows] == [
        ("mix/morning/walk", "activity", 20, ["es", "en"], "Camera walk"),
        ("neighbourhood/morning/walk", "activity", 20, ["es", "en"], "Camera walk")]
    src = project / "curricula" / "neighbourhood.en.po"
    src.unlink()  # the walk's notes lose their English
    res = cli("list", "--activities", "--json", "--lang", "en", "--phase", "activity",
              "curricula")
    assert json.loads(res.stdout) == []
    res = cli("list", "--activities", "--json", "--phase", "activity", "curricula")
    assert {r["ref"]: r["languages"] for r in json.loads(res.stdout)} == {
        "mix/morning/walk": ["es"], "neighbourhood/morning/walk": ["es"]}


def test_list_options_are_checked(project, cli):
    assert cli("list", "--phase", "input").exit_code == 2
    res = cli("list", "--activities", "--phase", "inputs")
    assert res.exit_code == 2 and "'inputs' is not a phase" in res.output


# ------------------------------------------------------------------ translation

def test_translate_export_writes_only_the_curriculum_s_own_texts(project, cli):
    res = cli("translate", "export", "--lang", "pt", "curricula/mix.yaml")
    assert res.exit_code == 0, res.output
    po = (project / "curricula" / "mix.pt.po").read_text(encoding="utf-8")
    ctxts = sorted(ln.split('"')[1] for ln in po.splitlines() if ln.startswith("msgctxt"))
    assert ctxts == ["glossary.definition", "glossary.term", "sessions.later.activities.matrix.title",
                     "sessions.later.title", "title"]
    assert not (project / "curricula" / "neighbourhood.pt.po").exists()


def test_translate_status_reports_taken_texts_where_they_are_written(project, cli):
    (project / "curricula" / "neighbourhood.en.po").unlink()
    res = cli("translate", "status", "--lang", "en", "curricula/mix.yaml")
    assert "curricula/mix.yaml: en: " in res.output
    missing = [ln.strip() for ln in res.output.splitlines() if "missing" in ln]
    assert missing == ["curricula/neighbourhood.yaml:22:16: missing: en: "
                       "sessions.morning.activities.walk.notes (taken with from:: translate "
                       "it in that file or its .po catalogues)"]


# ------------------------------------------------------------------ incremental builds

def test_editing_a_source_rebuilds_what_takes_from_it_and_nothing_else(project):
    from workshopkit import api

    def build() -> set[str]:
        res = api.build(api.BuildRequest(paths=(Path("curricula"),), out_dir=Path("out"),
                                         kinds=("worksheets",), languages=("en",), jobs=1))
        assert res.exit_code == 0, [str(d) for d in res.problems]
        return {p.parent.parent.name for p in res.written}

    assert build() == {"mix", "neighbourhood", "risks", "other"}
    assert build() == set()
    src = project / "curricula" / "risks.yaml"
    src.write_text(src.read_text(encoding="utf-8").replace("Leak of the list",
                                                           "Leak of the member list"),
                   encoding="utf-8")
    assert build() == {"mix", "risks"}
    sheet = pdf_text((project / "out/mix/en/mix-en-worksheets.pdf").read_bytes())
    assert "Leak of the member list" in sheet
    po = project / "curricula" / "neighbourhood.en.po"
    po.write_text(po.read_text(encoding="utf-8").replace("Suggest a short route.",
                                                         "Suggest a shorter route."),
                  encoding="utf-8")
    assert build() == {"mix", "neighbourhood"}
