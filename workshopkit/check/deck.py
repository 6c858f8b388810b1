"""Layout rules over a .pptx deck: shape boxes, explicit line breaks, QR codes."""
from __future__ import annotations

import io
import re
from pathlib import Path
from typing import Iterator, Optional


from workshopkit.check.findings import Finding, excerpt
from workshopkit.check.pptxread import Para, Shape, read_deck
from workshopkit.check.sources import Sources
from workshopkit.check.words import language_codes, split_url, split_word

OVERLAP = 12700  # EMU  # shapes may touch by up to a point
LANG_DIR_RE = re.compile(r"^[A-Za-z]{2,3}(?:-[A-Za-z0-9]+)*(?:\+[A-Za-z]{2,3}(?:-[A-Za-z0-9]+)*)?$")


def check_deck(path: Path, src: Sources) -> Iterator[Finding]:
    langs = _languages(path)
    qr = len(langs) > 1 and bool(src.videos)  # QR codes are decoded in bilingual decks
    deck = read_deck(path, images=qr)
    for n, shapes in enumerate(deck.slides, 1):
        def found(rule: str, message: str) -> Finding:
            return Finding(path, n, rule, message)

        boxes = [s for s in shapes if s.box]
        for s in boxes:
            x0, y0, x1, y1 = s.box
            if x0 < 0 or y0 < 0 or x1 > deck.width or y1 > deck.height:
                yield found("slide-off", f"{_name(s)} leaves the slide")
        for i, a in enumerate(boxes):
            for b in boxes[i + 1:]:
                if (min(a.box[2], b.box[2]) - max(a.box[0], b.box[0]) > OVERLAP
                        and min(a.box[3], b.box[3]) - max(a.box[1], b.box[1]) > OVERLAP):
                    yield found("slide-overlap", f"{_name(a)} overlaps {_name(b)}")
        for frame in (f for s in shapes for f in s.frames):
            lines = [line for p in frame for line in p.text.split("\v")]
            for i, line in enumerate(lines):
                hit = None
                if i + 1 < len(lines):
                    hit = split_url(line, lines[i + 1], src) or split_word(lines, i, src)
                if hit:
                    yield found(*hit)
                if language_codes(line.strip(), src):
                    yield found("language-code", f"language code printed: “{excerpt(line, 60)}”")
            tail = _trailing_headings(frame)
            if tail and n < len(deck.slides):
                yield found("stranded-heading", f"heading last on the slide: “{excerpt(tail, 60)}”")
        if qr:
            msg = _video_qr(shapes, src, langs)
            if msg:
                yield found("video-qr", msg)


def _languages(path: Path) -> tuple[str, ...]:
    """The deck's languages, from its folder (OUT/<id>/<lang>/ or <a>+<b>/)."""
    name = path.parent.name
    return tuple(name.split("+")) if LANG_DIR_RE.match(name) else ()


def _name(shape: Shape) -> str:
    text = " ".join(p.text for f in shape.frames for p in f)
    return f"{shape.name!r}" + (f" (“{excerpt(text, 30)}”)" if text.strip() else "")


def _trailing_headings(frame: list[Para]) -> Optional[str]:
    """Bold paragraphs closing a frame whose other paragraphs are not all bold (not the
    second-language line of the item above them, set bold and italic)."""
    paras = [p for p in frame if p.text.strip()]
    k = len(paras)
    while k and paras[k - 1].bold:
        k -= 1
    if k == len(paras) or all(p.bold for p in paras[:k]):
        return None
    if all(p.italic for p in paras[k:]):  # the second language of the item above
        return None
    return " / ".join(p.text for p in paras[k:])


def _video_qr(shapes, src: Sources, langs: tuple[str, ...]) -> Optional[str]:
    """On a video slide, every language's own URL needs its QR code."""
    seen = set()
    for s in shapes:
        if s.image:
            seen.update(_decode(s.image))
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
