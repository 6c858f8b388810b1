"""Page breaks that read well: a heading, an instruction or a lead-in text never ends a
page without what it introduces, and a list or table never leaves one item alone.

Each test pushes the item down the page a line at a time (a filler question with 1 to
N writing lines) so that, for some filler, the break falls inside the item."""
from __future__ import annotations

import re

import pypdfium2 as pdfium
import pytest

from workshopkit.model.options import Options
from workshopkit.source.validate import Workspace
from workshopkit.render.pdf import guide, worksheets
from workshopkit.source.settings import resolve

HEAD = """\
workshopkit: 1
id: keep
languages: [en]
title: Keep
sessions:
  - id: s
    title: Session
    activities:
"""

SHEET = HEAD + """\
      - id: a
        title: Sheet
        phase: activity
        duration: 30m
        worksheet:
          - prompt: Filler question
            lines: {filler}
{items}
"""

RISK = """\
          - risk_matrix:
              threats: [Threat one, Threat two, Threat three]"""

LEAD_IN = """\
          - text: Tick what you worry about.
          - checklist: [Worry one, Worry two, Worry three, Worry four]"""



def long_table(rows: int) -> str:
    return ("          - table:\n              columns: [Place, Who]\n              rows:\n"
            + "\n".join(f"                - [Row{i:02d}, x]" for i in range(1, rows + 1)))

LONG_LIST = "          - checklist: [" + ", ".join(f"Item{i:02d}" for i in range(1, 41)) + "]"


def load(tmp_path, text):
    (tmp_path / "keep.yaml").write_text(text, encoding="utf-8")
    ws = Workspace()
    cur = ws.load(tmp_path / "keep.yaml")
    assert cur is not None, [str(p) for p in ws.problems.items]
    return cur


def pages(pdf: bytes) -> list[str]:
    """Each page's words as PDFium reads them: the words pypdf reads, in a tenth of the
    time (the running footer may come in another order; PDFium marks a hyphen that ends a
    line as U+FFFE)."""
    doc = pdfium.PdfDocument(pdf)
    return [" ".join(doc[i].get_textpage().get_text_range().replace("\ufffe", "-").split())
            for i in range(len(doc))]


def sheet_pages(tmp_path, filler: int, items: str, **opts) -> list[str]:
    cur = load(tmp_path, SHEET.format(filler=filler, items=items))
    return pages(worksheets.write(cur, resolve(cur), ("en",), Options(**opts)))


FILLERS = range(8, 27, 2)  # moves the item down the first page, past its foot


@pytest.mark.parametrize("filler", FILLERS)
def test_risk_matrix_heading_instruction_grid_and_threats_share_a_page(tmp_path, filler):
    texts = sheet_pages(tmp_path, filler, RISK)
    at = [i for i, t in enumerate(texts) if "Risk matrix" in t]
    assert len(at) == 1
    page = texts[at[0]]
    for s in ("Place each threat", "Impact →", "Likelihood ↓", "High", "Mitigation",
              "Threat one", "Threat three"):
        assert s in page, (filler, s)


@pytest.mark.parametrize("filler", range(20, 36, 1))
def test_a_lead_in_text_stays_with_the_item_it_introduces(tmp_path, filler):
    texts = sheet_pages(tmp_path, filler, LEAD_IN)
    page = next(t for t in texts if "Tick what you worry about." in t)
    assert "Worry one" in page and "Worry four" in page, filler


@pytest.mark.parametrize("filler", [3, 30, 33, 36])
@pytest.mark.parametrize("rows", [26, 34, 35, 36, 59, 60, 61, 69])
def test_a_long_table_leaves_no_row_alone_and_repeats_its_header(tmp_path, rows, filler):
    texts = sheet_pages(tmp_path, filler, long_table(rows))
    counts = [len(re.findall(r"Row\d\d", t)) for t in texts]
    assert sum(counts) == rows
    assert all(c == 0 or c >= 2 for c in counts), (rows, counts)
    assert all("Place" in t for t, c in zip(texts, counts) if c), rows
    if rows > 34 and filler == 3:  # taller than a page: it starts at once, no empty page
        assert counts[0] >= 2, counts


@pytest.mark.parametrize("filler", FILLERS)
def test_a_long_checklist_leaves_no_item_alone(tmp_path, filler):
    texts = sheet_pages(tmp_path, filler, LONG_LIST)
    counts = [len(re.findall(r"Item\d\d", t)) for t in texts]
    assert sum(counts) == 40
    assert all(c == 0 or c >= 2 for c in counts), (filler, counts)


GUIDE = HEAD + """\
      - id: first
        title: First activity
        phase: input
        duration: 20m
        steps: [{steps}]
      - id: second
        title: Second activity
        phase: discussion
        duration: 20m
        steps: [Second step one, Second step two, Second step three, Second step four]
        materials: [Paper one, Paper two]
        notes: A note for the second activity.
"""


@pytest.mark.parametrize("filler", range(14, 40, 2))
def test_guide_activity_title_never_ends_a_page(tmp_path, filler):
    steps = ", ".join(f"Filler step {i} with a few more words to take a line" for i in range(filler))
    cur = load(tmp_path, GUIDE.format(steps=steps))
    texts = pages(guide.write(cur, resolve(cur), ("en",), Options()))
    page = next(t for t in texts if "Second activity Discussion · 20 min" in t)
    assert "Second step one" in page, filler
    mats = [t for t in texts if "Paper one" in t][-1]  # the activity's, not the gathered list
    assert "Paper two" in mats and "Materials" in mats.split("Paper one")[0], filler
