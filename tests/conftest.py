"""Shared test helpers: tool checks, CLI runner, sample paths."""
from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"
FORMAT_EXAMPLE = DATA / "format-example" / "curricula" / "local-surveillance.yaml"
SAMPLES = ROOT / "curricula"


def require_tool(name: str) -> str:
    """Path of an external tool; skip when missing locally, fail when CI=true."""
    path = shutil.which(name)
    if path:
        return path
    if os.environ.get("CI") == "true":
        pytest.fail(f"{name} is required in CI but is not installed")
    pytest.skip(f"{name} not installed")


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def cli(runner, monkeypatch):
    """Run the workshopkit command in-process: cli('build', 'x.yaml', cwd=...)."""
    from workshopkit.cli import main

    def run(*args: str, cwd: Path | None = None):
        if cwd is not None:
            monkeypatch.chdir(cwd)
        return runner.invoke(main, list(args), catch_exceptions=True)

    return run


@pytest.fixture
def example_project(tmp_path) -> Path:
    """A copy of FORMAT.md's whole example as a project folder."""
    dst = tmp_path / "project"
    shutil.copytree(DATA / "format-example", dst)
    return dst
