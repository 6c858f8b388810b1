"""Bad ``from:`` references: each error is reported at the from: value, with its line and
column, a did-you-mean where a name is unknown, and nothing is built."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conftest import DATA

PROJECT = DATA / "reuse"

HEAD = """workshopkit: 1
id: bad
languages: [es, en]
title: {es: Malo, en: Bad}
sessions:
  - id: s
    title: {es: S, en: S}
    activities:
"""
"""A curriculum whose first activity (line 9) is written by each case: 'from: ' puts its
value at column 15."""


@pytest.fixture
def project(tmp_path, monkeypatch) -> Path:
    dst = tmp_path / "p"
    shutil.copytree(PROJECT, dst)
    monkeypatch.chdir(dst)
    return dst


def check(cli, text: str, strict: bool = False, name: str = "bad.yaml"):
    Path("curricula", name).write_text(text, encoding="utf-8")
    args = ["validate", *(["--strict"] if strict else []), f"curricula/{name}"]
    res = cli(*args)
    return res.exit_code, [ln for ln in res.output.splitlines() if ": error: " in ln
                           or ": warning: " in ln]


CASES = {
    "unknown curriculum": (
        "      - from: neighborhood/morning/walk\n",
        "curricula/bad.yaml:9:15: error: unknown curriculum 'neighborhood'; "
        "did you mean 'neighbourhood'?"),
    "unknown curriculum, nothing close": (
        "      - from: zzz/morning/walk\n",
        "curricula/bad.yaml:9:15: error: unknown curriculum 'zzz' (the project's curricula: "
        "mix, neighbourhood, other, risks)"),
    "unknown session": (
        "      - from: neighbourhood/mornin/walk\n",
        "curricula/bad.yaml:9:15: error: curriculum 'neighbourhood' has no session 'mornin'; "
        "did you mean 'morning'?"),
    "a session of another curriculum": (
        "      - from: neighbourhood/afternoon/matrix\n",
        "curricula/bad.yaml:9:15: error: curriculum 'neighbourhood' has no session "
        "'afternoon'; did you mean 'risks/afternoon'?"),
    "unknown activity": (
        "      - from: neighbourhood/morning/wlak\n",
        "curricula/bad.yaml:9:15: error: session 'neighbourhood/morning' has no activity "
        "'wlak'; did you mean 'walk'?"),
    "an activity of another curriculum": (
        "      - from: neighbourhood/morning/matrix\n",
        "curricula/bad.yaml:9:15: error: session 'neighbourhood/morning' has no activity "
        "'matrix'; did you mean 'risks/afternoon/matrix'?"),
    "a break": (
        "      - from: neighbourhood/morning/pause\n",
        "curricula/bad.yaml:9:15: error: 'neighbourhood/morning/pause' is a break: a break "
        "is not taken from another curriculum; write one here (id, break: true, duration)"),
    "a session where an activity goes": (
        "      - from: neighbourhood/morning\n",
        "curricula/bad.yaml:9:15: error: 'neighbourhood/morning' names a session; an activity "
        "is named <curriculum>/<session>/<activity> (a whole session goes under 'sessions')"),
    "itself": (
        "      - from: bad/s/x\n",
        "curricula/bad.yaml:9:15: error: 'bad/s/x' is in this curriculum: a curriculum takes "
        "sessions and activities from others only"),
    "an override the target cannot have": (
        "      - from: neighbourhood/morning/walk\n        day: 2\n",
        "curricula/bad.yaml:9:15: error: 'day' (line 10) cannot override an activity taken "
        "with 'from:': an activity has no 'day'"),
    "an activity made a break": (
        "      - from: neighbourhood/morning/walk\n        break: true\n",
        "curricula/bad.yaml:9:15: error: 'break' (line 10) cannot override an activity taken "
        "with 'from:': it is an activity, not a break"),
    "the same activity twice": (
        "      - from: neighbourhood/morning/walk\n      - from: neighbourhood/morning/walk\n",
        "curricula/bad.yaml:10:15: error: duplicate activity id 'walk' (first at line 9)"),
}


@pytest.mark.parametrize("case", list(CASES))
def test_each_error_is_at_the_from_value(project, cli, case):
    body, expected = CASES[case]
    code, lines = check(cli, HEAD + body)
    assert code == 1
    assert lines == [expected]
    assert not (project / "build").exists()


def test_a_session_override_the_session_cannot_have(project, cli):
    text = HEAD.split("  - id: s")[0] + "  - from: neighbourhood/morning\n    phase: input\n"
    code, lines = check(cli, text)
    assert code == 1
    assert lines == ["curricula/bad.yaml:6:11: error: 'phase' (line 7) cannot override a "
                     "session: a session has no 'phase'"]  # no suggestion: 'phase' is no typo


def test_an_activity_where_a_session_goes(project, cli):
    text = HEAD.split("  - id: s")[0] + "  - from: neighbourhood/morning/walk\n"
    code, lines = check(cli, text)
    assert lines == ["curricula/bad.yaml:6:11: error: 'neighbourhood/morning/walk' names an "
                     "activity; a session is named <curriculum>/<session> (an activity goes "
                     "under a session's 'activities')"]


def test_a_typo_beside_from_is_an_unknown_key_with_a_suggestion(project, cli):
    code, lines = check(cli, HEAD + "      - from: neighbourhood/morning/walk\n        titel: X\n")
    assert lines == ["curricula/bad.yaml:10:9: error: unknown key 'titel' in an activity "
                     "taken with 'from:'; did you mean 'title'?"]


def test_a_cycle_names_the_chain_in_every_curriculum_on_it(project, cli):
    Path("curricula/loop-b.yaml").write_text(
        HEAD.replace("id: bad", "id: loop-b") + "      - from: loop-a/s/x\n        id: y\n",
        encoding="utf-8")
    Path("curricula/loop-a.yaml").write_text(
        HEAD.replace("id: bad", "id: loop-a") + "      - from: loop-b/s/y\n        id: x\n",
        encoding="utf-8")
    code, lines = check(cli, HEAD + "      - from: loop-a/s/x\n")
    assert code == 1
    assert lines == ["curricula/bad.yaml:9:15: error: cannot take 'loop-a/s/x': "
                     "curricula/loop-a.yaml has errors (first: curricula/loop-a.yaml:9:15: "
                     "error: reference cycle: loop-a → loop-b → loop-a)"]
    res = cli("validate", "curricula/loop-a.yaml", "curricula/loop-b.yaml")
    assert res.exit_code == 1
    assert "curricula/loop-a.yaml:9:15: error: reference cycle: loop-a → loop-b → loop-a" \
        in res.output
    assert "curricula/loop-b.yaml:9:15: error: reference cycle: loop-b → loop-a → loop-b" \
        in res.output


def test_a_source_with_errors_is_named_at_the_from_value(project, cli):
    src = Path("curricula/risks.yaml")
    src.write_text(src.read_text(encoding="utf-8").replace("phase: synthesis",
                                                           "phase: synthesys"), encoding="utf-8")
    code, lines = check(cli, HEAD + "      - from: risks/afternoon/matrix\n")
    assert code == 1
    assert len(lines) == 1
    assert lines[0].startswith("curricula/bad.yaml:9:15: error: cannot take "
                               "'risks/afternoon/matrix': curricula/risks.yaml has errors "
                               "(first: curricula/risks.yaml:")


def test_a_language_the_source_lacks_is_a_gap_at_the_from_value(project, cli):
    text = (HEAD.replace("[es, en]", "[es, en, pt]").replace("{es: S, en: S}", "S")
            .replace("{es: Malo, en: Bad}", "Malo") + "      - from: risks/afternoon/close\n")
    code, lines = check(cli, text)
    assert code == 0
    assert lines == ["curricula/bad.yaml:9:15: warning: 'risks/afternoon/close' has no 'pt' "
                     "translation for 2 texts (first: sessions.afternoon.activities.close.title, "
                     "at curricula/risks.yaml:24:16); the 'es' text is used"]
    code, _ = check(cli, text, strict=True)
    assert code == 1


def test_a_declared_duration_is_checked_against_the_assembled_sum(project, cli):
    text = HEAD.replace("title: {es: Malo, en: Bad}", "title: {es: Malo, en: Bad}\nduration: 1h")
    text += "      - from: risks/afternoon/close\n        duration: 15m\n"
    code, lines = check(cli, text)
    assert code == 0
    assert lines == ["curricula/bad.yaml:5:11: warning: declared duration 1h00m differs from "
                     "the sum of its activities, 15m"]
    code, _ = check(cli, text, strict=True)
    assert code == 1


def test_a_session_taken_whole_checks_a_duration_written_beside_it(project, cli):
    text = HEAD.split("  - id: s")[0] + "  - from: neighbourhood/morning\n    duration: 50m\n"
    code, lines = check(cli, text)
    assert code == 0
    assert lines == ["curricula/bad.yaml:7:15: warning: session 'morning': declared duration "
                     "50m differs from the sum of its activities, 1h00m"]


def test_a_bad_reference_writes_nothing_and_others_still_build(project, cli):
    Path("curricula/bad.yaml").write_text(HEAD + "      - from: risks/afternoon/lunch\n",
                                          encoding="utf-8")
    res = cli("build", "curricula/bad.yaml", "curricula/other.yaml", "-o", "out", "--only",
              "agenda", "--lang", "en", "-j", "1")
    assert res.exit_code == 1
    assert "curricula/bad.yaml:9:15: error: 'risks/afternoon/lunch' is a break" in res.output
    assert not (project / "out" / "bad").exists()
    assert (project / "out" / "other" / "en" / "other-en-agenda.pdf").is_file()
