"""Layout rules over a .pptx deck read back with python-pptx."""
from __future__ import annotations

import io
import re
from pathlib import Path
from typing import Iterator, Optional

from pptx import Presentation
from pptx.util import Emu

from workshopkit.check.findings import Finding, excerpt
from workshopkit.check.sources import Sources
from workshopkit.check.words import language_codes, split_url, split_word

OVERLAP = Emu(12700)  # shapes may touch by up to a point
LANG_DIR_RE = re.compile(r"^[A-Za-z]{2,3}(?:-[A-Za-z0-9]+)*(?:\+[A-Za-z]{2,3}(?:-[A-Za-z0-9]+)*)?$")


def check_deck(path: Path, src: Sources) -> Iterator[Finding]:
    prs = Presentation(str(path))
    width, height = prs.slide_width, prs.slide_height
    langs = _languages(path)
    for n, slide in enumerate(prs.slides, 1):
        def found(rule: str, message: str) -> Finding:
            return Finding(path, n, rule, message)

        shapes = list(slide.shapes)
        boxes = [(s, s.left or 0, s.top or 0, (s.left or 0) + (s.width or 0),
                  (s.top or 0) + (s.height or 0)) for s in shapes if s.width is not None]
        for s, x0, y0, x1, y1 in boxes:
            if x0 < 0 or y0 < 0 or x1 > width or y1 > height:
                yield found("slide-off", f"{_name(s)} leaves the slide")
        for i, (a, ax0, ay0, ax1, ay1) in enumerate(boxes):
            for b, bx0, by0, bx1, by1 in boxes[i + 1:]:
                if min(ax1, bx1) - max(ax0, bx0) > OVERLAP and min(ay1, by1) - max(ay0, by0) > OVERLAP:
                    yield found("slide-overlap", f"{_name(a)} overlaps {_name(b)}")
        for frame in _frames(shapes):
            lines = [line for p in frame.paragraphs for line in p.text.split("\v")]
            for i, line in enumerate(lines):
                hit = None
                if i + 1 < len(lines):
                    hit = split_url(line, lines[i + 1], src) or split_word(lines, i, src)
                if hit:
                    yield found(*hit)
                if language_codes(line.strip(), src):
                    yield found("language-code", f"language code printed: “{excerpt(line, 60)}”")
            tail = _trailing_headings(frame)
            if tail and n < len(prs.slides):
                yield found("stranded-heading", f"heading last on the slide: “{excerpt(tail, 60)}”")
        if langs and src.videos:
            msg = _video_qr(shapes, src, langs)
            if msg:
                yield found("video-qr", msg)


def _languages(path: Path) -> tuple[str, ...]:
    """The deck's languages, from its folder (OUT/<id>/<lang>/ or <a>+<b>/)."""
    name = path.parent.name
    return tuple(name.split("+")) if LANG_DIR_RE.match(name) else ()


def _name(shape) -> str:
    text = shape.text_frame.text if shape.has_text_frame else ""
    return f"{shape.name!r}" + (f" (“{excerpt(text, 30)}”)" if text.strip() else "")


def _frames(shapes) -> Iterator:
    for s in shapes:
        if s.has_text_frame:
            yield s.text_frame
        if getattr(s, "has_table", False) and s.has_table:
            for row in s.table.rows:
                for cell in row.cells:
                    yield cell.text_frame
        if s.shape_type == 6:  # a group
            yield from _frames(s.shapes)


def _bold(paragraph) -> bool:
    runs = [r for r in paragraph.runs if r.text.strip()]
    return bool(runs) and all(r.font.bold for r in runs)


def _trailing_headings(frame) -> Optional[str]:
    """Bold paragraphs closing a frame whose other paragraphs are not all bold."""
    paras = [p for p in frame.paragraphs if p.text.strip()]
    k = len(paras)
    while k and _bold(paras[k - 1]):
        k -= 1
    if k == len(paras) or not any(not _bold(p) for p in paras[:k]):
        return None
    return " / ".join(p.text for p in paras[k:])


def _video_qr(shapes, src: Sources, langs: tuple[str, ...]) -> Optional[str]:
    """On a video slide, every language's own URL needs its QR code."""
    seen = set()
    for s in shapes:
        if s.shape_type == 13:  # a picture
            seen.update(_decode(s.image.blob))
    for vid, urls in src.videos.items():
        if not seen & set(urls.values()):
            continue
        want = {urls.get(l, urls.get("*", next(iter(urls.values())))) for l in langs}
        missing = sorted(want - seen)
        if missing:
            return f"video {vid!r}: no QR code for " + ", ".join(missing)
    return None


def _decode(blob: bytes) -> set[str]:
    try:
        import zxingcpp
        from PIL import Image
    except ImportError:  # pragma: no cover - both come with workshopkit
        return set()
    with Image.open(io.BytesIO(blob)) as im:
        return {r.text for r in zxingcpp.read_barcodes(im.convert("L"))}
