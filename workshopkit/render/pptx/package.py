"""The .pptx package: python-pptx makes the master, layouts and theme once;
slides, notes, media and their relationships are written straight into the zip.

python-pptx names each new part by scanning every part and scans every
relationship on each ``relate_to``, so adding slides with notes through it
grows quadratically.  Here each slide costs one XML string and a few dict
entries.  The result reads back through python-pptx like any other deck.
"""
from __future__ import annotations

import functools
import hashlib
import io
import re
import zipfile
from dataclasses import dataclass
from typing import Optional
from xml.sax.saxutils import escape

from workshopkit.errors import Diagnostic, ERROR, Pos, WorkshopkitError
from workshopkit.model.settings import Template
from workshopkit.model.text import xml_safe
from workshopkit.render.archive import write_zip
from workshopkit.render.pptx.size import WIDE

CT_SLIDE = "application/vnd.openxmlformats-officedocument.presentationml.slide+xml"
CT_NOTES = "application/vnd.openxmlformats-officedocument.presentationml.notesSlide+xml"
RT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
RELS_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
KEEP_TYPES = {"title", "ctrTitle", "dt", "ftr", "sldNum"}


@dataclass(frozen=True)
class Base:
    parts: tuple[tuple[str, bytes], ...]  # zip entries of the package without slides
    layout: str      # part name of the layout every slide uses, e.g. ppt/slideLayouts/x.xml
    notes_master: str
    width: int
    height: int
    title_ph: str    # placeholder type of the layout's title: title | ctrTitle


def _error(name: str, message: str) -> WorkshopkitError:
    return WorkshopkitError(Diagnostic(ERROR, Pos(name), message))


def base(template: Optional[Template], font: str) -> Base:
    """The package without slides: ``template``'s, else python-pptx's own made 16:9 with
    ``font`` as the theme font (the template was checked when it was read)."""
    if template is None:
        return _base(None, b"", font)
    return _base(template.name, template.data, font)


@functools.lru_cache(maxsize=4)
def _base(name: Optional[str], data: bytes, font: str) -> Base:
    from pptx import Presentation

    if name is None:
        prs = Presentation()
        _widen(prs)
    else:
        try:
            prs = Presentation(io.BytesIO(data))
        except Exception:  # python-pptx raises many kinds for a file that is not a deck
            raise _error(name, "is not a .pptx presentation (save a template as .pptx)") \
                from None
    for sld in list(prs.slides._sldIdLst):  # a template's sample slides
        prs.part.drop_rel(sld.rId)
        prs.slides._sldIdLst.remove(sld)
    layout, ph = _pick_layout(prs, name)
    master = prs.notes_master  # created when the template has none
    prs.core_properties.title = ""
    buf = io.BytesIO()
    prs.save(buf)
    parts = dict(_read_zip(buf.getvalue()))
    if name is None:
        _set_theme_font(parts, font)
    return Base(tuple(parts.items()), str(layout.part.partname).lstrip("/"),
                str(master.part.partname).lstrip("/"), prs.slide_width, prs.slide_height, ph)


def _read_zip(data: bytes) -> list[tuple[str, bytes]]:
    z = zipfile.ZipFile(io.BytesIO(data))
    return [(n, z.read(n)) for n in z.namelist()]


def _widen(prs) -> None:
    """python-pptx's own template is 4:3: make it 16:9 and move every master and
    layout shape so titles and bodies stay centred."""
    old = prs.slide_width
    prs.slide_width, prs.slide_height = WIDE
    ratio = WIDE[0] / old
    a = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
    for el in [prs.slide_master._element] + [l._element for l in prs.slide_layouts]:
        for off in el.iter(f"{a}off"):
            off.set("x", str(round(int(off.get("x")) * ratio)))
        for ext in el.iter(f"{a}ext"):
            if ext.get("cx") is not None:
                ext.set("cx", str(round(int(ext.get("cx")) * ratio)))
    sz = prs._element.sldSz
    if sz.get("type") is not None:
        del sz.attrib["type"]


def _set_theme_font(parts: dict[str, bytes], font: str) -> None:
    for name in [n for n in parts if re.match(r"ppt/theme/theme\d+\.xml$", n)]:
        xml = parts[name].decode("utf-8")
        xml = re.sub(r'(<a:(?:major|minor)Font><a:latin typeface=")[^"]*(")',
                     lambda m: m.group(1) + escape(xml_safe(font), {'"': "&quot;"}) + m.group(2), xml)
        parts[name] = xml.encode("utf-8")


def _pick_layout(prs, name: Optional[str]):
    """A title-only layout, else the layout with a title and the fewest other placeholders."""
    best = None
    for layout in prs.slide_layouts:
        types = [_ph_type(p) for p in layout.placeholders]
        title = "title" if "title" in types else "ctrTitle" if "ctrTitle" in types else None
        if title is None:
            continue
        extra = sum(1 for t in types if t not in KEEP_TYPES)
        key = (extra, title != "title", layout.name != "Title Only")
        if best is None or key < best[0]:
            best = (key, layout, title)
    if best is None:
        raise _error(name or "template", "has no layout with a title placeholder")
    return best[1], best[2]


def _ph_type(ph) -> str:
    el = ph._element.ph
    return el.get("type", "body") if el is not None else "body"


# ---------------------------------------------------------------------- assembling

class Package:
    """Collects slides, notes and media, then writes the whole zip."""

    def __init__(self, b: Base):
        self.base = b
        self.parts = dict(b.parts)
        self.slides: list[tuple[str, str, list[tuple[str, str]]]] = []  # xml, notes, media rels
        self.media: dict[str, str] = {}  # sha -> part name
        self.types: set[str] = set()

    def add_media(self, data: bytes, ext: str) -> str:
        key = hashlib.sha256(data).hexdigest()
        if key not in self.media:
            name = f"ppt/media/wk-image{len(self.media) + 1}.{ext}"
            self.parts[name] = data
            self.media[key] = name
            self.types.add(ext)
        return self.media[key]

    def add_slide(self, slide_xml: str, notes_xml: str, media: list[tuple[str, str]]) -> None:
        """``media``: (relationship id, part name) pairs the slide refers to."""
        self.slides.append((slide_xml, notes_xml, media))

    def finish(self, core_xml: str, app_xml: str, date) -> bytes:
        p = self.parts
        layout_rel = "../" + self.base.layout.split("/", 1)[1]
        master_rel = "../" + self.base.notes_master.split("/", 1)[1]
        pres_rels = p["ppt/_rels/presentation.xml.rels"].decode("utf-8")
        used = [int(x) for x in re.findall(r'Id="rId(\d+)"', pres_rels)]
        first = max(used, default=0) + 1
        ids, rels, overrides = [], [], []
        for i, (sx, nx, media) in enumerate(self.slides, 1):
            slide, notes = f"ppt/slides/slide{i}.xml", f"ppt/notesSlides/notesSlide{i}.xml"
            p[slide] = sx.encode("utf-8")
            p[notes] = nx.encode("utf-8")
            srels = [("rId1", RT + "slideLayout", layout_rel),
                     ("rId2", RT + "notesSlide", f"../notesSlides/notesSlide{i}.xml")]
            srels += [(rid, RT + "image", "../media/" + m.rsplit("/", 1)[1]) for rid, m in media]
            p[f"ppt/slides/_rels/slide{i}.xml.rels"] = _rels(srels)
            p[f"ppt/notesSlides/_rels/notesSlide{i}.xml.rels"] = _rels(
                [("rId1", RT + "notesMaster", master_rel), ("rId2", RT + "slide",
                                                            f"../slides/slide{i}.xml")])
            rid = f"rId{first + i - 1}"
            ids.append(f'<p:sldId id="{255 + i}" r:id="{rid}"/>')
            rels.append(f'<Relationship Id="{rid}" Type="{RT}slide" Target="slides/slide{i}.xml"/>')
            overrides.append(f'<Override PartName="/{slide}" ContentType="{CT_SLIDE}"/>'
                             f'<Override PartName="/{notes}" ContentType="{CT_NOTES}"/>')
        p["ppt/_rels/presentation.xml.rels"] = pres_rels.replace(
            "</Relationships>", "".join(rels) + "</Relationships>").encode("utf-8")
        pres = p["ppt/presentation.xml"].decode("utf-8")
        pres = re.sub(r"<p:sldIdLst/>|<p:sldIdLst>.*?</p:sldIdLst>", "", pres, flags=re.S)
        lst = f"<p:sldIdLst>{''.join(ids)}</p:sldIdLst>" if ids else ""
        pres = re.sub(r"(<p:sldSz\b)", lambda m: lst + m.group(1), pres, count=1)
        p["ppt/presentation.xml"] = pres.encode("utf-8")
        self._content_types(overrides)
        self._doc_props(core_xml, app_xml)
        return write_zip(p, date, first=("[Content_Types].xml",))

    def _content_types(self, overrides: list[str]) -> None:
        ct = self.parts["[Content_Types].xml"].decode("utf-8")
        ct = re.sub(r'<Override PartName="/docProps/thumbnail\.jpeg"[^>]*/>', "", ct)
        defaults = {"png": "image/png", "jpeg": "image/jpeg", "jpg": "image/jpeg"}
        extra = "".join(f'<Default Extension="{e}" ContentType="{defaults[e]}"/>'
                        for e in sorted(self.types) if f'Extension="{e}"' not in ct)
        ct = re.sub(r"(<Types[^>]*>)", lambda m: m.group(1) + extra, ct, count=1)
        ct = ct.replace("</Types>", "".join(overrides) + "</Types>")
        self.parts["[Content_Types].xml"] = ct.encode("utf-8")

    def _doc_props(self, core_xml: str, app_xml: str) -> None:
        p = self.parts
        p.pop("docProps/thumbnail.jpeg", None)
        rels = p["_rels/.rels"].decode("utf-8")
        rels = re.sub(r'<Relationship [^>]*Target="docProps/thumbnail\.jpeg"[^>]*/>', "", rels)
        p["_rels/.rels"] = rels.encode("utf-8")
        for kind, xml in (("metadata/core-properties", core_xml),
                          ("officeDocument/2006/relationships/extended-properties", app_xml)):
            m = re.search(rf'<Relationship [^>]*Type="[^"]*{re.escape(kind)}"[^>]*/>', rels)
            if m:
                target = re.search(r'Target="/?([^"]+)"', m.group(0)).group(1)
                p[target] = xml.encode("utf-8")


def _rels(items: list[tuple[str, str, str]]) -> bytes:
    body = "".join(f'<Relationship Id="{i}" Type="{t}" Target="{escape(g)}"/>'
                   for i, t, g in items)
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            f'<Relationships xmlns="{RELS_NS}">{body}</Relationships>').encode("utf-8")
