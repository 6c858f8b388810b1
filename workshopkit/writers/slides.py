"""The slide deck (.pptx, 16:9): title slide, then every authored slide.

This is the simplest honest form: titles, bullets and speaker notes.
"""
from __future__ import annotations

import io

from pptx import Presentation
from pptx.util import Emu, Inches, Pt

from ..i18n import ui
from ..markup import plain
from ..model import Curriculum
from ..options import Options
from .zipfix import normalise_zip

WIDTH, HEIGHT = Inches(13.333), Inches(7.5)


def write(cur: Curriculum, languages: tuple[str, ...], options: Options) -> bytes:
    lang = languages[0]
    _ = ui(lang)
    prs = Presentation()
    prs.slide_width, prs.slide_height = Emu(WIDTH), Emu(HEIGHT)
    blank = prs.slide_layouts[6]

    def add(title: str, lines: list[str], notes: str = "") -> None:
        slide = prs.slides.add_slide(blank)
        box = slide.shapes.add_textbox(Inches(0.7), Inches(0.5), WIDTH - Inches(1.4), Inches(1.2))
        box.text_frame.word_wrap = True
        box.text_frame.text = title
        box.text_frame.paragraphs[0].runs[0].font.size = Pt(36)
        if lines:
            body = slide.shapes.add_textbox(Inches(0.7), Inches(1.9), WIDTH - Inches(1.4),
                                            HEIGHT - Inches(2.4))
            body.text_frame.word_wrap = True
            for i, line in enumerate(lines):
                p = body.text_frame.paragraphs[0] if i == 0 else body.text_frame.add_paragraph()
                p.text = "• " + line
                p.runs[0].font.size = Pt(24)
        if notes:
            slide.notes_slide.notes_text_frame.text = notes

    add(plain(cur.title.get(lang)), [plain(cur.summary.get(lang))] if cur.summary else [])
    for _s, act in cur.activities():
        for sl in act.slides:
            title = plain(sl.title.get(lang)) if sl.title else plain(act.title.get(lang)) if act.title else ""
            bullets = [plain(b.get(lang)) for b in sl.bullets or []]
            add(title, bullets, plain(sl.notes.get(lang)) if sl.notes else "")

    props = prs.core_properties
    props.title = plain(cur.title.get(lang))
    props.author = "" if options.anonymous else ", ".join(plain(a.name.get(lang)) for a in cur.authors)
    props.last_modified_by = props.author
    props.language = lang
    props.created = props.modified = options.date.replace(tzinfo=None)
    props.revision = 1
    buf = io.BytesIO()
    prs.save(buf)
    return normalise_zip(buf.getvalue(), options.date)
