"""Shared test helpers: tool checks, CLI runner, sample paths and curricula, PDF text,
the hypothesis profiles, and sample outputs built once per test session.

Test modules import what they share from here (``from conftest import ...``), never
from one another.
"""
from __future__ import annotations

import fcntl
import functools
import io
import json
import os
import re
import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, settings

# bound now: tests put ui_template() in catalogs.extract_ui's place
from workshopkit.i18n.catalogs import extract_ui as _real_extract_ui

os.environ.setdefault("WORKSHOPKIT_JOBS", "1")
"""Builds in the tests run in one process unless a test asks for more with -j: two test
workers already keep both cores busy, and a process pool per small build only adds start-up."""

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"
FORMAT_EXAMPLE = DATA / "format-example" / "curricula" / "local-surveillance.yaml"
SAMPLES = ROOT / "curricula"
EVERY_KIND = DATA / "every-kind" / "curricula" / "every-kind.yaml"
"""A bilingual curriculum with every worksheet item kind, and its catalogue."""
EVERY_KIND_CATALOG = EVERY_KIND.parent / "catalog" / "free-software.yaml"
VIDEO_TEST = DATA / "video-test" / "curricula" / "video-test.yaml"
"""A curriculum with eight videos and every kind of URL, for the QR handout."""
TRACKED = "https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=42s"
"""VIDEO_TEST's 'tracked' URL, tracking parameters removed."""
LONG = ("https://peertube.example.social/w/p/7Xq2ZkLmN8vTbYcRwE4sJh9aGfUdPo3i"
        "?playlistPosition=12&resume=true&start=1m30s")
"""VIDEO_TEST's 'long-url' URL."""

IN_CI = os.environ.get("CI") == "true"

# ---------------------------------------------------------------- hypothesis profiles
# `make test` runs the "dev" profile; CI (CI=true) the "ci" profile, a few more examples.
# Both are derandomised: a failure is the same failure on every machine.
_COMMON = dict(deadline=None, derandomize=True, print_blob=True,
               suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                      HealthCheck.function_scoped_fixture])
settings.register_profile("dev", **_COMMON)
settings.register_profile("ci", **_COMMON)
PROFILE = os.environ.get("HYPOTHESIS_PROFILE", "ci" if IN_CI else "dev")
settings.load_profile(PROFILE)


def examples(dev: int, ci: int | None = None) -> int:
    """How many examples a property test draws under the loaded profile.
    ``WK_EXAMPLES=N`` overrides it, to search harder locally."""
    if os.environ.get("WK_EXAMPLES"):
        return int(os.environ["WK_EXAMPLES"])
    return (ci or dev) if PROFILE == "ci" else dev


# ---------------------------------------------------------------- external tools

def require_tool(name: str) -> str:
    """Path of an external tool; skip when missing locally, fail when CI=true."""
    path = shutil.which(name)
    if path:
        return path
    if IN_CI:
        pytest.fail(f"{name} is required in CI but is not installed")
    pytest.skip(f"{name} not installed")


# ---------------------------------------------------------------- running the command

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


# ---------------------------------------------------------------- output kinds

def all_kinds() -> list[str]:
    """Every registered output kind. A writer that cannot be imported fails the tests
    that build it: nothing is skipped quietly."""
    from workshopkit.build import kinds as registry

    return list(registry.available())


ONLY = ",".join(all_kinds())
"""``--only`` naming every kind: builds in tests stay explicit about what they make."""


# ---------------------------------------------------------------- curricula

SMALL_HEAD = """workshopkit: 1
id: small
languages: [es, en]
title: {es: Taller, en: Workshop}
sessions:
  - id: s
    title: {es: Sesión, en: Session}
    activities:
      - id: a
        title: {es: Actividad, en: Activity}
        phase: input
        duration: 10
"""
"""A minimal es+en curriculum: one session, one 10-minute input activity (tests add keys
below its last line, indented as the activity's)."""


def load_curriculum(path: Path):
    from workshopkit.source.validate import Workspace

    ws = Workspace()
    cur = ws.load(path)
    assert cur is not None, [str(p) for p in ws.problems.items]
    return cur


@functools.cache
def planned_once(path: Path, langs: tuple[str, ...]):
    """(curriculum, slide plan) of a curriculum that no test changes (a sample, test data),
    with its own options: made once per test process. Read only."""
    from workshopkit.build.targets import options_for
    from workshopkit.plan.slides import plan
    from workshopkit.source.settings import resolve

    cur = load_curriculum(path)
    return cur, plan(cur, resolve(cur), langs, options_for(cur, {}))


@pytest.fixture(scope="session")
def video_cur():
    """VIDEO_TEST loaded (shared: tests must not change it)."""
    return load_curriculum(VIDEO_TEST)


def load_example():
    return load_curriculum(FORMAT_EXAMPLE)


def load_every_kind(tmp_path: Path):
    """EVERY_KIND, copied into ``tmp_path`` and loaded."""
    src = EVERY_KIND.parent.parent
    dst = tmp_path / "proj"
    shutil.copytree(src, dst)
    return load_curriculum(dst / "curricula" / EVERY_KIND.name)


def add_comparison(project: Path) -> None:
    """Make the format example reference the free-software catalogue from a slide."""
    f = project / "curricula" / "local-surveillance.yaml"
    text = f.read_text(encoding="utf-8")
    text = text.replace("          - video: cameras-101\n",
                        "          - video: cameras-101\n          - comparison: free-software\n")
    f.write_text(text, encoding="utf-8")


def facilitator_texts(cur, lang: str) -> list[str]:
    """Every facilitator-only string of ``cur`` in ``lang``, as plain text."""
    from workshopkit.plan.markup import plain

    out = []
    for t in (cur.wellbeing, cur.opsec):
        if t:
            out.append(t.get(lang))
    for s in cur.sessions:
        out += [t.get(lang) for t in (s.notes, s.wellbeing, s.opsec) if t]
        for a in s.activities:
            out += [t.get(lang) for t in (a.notes, a.wellbeing, a.opsec) if t]
            out += [t.get(lang) for t in a.steps]
            out += [sl.notes.get(lang) for sl in a.slides if sl.notes]
    return [plain(s) for s in out]


# ---------------------------------------------------------------- interface strings

@functools.cache
def _ui_template():
    return _real_extract_ui()


def ui_template():
    """``workshopkit.i18n.catalogs.extract_ui()``, run once per test process (it parses
    every module of the package, most of a second): a copy of it on each call."""
    import copy

    return copy.deepcopy(_ui_template())


# ---------------------------------------------------------------- reading outputs

def squash(s: str) -> str:
    """Text without any whitespace: layout may break lines anywhere."""
    return re.sub(r"\s+", "", s)


@functools.lru_cache(maxsize=64)
def pdf_text(data: bytes) -> str:
    """The text of every page (extracted once per PDF: tests often read the same one)."""
    from pypdf import PdfReader

    return "\n".join(p.extract_text() or "" for p in PdfReader(io.BytesIO(data)).pages)


# ---------------------------------------------------------------- built once per session

class _Once:
    """A folder built once for the whole run, whichever test (or pytest-xdist worker)
    asks first; the others wait for it and read it. Tests only read it."""

    def __init__(self, tmp_path_factory, name: str):
        base = tmp_path_factory.getbasetemp()
        if os.environ.get("PYTEST_XDIST_WORKER"):
            base = base.parent  # shared by every worker of this run
        self.folder = base / f"shared-{name}"
        self.lock = base / f"shared-{name}.lock"
        self.done = base / f"shared-{name}.json"

    def get(self, make) -> dict:
        with open(self.lock, "w") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            if not self.done.exists():
                self.folder.mkdir(parents=True, exist_ok=True)
                info = make(self.folder) or {}
                self.done.write_text(json.dumps(info), encoding="utf-8")
            return json.loads(self.done.read_text(encoding="utf-8"))

    def help(self, make) -> None:
        """Build the folder now if nobody has built it and nobody is building it; return at
        once otherwise (``get`` then waits for it)."""
        with open(self.lock, "w") as lock:
            try:
                fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                return  # another worker is building it
            if not self.done.exists():
                self.folder.mkdir(parents=True, exist_ok=True)
                info = make(self.folder) or {}
                self.done.write_text(json.dumps(info), encoding="utf-8")


@dataclass
class Built:
    out: Path
    """The output folder."""
    output: str
    """What the command printed."""


def _build_samples(paths: list[str], out: Path) -> dict:
    """``workshopkit build PATHS -o OUT --bilingual es,en``, in-process from the repository."""
    from workshopkit.cli import main

    cwd = os.getcwd()
    os.chdir(ROOT)
    try:
        res = CliRunner().invoke(main, ["build", *paths, "-o", str(out), "--bilingual", "es,en",
                                        "-j", "1"], catch_exceptions=True)
    finally:
        os.chdir(cwd)
    return {"exit_code": res.exit_code, "output": res.output}


def _sample_halves() -> list[list[str]]:
    """The sample curricula in two halves of about the same work; the survey in the second."""
    files = sorted(p.relative_to(ROOT).as_posix() for p in SAMPLES.glob("*.yaml"))
    surveys = sorted(p.relative_to(ROOT).as_posix() for p in (SAMPLES / "survey").glob("*.yaml"))
    return [files[0::2], files[1::2] + surveys]


def _sample_parts(tmp_path_factory) -> list[tuple[_Once, object]]:
    """The two halves of the sample build: (where it is built once, how to build it)."""
    return [(_Once(tmp_path_factory, f"samples-{i}"),
             lambda folder, paths=paths: _build_samples(paths, folder / "out"))
            for i, paths in enumerate(_sample_halves())]


def pytest_collection_finish(session) -> None:
    session.config.stash[_NEEDS_SAMPLES] = any(
        "samples_built" in getattr(item, "fixturenames", ()) for item in session.items)


_NEEDS_SAMPLES = pytest.StashKey[bool]()


@pytest.fixture(scope="session", autouse=True)
def _start_samples(request, tmp_path_factory) -> None:
    """When a test of the run reads the sample outputs, each test worker starts by building
    a half of them that nobody builds yet: with two workers the halves are built side by
    side at the start, and no worker waits for them later."""
    if request.config.stash.get(_NEEDS_SAMPLES, False):
        for half, make in _sample_parts(tmp_path_factory):
            half.help(make)


@pytest.fixture(scope="session")
def samples_built(tmp_path_factory) -> Built:
    """What `make build` writes, and the bilingual material: every sample curriculum built
    once, every kind in es, en and es+en, as `workshopkit build curricula -o OUT --bilingual
    es,en` writes them (the same bytes). Shared by every test that reads sample outputs
    (read only).

    Built in two halves (see ``_start_samples``): a test worker that asks while the other
    one is building a half builds the other half instead of waiting; a worker alone builds
    both. ``output`` is what the two builds printed."""
    parts = _sample_parts(tmp_path_factory)
    for half, make in parts:
        half.help(make)

    def merge(folder: Path) -> dict:
        infos = [half.get(make) for half, make in parts]
        out = folder / "out"
        out.mkdir()
        for half, _ in parts:
            for d in sorted((half.folder / "out").iterdir()):
                if d.is_dir():
                    d.rename(out / d.name)
        return {"exit_code": max(i["exit_code"] for i in infos),
                "output": "\n".join(i["output"] for i in infos)}

    once = _Once(tmp_path_factory, "samples")
    info = once.get(merge)
    assert info["exit_code"] == 0, info["output"]
    return Built(once.folder / "out", info["output"])


# ---------------------------------------------------------------- surveys

SURVEY_TEST = DATA / "survey-test"
"""A project with a bilingual survey ('tech', min_count 2) and a curriculum whose worksheet
puts it in ('workshop')."""


@pytest.fixture(scope="session")
def survey_built(tmp_path_factory) -> Built:
    """SURVEY_TEST's forms and worksheets, in es, en and es+en, built once (read only).
    ``out`` holds the build; its parent holds the project copied."""
    def make(folder: Path) -> dict:
        from workshopkit import api

        shutil.copytree(SURVEY_TEST, folder / "project")
        res = api.build(api.BuildRequest(paths=(folder / "project" / "curricula",),
                                         out_dir=folder / "out", kinds=("survey", "worksheets"),
                                         bilingual=("es", "en")))
        return {"exit_code": res.exit_code,
                "output": "\n".join(str(d) for d in res.problems.sorted())}

    once = _Once(tmp_path_factory, "survey")
    info = once.get(make)
    assert info["exit_code"] == 0, info["output"]
    return Built(once.folder / "out", info["output"])


def fill_form(data: bytes, values: dict[str, str]) -> bytes:
    """A form filled as a PDF viewer would: check boxes and radio buttons get the name of
    their on-state ('/Yes', '/es'), text fields their text."""
    import logging

    from pypdf import PdfReader, PdfWriter

    logging.getLogger("pypdf").setLevel(logging.ERROR)  # "no fields on this page"
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(data)))
    for page in writer.pages:
        writer.update_page_form_field_values(page, values, auto_regenerate=False)
    writer.set_need_appearances_writer(True)
    buf = io.BytesIO()
    writer.write(buf)
    return buf.getvalue()
