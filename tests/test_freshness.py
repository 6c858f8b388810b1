"""Freshness of advice: 'reviewed' dates, review_after, warnings at the key, and the
"Reviewed: <date>" line on the guide cover and participant footers (FORMAT.md 1.1)."""
from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from pypdf import PdfReader

from conftest import add_comparison, pdf_text
from workshopkit.source import freshness

CURRICULUM = Path("curricula") / "local-surveillance.yaml"
CATALOG = Path("curricula") / "catalog" / "free-software.yaml"


def on_day(monkeypatch, day: str) -> None:
    monkeypatch.setattr(freshness, "today", lambda: dt.date.fromisoformat(day))


def edit(project: Path, rel: Path, old: str, new: str) -> None:
    f = project / rel
    text = f.read_text(encoding="utf-8")
    assert old in text, old
    f.write_text(text.replace(old, new, 1), encoding="utf-8")


def line_col(project: Path, rel: Path, needle: str) -> str:
    """'file:line:col' of the value after ``needle`` (which ends with 'reviewed: ')."""
    for n, line in enumerate((project / rel).read_text(encoding="utf-8").splitlines(), 1):
        if needle in line:
            return f"{rel.as_posix()}:{n}:{line.index(needle) + len(needle) + 1}"
    raise AssertionError(needle)


@pytest.fixture
def dated(example_project) -> Path:
    """The format example with a reviewed date on the curriculum, a video, a resource
    and a catalogue row (all 2025-01-31), the catalogue shown on a slide."""
    p = example_project
    add_comparison(p)
    edit(p, CURRICULUM, "updated: 2026-11-01", "updated: 2026-11-01\nreviewed: 2025-01-31")
    edit(p, CURRICULUM, "    url: https://video.example.org/w/cameras-101",
         "    url: https://video.example.org/w/cameras-101\n    reviewed: 2025-01-31")
    edit(p, CURRICULUM, "    url: https://ssd.eff.org/",
         "    url: https://ssd.eff.org/\n    reviewed: 2025-01-31")
    edit(p, CATALOG, "    free: Jitsi Meet\n", "    free: Jitsi Meet\n    reviewed: 2025-01-31\n")
    return p


def warnings(output: str) -> list[str]:
    return [l for l in output.splitlines() if ": warning: " in l]


def test_old_reviewed_dates_warn_at_their_key(cli, dated, monkeypatch):
    on_day(monkeypatch, "2026-11-30")
    res = cli("validate", "curricula", cwd=dated)
    assert res.exit_code == 0, res.output
    found = warnings(res.output)
    assert len(found) == 4, res.output
    where = {w.split(": warning: ")[0] for w in found}
    assert where == {line_col(dated, CURRICULUM, "reviewed: "),
                     line_col(dated, CURRICULUM, "    reviewed: "),
                     _nth(dated, CURRICULUM, "    reviewed: ", 2),
                     line_col(dated, CATALOG, "    reviewed: ")}, found
    assert any("video 'cameras-101'" in w for w in found)
    assert any("resource 'Surveillance Self-Defense'" in w for w in found)
    assert all("2025-01-31" in w and "12 months" in w for w in found)
    assert "no 'reviewed' date" not in res.output


def _nth(project: Path, rel: Path, needle: str, nth: int) -> str:
    seen = 0
    for n, line in enumerate((project / rel).read_text(encoding="utf-8").splitlines(), 1):
        if needle in line:
            seen += 1
            if seen == nth:
                return f"{rel.as_posix()}:{n}:{line.index(needle) + len(needle) + 1}"
    raise AssertionError(needle)


def test_a_recent_date_is_quiet_and_review_after_sets_the_months(cli, dated, monkeypatch):
    on_day(monkeypatch, "2026-01-31")  # exactly 12 months: still fine
    assert not warnings(cli("validate", "curricula", cwd=dated).output)
    on_day(monkeypatch, "2026-02-01")
    assert len(warnings(cli("validate", "curricula", cwd=dated).output)) == 4
    (dated / "workshopkit.yaml").write_text("review_after: 24\n", encoding="utf-8")
    assert not warnings(cli("validate", "curricula", cwd=dated).output)
    on_day(monkeypatch, "2027-02-01")
    res = cli("validate", "curricula", cwd=dated)
    assert len(warnings(res.output)) == 4 and "24 months" in res.output


def test_strict_turns_an_old_review_into_a_failure(cli, dated, monkeypatch):
    on_day(monkeypatch, "2026-11-30")
    res = cli("validate", "--strict", "curricula", cwd=dated)
    assert res.exit_code == 1, res.output
    on_day(monkeypatch, "2025-06-01")
    res = cli("validate", "--strict", "curricula", cwd=dated)
    assert res.exit_code == 0, res.output


def test_a_curriculum_without_reviewed_gets_a_note_not_a_warning(cli, example_project):
    res = cli("validate", "--strict", "curricula", cwd=example_project)
    assert res.exit_code == 0, res.output
    assert re.search(r"local-surveillance\.yaml:\d+:\d+: note: no 'reviewed' date", res.output)


def test_review_after_is_validated(cli, example_project):
    (example_project / "workshopkit.yaml").write_text("review_after: 0\n", encoding="utf-8")
    res = cli("validate", "curricula", cwd=example_project)
    assert res.exit_code == 1
    assert "workshopkit.yaml:1:15" in res.output, res.output


def test_reviewed_must_be_a_date(cli, example_project):
    edit(example_project, CURRICULUM, "updated: 2026-11-01", "updated: 2026-11-01\nreviewed: soon")
    res = cli("validate", "curricula", cwd=example_project)
    assert res.exit_code == 1
    assert line_col(example_project, CURRICULUM, "reviewed: ") in res.output, res.output


def test_outputs_print_the_date_and_never_depend_on_the_day(cli, dated, monkeypatch):
    on_day(monkeypatch, "2025-03-01")
    res = cli("build", "curricula", "-o", "a", "--lang", "es", "--only",
              "guide,worksheets,videos,agenda", cwd=dated)
    assert res.exit_code == 0 and not warnings(res.output), res.output
    on_day(monkeypatch, "2026-11-30")
    res = cli("build", "curricula", "-o", "b", "--lang", "es", "--only",
              "guide,worksheets,videos,agenda", cwd=dated)
    assert res.exit_code == 0 and len(warnings(res.output)) == 4, res.output
    a = sorted((dated / "a").rglob("*.pdf"))
    assert len(a) == 4
    for f in a:
        assert f.read_bytes() == (dated / "b" / f.relative_to(dated / "a")).read_bytes(), f
        pages = PdfReader(f).pages
        assert all("Revisado: 2025-01-31" in p.extract_text() for p in pages), f.name
    guide = next(f for f in a if f.name.endswith("-guide.pdf"))
    cover = PdfReader(guide).pages[0].extract_text()
    assert re.search(r"Revisión\s+2025-01-31", cover), cover


def test_no_reviewed_line_without_a_date(cli, example_project):
    res = cli("build", "curricula", "-o", "out", "--lang", "en", "--only", "guide,worksheets",
              cwd=example_project)
    assert res.exit_code == 0, res.output
    for f in (example_project / "out").rglob("*.pdf"):
        assert "Reviewed" not in pdf_text(f.read_bytes())


def test_the_record_is_replayed_on_its_day_only(cli, dated, monkeypatch):
    args = ("build", "curricula", "-o", "out", "--lang", "en", "--only", "agenda")
    on_day(monkeypatch, "2025-03-01")
    assert not warnings(cli(*args, cwd=dated).output)
    again = cli(*args, cwd=dated)
    assert "1 up to date" in again.output and not warnings(again.output), again.output
    on_day(monkeypatch, "2026-11-30")  # nothing changed but the day: the review is now old
    later = cli(*args, cwd=dated)
    assert later.exit_code == 0 and len(warnings(later.output)) == 4, later.output


@pytest.mark.parametrize("reviewed,months,day,old", [
    ("2025-01-31", 1, "2025-02-28", False),   # a shorter month: its last day still counts
    ("2025-01-31", 1, "2025-03-01", True),
    ("2024-02-29", 12, "2025-02-28", False),  # leap day
    ("2024-02-29", 12, "2025-03-01", True),
    ("2026-10-15", 12, "2027-10-15", False),
    ("2026-10-15", 12, "2027-10-16", True),
    ("9999-12-31", 120, "9999-12-31", False),
])
def test_months_are_calendar_months(reviewed, months, day, old):
    assert freshness.older_than(dt.date.fromisoformat(reviewed), months,
                                dt.date.fromisoformat(day)) is old


def test_an_old_date_taken_with_from_warns_when_only_the_assembled_workshop_is_built(
        cli, tmp_path, monkeypatch):
    """The video an activity brings along prints its old 'reviewed' date in the
    assembled workshop's guide: validating or building that workshop alone says so."""
    cur = tmp_path / "curricula"
    cur.mkdir()
    (cur / "src.yaml").write_text(
        "workshopkit: 1\nid: src\nlanguages: [en]\ntitle: Source\nreviewed: 2026-10-01\n"
        "videos:\n  pw:\n    title: Passwords\n    url: https://video.example.org/w/pw\n"
        "    duration: 3m\n    reviewed: 2024-02-01\n"
        "sessions:\n  - id: s\n    title: S\n    activities:\n"
        "      - {id: a, title: A, phase: input, duration: 10m, slides: [{video: pw}]}\n",
        encoding="utf-8")
    (cur / "mix.yaml").write_text(
        "workshopkit: 1\nid: mix\nlanguages: [en]\ntitle: Mix\nreviewed: 2026-10-01\n"
        "sessions:\n  - id: one\n    title: One\n    activities:\n      - from: src/s/a\n",
        encoding="utf-8")
    on_day(monkeypatch, "2026-11-30")
    res = cli("validate", "curricula/mix.yaml", cwd=tmp_path)
    assert res.exit_code == 0, res.output
    assert "curricula/src.yaml:11:15: warning: video 'pw' was last reviewed on 2024-02-01" \
        in res.output
    both = cli("validate", "curricula", cwd=tmp_path).output  # reached twice, said once
    assert both.count("was last reviewed on 2024-02-01") == 1, both
