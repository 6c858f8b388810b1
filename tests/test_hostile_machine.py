"""The machine's failures are reported, not crashed on, and signals end a build cleanly:
a one-line error naming the path, exit 1, earlier outputs intact, no temporary file
left; Ctrl-C exits 130; workers die with the build; stale temporary files go."""
from __future__ import annotations

import errno
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from hostile_kit import MINI, is_root, plant

ONLY = "slides,worksheets"


def _snapshot(out: Path) -> dict[str, bytes]:
    return {str(p.relative_to(out)): p.read_bytes() for p in out.rglob("*")
            if p.is_file() and not p.name.startswith(".")}


def _temps(out: Path) -> list[Path]:
    return list(out.rglob("*.tmp"))


def _errors(r) -> list[str]:
    return [ln for ln in r.output.splitlines() if ": error: " in ln]


@pytest.fixture
def built(tmp_path, cli):
    """A project built once; its outputs; the curriculum changed so that a build rewrites."""
    root, _ = plant(tmp_path)
    r = cli("build", "curricula", "--only", ONLY, "--lang", "es", "-o", "out", cwd=root)
    assert r.exit_code == 0, r.output
    before = _snapshot(root / "out")
    assert len(before) == 2
    (root / "curricula" / "mini.yaml").write_text(MINI.replace("Uno", "Dos"))
    return root, before


def _rebuild(cli, root):
    return cli("build", "curricula", "--only", ONLY, "--lang", "es", "-o", "out", cwd=root)


def test_a_read_only_output_folder(built, cli, monkeypatch):
    root, before = built
    folder = root / "out" / "mini" / "es"
    if is_root():  # permissions do not stop root: the folder refuses new files instead
        import tempfile

        def refuse(*_a, dir=None, **_k):
            raise PermissionError(errno.EACCES, "Permission denied",
                                  os.path.join(dir, f".x.{os.getpid()}.abc.tmp"))

        monkeypatch.setattr(tempfile, "mkstemp", refuse)
    else:
        folder.chmod(0o555)
    try:
        r = _rebuild(cli, root)
    finally:
        folder.chmod(0o755)
    assert r.exit_code == 1 and "internal error" not in r.output
    lines = _errors(r)  # the folder of the outputs, and the record when it is there too
    assert f"{Path('out/mini/es')}: error: cannot write here: Permission denied" in lines
    assert all(ln.endswith("error: cannot write here: Permission denied") for ln in lines)
    assert _snapshot(root / "out") == before and not _temps(root / "out")


def test_a_full_disk(built, cli, monkeypatch):
    root, before = built
    from workshopkit.build import files

    def full(_fd):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(files.os, "fsync", full)
    r = _rebuild(cli, root)
    assert r.exit_code == 1 and "internal error" not in r.output
    lines = _errors(r)
    assert all(ln.endswith("error: cannot write here: No space left on device") for ln in lines)
    assert any(ln.startswith(str(Path("out/mini/es"))) for ln in lines), r.output
    assert _snapshot(root / "out") == before and not _temps(root / "out")


def test_a_file_where_a_folder_should_be(tmp_path, cli):
    root, _ = plant(tmp_path)
    (root / "out").mkdir()
    (root / "out" / "mini").write_text("not a folder\n")
    r = cli("build", "curricula", "--only", ONLY, "--lang", "es", "-o", "out", cwd=root)
    assert r.exit_code == 1 and "internal error" not in r.output
    (line,) = _errors(r)
    assert line.startswith(str(Path("out/mini"))) and "cannot write here: " in line, r.output
    assert (root / "out" / "mini").read_text() == "not a folder\n" and not _temps(root / "out")


def test_a_build_record_that_is_a_folder(tmp_path, cli):
    root, _ = plant(tmp_path)
    (root / "out" / ".workshopkit-cache.json").mkdir(parents=True)
    r = cli("build", "curricula", "--only", ONLY, "--lang", "es", "-o", "out", cwd=root)
    assert r.exit_code == 1 and "internal error" not in r.output
    assert _errors(r) == [f"{Path('out/.workshopkit-cache.json')}: error: cannot write here: "
                          "the build record is not a regular file; remove it"], r.output
    assert not (root / "out" / "mini").exists()


@pytest.mark.parametrize("record", [
    {"format": 2, "files": {"x": [1, 2, 3]}, "targets": {}, "requests": {}},
    {"format": 2, "files": {}, "targets": {"a": {"key": 5}}, "requests": {}},
    {"format": 2, "files": {}, "targets": {}, "requests": {"k": {
        "inputs": [], "listing": [], "outputs": [], "diagnostics": [], "summary": {}}}},
    {"format": 2, "files": {}, "targets": {}, "requests": {"k": {
        "inputs": {}, "listing": [], "outputs": [1], "diagnostics": [["e"]],
        "summary": {"slides": "x", "pages": 0}}}},
    [1, 2, 3],
])
def test_a_damaged_build_record_is_rebuilt(built, cli, record):
    root, before = built
    (root / "out" / ".workshopkit-cache.json").write_text(json.dumps(record))
    r = _rebuild(cli, root)
    assert r.exit_code == 0, r.output
    assert "2 files written" in r.output and not _temps(root / "out")


# ------------------------------------------------------------------ signals

def _children(pid: int) -> list[int]:
    """Processes in the session ``pid`` leads (its workers, even once orphaned)."""
    out = []
    for d in os.listdir("/proc"):
        if d.isdigit() and int(d) != pid:
            try:
                fields = Path(f"/proc/{d}/stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[3]) == pid and fields[0] != "Z":  # same session, not a zombie
                out.append(int(d))
    return out


def _start(root: Path) -> subprocess.Popen:
    cmd = [sys.executable, "-m", "workshopkit", "build", "curricula", "-o", "out", "-q",
           "-j", "2", "--only", "slides,worksheets,guide", "--lang", "es"]
    env = dict(os.environ, SOURCE_DATE_EPOCH=str(1600000000 + int(time.time()) % 1000))
    proc = subprocess.Popen(cmd, cwd=root, env=env, start_new_session=True,
                            stderr=subprocess.PIPE, text=True)
    until = time.monotonic() + 20
    while not _children(proc.pid) and proc.poll() is None and time.monotonic() < until:
        time.sleep(0.05)
    time.sleep(0.3)
    return proc


def _gone(pid: int) -> bool:
    until = time.monotonic() + 5
    while _children(pid) and time.monotonic() < until:
        time.sleep(0.1)
    return not _children(pid)


@pytest.mark.slow
@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs /proc")
def test_signals_end_a_build_cleanly(tmp_path, cli):
    root, _ = plant(tmp_path)
    proc = _start(root)
    assert proc.poll() is None, proc.stderr.read()
    os.killpg(proc.pid, signal.SIGINT)  # Ctrl-C reaches the build and its workers
    assert proc.wait(timeout=20) == 130
    assert proc.stderr.read().strip().splitlines()[-1] == "interrupted"
    assert _gone(proc.pid) and not _temps(root / "out")

    proc = _start(root)
    assert proc.poll() is None
    os.kill(proc.pid, signal.SIGKILL)  # the build alone: its workers must follow it
    proc.wait(timeout=20)
    assert _gone(proc.pid), "workers outlived the build"
    stale = root / "out" / "mini" / "es" / ".mini-es-slides.pptx.999999999.x.tmp"
    stale.parent.mkdir(parents=True, exist_ok=True)
    stale.write_bytes(b"left by a killed build")
    r = cli("build", "curricula", "-o", "out", "-q", "--only", "slides", "--lang", "es", cwd=root)
    assert r.exit_code == 0, r.output
    assert not _temps(root / "out")


def test_a_temporary_file_of_an_exited_unreaped_process_is_stray(tmp_path):
    """A worker killed with its build may wait, exited, for whoever adopted it to reap
    it: its temporary files are removed all the same."""
    from workshopkit.build.files import clean_stray

    child = subprocess.Popen([sys.executable, "-c", "pass"])
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:  # exited, not reaped: a zombie
        stat = Path(f"/proc/{child.pid}/stat")
        if not stat.exists():
            pytest.skip("no /proc here")
        if stat.read_bytes().rsplit(b")", 1)[1][1:2] == b"Z":
            break
        time.sleep(0.02)
    stray = tmp_path / f".x-es-guide.pdf.{child.pid}.abcd1234.tmp"
    stray.write_bytes(b"half")
    mine = tmp_path / f".y-es-guide.pdf.{os.getpid()}.abcd1234.tmp"
    mine.write_bytes(b"being written")
    try:
        assert clean_stray([tmp_path]) == 1
        assert not stray.exists() and mine.exists()
    finally:
        child.wait()
