"""The machine's failures on real file systems: a small file system that fills up and a
read-only one, mounted by the test where it may mount (as root on Linux), skipped elsewhere.
(tests/test_hostile_machine.py simulates the same failures everywhere.)"""
from __future__ import annotations

import contextlib
import os
import subprocess
from pathlib import Path

import pytest

from hostile_kit import MINI, is_root, plant

ONLY = "slides,worksheets"


@contextlib.contextmanager
def tmpfs(where: Path, size: str):
    where.mkdir(parents=True, exist_ok=True)
    if not is_root():
        pytest.skip("mounting a file system needs root")
    r = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(where)],
                       capture_output=True, text=True)
    if r.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {r.stderr.strip()}")
    try:
        yield where
    finally:
        subprocess.run(["umount", "-l", str(where)], capture_output=True)


def outputs(out: Path) -> dict[str, bytes]:
    return {str(p.relative_to(out)): p.read_bytes() for p in out.rglob("*")
            if p.is_file() and not p.name.startswith(".")}


def build(cli, root: Path):
    return cli("build", "curricula", "--only", ONLY, "--lang", "es", "-o", "out", cwd=root)


def errors(r) -> list[str]:
    return [ln for ln in r.output.splitlines() if ": error: " in ln]


def test_a_file_system_that_fills_up(tmp_path, cli):
    root, _ = plant(tmp_path)
    with tmpfs(root / "out", "2m") as out:
        assert build(cli, root).exit_code == 0
        before = outputs(out)
        assert len(before) == 2
        with open(out / "filler", "wb") as f:  # take every byte left
            chunk = b"\0" * 65536
            try:
                while True:
                    f.write(chunk)
                    f.flush()
            except OSError:
                pass
        (root / "curricula" / "mini.yaml").write_text(MINI.replace("Uno", "Dos"))
        r = build(cli, root)
        assert r.exit_code == 1 and "internal error" not in r.output and "Traceback" not in r.output
        lines = errors(r)
        assert lines and all("cannot write here: No space left on device" in ln for ln in lines), \
            r.output
        (out / "filler").unlink()
        assert outputs(out) == before  # the earlier outputs, whole
        assert not list(out.rglob("*.tmp"))
        assert build(cli, root).exit_code == 0  # room again: the build goes through
        assert outputs(out) != before


def test_a_read_only_file_system(tmp_path, cli):
    root, _ = plant(tmp_path)
    with tmpfs(root / "out", "4m") as out:
        assert build(cli, root).exit_code == 0
        before = outputs(out)
        (root / "curricula" / "mini.yaml").write_text(MINI.replace("Uno", "Dos"))
        r = subprocess.run(["mount", "-o", "remount,ro", str(out)], capture_output=True, text=True)
        if r.returncode != 0:
            pytest.skip(f"cannot remount read-only: {r.stderr.strip()}")
        res = build(cli, root)
        assert res.exit_code == 1 and "internal error" not in res.output
        lines = errors(res)
        assert lines and all("cannot write here: Read-only file system" in ln for ln in lines), \
            res.output
        assert outputs(out) == before and not list(out.rglob("*.tmp"))
        os.sync()
