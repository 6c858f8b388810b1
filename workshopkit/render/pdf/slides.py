"""The deck as PDF pages (``<id>-<lang>-slides.pdf``), for any PDF viewer, phones included.

Drawn from the same slide plan as the .pptx (workshopkit.plan.slides), not by
converting it: the same slides, in the same order, with the same text, tables,
images, QR codes, numbers and "(cont.)" slides, one page each, at the deck's
size (16:9, or an organisation's template's).  Fonts are the deck's, embedded;
URLs and QR codes are links.  Speaker notes are never drawn.
"""
from __future__ import annotations

import io

from reportlab.pdfgen.canvas import Canvas

from workshopkit import __version__
from workshopkit.model import Curriculum
from workshopkit.model.options import Options
from workshopkit.model.settings import Settings
from workshopkit.plan.slides import Deck, plan
from workshopkit.plan.slides_text import metrics_for
from workshopkit.render.pdf.meta import deflate_only, metadata, words
from workshopkit.render.pdf.fonts import face
from workshopkit.render.pdf.slidedraw import Look, draw, pt
from workshopkit.render.pptx.size import slide_size


def deck_and_look(cur: Curriculum, settings: Settings, languages: tuple[str, ...],
                  options: Options) -> tuple[Deck, Look]:
    """The deck's plan, and how its slides look (greys only under ``--ink low``)."""
    theme = settings.theme.greyscale() if options.ink == "low" else settings.theme
    width, height = slide_size(settings.template)
    deck = plan(cur, settings, languages, options, width, height)
    look = Look(theme, metrics_for(settings.deck_fonts),
                settings.deck_fonts, pt(width), pt(height),
                bars=settings.template is None or theme.source is not None,
                grey=options.ink == "low")
    return deck, look


def pdf_date(options: Options) -> str:
    return options.date.strftime("D:%Y%m%d%H%M%S+00'00'")


def canvas(buf: io.BytesIO, size: tuple[float, float], cur: Curriculum,
           languages: tuple[str, ...], options: Options, font: str, kind_title: str) -> Canvas:
    """A deterministic canvas with the document's metadata (``font``: a registered face)."""
    meta = metadata(cur, languages, options, kind_title)
    c = Canvas(buf, pagesize=size, invariant=1, pageCompression=1, lang=meta["lang"],
               initialFontName=font)
    c.setDateFormatter(lambda *_a, d=pdf_date(options): d)
    c.setTitle(meta["title"])
    c.setViewerPreference("DisplayDocTitle", "true")  # viewers show the title, not the file
    c.setAuthor(meta["author"])
    c.setSubject(meta["subject"])
    c.setKeywords(meta["keywords"])
    c.setCreator(meta["creator"])
    c.setProducer(f"workshopkit {__version__}")
    return c


def write(cur: Curriculum, settings: Settings, languages: tuple[str, ...],
          options: Options) -> bytes:
    deck, look = deck_and_look(cur, settings, languages, options)
    buf = io.BytesIO()
    c = canvas(buf, (look.width, look.height), cur, languages, options,
               face(look.fonts, "regular"),
               words("Slides", languages))
    for s in deck.slides:
        draw(c, s, look)
        c.showPage()
    with deflate_only():
        c.save()
    return buf.getvalue()
