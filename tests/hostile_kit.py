"""Fixtures for the hostile-input tests: a small project, a marker file planted outside
it, and a runner that fails a test which hangs instead of answering.

Imported by the test modules (``from hostile_kit import ...``) like conftest.
"""
from __future__ import annotations

import contextlib
import os
import shutil
import signal
from pathlib import Path

from conftest import DATA

MARKER = "OUTSIDE-MARKER-7c1f3e-never-in-any-output"
"""The text of a file planted outside every project: no output or message may hold it."""

MINI = """\
workshopkit: 1
id: mini
languages: [es, en]
title: {es: Mini, en: Mini}
summary: {es: Resumen, en: Summary}
sessions:
  - id: s1
    title: {es: Sesión, en: Session}
    activities:
      - id: a1
        title: {es: Actividad, en: Activity}
        phase: input
        duration: 10m
        slides:
          - title: {es: Diapositiva, en: Slide}
            bullets: [{es: Uno, en: One}]
"""


def plant(tmp_path: Path) -> tuple[Path, Path]:
    """A project folder (workshopkit.yaml, curricula/mini.yaml) and, beside it, a
    folder outside it holding the marker as text, PNG-named and PO-named files."""
    outside = tmp_path / "outside"
    outside.mkdir()
    for name in ("secret.txt", "secret.po", "secret.yaml", "secret.png", "secret.pptx",
                 "secret.ttf"):
        (outside / name).write_text(MARKER + "\n")
    shutil.copy(DATA / "slides-all" / "logo.png", outside / "logo.png")
    root = tmp_path / "p"
    (root / "curricula" / "catalog").mkdir(parents=True)
    (root / "workshopkit.yaml").write_text("paper: a4\n")
    (root / "curricula" / "mini.yaml").write_text(MINI)
    return root, outside


def no_marker(*texts: str) -> None:
    for t in texts:
        assert MARKER not in (t or ""), t


@contextlib.contextmanager
def deadline(seconds: int = 5):
    """Fail (instead of hanging the suite) when the block takes longer than ``seconds``."""
    def stop(*_a):
        raise TimeoutError(f"took longer than {seconds} s")

    old = signal.signal(signal.SIGALRM, stop)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, old)


def outputs(folder: Path) -> list[Path]:
    return [p for p in folder.rglob("*") if p.is_file()] if folder.exists() else []


def is_root() -> bool:
    return hasattr(os, "geteuid") and os.geteuid() == 0
