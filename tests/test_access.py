"""Accessibility checks at build time, each caught in a bad input: warnings, errors under
--strict (nothing written), and the checks on written decks, PDFs and web editions."""
from __future__ import annotations

import io
import re
import zipfile

import pytest

from workshopkit.build import access

EXAMPLE = "curricula/local-surveillance.yaml"


def edit(project, old: str, new: str) -> None:
    f = project / EXAMPLE
    text = f.read_text("utf-8")
    assert old in text
    f.write_text(text.replace(old, new, 1), "utf-8")


def build(cli, project, *extra):
    return cli("build", "curricula", "--lang", "es", "--only", "web", "-o", "out", *extra,
               cwd=project)


def warnings(res) -> list[str]:
    return [l for l in res.output.splitlines() if ": warning: " in l]


def test_a_clean_curriculum_has_no_accessibility_warning(cli, example_project):
    res = build(cli, example_project)
    assert res.exit_code == 0 and warnings(res) == [], res.output


def test_repeated_slide_titles_warn_unless_marked_continued(cli, example_project):
    old = '          - video: cameras-101\n'
    again = ('          - title: {es: "¿Cuántas cámaras vimos?", en: "How many cameras did we see?"}\n'
             '            bullets: [{es: Otra, en: Another}]\n')
    edit(example_project, old, old + again)
    res = build(cli, example_project)
    (w,) = warnings(res)
    assert re.match(r"curricula/local-surveillance\.yaml:\d+:\d+: warning: the slide title "
                    r"'¿Cuántas cámaras vimos\?' repeats the one at line \d+", w)
    res = cli("build", "curricula", "--lang", "es", "--only", "web", "-o", "strict", "--strict",
              cwd=example_project)
    assert res.exit_code == 1 and not (example_project / "strict" / "local-surveillance").exists()
    edit(example_project, '"¿Cuántas cámaras vimos?", en: "How many cameras did we see?"}\n'
         "            bullets: [{es: Otra",
         '"¿Cuántas cámaras vimos? (cont.)", en: "How many cameras did we see? (cont.)"}\n'
         "            bullets: [{es: Otra")
    assert warnings(build(cli, example_project)) == []


def test_captions_missing_in_the_build_language_warn(cli, example_project):
    edit(example_project, "    captions: [es, en]", "    captions: [en]")
    res = build(cli, example_project)
    (w,) = warnings(res)
    assert "video 'cameras-101' has no captions in 'es' (captions: en)" in w
    assert warnings(cli("build", "curricula", "--lang", "en", "--only", "web", "-o", "o2",
                        cwd=example_project)) == []
    edit(example_project, "    captions: [en]", "")
    res = build(cli, example_project)
    assert warnings(res) == [] and "note: video 'cameras-101' lists no captions" in res.output
    # the note says where a reader learns it, and that is so
    assert "(the web editions say it has none)" in res.output
    page = (example_project / "out" / "local-surveillance" / "es" / "local-surveillance-es.html")
    assert "Sin subtítulos" in page.read_text(encoding="utf-8")


def test_a_title_that_is_only_a_url_warns(cli, example_project):
    edit(example_project, "  - title: Surveillance Self-Defense", "  - title: https://ssd.eff.org/")
    (w,) = warnings(build(cli, example_project))
    assert "the resource's title is a URL" in w


def test_an_image_alt_that_says_nothing_warns(cli, every_kind_project):
    f = every_kind_project / "curricula" / "every-kind.yaml"
    text = f.read_text("utf-8")
    text = text.replace("alt: {es: Un mapa del barrio con dos cámaras, en: A map of the "
                        "neighbourhood with two cameras}", "alt: pic.png")
    f.write_text(text, "utf-8")
    res = cli("build", "curricula", "--lang", "es", "--only", "web", "-o", "out",
              cwd=every_kind_project)
    ws = [w for w in warnings(res) if "alt text" in w]
    assert len(ws) == 1 and "'pic.png' does not say what it shows" in ws[0]
    assert re.match(r"curricula/every-kind\.yaml:\d+:\d+: warning:", ws[0])


@pytest.fixture
def every_kind_project(tmp_path):
    import shutil

    from conftest import EVERY_KIND

    dst = tmp_path / "ek"
    shutil.copytree(EVERY_KIND.parent.parent, dst)
    return dst


def test_theme_contrast_is_checked_in_standard_and_low_ink(cli, example_project):
    (example_project / "theme.yaml").write_text(
        "colors:\n  background: '000000'\n  text: 'FFFFFF'\n  title: 'FFFFFF'\n"
        "  muted: 'DDDDDD'\n  table_header: '333333'\n", "utf-8")
    res = cli("build", "curricula", "--lang", "es", "--only", "slides", "-o", "out",
              cwd=example_project)
    ws = warnings(res)
    assert ws and all(w.startswith("theme.yaml: warning: theme colours") for w in ws), res.output
    assert all("low-ink" in w for w in ws)  # light on black is fine on screen, not on paper
    assert any("'text' #FFFFFF on 'background' #FFFFFF" in w for w in ws)
    (example_project / "theme.yaml").write_text(
        "colors:\n  text: 'AAAAAA'\n", "utf-8")
    ws = warnings(cli("build", "curricula", "--lang", "es", "--only", "slides", "-o", "out",
                      cwd=example_project))
    assert any("'text' #AAAAAA on 'background' #FFFFFF have a contrast of 2.3:1 in standard" in w
               for w in ws), ws
    # the web edition does not use the theme: no theme warning when only it is built
    assert warnings(build(cli, example_project)) == []


def test_contrast_follows_wcag():
    assert access.contrast("000000", "FFFFFF") == pytest.approx(21.0)
    assert access.contrast("767676", "FFFFFF") == pytest.approx(4.54, abs=0.01)
    from workshopkit.source.theme import DEFAULT

    assert access.theme_problems(DEFAULT) == []


def test_the_web_stylesheet_colours_have_enough_contrast():
    from workshopkit.render.html.style import CSS

    def six(h: str) -> str:
        return "".join(c * 2 for c in h) if len(h) == 3 else h

    schemes = [{k: six(v) for k, v in re.findall(r"--(\w+):#(\w+)", block)}
               for block in re.findall(r":root\{([^}]*)\}", CSS)]
    assert len(schemes) == 2  # light and dark
    for c in schemes:
        for text in ("fg", "muted", "link"):
            assert access.contrast(c[text], c["bg"]) >= 4.5
            assert access.contrast(c[text], c["soft"]) >= 4.5  # notes and table headers


# ------------------------------------------------------------------ outputs, read back
def test_output_checks_pass_on_real_outputs_and_catch_broken_ones(every_kind_project):
    from conftest import load_curriculum
    from workshopkit.build import kinds
    from workshopkit.model.options import Options
    from workshopkit.source.settings import resolve

    from conftest import DATA

    rtl = load_curriculum(DATA / "rtl" / "curricula" / "rtl-test.yaml")  # a table slide
    deck = kinds.render("slides", rtl, resolve(rtl, None, None), ("en",), Options())
    cur = load_curriculum(every_kind_project / "curricula" / "every-kind.yaml")
    settings = resolve(cur, None, None)
    pdf = kinds.render("agenda", cur, settings, ("es",), Options())
    page = kinds.render("web", cur, settings, ("es",), Options())
    assert access.deck_problems(deck) == []
    assert access.pdf_problems(pdf) == []
    assert access.html_problems(page) == []

    def deck_edit(fn) -> bytes:
        src = zipfile.ZipFile(io.BytesIO(deck))
        buf = io.BytesIO()
        with zipfile.ZipFile(buf, "w") as z:
            for n in src.namelist():
                data = src.read(n)
                if re.fullmatch(r"ppt/slides/slide\d+\.xml", n):
                    data = fn(data.decode()).encode()
                z.writestr(n, data)
        return buf.getvalue()

    no_lang = access.deck_problems(deck_edit(lambda x: re.sub(r' lang="[^"]*"', "", x)))
    assert no_lang and all("does not carry its language" in p for p in no_lang)
    no_head = access.deck_problems(deck_edit(lambda x: x.replace('firstRow="1"', "")))
    assert any("does not mark its header row" in p for p in no_head)
    no_title = access.deck_problems(deck_edit(lambda x: x.replace('<p:ph type="title"/>', "<p:ph/>")))
    assert any("has no title placeholder" in p for p in no_title)
    assert set(access.pdf_problems(pdf.replace(b"/DisplayDocTitle true", b"/DisplayDocTitle false")
                                   .replace(b"/Lang", b"/Lxng"))) == {
        "the PDF does not say its language", "the PDF does not ask viewers to show its title"}
    assert access.html_problems(page.replace(b' alt="', b' data-x="')) == [
        "an image has no alt text"]
