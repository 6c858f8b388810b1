"""Themes (theme.yaml) and organisation templates for the deck."""
from __future__ import annotations

import io
import shutil
import zipfile
from dataclasses import replace

import pytest
from pptx import Presentation

from conftest import DATA, FORMAT_EXAMPLE
from workshopkit.build.targets import options_for
from workshopkit.errors import WorkshopkitError
from workshopkit.source.settings import resolve
from workshopkit.source.theme import load
from workshopkit.source.validate import Workspace
from workshopkit.render.pptx.deck import write


@pytest.fixture
def project(tmp_path):
    dst = tmp_path / "p"
    shutil.copytree(DATA / "slides-all", dst)
    return dst


def build(project, **opts):
    cur = Workspace().load(project / "curricula" / "all-kinds.yaml")
    assert cur is not None
    options = replace(options_for(cur, {}), **opts)
    return write(cur, resolve(cur, options.theme, options.template), ("en",), options)


def slide_xml(data: bytes, n: int) -> str:
    return zipfile.ZipFile(io.BytesIO(data)).read(f"ppt/slides/slide{n}.xml").decode()


def test_theme_yaml_beside_the_project_is_used(project):
    (project / "theme.yaml").write_text(
        'colors:\n  title: "#7A1F5C"\n  accent: "00AA55"\nlogo: logo.png\n')
    data = build(project)
    xml = slide_xml(data, 2)
    assert 'val="7A1F5C"' in xml and 'val="00AA55"' in xml
    prs = Presentation(io.BytesIO(data))
    w, h = prs.slide_width, prs.slide_height
    for s in prs.slides:
        logos = [sh for sh in s.shapes if sh.shape_type == 13
                 and sh._element.nvPicPr.cNvPr.get("descr") == "Logo"]
        assert len(logos) == 1
        logo = logos[0]
        for sh in s.shapes:
            assert sh.left + sh.width <= w and sh.top + sh.height <= h
            if sh is not logo and sh.shape_type != 13:  # text never runs under the logo
                assert sh.top + sh.height <= logo.top or sh.left + sh.width <= logo.left


def test_theme_given_in_options(project, tmp_path):
    theme = tmp_path / "dark.yaml"
    theme.write_text('colors:\n  text: "101010"\n')
    assert 'val="101010"' in slide_xml(build(project, theme=theme), 2)


def test_theme_errors_are_located_and_all_reported(tmp_path):
    bad = tmp_path / "theme.yaml"
    bad.write_text('colours:\n  title: "#123"\ncolors:\n  title: red\n  titel: "#123456"\n'
                   "logo: missing.png\n")
    with pytest.raises(WorkshopkitError) as exc:
        load(bad)
    lines = str(exc.value).splitlines()
    assert len(lines) == 4, lines
    assert ":1:1: error: unknown key 'colours' in the theme; did you mean 'colors'?" in lines[0]
    assert ":4:10: error: colour 'title' must be six hex digits" in lines[1]
    assert ":5:3: error: unknown key 'titel' in the theme's colors; did you mean 'title'?" \
        in lines[2]
    assert ":6:7: error: logo file not found" in lines[3]


def test_low_ink_is_greyscale(project):
    xml = slide_xml(build(project, ink="low"), 2)
    import re
    for val in re.findall(r'srgbClr val="(\w{6})"', xml):
        assert val[0:2] == val[2:4] == val[4:6]


def test_an_organisations_4_3_template(project, tmp_path):
    t = Presentation()  # python-pptx's own 4:3 template, with a sample slide to drop
    t.slides.add_slide(t.slide_layouts[0]).shapes.title.text = "Sample"
    path = tmp_path / "org.pptx"
    t.save(path)
    prs = Presentation(io.BytesIO(build(project, template=path)))
    assert (prs.slide_width, prs.slide_height) == (t.slide_width, t.slide_height)
    assert all("Sample" not in (s.shapes.title.text_frame.text) for s in prs.slides)
    for s in prs.slides:
        assert s.slide_layout.name == "Title Only"
        for sh in s.shapes:
            assert sh.left >= 0 and sh.left + sh.width <= prs.slide_width
            assert sh.top + sh.height <= prs.slide_height


def test_a_template_without_a_title_layout_is_named_clearly(project, tmp_path):
    t = Presentation()
    for layout in t.slide_layouts:
        for ph in list(layout.placeholders):
            if ph.placeholder_format.type in (1, 3):  # TITLE, CENTER_TITLE
                ph._element.getparent().remove(ph._element)
    path = tmp_path / "plain.pptx"
    t.save(path)
    with pytest.raises(WorkshopkitError, match="plain.pptx: error: has no layout with a "
                                               "title placeholder"):
        build(project, template=path)


def test_a_file_that_is_not_a_deck(project, tmp_path, cli):
    path = tmp_path / "notes.pptx"
    path.write_text("hello")
    with pytest.raises(WorkshopkitError, match="is not a .pptx presentation"):
        build(project, template=path)
    r = cli("build", str(FORMAT_EXAMPLE), "--only", "slides", "-o", str(tmp_path / "out"),
            "--template", str(path))
    assert r.exit_code == 1 and "Traceback" not in r.output
    assert "is not a .pptx presentation" in r.output
