"""Facilitator guide: read the PDF back and compare with what the YAML said."""
from __future__ import annotations

import datetime as dt
import io
import re
import subprocess

import pytest
from pypdf import PdfReader

from conftest import facilitator_texts, load_every_kind, load_example, pdf_text, require_tool, squash
from workshopkit.plan.markup import plain
from workshopkit.model.options import Options
from workshopkit.plan import pages
from workshopkit.source.validate import Workspace
from workshopkit.render.pdf import guide
from workshopkit.source.settings import resolve


def test_format_example_schedule_clock_times():
    cur = load_example()
    text = pdf_text(guide.write(cur, resolve(cur), ("en",), Options(start=dt.time(9, 30))))
    flat = " ".join(text.split())
    assert re.search(r"09:30–09:50 Camera walk", flat)
    assert re.search(r"09:50–10:00 Break", flat)
    assert re.search(r"10:00–10:30 What puts us at risk\?", flat)
    assert "10:30" in flat and "1 h" in flat  # total


def test_notes_steps_and_care_are_in_the_guide(tmp_path):
    cur = load_every_kind(tmp_path)
    for lang in ("es", "en"):
        text = squash(pdf_text(guide.write(cur, resolve(cur), (lang,), Options())))
        missing = [s for s in facilitator_texts(cur, lang) if squash(s) not in text]
        assert not missing


def test_materials_gathered_and_deduplicated(tmp_path):
    cur = load_every_kind(tmp_path)
    mats = pages.materials(cur, ("en",))
    assert [m.texts[0] for m in mats] == ["Markers", "Flip chart", "Cards"]
    markers = mats[0]
    assert markers.whole_workshop and [t.get("en") for t in markers.used_by] == ["Warm-up"]
    text = pdf_text(guide.write(cur, resolve(cur), ("en",), Options()))
    assert text.count("Markers") >= 1
    assert "For: Whole workshop; Warm-up" in " ".join(text.split())
    assert "For: Warm-up" in text  # Cards


def test_cover_sessions_activities_and_back_matter(tmp_path):
    cur = load_every_kind(tmp_path)
    text = pdf_text(guide.write(cur, resolve(cur), ("en",), Options()))
    flat = squash(text)
    for s in ("Facilitator guide", "Digital self-defence", "A workshop with everything.",
              "Collectives", "Intermediate", "Ana Pérez", "CC-BY-SA-4.0", "2.0.1",
              "Recognise threats", "We start with the basics.", "We get to know each other.",
              "Deepening", "Welcome (Bullets)", "Question: What worries you about your phone?",
              "Risk matrix: Phone seizure; Impersonation", "Welcome video", "3:05",
              "https://video.example.org/w/intro", "Encryption", "Making data unreadable.",
              "Surveillance Self-Defense", "https://ssd.eff.org/", "Day 2"):
        assert squash(s) in flat, s
    assert "utm_source" not in text
    assert "**" not in text


def test_anonymous_guide_names_no_author(tmp_path):
    cur = load_every_kind(tmp_path)
    data = guide.write(cur, resolve(cur), ("en",), Options(anonymous=True))
    assert "Ana Pérez" not in pdf_text(data)
    assert not PdfReader(io.BytesIO(data)).metadata.get("/Author")
    named = PdfReader(io.BytesIO(guide.write(cur, resolve(cur), ("en",), Options())))
    assert named.metadata["/Author"] == "Ana Pérez"


def test_bilingual_guide_interleaves(tmp_path):
    cur = load_every_kind(tmp_path)
    text = squash(pdf_text(guide.write(cur, resolve(cur), ("es", "en"), Options())))
    for lang in ("es", "en"):
        for s in facilitator_texts(cur, lang):
            assert squash(s) in text
    assert text.index(squash("Paso secreto uno.")) < text.index(squash("Secret step one."))


@pytest.mark.parametrize("opts", [Options(), Options(paper="a4", booklet=True),
                                  Options(large_print=True, ink="low")],
                         ids=["letter", "a4-booklet", "large-low"])
def test_guide_qpdf_and_deterministic(tmp_path, opts):
    qpdf = require_tool("qpdf")
    cur = load_every_kind(tmp_path)
    data = guide.write(cur, resolve(cur), ("es", "en"), opts)
    assert data == guide.write(cur, resolve(cur), ("es", "en"), opts)
    f = tmp_path / "g.pdf"
    f.write_bytes(data)
    r = subprocess.run([qpdf, "--check", str(f)], capture_output=True, text=True)
    assert r.returncode == 0, r.stdout + r.stderr


def test_guide_built_by_cli(cli, example_project):
    out = example_project / "out"
    r = cli("build", str(example_project / "curricula"), "-o", str(out), "--only", "guide",
            "--lang", "es", "--start", "10:00")
    assert r.exit_code == 0, r.output
    pdf = out / "local-surveillance" / "es" / "local-surveillance-es-guide.pdf"
    flat = " ".join(pdf_text(pdf.read_bytes()).split())
    assert "10:00–10:20 Caminata de las cámaras" in flat
    assert squash(plain("Sugiere un recorrido corto.")) in squash(flat)


def test_a_material_taller_than_a_booklet_page_splits_and_keeps_every_word(tmp_path):
    words = [f"palabra{i}" for i in range(600)]
    src = load_example().path.read_text(encoding="utf-8")
    src = src.replace("  - {es: Papelógrafo y marcadores, en: Flip chart and markers}",
                      "  - " + " ".join(words))
    f = tmp_path / "curricula" / "tall.yaml"
    f.parent.mkdir()
    f.write_text(src, encoding="utf-8")
    cur = Workspace().load(f)
    assert cur is not None
    pdf = tmp_path / "tall-en-guide-booklet.pdf"
    pdf.write_bytes(guide.write(cur, resolve(cur), ("en",), Options(booklet=True)))
    from workshopkit.check.pdftext import read_pdf  # booklet sheets in reading order

    text = " ".join(f.text for page in read_pdf(pdf, True) for f in page.frags)
    assert re.findall(r"palabra\d+", text) == words


def test_a_care_note_taller_than_a_page_splits_and_keeps_every_word(tmp_path):
    words = [f"palabra{i}" for i in range(700)]
    src = load_example().path.read_text(encoding="utf-8")
    src = src.replace("        notes: {es: Sugiere un recorrido corto., en: Suggest a short route.}",
                      "        wellbeing: " + " ".join(words) + "\n"
                      "        notes: {es: Sugiere un recorrido corto., en: Suggest a short route.}")
    f = tmp_path / "curricula" / "tall.yaml"
    f.parent.mkdir()
    f.write_text(src, encoding="utf-8")
    cur = Workspace().load(f)
    assert cur is not None
    text = pdf_text(guide.write(cur, resolve(cur), ("en",), Options(large_print=True)))
    assert re.findall(r"palabra\d+", text) == words
