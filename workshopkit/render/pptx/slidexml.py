"""Slide and notes XML from a planned slide (DrawingML / PresentationML strings).

Every run names the deck's font and carries the language tag of its text;
line pitch is exact, so the plan's measured heights are what is drawn.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from xml.sax.saxutils import escape, quoteattr

from workshopkit.i18n import hold_ltr, is_rtl
from workshopkit.plan.slides import PlannedSlide
from workshopkit.plan.slides_fit import Bar, Glyph, Picture, TableBox, TextBox
from workshopkit.plan.slides_text import (BULLET_INDENT, EMU_PER_PT, INSET_X, INSET_Y, LINE, Line,
                                          Para)
from workshopkit.model.settings import Theme
from workshopkit.model.text import xml_safe
from workshopkit.plan.slides_text import is_url, wrap
from workshopkit.render.pptx.icon import icon_sp

NS = ('xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
      'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
      'xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main"')
HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
_TREE = ('<p:nvGrpSpPr><p:cNvPr id="1" name=""/><p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr>'
         '<p:grpSpPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/><a:chOff x="0" y="0"/>'
         '<a:chExt cx="0" cy="0"/></a:xfrm></p:grpSpPr>')


def esc(s: str) -> str:
    return escape(xml_safe(s))


def attr(s: str) -> str:
    return quoteattr(xml_safe(s).replace("\n", " "))


@dataclass
class Style:
    theme: Theme
    colours: bool        # False: an organisation's template decides colours
    title_ph: str = "title"
    cache: dict = field(default_factory=dict)  # run properties already written
    metrics: object = None  # the deck's font metrics: where a long URL breaks

    def fill(self, role: str) -> str:
        if not self.colours and role in ("title", "text"):
            return ""
        return f'<a:solidFill><a:srgbClr val="{getattr(self.theme, role)}"/></a:solidFill>'


def slide_xml(s: PlannedSlide, style: Style, media: dict[int, str]) -> str:
    """``media`` maps id() of each Picture to its relationship id."""
    out, n = [], 1
    for shape in s.boxes():
        n += 1
        if isinstance(shape, TextBox):
            out.append(_textbox(shape, n, style))
        elif isinstance(shape, Picture):
            out.append(_picture(shape, n, media[id(shape)]))
        elif isinstance(shape, TableBox):
            out.append(_table(shape, n, style))
        elif isinstance(shape, Glyph):
            out.append(icon_sp(shape.segs, x=shape.x, y=shape.y, size=shape.w,
                               colour=style.theme.accent, shape_id=n, descr=shape.descr,
                               name=f"Icon {n - 1}"))
        elif isinstance(shape, Bar):
            if style.colours or style.theme.source is not None:
                out.append(_bar(shape, n, style))
    bg = ""
    if style.colours:
        bg = (f'<p:bg><p:bgPr><a:solidFill><a:srgbClr val="{style.theme.background}"/>'
              '</a:solidFill><a:effectLst/></p:bgPr></p:bg>')
    return (f'{HEAD}<p:sld {NS}><p:cSld>{bg}<p:spTree>{_TREE}{"".join(out)}</p:spTree>'
            '</p:cSld><p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr></p:sld>')


def notes_xml(lines: list[Line], style: Style) -> str:
    paras = "".join(_para_plain(ln, style) for ln in lines) or "<a:p/>"
    return (f'{HEAD}<p:notes {NS}><p:cSld><p:spTree>{_TREE}'
            '<p:sp><p:nvSpPr><p:cNvPr id="2" name="Slide Image Placeholder 1"/><p:cNvSpPr>'
            '<a:spLocks noGrp="1" noRot="1" noChangeAspect="1"/></p:cNvSpPr>'
            '<p:nvPr><p:ph type="sldImg"/></p:nvPr></p:nvSpPr><p:spPr/></p:sp>'
            '<p:sp><p:nvSpPr><p:cNvPr id="3" name="Notes Placeholder 2"/><p:cNvSpPr>'
            '<a:spLocks noGrp="1"/></p:cNvSpPr><p:nvPr><p:ph type="body" idx="1"/></p:nvPr>'
            f'</p:nvSpPr><p:spPr/><p:txBody><a:bodyPr/><a:lstStyle/>{paras}</p:txBody></p:sp>'
            '</p:spTree></p:cSld><p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr></p:notes>')


def _xfrm(b, tag: str = "a:xfrm") -> str:
    return f'<{tag}><a:off x="{b.x}" y="{b.y}"/><a:ext cx="{b.w}" cy="{b.h}"/></{tag}>'


def _textbox(t: TextBox, n: int, style: Style) -> str:
    if t.title:
        nv = (f'<p:nvSpPr><p:cNvPr id="{n}" name="Title {n - 1}"/><p:cNvSpPr>'
              f'<a:spLocks noGrp="1"/></p:cNvSpPr><p:nvPr><p:ph type="{style.title_ph}"/>'
              '</p:nvPr></p:nvSpPr>')
        sp = f'<p:spPr>{_xfrm(t)}</p:spPr>'
    else:
        name = _NAMES.get(t.role, "Text")
        nv = (f'<p:nvSpPr><p:cNvPr id="{n}" name="{name} {n - 1}"/><p:cNvSpPr txBox="1"/>'
              '<p:nvPr/></p:nvSpPr>')
        sp = f'<p:spPr>{_xfrm(t)}<a:prstGeom prst="rect"><a:avLst/></a:prstGeom><a:noFill/></p:spPr>'
    body = (f'<a:bodyPr wrap="square" lIns="{INSET_X}" tIns="{INSET_Y}" rIns="{INSET_X}" '
            f'bIns="{INSET_Y}" anchor="{t.anchor}" rtlCol="0"><a:noAutofit/></a:bodyPr>')
    paras = "".join(_para(p, style) for p in t.paras) or "<a:p/>"
    return f'<p:sp>{nv}{sp}<p:txBody>{body}<a:lstStyle/>{paras}</p:txBody></p:sp>'


_NAMES = {"number": "Slide Number", "caption": "Caption"}
"""Shape names of the small text a slide may carry (the rest is "Text N")."""


def _run_props(ln: Line, span, size: float | None, style: Style) -> str:
    b = span.bold or ln.bold
    i = span.italic or ln.italic
    key = (ln.lang, ln.role, size, b, i)
    hit = style.cache.get(key)
    if hit is None:
        hit = style.cache[key] = _make_props(ln, b, i, size, style)
    return hit


def _make_props(ln: Line, b: bool, i: bool, size: float | None, style: Style) -> str:
    sz = f' sz="{round(size * 100)}"' if size else ""
    font = style.theme.title_font if ln.role == "title" else style.theme.body_font
    fill = style.fill(ln.role) if size else ""
    return (f'<a:rPr lang={attr(ln.lang)}{sz} b="{int(b)}" i="{int(i)}" dirty="0">{fill}'
            f'<a:latin typeface={attr(font)}/><a:ea typeface={attr(font)}/>'
            f'<a:cs typeface={attr(font)}/></a:rPr>')


def _url_runs(p: Para, style: Style) -> str:
    """A paragraph holding a URL too long for one line: broken where the plan broke it
    (after / . - _ ? & =), with a line break, so no renderer breaks it elsewhere.  A word
    the plan hyphenated stays whole (the deck holds the author's text: PowerPoint
    breaks it)."""
    ln, size = p.line, p.size_pt
    lines = wrap(ln, size, p.wrap_pt, style.metrics, p.safety, p.start_pt)
    out, props = [], {}
    for k, pieces in enumerate(lines):
        if k and lines[k - 1] and not lines[k - 1][-1][0][-1:].isspace() \
                and not lines[k - 1].hyphen:
            out.append(f"<a:br>{_run_props(ln, ln.spans[0], size, style)}</a:br>")
        for text, st in pieces:
            key = st
            if key not in props:
                span = next((sp for sp in ln.spans if _style(sp, ln) == st), ln.spans[0])
                props[key] = _run_props(ln, span, size, style)
            for j, piece in enumerate(text.split("\n")):
                if j:
                    out.append(f"<a:br>{props[key]}</a:br>")
                if piece:
                    out.append(f"<a:r>{props[key]}<a:t>{esc(piece)}</a:t></a:r>")
    return "".join(out)


def _style(span, ln: Line) -> str:
    b, i = span.bold or ln.bold, span.italic or ln.italic
    return ("bold" if b else "") + ("italic" if i else "") or "regular"


def _runs(ln: Line, size: float | None, style: Style) -> str:
    out = []
    rtl = is_rtl(ln.lang)
    for span in ln.spans:
        props = _run_props(ln, span, size, style)
        for k, piece in enumerate((hold_ltr(span.text) if rtl else span.text).split("\n")):
            if k:
                out.append(f"<a:br>{props}</a:br>")
            if piece:
                out.append(f"<a:r>{props}<a:t>{esc(piece)}</a:t></a:r>")
    return "".join(out)


def _para(p: Para, style: Style) -> str:
    ln, size = p.line, p.size_pt
    indent = ""
    if ln.bullet:
        hang = round(BULLET_INDENT * size) * EMU_PER_PT
        indent = f' indent="-{hang}"'
    elif p.hang:  # a lead (agenda times) hanging left of the text's other lines
        indent = f' indent="-{p.hang}"'
    align, rtl = ln.align, ""
    if is_rtl(ln.lang):  # right-to-left paragraph: its start is on the right
        align, rtl = ("r" if align == "l" else align), ' rtl="1"'
    ppr = (f'<a:pPr marL="{p.indent}"{indent} algn="{align}"{rtl}>'
           f'<a:lnSpc><a:spcPts val="{round(size * LINE * 100)}"/></a:lnSpc>'
           f'<a:spcBef><a:spcPts val="{round(p.before_pt * 100)}"/></a:spcBef>')
    if ln.bullet:
        ppr += (f'{_bu_colour(style)}<a:buFont typeface={attr(style.theme.body_font)}/>'
                '<a:buChar char="•"/>')
    else:
        ppr += "<a:buNone/>"
    ppr += "</a:pPr>"
    end = f'<a:endParaRPr lang={attr(ln.lang)} sz="{round(size * 100)}" dirty="0"/>'
    if p.lines > 1 and style.metrics is not None and any(
            is_url(w) for sp in ln.spans for w in sp.text.split()):
        return f"<a:p>{ppr}{_url_runs(p, style)}{end}</a:p>"
    return f"<a:p>{ppr}{_runs(ln, size, style)}{end}</a:p>"


def _bu_colour(style: Style) -> str:
    if not style.colours:
        return ""
    return f'<a:buClr><a:srgbClr val="{style.theme.accent}"/></a:buClr>'


def _para_plain(ln: Line, style: Style) -> str:
    return f'<a:p>{_runs(ln, None, style)}<a:endParaRPr lang={attr(ln.lang)} dirty="0"/></a:p>'


def _picture(p: Picture, n: int, rid: str) -> str:
    return (f'<p:pic><p:nvPicPr><p:cNvPr id="{n}" name="Picture {n - 1}" descr={attr(p.descr)}/>'
            '<p:cNvPicPr><a:picLocks noChangeAspect="1"/></p:cNvPicPr><p:nvPr/></p:nvPicPr>'
            f'<p:blipFill><a:blip r:embed="{rid}"/><a:stretch><a:fillRect/></a:stretch>'
            f'</p:blipFill><p:spPr>{_xfrm(p)}<a:prstGeom prst="rect"><a:avLst/></a:prstGeom>'
            '</p:spPr></p:pic>')


def _bar(b: Bar, n: int, style: Style) -> str:
    return (f'<p:sp><p:nvSpPr><p:cNvPr id="{n}" name="Accent {n - 1}"/><p:cNvSpPr/><p:nvPr/>'
            f'</p:nvSpPr><p:spPr>{_xfrm(b)}<a:prstGeom prst="rect"><a:avLst/></a:prstGeom>'
            f'<a:solidFill><a:srgbClr val="{getattr(style.theme, b.role)}"/></a:solidFill>'
            '<a:ln><a:noFill/></a:ln></p:spPr></p:sp>')


def _table(t: TableBox, n: int, style: Style) -> str:
    th = style.theme
    line = (f'<a:solidFill><a:srgbClr val="{th.table_border}"/></a:solidFill>')
    borders = "".join(f'<a:{side} w="12700" cap="flat" cmpd="sng">{line}</a:{side}>'
                      for side in ("lnL", "lnR", "lnT", "lnB"))
    grid = "".join(f'<a:gridCol w="{w}"/>' for w in t.cols)
    rows = []
    for r, (cells, h) in enumerate(zip(t.rows, t.row_heights)):
        fill = (f'<a:solidFill><a:srgbClr val="{th.table_header}"/></a:solidFill>'
                if r == 0 and t.header else "<a:noFill/>")
        tcs = []
        for cell in cells:
            paras = "".join(_para(p, style) for p in cell) or \
                '<a:p><a:endParaRPr dirty="0"/></a:p>'
            tcs.append(f'<a:tc><a:txBody><a:bodyPr/><a:lstStyle/>{paras}</a:txBody>'
                       f'<a:tcPr marL="{INSET_X}" marR="{INSET_X}" marT="{INSET_Y}" '
                       f'marB="{INSET_Y}">{borders}{fill}</a:tcPr></a:tc>')
        rows.append(f'<a:tr h="{h}">{"".join(tcs)}</a:tr>')
    return (f'<p:graphicFrame><p:nvGraphicFramePr><p:cNvPr id="{n}" name="Table {n - 1}"/>'
            '<p:cNvGraphicFramePr><a:graphicFrameLocks noGrp="1"/></p:cNvGraphicFramePr><p:nvPr/>'
            f'</p:nvGraphicFramePr>{_xfrm(t, "p:xfrm")}<a:graphic><a:graphicData '
            'uri="http://schemas.openxmlformats.org/drawingml/2006/table"><a:tbl>'
            f'<a:tblPr firstRow="1" bandRow="0"{_table_rtl(t)}/><a:tblGrid>{grid}</a:tblGrid>'
            f'{"".join(rows)}'
            '</a:tbl></a:graphicData></a:graphic></p:graphicFrame>')


def _table_rtl(t: TableBox) -> str:
    """' rtl="1"' for a table in a right-to-left language: its first column on the right."""
    for cells in t.rows:
        for cell in cells:
            for p in cell:
                return ' rtl="1"' if is_rtl(p.line.lang) else ""
    return ""
