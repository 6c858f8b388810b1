"""Defects seen on printed pages, read back from the PDFs."""
from __future__ import annotations

import functools

from conftest import SAMPLES, load_curriculum, pdf_text
from workshopkit.build.targets import options_for
from workshopkit.render.pdf import worksheets
from workshopkit.source.settings import resolve


@functools.cache
def sample(name: str):
    return load_curriculum(SAMPLES / f"{name}.yaml")


def test_french_comparison_card_labels_take_a_space_before_the_colon():
    cur = sample("free-software")
    text = pdf_text(worksheets.write(cur, resolve(cur), ("fr",), options_for(cur, {})))
    assert "Licence\u00a0:" in text or "Licence :" in text, text
    assert "Licence:" not in text and "Outil libre:" not in text


def test_the_guide_schedule_shows_each_phase_name_unbroken():
    from workshopkit.render.pdf import guide

    cur = sample("free-software")
    text = pdf_text(guide.write(cur, resolve(cur), ("fr",), options_for(cur, {})))
    lines = [l.strip() for l in text.splitlines()]
    assert any(l.endswith("Approfondissement") or l == "Approfondissement" or
               " Approfondissement " in f" {l} " for l in lines), lines[:80]
    assert not any(l.endswith("Approfondisse-") for l in lines)


def test_a_running_header_too_long_for_large_print_ends_on_a_whole_word():
    import re

    from workshopkit.model.options import Options

    cur = sample("local-surveillance")
    opts = Options(paper="a4", large_print=True)
    text = pdf_text(worksheets.write(cur, resolve(cur), ("en",), opts))
    titles = " ".join(str(x) for x in [cur.title.get("en")] + [
        t.get("en") for s, a in cur.activities() for t in (s.title, a.title) if t])
    known = set(re.findall(r"\w+", titles))
    head = f"{cur.title.get('en')} · "
    cut = [l.strip() for l in text.splitlines()
           if l.strip().startswith(head) and l.strip().endswith("…")]
    assert cut  # the sample's long titles do not fit beside the page edge in large print
    for line in cut:
        last = re.findall(r"\w+", line[:-1])[-1]
        assert last in known, line


def test_the_stand_in_date_is_never_printed_but_a_real_one_is():
    """Without SOURCE_DATE_EPOCH or 'updated' outputs carry a fixed date for
    reproducibility; pages and guides do not print it as if it meant something."""
    import datetime as dt

    from conftest import load_example
    from workshopkit.model.options import Options

    cur = load_example()
    assert "2000-01-01" not in pdf_text(worksheets.write(cur, resolve(cur), ("en",), Options()))
    real = Options(date=dt.datetime(2026, 3, 4, tzinfo=dt.timezone.utc))
    assert "2026-03-04" in pdf_text(worksheets.write(cur, resolve(cur), ("en",), real))


def deck_texts(data: bytes) -> list[str]:
    import io

    from pptx import Presentation

    return [sh.text_frame.text for s in Presentation(io.BytesIO(data)).slides
            for sh in s.shapes if sh.has_text_frame]


QUOTED = """workshopkit: 1
id: quoted
languages: [es, fr]
title: {es: Taller, fr: Atelier}
sessions:
  - id: s
    title: {es: Sesión, fr: Séance}
    activities:
      - id: a
        title: {es: Actividad, fr: Activité}
        phase: input
        duration: 10
        slides:
          - title: {es: Cita, fr: Citation}
            quote:
              text:
                es: «Software libre» es el software que respeta la libertad.
                fr: "“Logiciel libre” désigne des logiciels qui respectent la liberté."
"""


def test_a_quote_that_holds_quotation_marks_nests_them_and_french_uses_guillemets(tmp_path):
    from workshopkit.model.options import Options
    from workshopkit.render.pptx.deck import write

    (tmp_path / "quoted.yaml").write_text(QUOTED, encoding="utf-8")
    cur = load_curriculum(tmp_path / "quoted.yaml")
    texts = deck_texts(write(cur, resolve(cur), ("es", "fr"), Options()))
    said = [t for t in texts if "respeta" in t]
    assert said and "“‘Software libre’ es el software que respeta la libertad.”" in said[0], said
    assert "«\u00a0“Logiciel libre” désigne" in said[0] and "liberté.\u00a0»" in said[0], said
    assert "«Software" not in said[0] and "““" not in said[0]


def test_a_bilingual_cover_slide_says_a_shared_value_once_and_stays_one_slide():
    from workshopkit.render.pptx.deck import write

    cur = sample("international-session")
    texts = deck_texts(write(cur, resolve(cur), ("es", "en"), options_for(cur, {})))
    title = cur.title.get("es")
    assert not [t for t in texts if t.startswith(title) and "(cont.)" in t], texts[:6]
    cover = "\n".join(texts[:3])
    assert "Duración / Duration: " in cover and "Licencia / Licence: CC-BY-SA-4.0" in cover
    assert "Duration: " not in cover.replace("Duración / Duration: ", ""), cover


def test_a_line_never_starts_with_a_word_of_closing_punctuation():
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import SimpleDocTemplate

    from workshopkit.render.pdf.styles import para

    text = "Kind (G, P or ?) and « Et si demain ? »"
    out = []
    for width in range(70, 200, 3):  # every place a line could end
        buf = __import__("io").BytesIO()
        doc = SimpleDocTemplate(buf, pagesize=(width + 20, 800), leftMargin=10,
                                rightMargin=10, topMargin=10, bottomMargin=10)
        doc.build([para(text, ParagraphStyle("p", fontName="Helvetica", fontSize=10))])
        out += [l.strip() for l in pdf_text(buf.getvalue()).splitlines()]
    assert out and not [l for l in out if l[:1] in "?)»" or l.endswith("«")], out


def test_a_day_of_the_agenda_that_fits_a_page_is_not_split_over_two():
    import io

    from pypdf import PdfReader

    from workshopkit.render.pdf import agenda

    cur = sample("local-surveillance")
    data = agenda.write(cur, resolve(cur), ("es", "en"), options_for(cur, {}))
    pages = [p.extract_text() for p in PdfReader(io.BytesIO(data)).pages]
    assert len(pages) == 2, pages
    assert "Día 2" not in pages[0] and pages[1].lstrip().startswith("Día 2"), pages
