"""A build killed at any moment leaves every earlier output whole."""
from __future__ import annotations

import hashlib
import io
import json
import os
import random
import signal
import subprocess
import sys
import time
import zipfile
from pathlib import Path

from pptx import Presentation
from pypdf import PdfReader

from conftest import IN_CI


def check_outputs(out: Path) -> int:
    """Open every output; check each kit's manifest against its files. Returns how many."""
    n = 0
    for p in out.rglob("*"):
        if not p.is_file() or p.name.startswith("."):
            continue
        if p.suffix == ".pptx":
            assert len(Presentation(str(p)).slides) > 0, p
        elif p.suffix == ".pdf":
            assert len(PdfReader(str(p)).pages) > 0, p
        elif p.suffix == ".zip":
            with zipfile.ZipFile(p) as z:
                assert z.testzip() is None, p
                (man,) = [n for n in z.namelist() if n.endswith("/manifest.json")]
                folder = man.rsplit("/", 1)[0]
                for f in json.loads(z.read(man))["files"]:
                    data = z.read(f"{folder}/{f['name']}")
                    assert hashlib.sha256(data).hexdigest() == f["sha256"], (p, f["name"])
                    assert len(data) == f["size"]
                    if f["name"].endswith(".pdf"):
                        assert len(PdfReader(io.BytesIO(data)).pages) == f["pages"]
        n += 1
    return n


KINDS = "slides,worksheets,guide,web"
"""A deck, PDFs, a web page and the kits: every way an output is written (every kind
writes through the same atomic rename); the other kinds would only make each build
longer."""


def kit_cmd(out: Path) -> list[str]:
    return [sys.executable, "-m", "workshopkit", "kit", "curricula", "-o", str(out), "-q",
            "--only", KINDS, "--lang", "es", "--participants", "5"]


def test_killed_builds_leave_earlier_outputs_whole(example_project):
    out = example_project / "build"
    env = dict(os.environ, SOURCE_DATE_EPOCH="1600000000")
    started = time.monotonic()
    subprocess.run(kit_cmd(out), cwd=example_project, env=env, check=True)
    full = time.monotonic() - started
    total = check_outputs(out)
    assert total >= 5
    rng = random.Random(20261101)
    for attempt in range(6 if IN_CI else 3):
        # a new date changes every output, so each build rewrites them all
        env = dict(os.environ, SOURCE_DATE_EPOCH=str(1600000000 + 86400 * (attempt + 1)))
        jobs = "2" if attempt % 3 == 2 else "1"
        proc = subprocess.Popen(kit_cmd(out) + ["-j", jobs], cwd=example_project, env=env,
                                start_new_session=True)
        time.sleep(rng.uniform(0.05, full))
        os.killpg(proc.pid, signal.SIGKILL)  # the build and its workers
        proc.wait()
        assert check_outputs(out) == total, f"attempt {attempt}"
    subprocess.run(kit_cmd(out), cwd=example_project, env=env, check=True)
    assert check_outputs(out) == total
    assert not list(out.rglob("*.tmp"))  # stray files of the killed builds are gone
