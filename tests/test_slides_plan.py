"""The deck plan as pure data: splitting, fitting and wrapping, without python-pptx."""
from __future__ import annotations

import subprocess
import sys

import pytest

from conftest import DATA, FORMAT_EXAMPLE, ROOT
from workshopkit.build.targets import options_for
from workshopkit.plan.slides import plan
from workshopkit.plan.slides_fit import TableBox, TextBox
from workshopkit.plan.slides_paging import fit
from workshopkit.plan.slides_text import Line, Span, count_lines, height, inches, metrics_for
from workshopkit.source.settings import bundled_fonts, resolve
from workshopkit.source.validate import Workspace

ALL_KINDS = DATA / "slides-all" / "curricula" / "all-kinds.yaml"
M = metrics_for(bundled_fonts())


def planned(path, langs):
    cur = Workspace().load(path)
    return cur, plan(cur, resolve(cur), langs, options_for(cur, {}))


def texts(slide) -> list[str]:
    return ["".join(s.text for s in p.line.spans) for b in slide.shapes
            if isinstance(b, TextBox) for p in b.paras]


def test_the_plan_does_not_need_python_pptx():
    code = ("import sys; import workshopkit.plan.slides as p; "
            "assert not any(m.startswith('pptx') for m in sys.modules), 'pptx imported'")
    subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT)


def test_sixty_bullets_continue_on_cont_slides_in_order():
    cur, deck = planned(ALL_KINDS, ("en",))
    run = [s for s in deck.slides if s.kind == "bullets"
           and "".join(x.text for x in s.title.paras[0].line.spans).startswith("Sixty points")]
    assert len(run) > 1
    assert [s.continued for s in run] == list(range(len(run)))
    assert all("(cont.)" in "".join(x.text for x in s.title.paras[0].line.spans) for s in run[1:])
    bullets = [t for s in run for t in texts(s)]
    assert bullets == [f"Point number {i} about keeping data safe" for i in range(1, 61)]
    sizes = {p.size_pt for s in run for b in s.shapes if isinstance(b, TextBox) for p in b.paras}
    assert min(sizes) >= 20
    counts = [len(texts(s)) for s in run]
    assert max(counts) - min(counts) <= 1  # spread evenly
    assert not run[0].notes or "Long list note" in "".join(
        x.text for ln in run[0].notes for x in ln.spans)
    assert all(not s.notes for s in run[1:])


def test_two_languages_take_more_slides_than_one():
    _, one = planned(ALL_KINDS, ("en",))
    _, two = planned(ALL_KINDS, ("en", "vi"))
    count = lambda d: sum(1 for s in d.slides if s.kind == "bullets")
    assert count(two) > count(one)
    for s in two.slides:
        for b in s.boxes():
            if isinstance(b, TextBox):
                assert b.measured <= b.h


def test_big_table_repeats_its_header_on_every_slide():
    cur, deck = planned(ALL_KINDS, ("en",))
    tables = [b for s in deck.slides if s.kind == "table" for b in s.shapes
              if isinstance(b, TableBox)]
    assert len(tables) > 1
    first = lambda cell: "".join(x.text for x in cell[0].line.spans)
    for t in tables:
        assert [first(c) for c in t.rows[0]] == ["Tool", "Where it runs", "Licence", "#"]
        assert t.measured <= t.h and t.y + t.h <= deck.height
    rows = [first(r[0]) for t in tables for r in t.rows[1:]]
    assert rows == [f"Row {i} tool" for i in range(1, 31)]


def test_long_urls_and_words_wrap():
    url = "https://example.org/" + "a" * 300
    ln = Line((Span(url),), "en")
    assert count_lines(ln, 24, 400, M) > 5
    greek = Line((Span("Ψηφιακή αυτοάμυνα για κοινότητες " * 10),), "el")
    assert count_lines(greek, 24, 400, M) > 3


def test_a_giant_single_bullet_is_split_not_cut():
    text = " ".join(f"word{i}" for i in range(3000))
    item = [Line((Span(text),), "en", bullet=True)]
    f = fit([item], inches(12), inches(5), M, (28, 24, 20))
    assert len(f.chunks) > 1
    assert all(height(c) <= inches(5) for c in f.chunks)
    joined = " ".join("".join(s.text for s in p.line.spans) for c in f.chunks for p in c)
    assert joined.split() == text.split()


def test_long_titles_in_other_scripts_fit_their_box():
    _, deck = planned(ALL_KINDS, ("vi",))
    title = deck.slides[0].title
    assert len(title.paras) == 1 and title.paras[0].lines >= 2
    assert title.measured <= title.h and title.paras[0].size_pt >= 24


@pytest.mark.parametrize("langs", [("es",), ("es", "en")])
def test_deck_follows_the_schedule(langs):
    cur, deck = planned(FORMAT_EXAMPLE, langs)
    kinds = [s.kind for s in deck.slides]
    assert kinds[:3] == ["title", "objectives", "agenda"]
    assert kinds[-3:] == ["glossary", "resources", "credits"]
    assert kinds.count("section") == len(cur.sessions)
    assert "break" in kinds and "activity" in kinds  # 'risks' has no authored slides
    agenda = " ".join(texts(deck.slides[2]))
    assert "09:00–09:20" in agenda and "09:20–09:30" in agenda and "09:30–10:00" in agenda


def test_agenda_shows_days_and_start_time():
    import datetime as dt
    from dataclasses import replace
    cur = Workspace().load(ALL_KINDS)
    deck = plan(cur, resolve(cur), ("en",), replace(options_for(cur, {}), start=dt.time(10, 0)))
    agenda = " ".join(texts(next(s for s in deck.slides if s.kind == "agenda")))
    assert "Day 1" in agenda and "Day 2" in agenda and "10:00–10:45" in agenda
