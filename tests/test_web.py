"""The web editions read back as HTML (no browser): one self-contained file with no
script and no request, landmarks and languages marked, worksheets as labelled form
fields, videos as titled links, and nothing facilitator-only in the participant file.
The browser checks (axe, reflow, no network) are in test_web_browser.py."""
from __future__ import annotations

import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest

from conftest import EVERY_KIND, facilitator_texts, load_curriculum, squash
from workshopkit.plan.markup import plain


class Page(HTMLParser):
    """Elements (tag, attributes) in order, and the text with the languages it is in."""

    def __init__(self, data: bytes):
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict]] = []
        self.text: list[tuple[str, str]] = []  # (text, lang of its nearest marked element)
        self._langs: list[tuple[str, str]] = []
        self.feed(data.decode("utf-8"))

    VOID = {"meta", "img", "input", "br", "link", "hr"}

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        self.elements.append((tag, a))
        if tag not in self.VOID:
            self._langs.append((tag, a.get("lang") or (self._langs[-1][1] if self._langs else "")))

    def handle_endtag(self, tag):
        while self._langs:
            if self._langs.pop()[0] == tag:
                break

    def handle_data(self, data):
        if data.strip() and self._langs and self._langs[-1][0] not in ("style", "title"):
            self.text.append((data, self._langs[-1][1] if self._langs else ""))

    def all_text(self) -> str:
        return " ".join(t for t, _ in self.text)

    def find(self, tag: str, **attrs) -> list[dict]:
        return [a for t, a in self.elements if t == tag
                and all(a.get(k.replace("_", "-")) == v for k, v in attrs.items())]


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> tuple[Path, Path]:
    """EVERY_KIND's web editions in es and es+en: (output folder, project copy)."""
    from click.testing import CliRunner

    from workshopkit.cli import main

    base = tmp_path_factory.mktemp("web")
    proj = base / "proj"
    shutil.copytree(EVERY_KIND.parent.parent, proj)
    out = base / "out"
    res = CliRunner().invoke(main, ["build", str(proj / "curricula"), "-o", str(out), "--only",
                                    "web,web-guide", "--lang", "es", "--bilingual", "es,en",
                                    "-j", "1"])
    assert res.exit_code == 0, res.output
    return out / "every-kind", proj / "curricula" / EVERY_KIND.name


def read(built, name: str) -> bytes:
    return (built[0] / name.split("/")[0] / name.split("/")[1]).read_bytes()


def test_participant_file_has_no_facilitator_text_and_the_guide_has_it(built):
    cur = load_curriculum(built[1])
    for tag in ("es", "es+en"):
        part = Page(read(built, f"{tag}/every-kind-{tag}.html"))
        guide = Page(read(built, f"{tag}/every-kind-{tag}-guide.html"))
        secret = facilitator_texts(cur, "es") + (facilitator_texts(cur, "en") if "+" in tag else [])
        assert secret
        shown, full = squash(part.all_text()), squash(guide.all_text())
        for s in secret:
            assert squash(s) not in shown, s
            assert squash(s) in full, s
        # answers: no box is checked and no key in the participant file; the guide has a key
        assert not [a for t, a in part.elements if "checked" in a]
        assert "✓" not in part.all_text() and "✓ Signal" in guide.all_text()


def test_one_self_contained_file_with_no_script_and_no_request(built):
    for tag in ("es", "es+en"):
        for name in (f"every-kind-{tag}.html", f"every-kind-{tag}-guide.html"):
            data = read(built, f"{tag}/{name}")
            page = Page(data)
            assert not page.find("script") and not page.find("link") and not page.find("iframe")
            srcs = [a["src"] for t, a in page.elements if "src" in a]
            assert srcs and all(s.startswith("data:image/") for s in srcs)  # the worksheet image
            assert not re.search(rb"url\((?!data:)|@import", data)
            csp = page.find("meta", http_equiv="Content-Security-Policy")
            assert csp and "default-src 'none'" in csp[0]["content"]
            assert b"@media print" in data


def test_landmarks_skip_link_headings_and_languages(built):
    page = Page(read(built, "es+en/every-kind-es+en.html"))
    html = page.find("html")[0]
    assert html["lang"] == "es" and html["dir"] == "ltr"
    first_link = next(a for t, a in page.elements if t == "a")
    assert first_link["href"] == "#main" and first_link["class"] == "skip"
    assert page.find("main", id="main") and page.find("header") and page.find("footer")
    assert page.find("nav")[0]["aria-label"]
    levels = [int(t[1]) for t, _ in page.elements if re.fullmatch(r"h[1-6]", t)]
    assert levels[0] == 1 and levels.count(1) == 1
    assert all(b <= a + 1 for a, b in zip(levels, levels[1:])), levels  # no level skipped
    # every English text is marked English; every Spanish one is not marked
    langs = {}
    for text, lang in page.text:
        langs.setdefault(text.strip(), set()).add(lang)
    assert langs["Digital self-defence"] == {"en"} and langs["Autodefensa digital"] == {"es"}
    assert langs["Marta's case"] == {"en"} and langs["El caso de Marta"] == {"es"}
    img = page.find("img")[0]
    assert img["alt"] == "Un mapa del barrio con dos cámaras / A map of the neighbourhood with two cameras"
    ids = [a["id"] for _, a in page.elements if "id" in a]
    assert len(ids) == len(set(ids))


def test_worksheets_are_a_form_with_a_label_for_every_field(built):
    cur = load_curriculum(built[1])
    page = Page(read(built, "es/every-kind-es.html"))
    assert page.find("form", method="dialog")
    labels = {a["for"] for t, a in page.elements if t == "label" and "for" in a}
    fields = [(t, a) for t, a in page.elements if t in ("input", "textarea")]
    for t, a in fields:  # a visible label, or a name on a table cell
        assert a["id"] in labels or a.get("aria-label"), (t, a)
    items = [i for _, a in cur.activities() for i in a.worksheet]
    prompts = [i for i in items if i.kind == "prompt"]
    questions = sum(len(i.case_study.questions) for i in items if i.kind == "case_study")
    threats = sum(len(i.risk_matrix.threats) for i in items if i.kind == "risk_matrix")
    qs = [q for i in items if i.kind == "survey" for q in cur.surveys[i.survey].questions]
    assert qs  # the survey's questions are form fields too, named as in its PDF form
    texts = sum(q.kind == "text" for q in qs)
    assert len(page.find("textarea")) == len(prompts) + questions + threats + texts
    boxes = sum(len(i.checklist) for i in items if i.kind == "checklist")
    boxes += sum(len(i.choice.options) for i in items if i.kind == "choice" and i.choice.multiple)
    boxes += sum(len(q.options) for q in qs if q.kind == "multiple")
    assert len(page.find("input", type="checkbox")) == boxes
    radios = sum(len(i.choice.options) for i in items if i.kind == "choice" and not i.choice.multiple)
    radios += sum(len(q.options) for q in qs if q.kind == "single")
    radios += sum(len(q.scale.values) for q in qs if q.kind == "scale")
    assert len(page.find("input", type="radio")) == radios + threats * 2 * 3
    cells = sum(i.table.empty_rows * len(i.table.columns) for i in items if i.kind == "table")
    write_ins = sum(o.write_in for q in qs if q.options for o in q.options)
    assert len(page.find("input", type="text")) == cells + write_ins
    assert len(page.find("input", type="number")) == sum(q.kind == "number" for q in qs)
    assert "¿Qué te preocupa de tu teléfono?" in page.all_text().replace("  ", " ") or \
        squash("¿Qué te preocupa de tu teléfono?") in squash(page.all_text())


def test_videos_are_links_titled_with_duration_and_captions(built):
    cur = load_curriculum(built[1])
    page = Page(read(built, "es/every-kind-es.html"))
    v = cur.videos["intro"]
    links = [a for a in page.find("a") if a.get("href") == v.url.get("es")]
    assert links and "utm_source" not in v.url.get("es")
    text = page.all_text()
    assert plain(v.title.get("es")) in text and "3:05" in text
    assert "Sin subtítulos" in text  # the video declares no captions: said, not hidden
    # link text is the title, never only the URL
    raw = read(built, "es/every-kind-es.html").decode()
    m = re.search(r'<a class="out" href="[^"]*intro[^"]*"[^>]*>(.*?)</a>', raw)
    assert m and plain(v.title.get("es")) in m.group(1)


def test_the_same_input_gives_the_same_bytes(built):
    from workshopkit.build import kinds
    from workshopkit.model.options import Options
    from workshopkit.source.settings import resolve

    cur = load_curriculum(built[1])
    settings = resolve(cur, None, None)
    a = kinds.render("web", cur, settings, ("es",), Options())
    b = kinds.render("web", cur, settings, ("es",), Options())
    assert a == b and a.startswith(b"<!DOCTYPE html>")
