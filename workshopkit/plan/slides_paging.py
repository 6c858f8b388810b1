"""Text too long for one box: the size that fits, or the split across boxes (slides).

``fit`` tries each size in turn; when none fits one box it picks the size that needs
the fewest boxes and spreads the items evenly over them (:func:`pack`).  An item
taller than a whole box is broken between its words, so nothing is ever cut off.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass, field, replace
from typing import Optional

from workshopkit.plan.slides_text import (EMU_PER_PT, INSET_Y, MIN_PT, STEPS, Item, Metrics,
                                          Para, Span, height, layout, whole)


@dataclass
class Fit:
    size_pt: float
    chunks: list[list[Para]] = field(default_factory=list)  # one per slide

    @property
    def heights(self) -> list[int]:
        return [height(c) for c in self.chunks]


def whole_sizes(items: list[Item], width: int, m: Metrics,
                sizes: tuple[float, ...]) -> tuple[float, ...]:
    """Those of ``sizes`` at which every word and URL piece of ``items`` fits a line of a
    box ``width`` EMU wide; failing all, the smaller sizes down to MIN_PT at which they
    fit; failing those too, ``sizes`` (words then break at hyphenation points)."""
    ok = tuple(s for s in sizes if whole(items, s, width, m))
    if ok or not sizes:
        return ok or sizes
    below = tuple(s for s in STEPS if MIN_PT <= s < min(sizes))
    return tuple(s for s in below if whole(items, s, width, m)) or sizes


def fit(items: list[Item], width: int, box_h: int, m: Metrics,
        sizes: tuple[float, ...], keep_whole: bool = True) -> Fit:
    """The largest size in ``sizes`` that fits one box; else the size that
    needs the fewest boxes (the largest of those), items spread evenly.
    ``keep_whole``: only sizes at which no word breaks (:func:`whole_sizes`).

    Chunks break between items; an item taller than a whole box is broken
    between its lines, so nothing is ever cut off.
    """
    sizes = whole_sizes(items, width, m, sizes) if keep_whole else sizes
    for size in sizes:
        flat = [p for it in layout(items, size, width, m) for p in it]
        if height(flat) <= box_h:
            return Fit(size, [flat])
    best: Optional[tuple[float, list[list[Item]]]] = None
    for size in sizes:
        chunks = _chunks(items, size, width, box_h, m)
        if best is None or len(chunks) < len(best[1]):
            best = (size, chunks)
    size, chunks = best
    return Fit(size, [[p for it in layout(c, size, width, m) for p in it] for c in chunks])


def _chunks(items: list[Item], size: float, width: int, box_h: int,
            m: Metrics) -> list[list[Item]]:
    pieces: list[Item] = []
    for item in items:
        if _fits([item], size, width, box_h, m):
            pieces.append(item)
        else:  # a giant single item
            pieces += _split_item(item, size, width, box_h, m)
    heights = []
    for item in pieces:
        paras = layout([item], size, width, m)[0]  # its first paragraph: no space before
        h = sum(p.height_pt for p in paras)
        before = paras[0].line.space_before * paras[0].size_pt
        heights.append((math.ceil(h * EMU_PER_PT), math.ceil((h + before) * EMU_PER_PT)))
    return [pieces[i:j] for i, j in pack(heights, box_h - 2 * INSET_Y)]


def pack(heights: list[tuple[int, int]], cap: int) -> list[tuple[int, int]]:
    """Consecutive runs (start, end) of blocks, each run's height within ``cap``,
    as few runs as possible and as even as the fewest allow.

    ``heights`` gives each block's height when it opens a run and otherwise
    (a paragraph's space before is dropped at the top of a box).
    """
    def greedy(limit: int) -> list[tuple[int, int]]:
        out, start, used = [], 0, 0
        for i, (first, other) in enumerate(heights):
            if i > start and used + other > limit:
                out.append((start, i))
                start, used = i, 0
            used += first if i == start else other
        if heights:
            out.append((start, len(heights)))
        return out

    runs = greedy(cap)
    lo, hi = max([f for f, _ in heights] + [0]), cap
    while lo < hi:  # the smallest limit that still needs no more runs
        mid = (lo + hi) // 2
        if len(greedy(mid)) <= len(runs):
            hi = mid
        else:
            lo = mid + 1
    return greedy(hi) if hi < cap else runs


def _fits(items: list[Item], size: float, width: int, box_h: int, m: Metrics) -> bool:
    return height([p for it in layout(items, size, width, m) for p in it]) <= box_h


def _split_item(item: Item, size: float, width: int, box_h: int, m: Metrics) -> list[Item]:
    """Break an item too tall for a box into word-wrapped pieces that fit.

    Each piece takes as many words as fit (at least one).  A paragraph's height only
    grows with its words, so the longest fitting run is found by doubling, then
    halving: a long text costs time in proportion to its length, not its square.
    """
    pieces: list[Item] = []
    for ln in item:
        words = [t for s in ln.spans for t in _pieces(s)]
        n, start = len(words), 0
        while start < n:
            w = words[start]
            first = w if start == 0 else Span(w.text.lstrip(), w.bold, w.italic)

            def piece(end: int, first=first, start=start):
                return replace(ln, spans=(first, *words[start + 1:end]))

            def fits(end: int) -> bool:
                return _fits([[piece(end)]], size, width, box_h, m)

            good, step = start + 1, 1  # one word always makes a piece
            while good + step <= n and fits(good + step):
                good, step = good + step, step * 2
            bad = min(good + step, n + 1)
            while bad - good > 1:
                mid = (good + bad) // 2
                good, bad = (mid, bad) if fits(mid) else (good, mid)
            pieces.append([piece(good)])
            start = good
    return pieces


def _pieces(span: Span) -> list[Span]:
    out = []
    for tok in re.findall(r"\s*\S{1,40}", span.text):
        out.append(Span(tok, span.bold, span.italic))
    return out or [span]
