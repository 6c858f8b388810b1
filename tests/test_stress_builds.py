"""Concurrent builds into one output folder leave only whole, valid files: every output
opens, the build record is valid JSON, and no temporary file is left.  Two builds
under `make test`; fifty with CI=true."""
from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from pptx import Presentation
from pypdf import PdfReader

from conftest import IN_CI
from hostile_kit import plant

pytestmark = pytest.mark.slow

BUILDS = int(os.environ.get("WK_BUILDS", 50 if IN_CI else 2))


def test_concurrent_builds_into_one_folder(tmp_path):
    root, _ = plant(tmp_path)
    cmd = [sys.executable, "-m", "workshopkit", "build", "curricula", "-o", "out", "-q",
           "-j", "1", "--only", "slides" if BUILDS <= 2 else "slides,worksheets", "--lang", "es"]
    running = []
    for i in range(BUILDS):  # each with its own date: every build writes every file
        env = dict(os.environ, SOURCE_DATE_EPOCH=str(1600000000 + 86400 * (i % 7)))
        running.append(subprocess.Popen(cmd, cwd=root, env=env, stdout=subprocess.PIPE,
                                        stderr=subprocess.PIPE, text=True))
    for proc in running:
        _out, err = proc.communicate(timeout=600)
        assert proc.returncode == 0, err
        assert "internal error" not in err and "Traceback" not in err, err
    out = root / "out"
    files = [p for p in out.rglob("*") if p.is_file()]
    assert not [p for p in files if p.name.endswith(".tmp")]
    pptx = [p for p in files if p.suffix == ".pptx"]
    pdfs = [p for p in files if p.suffix == ".pdf"]
    assert len(pptx) == 1 and len(pdfs) == (0 if BUILDS <= 2 else 1)
    assert len(Presentation(str(pptx[0])).slides) > 0
    assert all(len(PdfReader(str(p)).pages) > 0 for p in pdfs)
    assert json.loads((out / ".workshopkit-cache.json").read_text("utf-8"))["format"] == 2
