"""The shipped icon set: files and licence, names and labels, the path reader, both renderers."""
from __future__ import annotations

import io
import math
import os
import re

import pytest

from conftest import ROOT

if os.environ.get("CI") != "true":
    pytest.importorskip("svgelements")

from lxml import etree  # noqa: E402
from PIL import Image, ImageDraw  # noqa: E402

from workshopkit.plan import icons  # noqa: E402
from workshopkit.render.pdf.icon import Icon, draw_icon  # noqa: E402
from workshopkit.render.pptx.icon import icon_sp  # noqa: E402

ICON_DIR = ROOT / "workshopkit" / "assets" / "icons"
NS = {"a": "http://schemas.openxmlformats.org/drawingml/2006/main",
      "p": "http://schemas.openxmlformats.org/presentationml/2006/main"}
WRAP = f'<p:wrap xmlns:a="{NS["a"]}" xmlns:p="{NS["p"]}">{{}}</p:wrap>'


def svg(name: str) -> str:
    return (ICON_DIR / icons.file_name(name)).read_text(encoding="utf-8")


def segs(name: str) -> tuple[icons.Seg, ...]:
    return icons.parse(svg(name))


def box_svg(*paths: str) -> str:
    body = "".join(f'<path d="{d}"/>' for d in paths)
    return (f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24">'
            f'<path stroke="none" d="M0 0h24v24H0z" fill="none"/>{body}</svg>')


# ---------------------------------------------------------------- the set

def test_names_are_unique_slugs_with_labels_and_files():
    assert len(icons.ICONS) >= 50
    assert icons.names() == sorted(icons.ICONS)
    for name, (file, label) in icons.ICONS.items():
        assert icons.NAME.match(name), name
        assert label and label == label.strip() and label[0].isupper(), name
        assert (ICON_DIR / f"{file}.svg").is_file(), file
    files = [f for f, _ in icons.ICONS.values()]
    labels = [label for _, label in icons.ICONS.values()]
    assert len(set(files)) == len(files) and len(set(labels)) == len(labels)
    shipped = {p.stem for p in ICON_DIR.glob("*.svg")}
    assert shipped == set(files), "every shipped SVG has a name, every name a file"
    for wanted in ("camera", "phone", "lock", "eye", "police", "map", "server", "people",
                   "chat", "video-call", "shield", "warning", "document", "money", "home",
                   "school", "megaphone"):
        assert wanted in icons.ICONS, wanted


def test_licence_and_readme_ship_beside_the_icons():
    licence = (ICON_DIR / "LICENSE").read_text(encoding="utf-8")
    assert licence.startswith("MIT License") and "Paweł Kuna" in licence
    readme = (ICON_DIR / "README.md").read_text(encoding="utf-8")
    assert icons.SOURCE in readme and icons.SOURCE_VERSION in readme
    rows = dict(re.findall(r"^\| `([a-z0-9-]+)` \| `([a-z0-9-]+)\.svg` \|$", readme, re.M))
    assert rows == {n: f for n, (f, _) in icons.ICONS.items()}


def test_labels_are_marked_for_translation():
    from conftest import ui_template

    found = {m.id: m for m in ui_template() if m.id}
    for name in icons.ICONS:
        assert icons.label(name) in found, name
        assert any(loc.endswith("plan/icons.py") for loc, _ in found[icons.label(name)].locations)


def test_suggestions_for_unknown_names():
    assert icons.suggest("camra")[0] == "camera"
    assert icons.suggest("Video call") == ["video-call"]
    assert icons.suggest("device-cctv") == ["camera"]   # the source file's name
    assert icons.suggest("zebra") == []
    with pytest.raises(KeyError):
        icons.file_name("zebra")


@pytest.mark.parametrize("name", icons.names())
def test_every_icon_parses_inside_its_box(name):
    s = segs(name)
    assert s and s[0].op == "M" and icons.is_finite(s)
    assert any(x.op in "LC" for x in s)
    assert {x.op for x in s} <= set("MLCZ")
    assert all(len(x.pts) == {"M": 1, "L": 1, "C": 3, "Z": 0}[x.op] for x in s)
    x0, y0, x1, y1 = icons.bounds(s)
    assert 0 <= x0 < x1 <= 24 and 0 <= y0 < y1 <= 24
    assert (x0, y0, x1, y1) != (0, 0, 24, 24)        # the invisible frame is skipped
    assert x1 - x0 >= 8 and y1 - y0 >= 3             # something you can see


# ---------------------------------------------------------------- the path reader

def test_lines_relative_and_absolute_and_drawing_on_after_close():
    s = icons.parse(box_svg("M2 2 h4 v4 H2 Z l3 0 m1 1 L8 9 V10"))
    assert s == (icons.Seg("M", ((2, 2),)), icons.Seg("L", ((6, 2),)), icons.Seg("L", ((6, 6),)),
                 icons.Seg("L", ((2, 6),)), icons.Seg("Z"), icons.Seg("M", ((2, 2),)),
                 icons.Seg("L", ((5, 2),)), icons.Seg("M", ((6, 3),)), icons.Seg("L", ((8, 9),)),
                 icons.Seg("L", ((8, 10),)))


def test_curves_smooth_and_quadratic_become_exact_cubics():
    s = icons.parse(box_svg("M2 12 C2 6 8 6 8 12 s6 6 6 0", "M2 20 Q5 14 8 20 T14 20"))
    assert s[1] == icons.Seg("C", ((2, 6), (8, 6), (8, 12)))
    assert s[2] == icons.Seg("C", ((8, 18), (14, 18), (14, 12)))     # reflected control
    q = s[4]
    assert q.op == "C" and q.pts[2] == (8, 20)
    assert q.pts[0] == pytest.approx((4, 16)) and q.pts[1] == pytest.approx((6, 16))
    t = s[5]
    assert t.pts[0] == pytest.approx((10, 24)) and t.pts[1] == pytest.approx((12, 24))


@pytest.mark.parametrize("d, through", [("M4 12 A8 8 0 0 1 20 12", (12, 4)),
                                        ("M4 12 a8 8 0 0 0 16 0", (12, 20)),
                                        ("M4 12 a8 8 0 1 0 16 0 a8 8 0 1 0 -16 0", (12, 4))])
def test_arcs_become_cubics_on_the_circle(d, through):
    s = icons.parse(box_svg(d))
    assert s[0].op == "M" and all(x.op == "C" for x in s[1:])
    pts = [p for line in icons.points(s, 16) for p in line]
    for x, y in pts:
        assert math.hypot(x - 12, y - 12) == pytest.approx(8, abs=0.01)
    assert min(math.dist(p, through) for p in pts) < 0.05


def test_zero_radius_arc_is_a_line_and_other_shapes_are_refused():
    assert icons.parse(box_svg("M2 2 a0 0 0 0 1 4 4"))[1] == icons.Seg("L", ((6, 6),))
    with pytest.raises(ValueError):
        icons.parse(box_svg("M2 2h4").replace("</svg>", '<circle cx="1" cy="1" r="1"/></svg>'))


def test_place_scales_into_a_box_either_way_up():
    s = icons.parse(box_svg("M0 0 L24 24 L0 24"))
    down = icons.place(s, 100, 200, 48)
    assert [x.pts[0] for x in down] == [(100, 200), (148, 248), (100, 248)]
    up = icons.place(s, 100, 200, 48, y_up=True)
    assert [x.pts[0] for x in up] == [(100, 248), (148, 200), (100, 200)]
    assert icons.stroke_width(48) == 4 and icons.CAP == icons.JOIN == "round"


# ---------------------------------------------------------------- slides

def test_drawingml_shape_is_well_formed_and_stroked():
    xml = icon_sp(segs("clock"), x=100, y=200, size=914400, colour="c0392b", shape_id=7,
                  descr='Clock & "time"')
    sp = etree.fromstring(WRAP.format(xml))[0]
    assert sp.tag == f"{{{NS['p']}}}sp"
    assert sp.xpath("./p:nvSpPr/p:cNvPr/@descr", namespaces=NS) == ['Clock & "time"']
    ln = sp.find("p:spPr/a:ln", NS)
    assert ln.get("cap") == "rnd" and ln.get("w") == str(round(914400 / 12))
    assert ln.find("a:round", NS) is not None
    assert ln.find("a:solidFill/a:srgbClr", NS).get("val") == "C0392B"
    assert sp.find("p:spPr/a:noFill", NS) is not None
    path = sp.find("p:spPr/a:custGeom/a:pathLst/a:path", NS)
    assert path.get("fill") == "none" and path.get("w") == path.get("h") == "24000"
    n_cubic = sum(1 for x in segs("clock") if x.op == "C")
    assert len(path.findall("a:cubicBezTo", NS)) == n_cubic >= 4
    for bad in ("red", "#C0392B", "C0392"):
        with pytest.raises(ValueError):
            icon_sp(segs("clock"), x=0, y=0, size=10, colour=bad, shape_id=2, descr="")


def test_python_pptx_opens_a_deck_with_icons(tmp_path):
    from pptx import Presentation
    from pptx.enum.shapes import MSO_SHAPE_TYPE

    prs = Presentation()
    slide = prs.slides.add_slide(prs.slide_layouts[6])
    tree = slide.shapes._spTree
    chosen = ("camera", "people", "police")
    for i, name in enumerate(chosen):
        xml = icon_sp(segs(name), x=457200 + i * 1828800, y=914400, size=1371600,
                      colour="1F6F8B", shape_id=10 + i, descr=icons.label(name), name=name)
        tree.append(etree.fromstring(WRAP.format(xml))[0])
    prs.save(tmp_path / "icons.pptx")

    again = Presentation(tmp_path / "icons.pptx")
    shapes = list(again.slides[0].shapes)
    assert [s.name for s in shapes] == list(chosen)
    for i, (shape, name) in enumerate(zip(shapes, chosen)):
        assert shape.shape_id == 10 + i
        assert shape.shape_type == MSO_SHAPE_TYPE.FREEFORM
        assert (shape.left, shape.top, shape.width, shape.height) == (
            457200 + i * 1828800, 914400, 1371600, 1371600)
        assert shape._element.xpath("./p:nvSpPr/p:cNvPr/@descr") == [icons.label(name)]
        assert shape.line.color.rgb == (0x1F, 0x6F, 0x8B)
        assert not shape.has_text_frame or not shape.text_frame.text


# ---------------------------------------------------------------- printed pages

def _render(draw, scale: float = 2.0, page=(200, 200)) -> Image.Image:
    import pypdfium2 as pdfium
    from reportlab.pdfgen.canvas import Canvas

    buf = io.BytesIO()
    c = Canvas(buf, pagesize=page, invariant=1)
    draw(c)
    c.save()
    return pdfium.PdfDocument(buf.getvalue())[0].render(scale=scale).to_pil().convert("L")


def _inked(img: Image.Image, limit: int = 128) -> set[tuple[int, int]]:
    w, h = img.size
    data = img.load()
    return {(x, y) for y in range(h) for x in range(w) if data[x, y] < limit}


def test_pdf_icon_ink_is_inside_its_box_only():
    s = segs("camera")
    img = _render(lambda c: draw_icon(c, s, 50, 40, 100, "000000"))
    ink = _inked(img)
    assert len(ink) > 2000
    # the box is x 50..150, y 40..140 from the bottom of a 200 pt page, at 2 px per pt
    assert all(100 <= x < 300 and 120 <= y < 320 for x, y in ink)
    # tight: the ink spans the outline's bounds plus half the stroke each side
    x0, y0, x1, y1 = icons.bounds(s)
    k = 2 * 100 / 24
    xs, ys = [p[0] for p in ink], [p[1] for p in ink]
    assert min(xs) == pytest.approx(100 + (x0 - 1) * k, abs=3)
    assert max(xs) == pytest.approx(100 + (x1 + 1) * k, abs=3)
    assert min(ys) == pytest.approx(120 + (y0 - 1) * k, abs=3)
    assert max(ys) == pytest.approx(120 + (y1 + 1) * k, abs=3)


def test_pdf_icon_flowable_and_colour():
    flow = Icon(segs("lock"), 36, "C0392B", descr=icons.label("lock"))
    assert flow.wrap(500, 500) == (36, 36)
    import pypdfium2 as pdfium
    from reportlab.pdfgen.canvas import Canvas

    buf = io.BytesIO()
    c = Canvas(buf, pagesize=(100, 100), invariant=1)
    flow.drawOn(c, 32, 32)
    c.save()
    img = pdfium.PdfDocument(buf.getvalue())[0].render(scale=4).to_pil().convert("RGB")
    data, (w, h) = img.load(), img.size
    pixels = [data[x, y] for y in range(h) for x in range(w)]
    reds = [p for p in pixels if p[0] > 150 and p[1] < 90 and p[2] < 90]
    assert len(reds) > 500
    assert not [p for p in pixels if p[1] < 90 and p[0] < 150]   # no black, no other ink


def _reference(name: str, px: float, size: int) -> Image.Image:
    """The icon drawn from its SVG by another route: svgelements evaluates each
    path (arcs exactly, not as cubics) and Pillow stamps the round stroke."""
    import xml.etree.ElementTree as ET

    from svgelements import Path

    img = Image.new("L", (size, size), 255)
    draw = ImageDraw.Draw(img)
    r = icons.STROKE / 2 * px
    for el in ET.fromstring(svg(name)).iter("{http://www.w3.org/2000/svg}path"):
        if el.get("stroke") == "none":
            continue
        for seg in Path(el.get("d")):
            if seg.start is None or seg.end is None:
                continue
            n = max(2, int(seg.length() * px))
            pts = [seg.point(i / n) for i in range(n + 1)]
            for p in pts:
                x, y = p.x * px, p.y * px
                draw.ellipse((x - r, y - r, x + r, y + r), fill=0)
    return img


@pytest.mark.parametrize("name", ["clock", "people", "world", "police"])
def test_arc_heavy_icons_match_a_reference_raster(name):
    px, size = 10, 240                      # 10 px per icon unit: a 240 px square
    ref = _inked(_reference(name, px, size))
    s = segs(name)
    got = _inked(_render(lambda c: draw_icon(c, s, 0, 0, 24, "000000"), scale=px, page=(24, 24)))
    overlap = len(ref & got) / len(ref | got)
    assert overlap > 0.9, overlap
    # the measure is strict: the same ink one icon unit to the right does not pass
    shifted = {(x + px, y) for x, y in got}
    assert len(ref & shifted) / len(ref | shifted) < 0.7
