"""Fitting decisions a trainer sees from the back of a hall, checked on the plan:
comparison and table slides, agenda, titles, title slide and the second language."""
from __future__ import annotations

import pytest

from conftest import DATA, FORMAT_EXAMPLE, SAMPLES, planned_once
from workshopkit.build.targets import options_for
from workshopkit.plan.slides import plan
from workshopkit.plan.slides_fit import TABLE_SIZES, Box, TableBox, TextBox, table
from workshopkit.plan.slides_paging import fit
from workshopkit.plan.slides_text import (EMU_PER_PT, INSET_X, Line, Span, inches, layout,
                                          metrics_for, style_of)
from workshopkit.source.settings import bundled_fonts, resolve
from workshopkit.source.validate import Workspace

M = metrics_for(bundled_fonts())
FREE = SAMPLES / "free-software.yaml"


def planned(path, langs):
    ws = Workspace()
    cur = ws.load(path)
    assert cur is not None, [str(d) for d in ws.problems]
    return cur, plan(cur, resolve(cur), langs, options_for(cur, {}))


def said(para) -> str:
    return "".join(s.text for s in para.line.spans)


def title(slide) -> str:
    return said(slide.title.paras[0])


def tables(deck, kind):
    return [b for s in deck.slides if s.kind == kind for b in s.shapes if isinstance(b, TableBox)]


def paras(deck, kinds=None):
    for s in deck.slides:
        if kinds and s.kind not in kinds:
            continue
        for b in s.boxes():
            if b is s.number:  # the slide's number: small on purpose
                continue
            if isinstance(b, TextBox):
                yield from ((s, b.paras, p) for p in b.paras)
            elif isinstance(b, TableBox):
                for row in b.rows:
                    for cell in row:
                        yield from ((s, cell, p) for p in cell)


def no_word_broken(t: TableBox):
    for row in t.rows:
        for cell, w in zip(row, t.cols):
            inner = (w - 2 * INSET_X) / EMU_PER_PT
            for p in cell:
                for span in p.line.spans:
                    for word in span.text.split():
                        assert M.width_em(word, style_of(span, p.line)) * p.size_pt <= inner, word


# ------------------------------------------------------------------ comparison
@pytest.mark.parametrize("langs", [("en",), ("es",), ("es", "en")])
def test_comparison_reads_from_the_back_of_the_hall(langs):
    """Five columns do not fit at 24 pt: each row becomes a card (column name | value),
    at 24 pt or more, rows whole, every field once, no word broken."""
    cur, deck = planned(FREE, langs)
    found = tables(deck, "comparison")
    rows = cur.catalogs["free-software"].rows
    names = {said(c[0]) for t in found for c in (r[0] for r in t.rows)}
    assert "Need" in names or "Necesidad" in names
    needs = [said(r[1][0]) for t in found for r in t.rows if said(r[0][0]) in ("Need", "Necesidad")]
    assert needs == [r.need.get(langs[0]) for r in rows]  # every row once, in order
    for t in found:
        assert len(t.cols) == 2 and sum(t.cols) == deck.slides[0].title.w
        assert not t.header
        sizes = {p.size_pt for row in t.rows for c in row for p in c
                 if not p.line.secondary and p.line.scale == 1}
        assert min(sizes) >= 24, sizes  # licences beneath a tool's name: 18 pt or more
        assert min(p.size_pt for row in t.rows for c in row for p in c) >= 18
        no_word_broken(t)
    if langs == ("en",):
        card = {said(r[0][0]): r[1] for r in found[0].rows}
        assert [said(p) for p in card["Free tool"]] == ["Jitsi Meet", "Apache-2.0"]
        assert card["Free tool"][0].line.bold
        assert [said(p) for p in card["Instead of"]] == ["Zoom", "Proprietary"]


def test_a_comparison_without_a_title_uses_the_catalogue_title():
    cur, deck = planned(DATA / "slides-all" / "curricula" / "all-kinds.yaml", ("en",))
    slides = [s for s in deck.slides if s.kind == "comparison"]
    cat = next(iter(cur.catalogs.values()))
    sl = next(sl for s in cur.sessions for a in s.activities for sl in a.slides if sl.comparison)
    expected = (sl.title or cat.title).get("en")
    assert slides and title(slides[0]) == expected


# ------------------------------------------------------------------ tables in general
def cells(texts):
    return [[Line((Span(t),), "en")] for t in texts]


def test_a_tall_table_uses_the_fewest_slides_then_the_largest_size():
    area = Box(0, 0, inches(12), inches(5))
    head = cells(["Tool", "Where it runs", "Notes"])
    rows = [cells([f"Tool {i}", "On our own server", "Works offline after setup"])
            for i in range(40)]
    got = table(head, rows, area, M)
    per_size = {s: len(table(head, rows, area, M, sizes=(s,))) for s in TABLE_SIZES}
    assert len(got) == min(per_size.values())
    size = got[0][0].rows[1][0][0].size_pt
    assert size == max(s for s, n in per_size.items() if n == len(got)) >= 16
    counts = [len(b[0].rows) - 1 for b in got]
    assert max(counts) - min(counts) <= 1  # balanced, no near-empty last slide
    assert sum(counts) == 40


def test_bullets_use_the_fewest_slides_then_the_largest_size():
    items = [[Line((Span(f"Point {i} about keeping our data safe"),), "en", bullet=True)]
             for i in range(45)]
    f = fit(items, inches(12), inches(5), M, (28, 26, 24, 22, 20))
    per_size = {s: len(fit(items, inches(12), inches(5), M, (s,)).chunks)
                for s in (28, 26, 24, 22, 20)}
    assert len(f.chunks) == min(per_size.values()) and f.size_pt >= 20
    assert f.size_pt == max(s for s, n in per_size.items() if n == len(f.chunks))


def test_cells_are_measured_to_their_declared_margins():
    """A word that fits the cell's inner width stays on one line (no 5% margin)."""
    word = "Mailboxes"
    size = 20
    need = M.width_em(word, "regular") * size * EMU_PER_PT
    w = int(need / 0.97) + 2 * INSET_X  # fits exactly measured, not with a 5% margin
    cell = layout([[Line((Span(word),), "en")]], size, w, M, cell=True)[0]
    assert cell[0].lines == 1
    box = layout([[Line((Span(word),), "en")]], size, w, M)[0]
    assert box[0].lines == 2  # a text box keeps its safety margin


# ------------------------------------------------------------------ agenda
def long_workshop(tmp_path, n=14, bilingual=True):
    acts = "\n".join(
        f"""      - id: a{i}
        title: {{en: Activity number {i} with a fairly long name, es: Actividad número {i} con un nombre largo}}
        phase: activity
        duration: 20m""" for i in range(n))
    bullets = "\n".join(f"              - {{en: Point {i}, es: Punto {i}}}" for i in range(60))
    (tmp_path / "curricula").mkdir()
    f = tmp_path / "curricula" / "long.yaml"
    f.write_text(f"""workshopkit: 1
id: long
languages: [en, es]
title: {{en: A long workshop, es: Un taller largo}}
summary: {{en: A long day of practice, es: Un largo día de práctica}}
audience: {{en: Trainers, es: Formadoras}}
authors:
  - name: Test Collective
license: CC-BY-SA-4.0
sessions:
  - id: s
    title: {{en: The only session, es: La única sesión}}
    activities:
      - id: list
        title: {{en: Long list, es: Lista larga}}
        phase: input
        duration: 10m
        slides:
          - title: {{en: Keeping our data safe at home, es: Cuidar los datos}}
            bullets:
{bullets}
{acts}
""", encoding="utf-8")
    return f


@pytest.mark.parametrize("langs", [("en",), ("en", "es")])
def test_agenda_stays_large_and_continues(tmp_path, langs):
    _, deck = planned(long_workshop(tmp_path), langs)
    agenda = [s for s in deck.slides if s.kind == "agenda"]
    assert len(agenda) >= 2 and all(s.continued == i for i, s in enumerate(agenda))
    for s, _, p in paras(deck, ("agenda",)):
        if p in s.title.paras:
            continue
        assert p.size_pt >= (14 if p.line.secondary else 18)
    text = [said(p) for s in agenda for b in s.shapes if isinstance(b, TextBox) for p in b.paras]
    assert sum("Activity number" in t for t in text) == 14
    for s in agenda:
        for b in s.shapes:
            if isinstance(b, TextBox):
                for p in b.paras:
                    if p.line.secondary and p.line.hang:  # times once, on the first line
                        assert "–" not in said(p) and ":" not in said(p)
                        assert p.indent > 0
                    elif "Activity number" in said(p):
                        assert p.hang > 0 and said(p)[:11].count(":") == 2


# ------------------------------------------------------------------ titles
def test_a_cont_title_shrinks_a_little_before_it_wraps(tmp_path):
    _, deck = planned(long_workshop(tmp_path), ("en",))
    run = [s for s in deck.slides if title(s).startswith("Keeping our data")]
    assert len(run) > 1
    first = run[0].title.paras[0]
    assert first.lines == 1
    for s in run[1:]:
        p = s.title.paras[0]
        assert said(p).endswith("(cont.)")
        assert p.lines == 1 and 0.8 * first.size_pt <= p.size_pt <= first.size_pt


def test_cont_is_localised(tmp_path):
    _, deck = planned(long_workshop(tmp_path), ("es",))
    agenda = [title(s) for s in deck.slides if s.kind == "agenda"]
    from workshopkit.i18n import ui
    assert agenda[1] == ui("es")("{title} (cont.)").format(title=ui("es")("Agenda"))


@pytest.mark.parametrize("langs", [("en",), ("en", "es")])
def test_title_slide_has_a_hierarchy_readable_at_a_distance(tmp_path, langs):
    _, deck = planned(long_workshop(tmp_path), langs)
    cover = deck.slides[0]
    body = [p for b in cover.shapes if isinstance(b, TextBox) for p in b.paras]
    summary = [p for p in body if said(p) == "A long day of practice"]
    meta = [p for p in body if not p.line.secondary and said(p) != "A long day of practice"]
    assert summary and summary[0].size_pt >= 20
    assert len(meta) == 4 and all(p.size_pt >= 16 for p in meta)  # audience, time, authors, licence
    assert all(p.size_pt < summary[0].size_pt < cover.title.paras[0].size_pt for p in meta)


# ------------------------------------------------------------------ second language
@pytest.mark.parametrize("path,langs", [(FREE, ("es", "en")), (FORMAT_EXAMPLE, ("es", "en")),
                                        (SAMPLES / "oppressive-tech.yaml", ("es", "en"))])
def test_second_language_is_legible_everywhere(path, langs):
    _, deck = planned_once(path, langs)
    seen = 0
    for _, group, p in paras(deck):
        if not p.line.secondary:
            continue
        seen += 1
        first = group[group.index(p) - 1]
        assert p.size_pt >= 14 or p.size_pt >= first.size_pt, said(p)
        assert p.size_pt >= 0.6 * first.size_pt - 0.5 and p.size_pt <= first.size_pt
    assert seen > 20


@pytest.mark.parametrize("path", sorted(SAMPLES.glob("*.yaml")), ids=lambda p: p.stem)
def test_the_title_slide_stays_short_and_legible(path):
    """A long title and summary: the title shrinks before the cover continues; a
    bilingual cover keeps every line at 18 pt or more, on three slides at most."""
    _, deck = planned_once(path, ("es", "en"))
    assert [s.kind for s in deck.slides].count("title") <= 3
    body = [p for b in deck.slides[0].shapes if isinstance(b, TextBox) for p in b.paras]
    assert all(p.size_pt >= 18 for p in body)
