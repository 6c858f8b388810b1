"""The staleness record: content, not timestamps; requests; what it does with bad files."""
from __future__ import annotations

import json
import os
import re
import shutil
from pathlib import Path

import pytest

from workshopkit.build import cache as cachemod
from workshopkit.build import fingerprint
from workshopkit.build.cache import CACHE_NAME, Cache, freeze, thaw
from workshopkit.build.fingerprint import digest_bytes
from workshopkit.errors import Diagnostic, Pos

OLD = 10 ** 18  # an mtime (ns) long past: trusted by stat alone


def aged(path: Path, mtime: int = OLD) -> os.stat_result:
    os.utime(path, ns=(mtime, mtime))
    return os.stat(path)


def test_unchanged_stat_is_trusted_without_reading(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text("one", "utf-8")
    aged(f)
    c = Cache(tmp_path)
    assert c.digest(f) == digest_bytes(b"one")
    c.files[str(f)][2] = "pretend"  # a trusted entry is not read again
    assert c.digest(f) == "pretend"


def test_a_changed_file_is_compared_by_content(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text("one", "utf-8")
    aged(f)
    c = Cache(tmp_path)
    c.digest(f)
    f.write_text("two", "utf-8")
    aged(f, OLD + 1)
    assert c.digest(f) == digest_bytes(b"two")
    f.write_text("two", "utf-8")  # touched, same content: same digest
    aged(f, OLD + 2)
    assert c.digest(f) == digest_bytes(b"two")
    f.unlink()
    assert c.digest(f) is None


def test_a_file_recorded_just_after_its_change_is_not_trusted_by_stat(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text("one", "utf-8")  # modified now: within the racy second
    c = Cache(tmp_path)
    c.digest(f)
    assert c.files[str(f)][3] is False
    st = os.stat(f)
    f.write_text("two", "utf-8")  # same size, and the same mtime as recorded
    os.utime(f, ns=(st.st_atime_ns, st.st_mtime_ns))
    assert c.digest(f) == digest_bytes(b"two")


def test_targets_are_fresh_only_with_the_same_key_and_bytes(tmp_path):
    out = tmp_path / "o.pdf"
    out.write_bytes(b"%PDF")
    c = Cache(tmp_path)
    c.record_target(out, "k1", digest_bytes(b"%PDF"), pages=1)
    assert c.target_fresh(out, "k1") and not c.target_fresh(out, "k2")
    out.write_bytes(b"%PDF edited")
    assert not c.target_fresh(out, "k1")


def test_the_record_survives_a_round_trip(tmp_path):
    src, out = tmp_path / "in.yaml", tmp_path / "o.pdf"
    src.write_text("x", "utf-8")
    out.write_bytes(b"%PDF")
    c = Cache(tmp_path)
    c.record_target(out, "k", digest_bytes(b"%PDF"))
    c.record_request("r", [src], [src], [out], [Diagnostic("warning", Pos(str(src), 1, 2), "m")],
                     {"slides": 0, "pages": 1})
    c.save()
    again = Cache(tmp_path)
    assert again.targets == c.targets and again.fresh_request("r", [src]) is not None
    src.write_text("y", "utf-8")
    assert again.fresh_request("r", [src]) is None  # an input changed
    assert again.fresh_request("other", [src]) is None


def test_a_new_file_beside_the_inputs_invalidates_the_request(tmp_path):
    src, out = tmp_path / "in.yaml", tmp_path / "o.pdf"
    src.write_text("x", "utf-8")
    out.write_bytes(b"%PDF")
    c = Cache(tmp_path)
    c.record_target(out, "k", digest_bytes(b"%PDF"))
    c.record_request("r", [src], [src], [out], [], {"slides": 0, "pages": 1})
    assert c.fresh_request("r", [src]) is not None
    (tmp_path / "in.pt.po").write_text("", "utf-8")
    assert c.fresh_request("r", [src]) is None
    (tmp_path / "in.pt.po").unlink()
    out.write_bytes(b"changed by hand")
    assert c.fresh_request("r", [src]) is None  # an output changed


def test_requests_are_bounded(tmp_path):
    c = Cache(tmp_path)
    for i in range(cachemod.MAX_REQUESTS + 3):
        c.record_request(f"r{i}", [], [], [], [], {})
    assert len(c.requests) == cachemod.MAX_REQUESTS and "r0" not in c.requests


@pytest.mark.parametrize("content", [
    b"", b"not json", b"[]", b'{"format": 2}', b'{"format": 2, "files": [], "targets": {}, '
    b'"requests": {}}', b'{"format": 2, "files": {"a": 1}, "targets": {}, "requests": {}}',
    b'{"format": 2, "files": {}, "targets": {"a": "b"}, "requests": {}}',
    b'{"format": 2, "files": {}, "targets": {}, "requests": {"r": {}}}',
    b'{"format": 1, "files": {}, "targets": {}, "requests": {}}', b"\xff\xfe",
])
def test_corrupted_or_foreign_records_are_ignored(tmp_path, content):
    (tmp_path / CACHE_NAME).write_bytes(content)
    c = Cache(tmp_path)
    assert (c.files, c.targets, c.requests) == ({}, {}, {})
    assert not c.target_fresh(tmp_path / "x", "k") and c.fresh_request("r", []) is None
    c.record_request("r", [], [], [], [], {})
    c.save()  # and replaced by a good one
    assert json.loads((tmp_path / CACHE_NAME).read_text("utf-8"))["format"] == cachemod.FORMAT


def test_diagnostics_are_recorded_absolute_and_shown_from_here(tmp_path, monkeypatch):
    (tmp_path / "p").mkdir()
    monkeypatch.chdir(tmp_path / "p")
    row = freeze(Diagnostic("warning", Pos("curricula/x.yaml", 83, 10), "gap"))
    assert row[1] == str(tmp_path / "p" / "curricula" / "x.yaml")
    assert str(thaw(row)) == "curricula/x.yaml:83:10: warning: gap"
    monkeypatch.chdir(tmp_path)
    assert str(thaw(row)) == f"{Path('p') / 'curricula' / 'x.yaml'}:83:10: warning: gap"
    monkeypatch.chdir("/")
    assert str(thaw(row)) == f"{os.path.relpath(row[1])}:83:10: warning: gap"


def test_replayed_diagnostics_match_a_fresh_build_from_another_folder(cli, example_project):
    cur = example_project / "curricula" / "local-surveillance.yaml"
    cur.write_text(cur.read_text("utf-8").replace(
        "title: {es: Caminata de las cámaras, en: Camera walk}",
        "title: {es: Caminata de las cámaras}"), "utf-8")
    args = ("build", str(example_project / "curricula"), "-o", str(example_project / "out"),
            "--only", "slides", "-j", "1")
    first = cli(*args[:1], "curricula", *args[2:], cwd=example_project)
    assert first.exit_code == 0 and "curricula/local-surveillance.yaml:" in first.output
    replayed = cli(*args, cwd=example_project.parent)
    assert "0 files written" in replayed.output
    shutil.rmtree(example_project / "out")
    fresh = cli(*args, cwd=example_project.parent)
    assert "2 files written" in fresh.output

    def warnings(out: str) -> list[str]:
        return [l for l in out.splitlines() if ": warning: " in l]

    assert warnings(replayed.output) == warnings(fresh.output)
    assert warnings(fresh.output) and all(re.match(r"project/curricula/", l)
                                          for l in warnings(fresh.output))


def test_the_environment_holds_library_versions_and_font_hashes(tmp_path, monkeypatch):
    env = Cache(tmp_path).environment()
    assert set(env["libraries"]) == {"python-pptx", "reportlab", "rl_accel", "pypdf", "Pillow"}
    assert all(env["libraries"].values())
    from importlib.metadata import version

    assert env["libraries"]["reportlab"] == version("reportlab")
    assert len(env["fonts"]) == 4 and all(len(h) == 64 for h in env["fonts"].values())
    monkeypatch.setattr(fingerprint, "library_versions",
                        lambda: {**env["libraries"], "reportlab": "99.0"})
    assert Cache(tmp_path).environment() != env


def test_a_library_upgrade_rebuilds_everything(cli, example_project, monkeypatch):
    def build():
        res = cli("build", "curricula", "--only", "slides,videos", "-j", "1",
                  cwd=example_project)
        assert res.exit_code == 0, res.output
        return res.output

    build()
    assert "0 files written" in build()
    real = fingerprint.library_versions
    monkeypatch.setattr(fingerprint, "library_versions",
                        lambda: {**real(), "reportlab": "99.0"})
    assert "4 files written" in build()


def test_a_changed_bundled_font_rebuilds_everything(cli, example_project, monkeypatch, tmp_path):
    fonts = tmp_path / "fonts"
    shutil.copytree(fingerprint.bundled_fonts()[0].parent, fonts)
    monkeypatch.setattr(fingerprint, "bundled_fonts",
                        lambda: sorted(fonts.glob("*.ttf")))
    res = cli("build", "curricula", "--only", "videos", "-j", "1", cwd=example_project)
    assert "2 files written" in res.output, res.output
    with open(fonts / "DejaVuSans.ttf", "ab") as fh:
        fh.write(b"\0")
    res = cli("build", "curricula", "--only", "videos", "-j", "1", cwd=example_project)
    assert "2 files written" in res.output, res.output
