"""Settings resolved at load time: theme, logo, fonts, template and images, with
located errors before anything is drawn."""
from __future__ import annotations

import os
import shutil

import pytest
from PIL import Image
from pptx import Presentation

from conftest import DATA
from workshopkit.errors import WorkshopkitError
from workshopkit.source.fonts import FAMILY, font_path
from workshopkit.source.settings import bundled_fonts, resolve
from workshopkit.source.validate import Workspace


@pytest.fixture
def project(tmp_path):
    dst = tmp_path / "p"
    shutil.copytree(DATA / "slides-all", dst)
    return dst


def load(project):
    cur = Workspace().load(project / "curricula" / "all-kinds.yaml")
    assert cur is not None
    return cur


def messages(exc) -> list[str]:
    return str(exc.value).splitlines()


def test_a_broken_theme_yaml_is_reported_with_file_line_and_column(project):
    cur = load(project)
    (project / "theme.yaml").write_text('colors:\n  title: "#7A1F5C"\n  acent: "00AA55"\n'
                                        "fonts:\n  body: missing.ttf\n")
    with pytest.raises(WorkshopkitError) as exc:
        resolve(cur)
    lines = messages(exc)
    assert len(lines) == 2, lines
    assert lines[0].endswith("theme.yaml:3:3: error: unknown key 'acent' in the theme's colors; "
                             "did you mean 'accent'?")
    assert "theme.yaml:5:9: error: font file not found" in lines[1]


def test_a_damaged_logo_is_an_error_at_its_line(project):
    (project / "bad.png").write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * 40)
    (project / "theme.yaml").write_text("colors: {}\nlogo: bad.png\n")
    with pytest.raises(WorkshopkitError) as exc:
        resolve(load(project))
    assert "theme.yaml:2:7: error: logo" in messages(exc)[0]
    assert "cannot be read" in messages(exc)[0]


def test_the_default_theme_and_bundled_fonts(project):
    s = resolve(load(project))
    assert s.theme.source is None and s.theme.logo is None and s.template is None
    assert s.theme.title_font == s.theme.body_font == FAMILY
    assert s.deck_fonts is s.fonts
    assert s.fonts.regular == font_path("regular").read_bytes()
    assert s.fonts.bold == font_path("bold").read_bytes() and not s.fonts.fake_bold


def test_a_theme_with_a_logo_and_fonts(project):
    shutil.copy(font_path("italic"), project / "body.ttf")
    (project / "theme.yaml").write_text("logo: logo.png\nfonts:\n  body: body.ttf\n")
    s = resolve(load(project))
    with Image.open(project / "logo.png") as im:
        assert (s.theme.logo.width, s.theme.logo.height) == im.size
    assert s.theme.logo.format == "png" and s.theme.logo.data == (project / "logo.png").read_bytes()
    assert s.theme.source.endswith("theme.yaml")
    assert s.deck_fonts.regular == s.deck_fonts.italic == font_path("italic").read_bytes()
    assert s.deck_fonts.bold == s.fonts.bold  # no title font: the bundled bold measures titles
    assert s.fonts.regular == font_path("regular").read_bytes()  # PDFs keep the bundled fonts


def test_every_image_the_curriculum_shows_is_read(project):
    cur = load(project)
    s = resolve(cur)
    paths = {p for img in cur.images() for p in img.src.values()}
    assert paths and set(s.images) == paths
    for p in paths:
        data = s.images[p]
        with Image.open(p) as im:
            assert (data.width, data.height) == im.size
        assert data.data == p.read_bytes()
        assert data.format == ("png" if p.read_bytes().startswith(b"\x89PNG") else "jpeg")


def test_an_image_gone_since_loading_is_a_located_error(project):
    cur = load(project)
    gone = next(p for img in cur.images() for p in img.src.values())
    gone.unlink()
    with pytest.raises(WorkshopkitError, match=f"{gone.name}: error: cannot read the image"):
        resolve(cur)


def test_a_template_is_checked_when_it_is_read(project, tmp_path):
    cur = load(project)
    notes = tmp_path / "notes.pptx"
    notes.write_text("hello")
    with pytest.raises(WorkshopkitError, match="notes.pptx: error: is not a .pptx presentation"):
        resolve(cur, template=notes)
    t = Presentation()
    for layout in t.slide_layouts:
        for ph in list(layout.placeholders):
            if ph.placeholder_format.type in (1, 3):  # TITLE, CENTER_TITLE
                ph._element.getparent().remove(ph._element)
    plain = tmp_path / "plain.pptx"
    t.save(plain)
    with pytest.raises(WorkshopkitError, match="plain.pptx: error: has no layout with a title"):
        resolve(cur, template=plain)
    good = tmp_path / "good.pptx"
    Presentation().save(good)
    s = resolve(cur, template=good)
    assert s.template.data == good.read_bytes() and s.template.name.endswith("good.pptx")


def test_theme_and_template_problems_are_reported_together(project, tmp_path):
    (project / "theme.yaml").write_text("colors: red\n")
    notes = tmp_path / "notes.pptx"
    notes.write_text("hello")
    with pytest.raises(WorkshopkitError) as exc:
        resolve(load(project), template=notes)
    text = str(exc.value)
    assert "theme.yaml:1:9: error: expected a mapping (the theme's colors)" in text
    assert "is not a .pptx presentation" in text


def test_files_are_read_once_and_again_when_they_change(project):
    cur = load(project)
    theme = project / "theme.yaml"
    theme.write_text("logo: logo.png\n")
    first, second = resolve(cur), resolve(cur)
    assert second.theme.logo.data is first.theme.logo.data  # one copy per process
    assert bundled_fonts() is first.fonts is second.fonts
    with Image.open(project / "logo.png") as im:
        im.resize((im.width * 2, im.height)).save(project / "logo.png")
    st = os.stat(project / "logo.png")
    os.utime(project / "logo.png", ns=(st.st_atime_ns, st.st_mtime_ns + 10**9))
    third = resolve(cur)
    assert third.theme.logo.width == 2 * first.theme.logo.width
