"""The bad-input suite: every file in tests/bad/ must fail with a located error.

Each file starts with one or more comments

    # expect: LINE:COL message text
    # expect: catalog/other.yaml:LINE:COL message text

naming where the diagnostic must point (a path is relative to the curricula
folder; without one, the file itself) and a piece of its message.  Adding a
case is adding a file.  Every case runs through the command line:
`workshopkit validate FILE` (in-process, one call per case) must exit with
status 1, print the expected diagnostics and no traceback; one real
`workshopkit build curricula -o DIR` subprocess over all the cases must exit 1,
print every case's diagnostics, and write nothing at all.  Cases too big or too
binary to commit are generated below.
"""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import traceback
from pathlib import Path
from types import SimpleNamespace

import pytest
from click.testing import CliRunner

from workshopkit.source.nodes import MAX_FILE_BYTES

BAD = Path(__file__).resolve().parent / "bad"
EXPECT = re.compile(r"^# expect: (?:(?P<file>\S+\.ya?ml):)?(?P<line>\d+):(?P<col>\d+) (?P<msg>.+)$")

_GOOD_HEAD = b"workshopkit: 1\nid: generated\nlanguages: [es]\ntitle: Generado\n"
_GOOD_BODY = (b"sessions:\n  - id: s1\n    title: Uno\n    activities:\n"
              b"      - {id: a1, title: Actividad, phase: input, duration: 10}\n")

GENERATED: dict[str, tuple[bytes, list[str]]] = {
    # Latin-1 bytes where UTF-8 is required: line 4, after "title: Caf"
    "not-utf8": (_GOOD_HEAD.replace(b"Generado", b"Caf\xe9") + _GOOD_BODY,
                 ["4:11 the file is not UTF-8 (byte 0xe9)"]),
    # one byte over the size cap
    "too-big": (_GOOD_HEAD + _GOOD_BODY + b"#" * (MAX_FILE_BYTES - len(_GOOD_HEAD + _GOOD_BODY))
                + b"\n", [f"1:1 the limit is {MAX_FILE_BYTES} bytes"]),
    # a BEL control character inside a title
    "control-character": (_GOOD_HEAD.replace(b"Generado", b"Gene\x07rado") + _GOOD_BODY,
                          ["4:12 the character U+0007, which YAML does not allow"]),
}


def expectations(text: str) -> list[tuple[str | None, int, int, str]]:
    out = []
    for line in text.splitlines():
        m = EXPECT.match(line)
        if m:
            out.append((m["file"], int(m["line"]), int(m["col"]), m["msg"]))
    return out


def _cases() -> dict[str, list[tuple[str | None, int, int, str]]]:
    cases = {f.stem: expectations(f.read_text(encoding="utf-8")) for f in sorted(BAD.glob("*.yaml"))}
    for name, (_, exp) in GENERATED.items():
        cases[name] = [(None, *_split(e)) for e in exp]
    return cases


def _split(e: str) -> tuple[int, int, str]:
    where, msg = e.split(" ", 1)
    line, col = where.split(":")
    return int(line), int(col), msg


CASES = _cases()


def _run(args: list[str], cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "workshopkit", *args], cwd=cwd,
                          capture_output=True, text=True, timeout=120)


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("bad") / "project"
    shutil.copytree(BAD, root / "curricula")
    for name, (data, _) in GENERATED.items():
        (root / "curricula" / f"{name}.yaml").write_bytes(data)
    return root


def _validate(name: str, project: Path) -> SimpleNamespace:
    """`workshopkit validate curricula/NAME.yaml` run in-process, shaped like a finished
    subprocess; an exception other than the command's own exit shows as a traceback."""
    from workshopkit.cli import main

    cwd = os.getcwd()
    os.chdir(project)
    try:
        res = CliRunner().invoke(main, ["validate", f"curricula/{name}.yaml"])
    finally:
        os.chdir(cwd)
    stderr = res.stderr
    if res.exception is not None and not isinstance(res.exception, SystemExit):
        stderr += "".join(traceback.format_exception(res.exception))
    return SimpleNamespace(returncode=res.exit_code, stderr=stderr)


@pytest.fixture(scope="module")
def runs(project) -> dict[str, tuple]:
    """`validate FILE` for every case (its own exit status), and one `build` over the
    whole folder: every case must be reported there and, as every file is bad, the
    output folder must stay empty."""
    out = project.parent / "out"
    build = _run(["build", "curricula", "-o", str(out)], project)
    return {name: (_validate(name, project), build, out) for name in sorted(CASES)}


def test_suite_is_large_enough():
    assert len(list(BAD.glob("*.yaml"))) >= 25
    for name, exp in CASES.items():
        assert exp, f"tests/bad/{name}.yaml has no '# expect: LINE:COL message' line"


@pytest.mark.parametrize("name", sorted(CASES))
def test_bad_input_fails_with_located_error(name, runs):
    validate, build, out = runs[name]
    for what, proc in (("validate FILE", validate), ("build FOLDER", build)):
        assert proc.returncode == 1, f"{what} exit {proc.returncode}\n{proc.stderr}"
        assert "Traceback" not in proc.stderr, proc.stderr
        lines = proc.stderr.splitlines()
        for file, line, col, msg in CASES[name]:
            prefix = f"curricula/{file or name + '.yaml'}:{line}:{col}: error: "
            assert any(l.startswith(prefix) and msg in l for l in lines), \
                f"{what}: expected '{prefix}…{msg}…' in:\n{proc.stderr}"
    written = [p for p in out.rglob("*") if p.is_file()] if out.exists() else []
    assert written == [], f"build wrote {written}"


def test_alias_bomb_is_rejected_in_process():
    """The billion-laughs file is refused by the loader itself, not by a later walk."""
    from workshopkit.source.nodes import LoadError, load_file

    with pytest.raises(LoadError) as err:
        load_file(BAD / "alias-bomb.yaml", "bomb.yaml")
    assert "aliases expand to more than" in str(err.value)


def test_folder_with_good_and_bad_curricula(tmp_path, example_project):
    """The good curriculum builds; the bad one writes nothing; exit status 1."""
    curricula = example_project / "curricula"
    shutil.copy(BAD / "unknown-key.yaml", curricula / "broken.yaml")
    out = tmp_path / "out"
    proc = _run(["build", "curricula", "-o", str(out), "--only", "slides"], example_project)
    assert proc.returncode == 1, proc.stderr
    assert "Traceback" not in proc.stderr
    assert "curricula/broken.yaml:14:9: error: unknown key 'titel'" in proc.stderr
    built = sorted(p.relative_to(out).as_posix() for p in out.rglob("*")
                   if p.is_file() and not p.name.startswith("."))  # the build cache is hidden
    assert built == ["local-surveillance/en/local-surveillance-en-slides.pptx",
                     "local-surveillance/es/local-surveillance-es-slides.pptx"]
    assert not (out / "bad-case").exists()
