"""The registry of output kinds: a new kind is one entry, its writer and its test."""
from __future__ import annotations

import dataclasses
import json
import zipfile

import pytest

from workshopkit.build import kinds as registry
from workshopkit.build.kinds import Kind, N_
from workshopkit.model.options import Options

ID = "local-surveillance"
SEEN: list[Options] = []


def toy_write(cur, settings, languages, options) -> bytes:
    """A tiny writer: the curriculum's id, its languages and the paper size, as text."""
    SEEN.append(options)
    return f"{cur.id} {'+'.join(languages)} {options.paper}\n".encode("utf-8")


TOY = Kind("toy", "txt", toy_write, N_("Toy notes"), frozenset({"date", "paper"}),
           frozenset(), copies=registry.PARTICIPANT)


@pytest.fixture
def toy():
    registry.register(TOY)
    try:
        yield TOY
    finally:
        registry.unregister(TOY.name)


def test_a_registered_kind_builds_is_selectable_keyed_and_packed(cli, example_project, toy):
    help_text = cli("build", "--help").output
    assert "toy" in " ".join(help_text.split())
    res = cli("kit", "curricula", "--only", "toy", "-j", "1", "--participants", "4",
              cwd=example_project)
    assert res.exit_code == 0, res.output
    out = example_project / "build"
    assert (out / ID / "es" / f"{ID}-es-toy.txt").read_text("utf-8") == f"{ID} es letter\n"
    with zipfile.ZipFile(out / "kits" / f"{ID}-es.zip") as z:
        man = json.loads(z.read(f"{ID}-es/manifest.json"))
        assert {f["name"] for f in man["files"]} == {f"{ID}-es-toy.txt", "cover.pdf"}
        assert man["print_plan"]["files"][0]["copies"] == 4
    # its own key: an option it reads rebuilds it; one it does not read leaves it be
    toy_file = out / ID / "es" / f"{ID}-es-toy.txt"
    stamp = toy_file.stat().st_mtime_ns
    res = cli("build", "curricula", "--only", "toy", "-j", "1", "--cards", "page",
              cwd=example_project)
    assert res.exit_code == 0 and "0 files written" in res.output, res.output
    assert toy_file.stat().st_mtime_ns == stamp
    res = cli("build", "curricula", "--only", "toy", "-j", "1", "--paper", "a4",
              cwd=example_project)
    assert res.exit_code == 0 and "2 files written" in res.output, res.output
    assert toy_file.read_text("utf-8") == f"{ID} es a4\n"


def test_a_writer_sees_only_the_options_its_kind_declares(cli, example_project, toy):
    SEEN.clear()
    res = cli("build", "curricula", "--only", "toy", "--lang", "es", "-j", "1", "--cards",
              "page", "--ink", "low", "--paper", "a4", cwd=example_project)
    assert res.exit_code == 0, res.output
    (seen,) = SEEN
    assert seen.paper == "a4" and seen.cards == "cut" and seen.ink == "normal"


def test_unknown_kind_is_a_usage_error_naming_the_choices(cli, example_project):
    res = cli("build", "--only", "toy", cwd=example_project)
    assert res.exit_code == 2
    assert ", ".join(registry.available()) in res.output


def test_every_kind_is_declared_whole():
    names = registry.available()
    assert names == ("slides", "worksheets", "guide", "videos", "slides-pdf", "handout", "agenda",
                     "web", "web-guide")
    for name in (*names, "cover"):
        k = registry.kind(name)
        assert k.title and k.ext and set(k.settings) <= set(registry.SETTINGS)
        assert "date" in k.options
        assert callable(k.load())  # its writer imports
    # the deck's plan depends on the theme and template: whatever numbers or draws its slides
    deck = ("slides", "guide", "slides-pdf", "handout")
    assert registry.reading("theme") == deck == registry.reading("template")
    assert {k for k in names if registry.kind(k).images} == set(deck) | {"worksheets", "web",
                                                                         "web-guide"}
    assert [k.name for k in registry.all_kinds(registry.KIT)] == ["cover"]


def test_a_bad_declaration_is_refused():
    for kind in registry.BUILT_IN:
        assert registry.check(kind) is kind
    for bad in (dataclasses.replace(TOY, options=frozenset({"colour"})),
                dataclasses.replace(TOY, settings=frozenset({"weather"})),
                dataclasses.replace(TOY, name="Toy Kind"), registry.kind("slides")):
        with pytest.raises(ValueError):
            registry.register(bad)
    assert "toy" not in registry.available()


def test_counting_outputs(tmp_path):
    import io

    from reportlab.pdfgen.canvas import Canvas

    buf = io.BytesIO()
    c = Canvas(buf)
    for _ in range(3):
        c.showPage()
    c.save()
    assert registry.count(buf.getvalue()) == (0, 3)
    deck = io.BytesIO()
    with zipfile.ZipFile(deck, "w") as z:
        for n in (1, 2):
            z.writestr(f"ppt/slides/slide{n}.xml", "<x/>")
        z.writestr("ppt/slides/_rels/slide1.xml.rels", "<x/>")
    assert registry.count(deck.getvalue()) == (2, 0)
    assert registry.count(b"plain text") == (0, 0)
