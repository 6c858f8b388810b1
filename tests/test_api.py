"""The library façade: the command line's work as plain calls, results and exceptions."""
from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path

import pytest

from workshopkit import api
from workshopkit.errors import Interrupted, UsageError, WorkshopkitError

ID = "local-surveillance"


def request(project: Path, **kw) -> api.BuildRequest:
    return api.BuildRequest(paths=(project / "curricula",), out_dir=project / "out", **kw)


def test_build_returns_what_it_did(example_project):
    result = api.build(request(example_project, kinds=("slides",), languages=("es",)))
    deck = example_project / "out" / ID / "es" / f"{ID}-es-slides.pptx"
    assert result.written == [deck] and deck.is_file()
    assert result.exit_code == 0 and result.slides > 0 and not result.from_record
    again = api.build(request(example_project, kinds=("slides",), languages=("es",)))
    assert again.from_record and again.up_to_date == [deck] and again.written == []
    assert again.slides == result.slides
    assert again.summary() == (f"{example_project / 'out'}: 0 files written, 1 up to date; "
                               f"{result.slides} slides, 0 pages, 0 warnings")


def test_build_reports_bad_input_in_the_result(example_project):
    cur = example_project / "curricula" / f"{ID}.yaml"
    cur.write_text(cur.read_text("utf-8").replace("level: intro", "level: expert"), "utf-8")
    result = api.build(request(example_project, kinds=("slides",)))
    assert result.exit_code == 1 and result.failed and not result.written
    assert any(d.severity == "error" and d.pos.line for d in result.problems)
    assert not (example_project / "out" / ID).exists()


def test_requests_are_checked():
    base = api.BuildRequest(paths=(Path("x"),))
    checked = api.BuildRequest(paths=("x",), kinds="slides, guide", languages=("es,en", "pt"),
                               bilingual="es,en", overrides={"start": "9:30", "paper": None},
                               jobs=0).checked()
    assert checked.kinds == ("slides", "guide") and checked.languages == ("es", "en", "pt")
    assert checked.bilingual == ("es", "en") and checked.overrides == {"start": dt.time(9, 30)}
    assert checked.jobs == 1 and checked.paths == (Path("x"),)
    assert checked.checked() == checked
    for bad, param in [({"kinds": ("posters",)}, "--only"), ({"bilingual": "es"}, "--bilingual"),
                       ({"bilingual": "es,es"}, "--bilingual"),
                       ({"overrides": {"start": "25:00"}}, "--start")]:
        with pytest.raises(UsageError) as err:
            api.BuildRequest(**{**base.__dict__, **bad}).checked()
        assert err.value.param == param and err.value.exit_code == 2


def test_validate_and_list(example_project):
    loaded = api.validate([example_project / "curricula"], strict=True)
    assert loaded.exit_code == 0 and [c.id for c in loaded.curricula] == [ID]
    rows, loaded = api.list_curricula([example_project / "curricula"])
    assert [(r.id, r.languages, r.sessions) for r in rows] == [(ID, "es,en", "1")]
    missing = api.validate([example_project / "nope.yaml"])
    assert missing.exit_code == 1 and missing.failed


def test_new_raises_with_exit_codes(tmp_path):
    path = api.new("taller", "es,en", tmp_path)
    assert path == tmp_path / "taller.yaml" and path.is_file()
    with pytest.raises(WorkshopkitError) as err:
        api.new("taller", "es", tmp_path)
    assert err.value.exit_code == 1 and "file exists" in str(err.value)
    with pytest.raises(UsageError):
        api.new("Bad_Id", "es", tmp_path)


def test_translate_through_the_facade(example_project):
    with pytest.raises(UsageError) as err:
        api.translate_export([example_project / "curricula"], "p t")
    assert err.value.param == "--lang"
    with pytest.raises(UsageError):
        api.translate_export([example_project / "curricula"], None)
    written, loaded = api.translate_export([example_project / "curricula"], "pt")
    assert loaded.exit_code == 0 and any(p.name == f"{ID}.pt.po" for p in written)
    rows, _loaded = api.translate_status([example_project / "curricula"], ["pt"])
    assert rows and all(r.percent < 100 for r in rows)


def test_schema():
    assert api.schema()["$schema"] == "http://json-schema.org/draft-07/schema#"


def test_exceptions_carry_their_exit_codes():
    assert (WorkshopkitError([]).exit_code, UsageError("x").exit_code,
            Interrupted().exit_code) == (1, 2, 130)


def test_ctrl_c_exits_130_in_one_line(tmp_path):
    code = ("import sys, workshopkit.api as a, workshopkit.cli as c\n"
            "def stop(*_a, **_k):\n    raise KeyboardInterrupt\n"
            "a.validate = stop\nsys.argv = ['workshopkit', 'validate', '.']\nc.run()\n")
    res = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, capture_output=True,
                         text=True)
    assert res.returncode == 130 and res.stderr.strip() == "interrupted"
