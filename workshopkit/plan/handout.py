"""Layout decisions for the video handout, as plain data (no reportlab here).

Which cards, in what order, with which words (:func:`plan_cards`,
:func:`card_lines`, :func:`header_lines`), how many cards per page
(:func:`grid`, :func:`choose_rows`), how big a QR module is (:func:`qr_module`)
and where a printed URL breaks (:func:`url_lines`).  The writer,
:mod:`workshopkit.render.pdf.handout`, only draws what is decided here.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from workshopkit.plan import qr
from workshopkit.plan.breaks import url_breaks
from workshopkit.i18n import N_, labels, language_label, language_name, ui
from workshopkit.model import Curriculum
from workshopkit.plan.schedule import video_length

SNAP = 72 / 600
"""Module sizes are whole dots of a 600 dpi printer, so every module prints alike."""
MIN_MODULE = 15 * SNAP
"""Smallest QR module drawn: 1.8 pt = 0.635 mm, 3.75 px at 150 dpi (>= 3 px to scan)."""
CARD_MIN = {False: (240.0, 190.0), True: (340.0, 290.0)}
"""Smallest card (width, height) in points, normal and large print: sets the grid."""


@dataclass(frozen=True)
class Code:
    url: str
    label: str = ""  # the language's own name, when a card has one code per language


@dataclass(frozen=True)
class Card:
    video_id: str
    titles: tuple[str, ...]  # one per build language (markup kept), duplicates dropped
    summaries: tuple[str, ...]
    duration: str  # "4:30"; "" when the video has no duration
    captions: tuple[str, ...]  # per build language: caption languages named in it
    codes: tuple[Code, ...]  # one, or one per language when the URLs differ
    used_in: tuple[str, ...]  # "Session - Activity" where slides show the video


Line = tuple[str, str]
"""(text, role): role is title | title2 | body | body2 | small; a "2" marks a second language."""


def video_order(cur: Curriculum) -> list[str]:
    """Video ids in the order slides first show them, then unused ones in file order."""
    seen: list[str] = []
    for _s, act in cur.activities():
        for sl in act.slides:
            if sl.video in cur.videos and sl.video not in seen:
                seen.append(sl.video)
    return seen + [v for v in cur.videos if v not in seen]


def unique(values) -> tuple[str, ...]:
    """Non-empty values, first occurrence only (a text said once when languages agree)."""
    out: list[str] = []
    for v in values:
        if v and v not in out:
            out.append(v)
    return tuple(out)


def plan_cards(cur: Curriculum, languages: tuple[str, ...]) -> list[Card]:
    lang = languages[0]
    where: dict[str, list[str]] = {}
    for s, act in cur.activities():
        for sl in act.slides:
            if sl.video in cur.videos:
                place = s.title.get(lang) + " \u2013 " + (act.title.get(lang) if act.title else act.id)
                if place not in where.setdefault(sl.video, []):
                    where[sl.video].append(place)
    cards = []
    for vid in video_order(cur):
        v = cur.videos[vid]
        urls = [v.url.get(l) for l in languages]
        if len(set(urls)) == 1:
            codes: tuple[Code, ...] = (Code(urls[0]),)
        else:
            codes = tuple(Code(u, language_label(l, l)) for u, l in zip(urls, languages))
        caps = tuple(", ".join(language_name(c, l) for c in v.captions) for l in languages)
        cards.append(Card(
            video_id=vid,
            titles=unique(v.title.get(l) for l in languages) if v.title else (vid,),
            summaries=unique(v.summary.get(l) for l in languages) if v.summary else (),
            duration=video_length(v.duration_seconds),
            captions=caps if v.captions else (),
            codes=codes,
            used_in=tuple(where.get(vid, ())),
        ))
    return cards


def card_lines(card: Card, languages: tuple[str, ...]) -> tuple[list[Line], list[Line]]:
    """(beside the code, below it): a card's words in reading order, localised.
    Captions are named in each language; the duration and the places where the video is
    shown under a label in every language ("Duración / Duration: 4:30"), the places' names
    in the first."""
    _ = ui(languages[0])
    side = [(t, "title" if i == 0 else "title2") for i, t in enumerate(card.titles)]
    if card.duration:
        side.append((_label(N_("Duration"), N_("Duration: {duration}"), languages)
                     .format(duration=card.duration), "body"))
    for i, caps in enumerate(card.captions):
        _ = ui(languages[i])
        side.append((_("Captions: {languages}").format(languages=caps),
                     "body" if i == 0 else "body2"))
    below = [(t, "body" if i == 0 else "body2") for i, t in enumerate(card.summaries)]
    if card.used_in:
        below.append((_label(N_("Used in"), N_("Used in: {where}"), languages)
                      .format(where="; ".join(card.used_in)), "small"))
    return side, below


def _label(label: str, phrase: str, languages: tuple[str, ...]) -> str:
    """``phrase`` (``"Duration: {duration}"``) in one language; in several, ``label`` in
    each, once where alike, and the value once: ``"Duración / Duration: {duration}"``."""
    if len(languages) == 1:
        return ui(languages[0])(phrase)
    return labels(label, languages) + " " + phrase.split(": ", 1)[1]


def header_lines(cur: Curriculum, languages: tuple[str, ...], videos: bool = True) -> list[Line]:
    """Curriculum title and, when there are videos, the instruction, in each language
    (once when the same)."""
    titles = unique(cur.title.get(l) for l in languages)
    said = []
    for lang in languages if videos else ():
        _ = ui(lang)
        said.append(_("Point your phone's camera at a code to open the video"))
    return ([(t, "title2" if i else "title") for i, t in enumerate(titles)]
            + [(t, "body2" if i else "body") for i, t in enumerate(unique(said))])


def grid(width: float, height: float, large_print: bool) -> tuple[int, int]:
    """Columns and rows of cards that fit ``width`` x ``height`` points."""
    min_w, min_h = CARD_MIN[large_print]
    return max(1, min(3, int(width // min_w))), max(1, min(4, int(height // min_h)))


def choose_rows(heights: list[tuple[float, ...]], avail: float, most: int, cols: int) -> int:
    """Rows of cards per page, from ``most`` down to 1.  ``heights`` holds each card's
    height in each look, preferred look first (empty: it can never be a card).  Chosen:
    the fewest pages, counting a page for each card taller than a cell; then the fewest
    such cards; then the fewest cards in a smaller look; then the most rows."""
    def cost(rows):
        cell = avail / rows
        fit = sum(1 for h in heights if h and min(h) <= cell)
        shrunk = sum(1 for h in heights if h and h[0] > cell and min(h) <= cell)
        return -(-fit // (cols * rows)) + len(heights) - fit, len(heights) - fit, shrunk, -rows

    return min(range(most, 0, -1), key=cost)


def qr_module(modules: int, max_width: float, target: float) -> float | None:
    """Module size (pt) for a code of ``modules`` across plus quiet zones within
    ``max_width``: ``target`` or less, snapped to printer dots; None below MIN_MODULE."""
    size = min(target, max_width / (modules + 2 * qr.QUIET_ZONE))
    size = int(size / SNAP + 1e-9) * SNAP
    return size if size >= MIN_MODULE else None


def url_lines(url: str, width: float, measure: Callable[[str], float]) -> list[str]:
    """The URL cut into lines no wider than ``width`` (``measure(s)`` gives a string's
    width): after '/', '?' or '&'; failing that after '=', '.', '-' or '_'
    (:func:`workshopkit.plan.breaks.url_breaks`); failing that anywhere.  Joining the
    lines gives back the URL."""
    lines, start = [], 0
    fits = lambda end: measure(url[start:end]) <= width  # noqa: E731
    if fits(len(url)):  # most URLs: one line, no break points needed
        return [url]
    primary, secondary = url_breaks(url)
    while not fits(len(url)):
        end = next((b for b in reversed(primary) if start < b and fits(b)), None)
        end = end or next((b for b in reversed(secondary) if start < b and fits(b)), None)
        if end is None:
            end = start + 1
            while end + 1 < len(url) and fits(end + 1):
                end += 1
        lines.append(url[start:end])
        start = end
    lines.append(url[start:])
    return lines
