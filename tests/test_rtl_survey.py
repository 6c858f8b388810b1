"""A survey with a right-to-left language: its form PDF in that language is left out with
advice that fits a survey, and ``tally`` writes the counts and the other languages'
reports but no report PDF in that language (reversed text is never printed)."""
from __future__ import annotations

from pathlib import Path

import pytest

SURVEY = """workshopkit: 1
languages: [ar, en]
title: {ar: استبيان, en: Survey}
min_count: 1
questions:
  - id: worry
    ask: {ar: كم تقلق؟, en: How worried?}
    scale: {min: 1, max: 3}
"""


@pytest.fixture
def project(tmp_path) -> Path:
    (tmp_path / "curricula" / "survey").mkdir(parents=True)
    (tmp_path / "curricula" / "survey" / "rtl.yaml").write_text(SURVEY, encoding="utf-8")
    (tmp_path / "typed.csv").write_text("worry\n2\n3\n2\n", encoding="utf-8")
    return tmp_path


def test_tally_writes_no_report_in_a_right_to_left_language(project, cli):
    res = cli("tally", "rtl", "typed.csv", "-o", "out", cwd=project)
    assert res.exit_code == 0, res.output
    assert sorted(p.name for p in (project / "out").iterdir()) == [
        "rtl-en-report.pdf", "rtl-tally.csv"]
    assert ("curricula/survey/rtl.yaml: warning: the 'report' output cannot be made in "
            "Arabic ('ar')") in res.output
    assert "the counts are in rtl-tally.csv" in res.output
    assert "worry,2,2" in (project / "out" / "rtl-tally.csv").read_text(encoding="utf-8")


def test_the_survey_form_refusal_gives_advice_for_a_survey(project, cli):
    res = cli("build", "curricula/survey/rtl.yaml", "-j", "1", cwd=project)
    assert res.exit_code == 0, res.output
    assert "the 'survey' output cannot be made in Arabic ('ar')" in res.output
    assert "workshopkit tally rtl --template" in res.output and "web edition" not in res.output
    assert (project / "build" / "survey" / "rtl" / "rtl-en-survey.pdf").exists()
