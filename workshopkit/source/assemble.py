"""An assembled curriculum: what its ``from:`` references bring along, and hints on its shape.

Once a curriculum with ``from:`` references is converted, :func:`bring_along`
adds to it what the sessions and activities it took use: the videos their
slides show (an id the curriculum already uses for another video is renamed
``<curriculum id>-<video id>``), the catalogues their comparisons show, and the
glossary terms and resources of their curricula that their texts mention (a
term or a resource title, or a resource URL, written in any of their texts).
Glossary and resources are the union, without duplicates: a term or a resource
the curriculum already has (the same term or URL in any language) is not added
again.

:func:`borrowed_gaps` reports, at each ``from:`` value, the texts it brought
that have no translation in a language of the curriculum (they print in their
own source language); :func:`adids_hints` adds notes on the order of the
workshop's phases.
"""
from __future__ import annotations

import re
from dataclasses import replace
from typing import Any, Iterable, Iterator

from workshopkit.errors import Problems
from workshopkit.model import Activity, Curriculum, Session, Video
from workshopkit.model.text import Text, iter_texts
from workshopkit.source.reuse import Taken

LONG_INPUTS_MINUTES = 45
"""Two inputs in a row lasting more than this together get a note."""


def _pairs(t: Taken) -> Iterator[tuple[Activity, Activity]]:
    """(copy, original) of each activity ``t`` took as it was written in its source."""
    if isinstance(t.copy, Activity):
        yield t.copy, t.originals[0]
    elif isinstance(t.copy, Session) and len(t.originals) > 1:
        yield from zip(t.copy.activities, t.originals[1:])


def _strings(text: Text) -> list[str]:
    return [text.plain] if text.plain is not None else list(text.values.values())


def _mentions(blob: str, words: Iterable[str]) -> bool:
    return any(w.strip() and re.search(r"(?<!\w)" + re.escape(w.strip()) + r"(?!\w)", blob,
                                        re.IGNORECASE) for w in words)


def _same_video(a: Video, b: Video) -> bool:
    return (a.url.plain, a.url.values) == (b.url.plain, b.url.values)


def _video(cur: Curriculum, t: Taken, vid: str) -> str:
    """The id under which ``cur`` shows the video ``vid`` of ``t``'s source."""
    v = t.source.videos.get(vid)
    if v is None:
        return vid
    name, n = vid, 1
    while name in cur.videos and not _same_video(cur.videos[name], v):
        n += 1
        name = f"{t.source.id}-{vid}" + (f"-{n - 1}" if n > 2 else "")
    if name not in cur.videos:
        cur.videos[name] = v if name == vid else replace(v, id=name)
        t.brought.append(cur.videos[name])
    return name


def bring_along(cur: Curriculum, taken: list[Taken]) -> None:
    """Add to ``cur`` what its references use; record the curricula it takes from."""
    for t in taken:
        cur.sources.setdefault(t.source.id, t.source)
        for deeper in t.source.sources.values():
            cur.sources.setdefault(deeper.id, deeper)
        for copy, orig in _pairs(t):
            taken_as_written = [*(orig.slides if copy.slides is orig.slides else ()),
                                *(orig.worksheet if copy.worksheet is orig.worksheet else ())]
            for x in taken_as_written:
                if x.comparison and x.comparison in t.source.catalogs:
                    cur.catalogs.setdefault(x.comparison, t.source.catalogs[x.comparison])
            if copy.slides is orig.slides:
                shown = [(sl, _video(cur, t, sl.video)) if sl.video else (sl, None)
                         for sl in orig.slides]
                if any(sl.video != vid for sl, vid in shown if vid is not None):
                    copy.slides = [replace(sl, video=vid) if vid and vid != sl.video else sl
                                   for sl, vid in shown]
        blob = "\n".join(s for x in iter_texts(t.copy) for s in _strings(x))
        for term in t.source.glossary:
            words = _strings(term.term)
            have = {s.casefold() for g in cur.glossary for s in _strings(g.term)}
            if _mentions(blob, words) and not have & {w.casefold() for w in words}:
                cur.glossary.append(term)
                t.brought.append(term)
        for res in t.source.resources:
            urls = _urls(res)
            titles = _strings(res.title)
            have_urls = {u for r in cur.resources for u in _urls(r)}
            have_titles = {s.casefold() for r in cur.resources for s in _strings(r.title)}
            if (any(u in blob for u in urls) or _mentions(blob, titles)) and \
                    not (have_urls & set(urls)) and not have_titles & {s.casefold() for s in titles}:
                cur.resources.append(res)
                t.brought.append(res)


def _urls(res: Any) -> list[str]:
    if res.url is None:
        return []
    return [res.url.plain] if res.url.plain is not None else list(res.url.values.values())


def borrowed_gaps(cur: Curriculum, taken: list[Taken], langs: Iterable[str],
                  problems: Problems) -> None:
    """At each from: value, the texts it brought that lack a language of ``cur``."""
    for t in taken:
        texts = [x for x in iter_texts([t.copy, *t.brought]) if x.owner is not cur.translations]
        for lang in langs:
            missing = [x for x in texts if x.resolve(lang)[1]]
            if missing:
                first = missing[0]
                n = len(missing)
                problems.warning(t.ref.pos, f"'{t.ref.text}' has no '{lang}' translation for "
                                 f"{n} text{'s' if n > 1 else ''} (first: {first.path}, at "
                                 f"{first.pos}); the '{first.owner.source_lang}' text is used")


def adids_hints(cur: Curriculum, problems: Problems) -> None:
    """Notes on an assembled workshop's phases: a synthesis to close it, and no long
    stretch of inputs (two in a row lasting more than 45 minutes together)."""
    acts = [a for _, a in cur.activities() if not a.is_break]
    if acts and not any(a.phase == "synthesis" for a in acts):
        problems.note(cur.pos, "the assembled workshop has no synthesis activity: "
                      "participants need a moment to gather what they learnt and plan what "
                      "they will do (ADIDS)")
    prev = None
    for s in cur.sessions:
        if s.day is not None:  # a new day
            prev = None
        for a in s.activities:
            if a.is_break:
                prev = None
                continue
            if prev is not None and prev.phase == a.phase == "input" \
                    and prev.minutes + a.minutes > LONG_INPUTS_MINUTES:
                problems.note(a.pos, f"two inputs in a row, '{prev.id}' and '{a.id}', last "
                              f"{prev.minutes + a.minutes} minutes together: put an activity "
                              "or a discussion between them (ADIDS)")
            prev = a
