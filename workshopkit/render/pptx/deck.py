"""The slide deck (.pptx): an editable 16:9 deck, or the size of a given template.

``write`` plans the deck (workshopkit.plan.slides: what goes on each slide,
measured and split), then draws the plan as slide XML into a package whose
master, layouts and theme come from python-pptx (its own template made 16:9,
or an organisation's template).  Output bytes depend only on the input.
"""
from __future__ import annotations

from xml.sax.saxutils import escape

from workshopkit.model import Curriculum
from workshopkit.model.options import Options
from workshopkit.model.settings import Settings
from workshopkit.model.text import xml_safe
from workshopkit.plan.markup import plain
from workshopkit.plan.qr import png
from workshopkit.plan.slides import Deck, plan
from workshopkit.plan.slides_fit import Picture
from workshopkit.plan.slides_text import metrics_for
from workshopkit.render.greyscale import greyed
from workshopkit.render.pptx.package import Base, Package, base
from workshopkit.render.pptx.slidexml import Style, notes_xml, slide_xml


def write(cur: Curriculum, settings: Settings, languages: tuple[str, ...],
          options: Options) -> bytes:
    theme = settings.theme
    if options.ink == "low":
        theme = theme.greyscale()
    b = base(settings.template, theme.title_font)
    deck = plan(cur, settings, languages, options, b.width, b.height)
    colours = settings.template is None or theme.source is not None
    style = Style(theme, colours=colours, title_ph=b.title_ph,
                  metrics=metrics_for(settings.deck_fonts))
    return render(deck, b, style, cur, options)


def render(deck: Deck, b: Base, style: Style, cur: Curriculum, options: Options) -> bytes:
    pkg = Package(b)
    grey = options.ink == "low"
    for s in deck.slides:
        media, rels = {}, []
        for shape in s.boxes():
            if isinstance(shape, Picture):
                data, ext = _image(shape, grey)
                rid = f"rId{3 + len(rels)}"
                rels.append((rid, pkg.add_media(data, ext)))
                media[id(shape)] = rid
        pkg.add_slide(slide_xml(s, style, media), notes_xml(s.notes, style), rels)
    return pkg.finish(core_xml(cur, deck.languages, options),
                      app_xml(len(deck.slides), cur, deck.languages), options.date)


def _image(p: Picture, grey: bool = False) -> tuple[bytes, str]:
    if p.qr is not None:
        return png(p.qr), "png"
    if grey:  # --ink low: every colour grey, authored images and the logo too
        return greyed(p.image.data, p.image.format), p.image.format
    return p.image.data, p.image.format


def _x(s: str) -> str:
    return escape(xml_safe(s))


def core_xml(cur: Curriculum, languages: tuple[str, ...], options: Options) -> str:
    """Core properties from the curriculum and options.date (never the clock)."""
    lang = languages[0]
    title = " / ".join(dict.fromkeys(plain(cur.title.get(l)) for l in languages))
    authors = "" if options.anonymous else "; ".join(plain(a.name.get(lang)) for a in cur.authors)
    subject = plain(cur.summary.get(lang)) if cur.summary else ""
    keywords = ", ".join(k for k in (cur.id, cur.level or "", *languages) if k)
    stamp = options.date.strftime("%Y-%m-%dT%H:%M:%SZ")
    version = f"<cp:version>{_x(cur.version)}</cp:version>" if cur.version else ""
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/'
            'metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" '
            'xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/'
            'dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
            f"<dc:title>{_x(title)}</dc:title><dc:subject>{_x(subject)}</dc:subject>"
            f"<dc:creator>{_x(authors)}</dc:creator><cp:keywords>{_x(keywords)}</cp:keywords>"
            f"<cp:lastModifiedBy>{_x(authors)}</cp:lastModifiedBy><cp:revision>1</cp:revision>"
            f"<dc:language>{_x(lang)}</dc:language>{version}"
            f'<dcterms:created xsi:type="dcterms:W3CDTF">{stamp}</dcterms:created>'
            f'<dcterms:modified xsi:type="dcterms:W3CDTF">{stamp}</dcterms:modified>'
            "</cp:coreProperties>")


def app_xml(slides: int, cur: Curriculum, languages: tuple[str, ...]) -> str:
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/'
            'extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/'
            '2006/docPropsVTypes"><Application>workshopkit</Application>'
            f"<PresentationFormat>Custom</PresentationFormat><Slides>{slides}</Slides>"
            f"<Notes>{slides}</Notes></Properties>")
