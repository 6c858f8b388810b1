"""Spanish printed material says no interface word in English.

The English words are every interface msgid whose Spanish translation differs
(read from the shipped catalogue); the Spanish guide, worksheets, video handout
and kit cover of a curriculum with every worksheet item kind and every slide
kind must contain none of them.
"""
from __future__ import annotations

import re
import shutil
import string

import pytest
from PIL import Image

from conftest import EVERY_KIND, EVERY_KIND_CATALOG, pdf_text
from workshopkit.build.kits import KitFile, contents_of
from workshopkit.build.request import KitRequest
from workshopkit.render.pdf.kitcover import write as cover_pdf
from workshopkit.source.settings import resolve
from workshopkit.model.options import Options
from workshopkit.i18n.po_catalog import read_catalog
from workshopkit.i18n.catalogs import ui_catalog_files
from workshopkit.source.validate import Workspace
from workshopkit.render.pdf import guide, handout, worksheets

EVERY_SLIDE = """\
          - video: intro
          - image: {src: pic.png, alt: {es: Una cámara, en: A camera}}
          - quote: {text: {es: Cita de prueba, en: Test quote}, source: Ana}
          - table: {columns: [{es: Uno, en: One}], rows: [[{es: Dos, en: Two}]]}
          - columns: [[{es: Izquierda, en: Left}], [{es: Derecha, en: Right}]]
          - comparison: free-software
          - title: {es: Solo un título, en: Only a title}
          - statement: {es: Una afirmación, en: A statement}
          - question: {es: "¿Una pregunta?", en: "A question?"}
"""


@pytest.fixture(scope="module")
def cur(tmp_path_factory):
    cdir = tmp_path_factory.mktemp("lang") / "curricula"
    (cdir / "catalog").mkdir(parents=True)
    anchor = "            bullets: [{es: Hola, en: Hello}]\n"
    every_kind = EVERY_KIND.read_text(encoding="utf-8")
    assert anchor in every_kind
    (cdir / "every-kind.yaml").write_text(every_kind.replace(anchor, anchor + EVERY_SLIDE),
                                          encoding="utf-8")
    (cdir / "catalog" / "free-software.yaml").write_bytes(EVERY_KIND_CATALOG.read_bytes())
    shutil.copytree(EVERY_KIND.parent / "survey", cdir / "survey")
    Image.new("RGB", (8, 8), "white").save(cdir / "pic.png")
    ws = Workspace()
    cur = ws.load(cdir / "every-kind.yaml")
    assert cur is not None, [str(p) for p in ws.problems.items]
    assert {s.kind for _s, a in cur.activities() for s in a.slides} == set(guide.SLIDE_KINDS) - {"title"} | {"title"}
    assert {i.kind for _s, a in cur.activities() for i in a.worksheet} == set(guide.ITEM_KINDS)
    return cur


def english_words(lang: str = "es") -> dict[str, re.Pattern]:
    """msgid -> a pattern for each of its literal parts, for msgids translated differently."""
    out = {}
    for m in read_catalog(ui_catalog_files()[lang]):
        if not m.id or not m.string or m.string == m.id or isinstance(m.id, tuple):
            continue  # plural phrases: see test_kit_cover
        parts = [lit for lit, *_ in string.Formatter().parse(m.id)]
        pats = []
        for part in parts:
            tokens = re.findall(r"[A-Za-z][A-Za-z'’-]*", part)
            if not tokens or sum(len(t) for t in tokens) < 3:
                continue
            pats.append(r"\b" + r"\s+".join(re.escape(t) for t in tokens) + r"\b")
        if pats:
            out[m.id] = re.compile("|".join(pats))
    return out


def spanish_outputs(cur) -> dict[str, str]:
    lang = ("es",)
    out = {}
    for name, opts in {"normal": Options(), "large": Options(large_print=True),
                       "booklet": Options(booklet=True)}.items():
        out[f"guide-{name}"] = pdf_text(guide.write(cur, resolve(cur), lang, opts))
        out[f"worksheets-{name}"] = pdf_text(worksheets.write(cur, resolve(cur), lang, opts))
        out[f"videos-{name}"] = pdf_text(handout.write(cur, resolve(cur), lang, opts))
    files = [KitFile("a-guide.pdf", "guide", b"", 3), KitFile("a-worksheets.pdf", "worksheets", b"", 4),
             KitFile("a-videos.pdf", "videos", b"", 1), KitFile("a-slides.pptx", "slides", b"", 0)]
    out["kit-cover"] = pdf_text(cover_pdf(cur, resolve(cur), lang, Options(), contents_of(files)))
    out["kit-cover-plan"] = pdf_text(cover_pdf(cur, resolve(cur), lang, Options(),
                                               contents_of(files, KitRequest(12, 2))))
    return out


def test_the_catalogue_gives_english_words_to_look_for():
    words = english_words()
    for msgid in ("Audience", "Choose one", "Likelihood", "Used in: {where}", "Bullets",
                  "Point your phone's camera at a code to open the video", "Copies"):
        assert msgid in words, msgid
    assert words["Used in: {where}"].search("Used in: x")
    assert not words["Audience"].search("Público")


@pytest.fixture(scope="module")
def rendered(cur):
    """The Spanish outputs, and then bilingual ones, rendered once while every interface
    word the writers look up is recorded: (Spanish texts, words looked up)."""
    from workshopkit import i18n

    real = i18n._ui_catalog
    asked: set[str] = set()

    class Recording(dict):
        def get(self, key, default=None):
            asked.add(key)
            return super().get(key, default)

    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(i18n, "_ui_catalog", lambda lang: Recording(real(lang) or {}))
        texts = spanish_outputs(cur)
        # rendered for the words they look up: their text is not read
        assert worksheets.write(cur, resolve(cur), ("es", "en"), Options())
        assert guide.write(cur, resolve(cur), ("es", "en"), Options(large_print=True, booklet=True))
        assert handout.write(cur, resolve(cur), ("es", "en"), Options(cards="page"))
    return texts, asked


def test_spanish_pdfs_print_no_english_interface_word(rendered):
    words = english_words()
    found = []
    for name, text in rendered[0].items():
        flat = " ".join(text.split())
        assert "Público" in flat or not name.startswith("guide"), name
        found += [f"{name}: {msgid!r}" for msgid, pat in words.items() if pat.search(flat)]
    assert not found, "English interface words in Spanish PDFs:\n  " + "\n  ".join(found)


def test_every_word_the_writers_look_up_is_in_the_template(rendered):
    """A fixed word printed through ui() but never marked for extraction would stay
    English in every language: record each lookup and find it in the template."""
    from conftest import ui_template

    asked = rendered[1]
    known = {m.id for m in ui_template() if m.id}
    assert len(asked) > 60
    assert not sorted(asked - known), "looked up but never extracted"
