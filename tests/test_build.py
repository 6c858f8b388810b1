"""Builds users can trust: incremental, parallel, reproducible, atomic."""
from __future__ import annotations

import dataclasses
import os
import subprocess
import sys
import zipfile
from pathlib import Path


import pytest

from conftest import ONLY, all_kinds as kinds
from workshopkit.build import kinds as registry

CUR = "curricula/local-surveillance.yaml"
ID = "local-surveillance"
def name(kind: str, *langs: str) -> str:
    """The output of ``kind`` in ``langs``, relative to the output folder."""
    return registry.kind(kind).file_name(ID, langs)


def files(out: Path) -> dict[str, bytes]:
    return {str(p.relative_to(out)): p.read_bytes() for p in sorted(out.rglob("*"))
            if p.is_file() and p.name != ".workshopkit-cache.json"}


def mtimes(out: Path) -> dict[str, int]:
    return {str(p.relative_to(out)): p.stat().st_mtime_ns for p in out.rglob("*") if p.is_file()}


def build(cli, project: Path, *args: str, out: str = "build"):
    res = cli("build", "curricula", "-o", out, "--only", ONLY, "-j", "1", *args, cwd=project)
    assert res.exit_code == 0, res.output
    return res


def changed(before: dict, after: dict) -> set[str]:
    return {k for k in after if before.get(k) != after[k]}


def test_two_builds_with_source_date_epoch_are_byte_identical(cli, example_project, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    build(cli, example_project, out="one")
    build(cli, example_project, out="two")
    one, two = files(example_project / "one"), files(example_project / "two")
    assert len(one) == 2 * len(kinds()) and one == two
    with zipfile.ZipFile(example_project / "one" / ID / "es" / f"{ID}-es-slides.pptx") as z:
        assert {i.date_time for i in z.infolist()} == {(2023, 11, 14, 22, 13, 20)}


def test_parallel_build_equals_serial(cli, example_project):
    build(cli, example_project, out="serial")
    res = cli("build", "curricula", "-o", "parallel", "--only", ONLY, "-j", "2",
              cwd=example_project)
    assert res.exit_code == 0, res.output
    serial, parallel = files(example_project / "serial"), files(example_project / "parallel")
    assert serial and serial == parallel


def test_noop_rebuild_writes_nothing(cli, example_project):
    build(cli, example_project)
    out = example_project / "build"
    before = mtimes(out)
    res = build(cli, example_project)
    assert "0 files written" in res.output and f"{len(before) - 1} up to date" in res.output
    assert mtimes(out) == before  # no output touched, the record not rewritten


def test_noop_rebuild_parses_no_yaml_and_imports_no_writer(example_project):
    subprocess.run([sys.executable, "-m", "workshopkit", "build", "curricula", "-q", "--only",
                    ONLY], cwd=example_project, check=True)
    probe = ("import sys; from workshopkit.cli import main\n"
             "try:\n    main(['build', 'curricula', '-q', '--only', %r])\n"
             "except SystemExit as e:\n    assert e.code == 0, e.code\n"
             "print(sorted(m for m in sys.modules if m == 'yaml' or m.startswith("
             "('workshopkit.source.validate', 'workshopkit.render', 'reportlab', 'pptx'))))" % ONLY)
    out = subprocess.run([sys.executable, "-c", probe], cwd=example_project, check=True,
                         capture_output=True, text=True).stdout
    assert out.strip() == "[]"


PO = '''msgid ""
msgstr ""
"Content-Type: text/plain; charset=UTF-8\\n"
"Language: pt\\n"

msgctxt "title"
msgid "Vigilancia en nuestras comunidades"
msgstr "{title}"
'''


def test_po_change_rebuilds_only_that_language(cli, example_project):
    po = example_project / "curricula" / "local-surveillance.pt.po"
    po.write_text(PO.format(title="Vigilância nas nossas comunidades"), "utf-8")
    build(cli, example_project)
    out = example_project / "build"
    before = mtimes(out)
    assert any(k.startswith(f"{ID}/pt/") for k in before)
    os.utime(po, ns=(po.stat().st_atime_ns, po.stat().st_mtime_ns + 5_000_000_000))  # touch
    build(cli, example_project)
    assert changed(before, mtimes(out)) <= {".workshopkit-cache.json"}
    po.write_text(PO.format(title="Vigilância na nossa comunidade"), "utf-8")
    build(cli, example_project)
    outputs = changed(before, mtimes(out)) - {".workshopkit-cache.json"}
    assert outputs == {name(k, "pt") for k in kinds()}


def add_image(project: Path) -> Path:
    from PIL import Image

    img = project / "curricula" / "map.png"
    Image.new("RGB", (40, 30), (200, 30, 30)).save(img)
    cur = project / CUR
    text = cur.read_text("utf-8")
    anchor = "          - video: cameras-101\n"
    assert anchor in text
    cur.write_text(text.replace(anchor, anchor + "          - image: {src: map.png, alt: "
                                "{es: Mapa, en: Map}}\n"), "utf-8")
    return img


def test_image_change_rebuilds_only_what_draws_it(cli, example_project):
    from PIL import Image

    img = add_image(example_project)
    build(cli, example_project)
    out = example_project / "build"
    before = mtimes(out)
    Image.new("RGB", (40, 30), (30, 30, 200)).save(img)
    build(cli, example_project)
    outputs = changed(before, mtimes(out)) - {".workshopkit-cache.json"}
    drawn = [k for k in kinds() if registry.kind(k).images]
    assert set(drawn) == {"slides", "worksheets", "guide", "slides-pdf", "handout", "web",
                          "web-guide"}
    assert outputs == {name(k, l) for l in ("es", "en") for k in drawn}


@pytest.mark.parametrize("given", [True, False], ids=["--theme", "theme.yaml"])
def test_theme_change_rebuilds_decks_only(cli, example_project, given):
    theme = example_project / "theme.yaml"
    args = ("--theme", str(theme)) if given else ()
    theme.write_text("colors: {accent: '#D0562B'}\n", "utf-8")
    build(cli, example_project, *args)
    out = example_project / "build"
    before = mtimes(out)
    theme.write_text("colors: {accent: '#2B56D0'}\n", "utf-8")
    build(cli, example_project, *args)
    outputs = changed(before, mtimes(out)) - {".workshopkit-cache.json"}
    # the deck, and what draws or numbers its slides (the theme's logo moves the bottom edge)
    assert outputs == {name(k, l) for l in ("es", "en") for k in registry.reading("theme")}
    assert {k for k in before if k.endswith(".pptx")} < outputs


def test_option_change_rebuilds_only_affected_kinds(cli, example_project):
    build(cli, example_project)
    out = example_project / "build"
    before = mtimes(out)
    build(cli, example_project, "--cards", "page")
    outputs = changed(before, mtimes(out)) - {".workshopkit-cache.json"}
    assert outputs == {f"{ID}/{l}/{ID}-{l}-videos.pdf" for l in ("es", "en")} & set(before)
    before = mtimes(out)
    build(cli, example_project, "--cards", "page", "--paper", "a4")
    outputs = changed(before, mtimes(out)) - {".workshopkit-cache.json"}
    assert outputs == {name(k, l) for l in ("es", "en") for k in kinds()
                       if "paper" in registry.kind(k).options}
    assert outputs == {k for k in before if k.endswith(".pdf") and "-slides." not in k}


def test_new_curriculum_in_folder_is_noticed(cli, example_project):
    build(cli, example_project)
    text = (example_project / CUR).read_text("utf-8").replace(f"id: {ID}", "id: second", 1)
    (example_project / "curricula" / "second.yaml").write_text(text, "utf-8")
    res = build(cli, example_project)
    assert (example_project / "build" / "second" / "es").is_dir()
    assert f"{2 * len(kinds())} files written" in res.output


def failing_writer(cur, settings, languages, options):
    """Fails as a writer does on a bad --template."""
    from workshopkit.errors import Diagnostic, Pos, WorkshopkitError
    from workshopkit.source.project import display

    raise WorkshopkitError(Diagnostic("error", Pos(display(cur.path), 1, 1),
                                      "the video handout cannot be drawn"))


@pytest.fixture
def swap_writer():
    """Replace the writer of one kind for one test."""
    saved = []

    def swap(name, writer):
        saved.append(registry.kind(name))
        registry.register(dataclasses.replace(saved[-1], writer=writer), replace=True)

    yield swap
    for kind in saved:
        registry.register(kind, replace=True)


def test_writer_error_is_located_and_writes_nothing_for_that_curriculum(
        cli, example_project, swap_writer):
    swap_writer("videos", failing_writer)
    res = cli("build", "curricula", "-j", "1", "--only", "slides,videos", cwd=example_project)
    assert res.exit_code == 1
    assert "local-surveillance.yaml:1:1: error: the video handout cannot be drawn" in res.output
    assert "Traceback" not in res.output
    assert not [p for p in (example_project / "build").rglob("*") if p.is_file()
                and p.name != ".workshopkit-cache.json"]


def test_bilingual_targets_go_to_the_pair_folder(cli, example_project):
    build(cli, example_project, "--bilingual", "es,en")
    pair = example_project / "build" / ID / "es+en"
    assert sorted(p.name for p in pair.iterdir()) == sorted(
        Path(name(k, "es", "en")).name for k in kinds())


def test_stray_temp_files_of_dead_builds_are_removed(cli, example_project):
    build(cli, example_project)
    folder = example_project / "build" / ID / "es"
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True).stdout.strip()
    stray = folder / f".{ID}-es-slides.pptx.{dead}.abc123.tmp"
    stray.write_bytes(b"half a deck")
    build(cli, example_project)  # a no-op build still cleans up
    assert not stray.exists()


def test_outputs_get_the_usual_file_permissions(cli, example_project):
    old = os.umask(0o022)
    try:
        build(cli, example_project, "--only", "slides")
        result = cli("kit", "curricula", "-o", "build", "--only", "slides", cwd=example_project)
        assert result.exit_code == 0, result.output
    finally:
        os.umask(old)
    written = [p for p in (example_project / "build").rglob("*")
               if p.is_file() and not p.name.startswith(".")]
    assert any(p.suffix == ".zip" for p in written)
    for p in written:
        assert p.stat().st_mode & 0o777 == 0o644, p


def crashing_writer(cur, settings, languages, options):
    raise RuntimeError("layout went wrong")


def test_a_writer_bug_is_an_error_not_a_traceback(cli, example_project, swap_writer):
    swap_writer("videos", crashing_writer)
    res = cli("build", "curricula", "-j", "1", "--only", "slides,videos", cwd=example_project)
    assert res.exit_code == 1
    assert res.exception is None or isinstance(res.exception, SystemExit)
    assert ("local-surveillance.yaml: error: internal error while writing the es videos: "
            "RuntimeError: layout went wrong") in res.output
    assert "Traceback" not in res.output
    assert not [p for p in (example_project / "build").rglob("*") if p.is_file()
                and p.name != ".workshopkit-cache.json"]
