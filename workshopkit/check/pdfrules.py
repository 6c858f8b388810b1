"""Layout rules over the pages of one PDF read back by ``pdftext``."""
from __future__ import annotations

import re
from collections import Counter
from pathlib import Path
from typing import Iterator, Optional

from workshopkit.check.findings import Finding, excerpt
from workshopkit.check.pdftext import Frag, Page
from workshopkit.check.sources import Sources
from workshopkit.check.words import language_codes, split_url, split_word

UNDERFULL = 0.15  # a page under this share of its text area is nearly empty
EDGE = 10.0  # points from the paper's edge that most printers cannot reach
HEADING_SCALE = 1.3  # a heading is bold, or this much larger than body text (table text
# can outweigh body text: 10.5 pt steps in a guide of 9 pt tables are not headings)


def check_pdf(path: Path, pages: list[Page], src: Sources, kind: str) -> Iterator[Finding]:
    def found(page: Page, rule: str, message: str) -> Finding:
        return Finding(path, page.number, rule, message)

    if kind == "slides":  # slides.pdf: a page is a slide, not a page of flowing text
        for page in pages:
            yield from (found(page, r, m) for r, m in _line_rules(page, src))
        return
    header = _running_header(pages) if kind == "worksheets" else None
    body = _body_size(pages)
    used = [p for p in pages if p.frags]
    area_top = min((p.frags[0].top for p in used), default=0.0)
    # the text area ends where the fullest page's text ends (a safe under-estimate)
    area_bottom = max((max(f.bottom for f in p.frags) for p in used), default=0.0)
    last_used = max((p.number for p in used), default=0)
    for i, page in enumerate(pages):
        content = [f for f in page.frags if not (header and _is_header(f, header))]
        for rule, msg in _line_rules(page, src):
            yield found(page, rule, msg)
        yield from (found(page, r, m) for r, m in _placement(page, pages))
        if not content and not _drawn(page):
            if page.footer:
                yield found(page, "blank-page", "only the footer on this page")
            elif page.number < last_used:
                yield found(page, "blank-page", "an empty page inside the document")
            continue
        nxt = pages[i + 1] if i + 1 < len(pages) else None
        nxt_content = [f for f in nxt.frags if not (header and _is_header(f, header))] if nxt else []
        if content and nxt_content and area_bottom > area_top:
            last = _last_line(content)
            bottom = max(f.bottom for f in content)
            fill = (bottom - area_top) / (area_bottom - area_top)
            if fill < UNDERFULL:  # by its text; now with what is drawn, and the next block
                bottom = _bottom(page, content)
                fill = (bottom - area_top) / (area_bottom - area_top)
                block = _first_block(nxt_content, _drawn(nxt), body)
                room = area_bottom - bottom - 12
                if fill < UNDERFULL and block <= room:
                    yield found(page, "underfull",
                                f"{fill:.0%} full, next page's first block ({block:.0f} pt) "
                                f"would fit in {room:.0f} pt: “{excerpt(_line_text(last), 50)}”")
            if (all(_is_heading(f, body) for f in last) and not _below(page, last)
                    and any(c.isalpha() for c in _line_text(last))  # not a scale's numbers
                    and not _heads_as_large(nxt_content, last, body)):
                yield found(page, "stranded-heading",
                            f"heading last on the page: “{excerpt(_line_text(last), 60)}”")
        if header and page.number > 1 and (not page.frags or not _is_header(page.frags[0], header)):
            yield found(page, "running-header",
                        f"page starts with “{excerpt(content[0].text, 50)}”" if content
                        else "page holds drawings and no running header")


def _line_rules(page: Page, src: Sources) -> Iterator[tuple[str, str]]:
    frags = page.frags + page.footer
    nxt = _continuations(frags)
    for k, f in enumerate(frags):
        chain = [f.text]
        j = nxt.get(k)
        while j is not None and len(chain) < 4:
            chain.append(frags[j].text)
            j = nxt.get(j)
        if len(chain) > 1:
            hit = split_url(chain[0], chain[1], src) or split_word(chain, 0, src)
            if hit:
                yield hit
        code = language_codes(f.text.strip(), src)
        if code:
            yield "language-code", f"language code printed: “{excerpt(f.text, 60)}”"


def _continuations(frags: list[Frag]) -> dict[int, int]:
    """For each fragment, the fragment on the next line of the same column, if any."""
    out: dict[int, int] = {}
    for k, a in enumerate(frags):
        best = None
        for j in range(k + 1, len(frags)):
            b = frags[j]
            if b.top > a.bottom + a.size:
                break
            if (b.top < a.top + a.height * 0.5 or abs(b.size - a.size) > 0.6
                    or b.x0 < a.x0 - 3 or b.x0 > a.x1 or (b.x0 > a.x0 + 3 and b.x1 > a.x1 + 3)):
                continue
            if best is None or abs(b.x0 - a.x0) < abs(frags[best].x0 - a.x0):
                best = j
        if best is not None:
            out[k] = best
    return out


def _placement(page: Page, pages: list[Page]) -> Iterator[tuple[str, str]]:
    frags = page.frags + page.footer
    booklet = bool(page.half)
    for f in frags:
        if f.x0 < -0.5 or f.x1 > page.width + 0.5 or f.top < -0.5 or f.bottom > page.height + 0.5:
            yield "off-page", f"text beyond the page edge: “{excerpt(f.text, 50)}”"
            continue
        near = [f.top < EDGE, f.bottom > page.height - EDGE]
        if not booklet or page.half == "left":
            near.append(f.x0 < EDGE)
        if not booklet or page.half == "right":
            near.append(f.x1 > page.width - EDGE)
        if any(near):
            yield "off-page", f"text within {EDGE:.0f} pt of the paper's edge: “{excerpt(f.text, 50)}”"
    ordered = sorted(frags, key=lambda f: f.top)
    for k, a in enumerate(ordered):
        for b in ordered[k + 1:]:
            if b.top >= a.bottom - 1:
                break
            ox = min(a.x1, b.x1) - max(a.x0, b.x0)
            oy = min(a.bottom, b.bottom) - max(a.top, b.top)
            if ox > 1.5 and oy > min(a.height, b.height) * 0.4:
                yield "text-overlap", f"“{excerpt(a.text, 30)}” over “{excerpt(b.text, 30)}”"


def _running_header(pages: list[Page]) -> Optional[Frag]:
    first = pages[0].frags[0] if pages and pages[0].frags else None
    if first is None or " · " not in first.text:
        return None
    return first


def _is_header(f: Frag, header: Frag) -> bool:
    prefix = header.text.split(" · ")[0]
    return (abs(f.top - header.top) <= 3 and abs(f.size - header.size) <= 0.3
            and f.text.startswith(prefix))


def _body_size(pages: list[Page]) -> float:
    sizes: Counter = Counter()
    for p in pages:
        for f in p.frags:
            sizes[f.size] += len(f.text)
    return sizes.most_common(1)[0][0] if sizes else 10.0


def _is_heading(f: Frag, body: float) -> bool:
    return f.bold or f.size >= body * HEADING_SCALE


def _last_line(content: list[Frag]) -> list[Frag]:
    bottom = max(content, key=lambda f: f.bottom)
    return [f for f in content if f.bottom > bottom.top + bottom.height * 0.5]


def _heads_as_large(content: list[Frag], last: list[Frag], body: float) -> bool:
    """The next page starts with a larger heading than ``last``: ``last`` introduces
    nothing there (an activity without steps, then the next section)."""
    top = min(content, key=lambda f: f.top)
    first = [f for f in content if f.top < top.bottom - top.height * 0.5]
    return (all(_is_heading(f, body) for f in first)
            and max(f.size for f in first) >= max(f.size for f in last) + 0.5)


def _drawn(page: Page) -> list[tuple[float, float, float, float]]:
    """Drawn boxes in the text area: not the footer's rule, not a full-page background."""
    foot = min((f.top for f in page.footer), default=page.height)
    big = page.width * page.height * 0.8
    return [b for b in page.paths
            if b[3] < foot - 3 and (b[2] - b[0]) * (b[3] - b[1]) < big
            and not (b[3] - b[1] < 3 and b[1] > foot - 14)]  # the footer's rule


def _bottom(page: Page, content: list[Frag]) -> float:
    """Where the page's content (text and drawn boxes) ends."""
    return max([f.bottom for f in content] + [b[3] for b in _drawn(page)])


def _line_text(frags: list[Frag]) -> str:
    return " ".join(f.text.strip() for f in sorted(frags, key=lambda f: f.x0))


def _below(page: Page, last: list[Frag]) -> bool:
    """Whether something drawn (writing lines, a box, an image) follows the last text."""
    bottom = max(f.bottom for f in last)
    limit = min((f.top for f in page.footer), default=page.height)
    return any(t > bottom + 4 and b < limit for _, t, _, b in _drawn(page))


def _first_block(frags: list[Frag], drawn: list, body: float) -> float:
    """Height of the first block of a page: text and drawn boxes until a gap wider than a line.

    A block that is only a heading takes the block it introduces with it; a table's
    grid (drawn boxes touching each other) is one block.
    """
    items = sorted([(f.top, f.bottom, f.size, _is_heading(f, body)) for f in frags]
                   + [(b[1], b[3], 0.0, False) for b in drawn if b[3] > frags[0].top])
    top = frags[0].top
    items = [it for it in items if it[0] >= top - 1]
    bottom = items[0][1]
    headings = items[0][3]
    for t, b, size, heading in items[1:]:
        if t > bottom + max(size or body, 6) * 1.2 and not headings:
            break
        headings = headings and heading
        bottom = max(bottom, b)
    return bottom - top


KIND_RE = re.compile(r"-(slides|worksheets|guide|videos|handout|agenda)(?=[-.])")


def kind_of(path: Path) -> str:
    m = KIND_RE.search(path.name)
    return m.group(1) if m else ""
