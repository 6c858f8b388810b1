"""Slides read straight from a .pptx package: shape boxes, paragraphs and pictures.

Reading the slide XML with lxml is many times faster than walking python-pptx's object
model, which matters when every deck of every variant is checked. Only what the layout
rules need is read; shapes without their own position (inherited from a layout) are
left without a box.
"""
from __future__ import annotations

import posixpath
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

from lxml import etree

NS = {"p": "http://schemas.openxmlformats.org/presentationml/2006/main",
      "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
      "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships"}
REL = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"
R_ID = "{%s}id" % NS["r"]
R_EMBED = "{%s}embed" % NS["r"]


@dataclass
class Para:
    text: str  # explicit line breaks as "\v"
    bold: bool  # every run with text is bold
    italic: bool = False  # every run with text is italic (a bilingual deck's second language)


@dataclass
class Shape:
    name: str
    kind: str  # sp, pic, graphicFrame, grpSp, cxnSp
    box: Optional[tuple[int, int, int, int]]  # x0, y0, x1, y1 in EMU
    frames: list[list[Para]] = field(default_factory=list)
    image: Optional[bytes] = None


@dataclass
class Deck:
    width: int
    height: int
    slides: list[list[Shape]]


def read_deck(path: Path, images: bool = False) -> Deck:
    with zipfile.ZipFile(path) as z:
        pres = etree.fromstring(z.read("ppt/presentation.xml"))
        size = pres.find("p:sldSz", NS)
        rels = _rels(z, "ppt/presentation.xml")
        slides = []
        for sid in pres.iterfind("p:sldIdLst/p:sldId", NS):
            part = rels[sid.get(R_ID)]
            root = etree.fromstring(z.read(part))
            srels = _rels(z, part) if images else {}
            tree = root.find("p:cSld/p:spTree", NS)
            slides.append([_shape(el, z, srels) for el in tree
                           if etree.QName(el).localname in ("sp", "pic", "graphicFrame",
                                                             "grpSp", "cxnSp")])
    return Deck(int(size.get("cx")), int(size.get("cy")), slides)


def _rels(z: zipfile.ZipFile, part: str) -> dict[str, str]:
    folder, name = posixpath.split(part)
    try:
        root = etree.fromstring(z.read(f"{folder}/_rels/{name}.rels"))
    except KeyError:
        return {}
    return {r.get("Id"): posixpath.normpath(posixpath.join(folder, r.get("Target")))
            for r in root.iter(REL) if r.get("TargetMode") != "External"}


def _shape(el, z: zipfile.ZipFile, rels: dict[str, str]) -> Shape:
    kind = etree.QName(el).localname
    c_nv = el.find(".//p:cNvPr", NS)
    xfrm = el.find("p:spPr/a:xfrm", NS)
    if xfrm is None:
        xfrm = el.find("p:xfrm", NS) if kind == "graphicFrame" else el.find("p:grpSpPr/a:xfrm", NS)
    box = None
    if xfrm is not None and xfrm.find("a:off", NS) is not None:
        off, ext = xfrm.find("a:off", NS), xfrm.find("a:ext", NS)
        x, y = int(off.get("x")), int(off.get("y"))
        box = (x, y, x + int(ext.get("cx")), y + int(ext.get("cy")))
    shape = Shape(c_nv.get("name", "") if c_nv is not None else "", kind, box)
    bodies = el.findall("p:txBody", NS) + el.findall(".//a:tc/a:txBody", NS)
    if kind == "grpSp":
        bodies = el.findall(".//p:txBody", NS)
    shape.frames = [[_para(p) for p in body.iterfind("a:p", NS)] for body in bodies]
    blip = el.find("p:blipFill/a:blip", NS)
    if blip is not None and blip.get(R_EMBED) in rels:
        shape.image = z.read(rels[blip.get(R_EMBED)])
    return shape


def _para(p) -> Para:
    parts, bold, italic = [], [], []
    for child in p:
        tag = etree.QName(child).localname
        if tag in ("r", "fld"):
            t = child.findtext("a:t", "", NS)
            parts.append(t)
            if t.strip():
                rpr = child.find("a:rPr", NS)
                bold.append(rpr is not None and rpr.get("b") in ("1", "true"))
                italic.append(rpr is not None and rpr.get("i") in ("1", "true"))
        elif tag == "br":
            parts.append("\v")
    return Para("".join(parts), bool(bold) and all(bold), bool(italic) and all(italic))
