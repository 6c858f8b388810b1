"""Defects the layout check found over the samples in every print variant, each fixed:
a survey's gaps on A4, a long meeting URL on narrow pages, a heading kept with a table
taller than a page, and the check's own reading of a scale's numbers."""
from __future__ import annotations

import io
from pathlib import Path

from pypdf import PdfReader
from reportlab.lib.pagesizes import letter
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Paragraph, Spacer, Table

from conftest import FORMAT_EXAMPLE, ROOT, load_curriculum, squash
from test_layout_check import FILLER, make_pdf, paragraph, rules, sources
from workshopkit.check import Sources, check_outputs
from workshopkit.model.options import Options
from workshopkit.render.pdf import base as pb
from workshopkit.render.pdf.fonts import register
from workshopkit.source.settings import resolve

ROOM = "https://meet.example.org/UnseemlyUnfixableConfidentPlaypenPebblyPaprikaDesecrate"


def test_survey_questions_are_separate_flowables():
    """reportlab marks a flowable it had to postpone: one Spacer object used for every
    gap between questions made the second postponement a layout error (A4 worksheets
    of the member survey)."""
    from workshopkit.render.pdf.blocks import Ctx
    from workshopkit.render.pdf.survey_form import questions
    from workshopkit.source.surveys import load_survey
    from workshopkit.source.validate import Workspace

    sv = load_survey(Workspace(), ROOT / "curricula" / "survey" / "member-tech.yaml")
    o = Options(paper="a4")
    faces = register(resolve(load_curriculum(FORMAT_EXAMPLE)).fonts)
    ctx = Ctx(sv, ("es",), o, pb.styles(o, faces), pb.palette(o), pb.frame_width(o), faces)
    flows = questions(ctx, sv)
    assert len(sv.questions) > 3
    assert len({id(f) for f in flows}) == len(flows)


def test_member_survey_worksheets_build_on_a4(tmp_path):
    from workshopkit import api

    res = api.build(api.BuildRequest(paths=(ROOT / "curricula" / "member-survey.yaml",),
                                     out_dir=tmp_path, kinds=("worksheets",),
                                     languages=("es",), overrides={"paper": "a4"}))
    assert res.exit_code == 0, [str(d) for d in res.problems.sorted()]
    pdf = next(tmp_path.rglob("*-es-worksheets.pdf"))
    assert len(PdfReader(pdf).pages) > 2


# ---------------------------------------------------------------- a long meeting URL
def _faces():
    return register(resolve(load_curriculum(FORMAT_EXAMPLE)).fonts)


def test_url_size_fits_every_piece_or_keeps_the_size():
    from workshopkit.render.pdf.join import MIN_URL_PT, url_size

    font = _faces().regular
    assert url_size("https://meet.example.org/short-room", 300, 16, font) == 16
    size = url_size(ROOM, 250, 16, font)
    assert MIN_URL_PT <= size < 16
    assert stringWidth("UnseemlyUnfixableConfidentPlaypenPebblyPaprikaDesecrate", font, size) <= 250


def _story_pdf(tmp_path: Path, flows, options: Options, name: str) -> Path:
    cur = load_curriculum(FORMAT_EXAMPLE)
    data = pb.render(flows, cur=cur, languages=("en",), options=options, faces=_faces(),
                     kind_title="Agenda")
    out = tmp_path / name
    out.write_bytes(data)
    return out


def test_a_long_meeting_url_on_a_narrow_page_is_never_cut_inside_a_piece(tmp_path):
    """Large print on a booklet page: beside the code the room name cannot fit; the URL
    goes beneath the code, across the page, whole pieces only, and the other join lines
    follow beneath it."""
    from workshopkit.plan.delivery import Join
    from workshopkit.render.pdf.join import block

    o = Options(large_print=True, booklet=True)
    faces = _faces()
    st = pb.styles(o, faces, "en")
    j = Join(url=ROOM, platform="jitsi", dial_number="+1 555 0100", dial_pin="4821 7730#", interpretation=(),
             recording="none")
    flows = block(j, ("en",), st, pb.frame_width(o), faces, "")
    assert isinstance(flows[0], Table) and len(flows) > 2  # the URL and lines beneath
    pdf = _story_pdf(tmp_path, flows, o, "x-en-agenda-large-print-booklet.pdf")
    src = Sources()
    src.add_text(ROOM)
    found = [f for f in check_outputs([pdf], src) if f.rule in ("word-split", "url-split")]
    assert found == [], found
    text = squash(" ".join(p.extract_text() for p in PdfReader(pdf).pages))
    assert squash("UnseemlyUnfixableConfidentPlaypenPebblyPaprikaDesecrate") in text


def test_a_heading_stays_with_a_table_taller_than_a_page_where_there_is_room(tmp_path):
    """reportlab's own KeepTogether moves a heading and a table taller than a page to a
    new page, leaving this one nearly empty; every document keeps them where they are
    when at least half a page is free."""
    o = Options()
    st = pb.styles(o, _faces(), "en")
    rows = [[f"row {i}", "text"] for i in range(80)]
    flows = [Paragraph("A short opening paragraph.", st["body"]),
             Paragraph("Schedule", st["h1"]), Table(rows, repeatRows=0), Spacer(1, 4)]
    pages = PdfReader(_story_pdf(tmp_path, flows, o, "t-en-guide.pdf")).pages
    first = pages[0].extract_text()
    assert "Schedule" in first and "row 0" in first, first


# ---------------------------------------------------------------- the check itself
def test_a_scale_of_bold_numbers_last_on_a_page_is_not_a_heading(tmp_path):
    src = sources()
    body = paragraph(60, FILLER[:38])
    numbers = make_pdf(tmp_path / "n-worksheets.pdf",
                       [body + [(50, 60 + 38 * 13 + 8, "1  2  3  4  5", "Helvetica-Bold", 11)],
                        paragraph(60, FILLER)])
    assert "stranded-heading" not in rules(numbers, src)
    words = make_pdf(tmp_path / "w-worksheets.pdf",
                     [body + [(50, 60 + 38 * 13 + 8, "Next steps", "Helvetica-Bold", 11)],
                      paragraph(60, FILLER)])
    assert "stranded-heading" in rules(words, src)


def test_a_list_item_a_little_larger_than_table_text_is_not_a_heading(tmp_path):
    """A guide whose most common size is a 9 pt table: a 10.5 pt step last on a page is
    a step, not a heading."""
    src = sources()
    cells = paragraph(60, [f"cell {i} " * 6 for i in range(36)])
    small = [(x, y, t, "Helvetica", 9) for x, y, t in cells]
    pdf = make_pdf(tmp_path / "s-guide.pdf",
                   [small + [(50, 60 + 36 * 13 + 8, "1. One step.", "Helvetica", 10.5)],
                    [(50, 40, "Next activity", "Helvetica-Bold", 13)] + small])
    assert "stranded-heading" not in rules(pdf, src)


# ---------------------------------------------------------------- bilingual resources slide
def test_a_resource_named_alike_in_both_languages_is_printed_once():
    """"Signal" and https://signal.org, then "Signal" again in the second language's
    muted bold: a line that says nothing new, and last on a slide it read as a heading
    left without its text."""
    from test_slides_room import planned
    from workshopkit.plan.slides_deck import TextBox

    cur, deck = planned(ROOT / "curricula" / "free-software.yaml", ("es", "en"))
    same = [r for r in cur.resources if r.title.get("es") == r.title.get("en")
            and (r.summary is None or r.summary.get("es") == r.summary.get("en"))]
    assert same
    lines = [p.line for s in deck.slides if s.kind == "resources" for b in s.shapes
             if isinstance(b, TextBox) for p in b.paras]
    for r in same:
        title = r.title.get("es")
        said = [ln for ln in lines if "".join(sp.text for sp in ln.spans).startswith(title)]
        assert len(said) == 1, [("".join(sp.text for sp in ln.spans), ln.secondary) for ln in said]


def test_a_paragraph_never_leaves_its_last_line_alone_at_the_top_of_a_page(tmp_path):
    o = Options()
    st = pb.styles(o, _faces(), "en")
    long = " ".join(f"word{i}" for i in range(120))
    fill = [Paragraph(f"Filler paragraph {i} " + "text " * 30, st["body"]) for i in range(14)]
    for pad in range(100, 130, 2):  # somewhere the last line would fall alone on page 2
        flows = fill + [Spacer(1, pad), Paragraph(long, st["body"])]
        pages = PdfReader(_story_pdf(tmp_path, flows, o, f"w{pad}-en-guide.pdf")).pages
        if len(pages) < 2:
            continue
        second = [ln for ln in pages[1].extract_text().splitlines() if "word" in ln]
        assert len(second) != 1, (pad, second)


def test_a_bold_second_language_line_closing_a_slide_is_not_a_stranded_heading(tmp_path):
    """A resource's title in the second language (bold, italic, smaller) under the first
    language's title and URL belongs to that item; a day heading in both languages still
    counts as stranded."""
    from pptx import Presentation
    from pptx.util import Inches, Pt

    def deck(name: str, paras: list[list[tuple[str, bool, bool]]]) -> Path:
        prs = Presentation()
        prs.slide_width, prs.slide_height = Inches(13.333), Inches(7.5)
        slide = prs.slides.add_slide(prs.slide_layouts[6])
        prs.slides.add_slide(prs.slide_layouts[6])
        tf = slide.shapes.add_textbox(Inches(0.5), Inches(2), Inches(12), Inches(5)).text_frame
        for i, runs in enumerate(paras):
            p = tf.paragraphs[0] if i == 0 else tf.add_paragraph()
            for text, bold, italic in runs:
                run = p.add_run()
                run.text, run.font.bold, run.font.italic = text, bold, italic
                run.font.size = Pt(18 if italic else 28)
        out = tmp_path / "d" / "es+en" / name
        out.parent.mkdir(parents=True, exist_ok=True)
        prs.save(str(out))
        return out

    src = sources()
    resource = deck("r-es+en-slides.pptx", [
        [("Nextcloud", True, False), (" https://nextcloud.com/", False, False)],
        [("Atlas de la Vigilancia", True, False), (" https://atlasofsurveillance.org/", False, False)],
        [("Atlas of Surveillance", True, True)]])
    assert "stranded-heading" not in rules(resource, src)
    day = deck("s-es+en-slides.pptx", [[("09:00 Bienvenida", False, False)],
                                       [("Día 2", True, False)], [("Day 2", True, True)]])
    assert "stranded-heading" in rules(day, src)


# ---------------------------------------------------------------- video handout after the join card
def test_video_cards_follow_the_join_card_on_its_page_when_a_row_fits(tmp_path):
    """An online workshop's handout: the "how to join" card, then the cards beneath it on
    the same sheet of paper (they used to start a new page, a sheet half empty), with every
    code still decoding; where no card fits beneath it, the cards start the next page."""
    import pypdfium2 as pdfium
    import zxingcpp

    from workshopkit.render.pdf import handout

    cur = load_curriculum(ROOT / "curricula" / "international-session.yaml")
    settings = resolve(cur)
    data = handout.write(cur, settings, ("pt",), Options())
    pages = PdfReader(io.BytesIO(data)).pages
    assert len(pages) == 1
    page = pdfium.PdfDocument(data)[0]
    found = {r.text for r in zxingcpp.read_barcodes(page.render(scale=100 / 72).to_pil())}
    urls = {v.url.get("pt") for v in cur.videos.values()} | {ROOM}
    assert urls <= found, (urls, found)
    for options in (Options(booklet=True), Options(large_print=True, booklet=True)):
        pdf = tmp_path / f"i-pt-videos-{len(list(tmp_path.iterdir()))}-booklet.pdf"
        pdf.write_bytes(handout.write(cur, settings, ("pt",), options))
        assert check_outputs([pdf], Sources.from_paths([ROOT / "curricula"])) == []


# ---------------------------------------------------------------- cards move whole
def test_a_card_moves_whole_to_the_next_page_and_splits_only_from_a_pages_top(tmp_path):
    """A risk-matrix threat or a tool's card is one item: at the foot of a page it moves to
    the next page whole (it used to split between its rows); taller than a page, it still
    splits, from the top of one."""
    from workshopkit.render.pdf.blocks import Ctx, card

    o = Options()
    cur = load_curriculum(FORMAT_EXAMPLE)
    faces = _faces()
    st = pb.styles(o, faces, "en")
    ctx = Ctx(cur, ("en",), o, st, pb.palette(o), pb.frame_width(o), faces)
    rows = [Paragraph(f"CARDROW{i} " + "word " * 20, st["body"]) for i in range(8)]
    for n in (16, 18, 20):  # the card's foot, half of it, or its head would be left behind
        fill = [Paragraph(f"Filler paragraph {i} " + "text " * 30, st["body"]) for i in range(n)]
        pages = PdfReader(_story_pdf(tmp_path, fill + [card(ctx, rows)], o,
                                     f"c{n}-en-worksheets.pdf")).pages
        counts = [p.extract_text().count("CARDROW") for p in pages]
        assert sorted(counts) == [0, 8], (n, counts)
    tall = [Paragraph(f"TALLROW{i} " + "word " * 40, st["body"]) for i in range(60)]
    pages = PdfReader(_story_pdf(tmp_path, [card(ctx, tall)], o, "t-en-worksheets.pdf")).pages
    text = " ".join(p.extract_text() for p in pages)
    assert len(pages) > 1 and all(f"TALLROW{i} " in text for i in range(60))


def test_a_heading_last_on_a_page_before_a_larger_heading_is_not_stranded(tmp_path):
    """An activity with no steps closes a page and the next page opens a new section (the
    guide's "Videos"): the activity's heading introduces nothing over the page break."""
    src = sources()
    body = paragraph(60, FILLER[:38])
    foot = (50, 60 + 38 * 13 + 8, "Sharing back", "Helvetica-Bold", 11)
    section = make_pdf(tmp_path / "v-guide.pdf",
                       [body + [foot], [(50, 40, "Videos", "Helvetica-Bold", 16)]
                        + paragraph(70, FILLER[:10])])
    assert "stranded-heading" not in rules(section, src)
    same = make_pdf(tmp_path / "s-guide.pdf",  # a sibling heading: its body may follow it
                    [body + [foot], [(50, 40, "Camera walk", "Helvetica-Bold", 11)]
                     + paragraph(60, FILLER[:10])])
    assert "stranded-heading" in rules(same, src)
    prose = make_pdf(tmp_path / "p-guide.pdf", [body + [foot], paragraph(60, FILLER[:10])])
    assert "stranded-heading" in rules(prose, src)
