"""A worksheet's `survey: <id>` in the participant web edition: the survey's questions as
form fields named like its PDF form's, never just the survey id."""
from __future__ import annotations

import re
import shutil

from conftest import SURVEY_TEST
from workshopkit.errors import Problems
from workshopkit.source.surveys import load_survey
from workshopkit.source.validate import Workspace


def test_survey_item_is_a_form_with_the_survey_field_names(tmp_path):
    from workshopkit import api

    shutil.copytree(SURVEY_TEST, tmp_path / "p")
    res = api.build(api.BuildRequest(paths=(tmp_path / "p" / "curricula" / "workshop.yaml",),
                                     out_dir=tmp_path / "out", kinds=("web",), languages=("en",),
                                     jobs=1))
    assert res.exit_code == 0
    html = (tmp_path / "out" / "workshop" / "en" / "workshop-en.html").read_text("utf-8")
    survey = load_survey(Workspace(Problems()),
                         tmp_path / "p" / "curricula" / "survey" / "tech.yaml")
    names = set(re.findall(r'<(?:input|textarea)[^>]* name="([^"]+)"', html))
    assert set(survey.fields()) <= names
    for q in survey.questions:
        assert q.ask.get("en") in html
    ids = re.findall(r' id="([^"]+)"', html)
    labelled = set(re.findall(r'<label[^>]* for="([^"]+)"', html))
    for fid in re.findall(r'<(?:input|textarea)[^>]* id="([^"]+)"', html):
        assert fid in labelled
    assert len(ids) == len(set(ids))
