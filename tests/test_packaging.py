"""The package as users install it: an sdist, a wheel built from it, installed into a fresh
virtual environment, builds a sample curriculum with its fonts and interface words.

Runs offline: the wheel is built without build isolation (setuptools comes with the test
dependencies) and installed without its dependencies, which the fresh environment reads
from this one's site-packages.
"""
from __future__ import annotations

import io
import os
import shutil
import site
import subprocess
import sys
import tarfile
import zipfile
from importlib import resources
from pathlib import Path

import pytest
from pypdf import PdfReader

from conftest import ROOT, SAMPLES, pdf_text

SAMPLE = "local-surveillance"
BUILD_FILES = ["pyproject.toml", "setup.cfg", "README.md", "LICENSE"]
DATA = {"workshopkit/i18n/locale/workshopkit.pot", "workshopkit/i18n/locale/es.po",
        "workshopkit/assets/fonts/DejaVuSans.ttf", "workshopkit/assets/fonts/LICENSE"}


def test_fonts_and_catalogues_are_found_as_package_data():
    from workshopkit.i18n import LOCALE_DIR
    from workshopkit.source.fonts import font_dir

    assert font_dir() == Path(str(resources.files("workshopkit.assets").joinpath("fonts")))
    assert (font_dir() / "DejaVuSans.ttf").is_file()
    assert LOCALE_DIR == Path(str(resources.files("workshopkit.i18n").joinpath("locale")))
    assert (LOCALE_DIR / "workshopkit.pot").is_file()


def _hook(tree: Path, hook: str, out: Path) -> Path:
    """Run a PEP 517 build hook of setuptools in ``tree``; the file it made."""
    code = f"from setuptools import build_meta as b; print(b.{hook}({str(out)!r}))"
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    run = subprocess.run([sys.executable, "-c", code], cwd=tree, capture_output=True,
                         text=True, env=env, timeout=300)
    assert run.returncode == 0, run.stdout + run.stderr
    name = run.stdout.strip().splitlines()[-1]
    return out / name


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    """sdist from a copy of the tracked tree, then a wheel from the unpacked sdist, as
    `python -m build` does; neither step may write a build/ folder."""
    tmp = tmp_path_factory.mktemp("dist")
    tree = tmp / "tree"
    tree.mkdir()
    for name in BUILD_FILES:
        (tree / name).write_bytes((ROOT / name).read_bytes())
    shutil.copytree(ROOT / "workshopkit", tree / "workshopkit",
                    ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
    dist = tmp / "dist"
    sdist = _hook(tree, "build_sdist", dist)
    with tarfile.open(sdist) as tar:
        members = {m.name.split("/", 1)[1] for m in tar.getmembers() if "/" in m.name}
        assert DATA <= members, sorted(DATA - members)
        tar.extractall(tmp / "unpacked", **({"filter": "data"} if hasattr(tarfile, "data_filter") else {}))
    (unpacked,) = (tmp / "unpacked").iterdir()
    whl = _hook(unpacked, "build_wheel", dist)
    assert not (tree / "build").exists() and not (unpacked / "build").exists()
    return whl


@pytest.mark.slow
def test_the_wheel_ships_the_fonts_and_the_catalogues(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    assert DATA <= names, sorted(DATA - names)
    assert not any(n.startswith(("tests/", "curricula/")) for n in names)


@pytest.mark.slow
def test_the_installed_wheel_builds_a_sample(wheel, tmp_path, samples_built):
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    python = venv / "bin" / "python"
    purelib = subprocess.run([str(python), "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"],
                             capture_output=True, text=True, check=True).stdout.strip()
    # the dependencies: this environment's site-packages, after the fresh one's own
    (Path(purelib) / "test-dependencies.pth").write_text(
        "\n".join(site.getsitepackages()) + "\n", encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PIP_REQUIRE_VIRTUALENV")}
    pip = subprocess.run([sys.executable, "-m", "pip", "--python", str(python), "install", "-q",
                          "--no-deps", "--no-index", "--no-build-isolation", str(wheel)],
                         capture_output=True, text=True, env=env, timeout=300)
    assert pip.returncode == 0, pip.stdout + pip.stderr
    where = subprocess.run([str(python), "-c", "import workshopkit; print(workshopkit.__file__)"],
                           cwd=tmp_path, capture_output=True, text=True, env=env, check=True)
    assert where.stdout.strip().startswith(purelib), where.stdout

    project = tmp_path / "project"
    shutil.copytree(SAMPLES, project / "curricula")
    shutil.copy(ROOT / "workshopkit.yaml", project)
    run = subprocess.run([str(venv / "bin" / "workshopkit"), "build", f"curricula/{SAMPLE}.yaml",
                          "-o", "out", "--lang", "es", "-q"],
                         cwd=project, capture_output=True, text=True, env=env, timeout=300)
    assert run.returncode == 0, run.stdout + run.stderr
    built = sorted((project / "out" / SAMPLE / "es").iterdir())
    assert built and {p.suffix for p in built} == {".pdf", ".pptx", ".html"}
    guide = (project / "out" / SAMPLE / "es" / f"{SAMPLE}-es-guide.pdf").read_bytes()
    fonts = {str(f.get_object()["/BaseFont"]) for page in PdfReader(io.BytesIO(guide)).pages
             for f in page["/Resources"].get_object().get("/Font", {}).values()}
    assert fonts and all("DejaVu" in f for f in fonts), fonts  # the bundled fonts, embedded
    text = pdf_text(guide)
    assert "Materiales" in text and "Horario" in text  # the Spanish interface catalogue
    # the same bytes as the checkout builds
    for p in built:
        assert p.read_bytes() == (samples_built.out / SAMPLE / "es" / p.name).read_bytes(), p.name
