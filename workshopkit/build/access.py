"""Accessibility checks at build time: warnings (errors under ``--strict``).

Before rendering, on what the author wrote (:func:`check_sources`):

* an image whose alt text is empty, its file name or a placeholder word;
* slide titles that repeat without "(cont.)": screen-reader users move through a
  deck by its titles;
* theme colours whose text/background contrast is under 4.5:1 (3:1 for titles,
  large text), in standard and in low-ink colours;
* a video without captions in the language being built (a note when it lists none);
* a title that is only a URL, where links show titles as their text.

After rendering, on each output's bytes (:func:`check_output`): every slide has a
title placeholder first in reading order, tables mark their header row, every run
carries its language; a PDF has its language and title set and asks viewers to show
the title; a web edition has its language, title and an alt on every image.
"""
from __future__ import annotations

import re
from pathlib import Path
from typing import Iterable, Optional

from workshopkit.errors import Diagnostic, Pos, Problems
from workshopkit.i18n import base_lang, ui
from workshopkit.model import Curriculum
from workshopkit.model.settings import Theme
from workshopkit.plan.markup import plain

PLACEHOLDER_ALTS = {"image", "imagen", "imagem", "photo", "foto", "picture", "img", "alt",
                    "graphic", "gráfico", "pic", "screenshot", "captura"}
URL_ONLY = re.compile(r"^\s*(https?://|www\.)\S+\s*$", re.I)


# ------------------------------------------------------------------ contrast (WCAG 2)
def luminance(hex_: str) -> float:
    def channel(v: int) -> float:
        c = v / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4
    r, g, b = (int(hex_[i:i + 2], 16) for i in (0, 2, 4))
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def contrast(fg: str, bg: str) -> float:
    a, b = sorted((luminance(fg), luminance(bg)), reverse=True)
    return (a + 0.05) / (b + 0.05)


THEME_PAIRS = (("text", "background", 4.5), ("muted", "background", 4.5),
               ("title", "background", 3.0), ("text", "table_header", 4.5))
"""(text colour, background colour, least contrast): titles are large text."""


def theme_problems(theme: Theme) -> list[str]:
    out = []
    for mode, th in (("standard", theme), ("low-ink", theme.greyscale())):
        for fg, bg, least in THEME_PAIRS:
            ratio = contrast(getattr(th, fg), getattr(th, bg))
            if ratio < least:
                out.append(f"theme colours '{fg}' #{getattr(th, fg)} on '{bg}' "
                           f"#{getattr(th, bg)} have a contrast of {ratio:.1f}:1 in {mode} "
                           f"colours, under the {least:g}:1 that text needs to be read")
    return out


# ------------------------------------------------------------------ what the author wrote
def _slide_titles(cur: Curriculum, lang: str, problems: Problems) -> None:
    cont = {"(cont.)", ui(lang)("{title} (cont.)").replace("{title}", "").strip()}
    seen: dict[str, Pos] = {}
    for _, a in cur.activities():
        for s in a.slides:
            if s.title is None:
                continue
            title = " ".join(plain(s.title.get(lang)).split())
            if any(c and c in title for c in cont):
                continue
            if title.casefold() in seen:
                first = seen[title.casefold()]
                problems.warning(s.title.pos, f"the slide title '{title}' repeats the one at "
                                 f"line {first.line}: people who move through a deck by its "
                                 "titles cannot tell them apart; change it or add '(cont.)'")
            else:
                seen[title.casefold()] = s.title.pos


def _images(cur: Curriculum, lang: str, problems: Problems) -> None:
    for img in cur.images():
        alt = " ".join(plain(img.alt.get(lang)).split())
        names = {p.name.casefold() for p in img.src.values()} | \
            {p.stem.casefold() for p in img.src.values()}
        if not alt or alt.casefold() in names or alt.casefold().strip(".") in PLACEHOLDER_ALTS:
            problems.warning(img.alt.pos, f"the image's alt text '{alt}' does not say what it "
                             "shows: describe the image for people who cannot see it")


def _videos(cur: Curriculum, lang: str, problems: Problems) -> None:
    """A video whose ``captions`` leave out ``lang``: a warning; one that lists none: a
    note (the author has not said; the web editions print "No captions", the printouts and
    the deck name no caption languages)."""
    for v in cur.videos.values():
        if not v.captions:
            problems.note(v.pos, f"video '{v.id}' lists no captions: if it has some, list "
                          "their languages under 'captions' (the web editions say it has none)")
        elif not any(base_lang(c) == base_lang(lang) for c in v.captions):
            problems.warning(v.pos, f"video '{v.id}' has no captions in '{lang}' (captions: "
                             f"{', '.join(v.captions)}): deaf and hard-of-hearing people "
                             f"cannot follow it in this language; add captions in '{lang}' "
                             "and list it under 'captions'")


def _url_titles(cur: Curriculum, lang: str, problems: Problems) -> None:
    named = [(r.title, "resource") for r in cur.resources]
    named += [(v.title, f"video '{v.id}'") for v in cur.videos.values() if v.title]
    for title, what in named:
        if URL_ONLY.match(plain(title.get(lang))):
            problems.warning(title.pos, f"the {what}'s title is a URL, and links show their "
                             "title: a screen reader spells the address out; give it a title "
                             "people can read")


def check_sources(cur: Curriculum, languages: Iterable[str], problems: Problems) -> None:
    """Warn about what the author wrote, for each language being built (once per problem)."""
    mine = Problems()
    for lang in dict.fromkeys(languages):
        _images(cur, lang, mine)
        _slide_titles(cur, lang, mine)
        _videos(cur, lang, mine)
        _url_titles(cur, lang, mine)
    seen = set()
    for d in mine.items:
        if (d.pos, d.message) not in seen:
            seen.add((d.pos, d.message))
            problems.items.append(d)


def check_theme(theme: Theme, where: Optional[Path], problems: Problems) -> None:
    from workshopkit.source.project import display

    name = theme.source or (display(where) if where else "built-in theme")
    for message in theme_problems(theme):
        problems.warning(Pos(name), message)


# ------------------------------------------------------------------ what was written
_SLIDE = re.compile(r"^ppt/slides/slide\d+\.xml$")
_SHAPE = re.compile(r"<p:sp>.*?</p:sp>|<p:pic>.*?</p:pic>|<p:graphicFrame>.*?</p:graphicFrame>",
                    re.S)


def deck_problems(data: bytes) -> list[str]:
    import io
    import zipfile

    z = zipfile.ZipFile(io.BytesIO(data))
    names = sorted((n for n in z.namelist() if _SLIDE.match(n)),
                   key=lambda n: int(re.findall(r"\d+", n)[0]))
    out = []
    for n, name in enumerate(names, 1):
        xml = z.read(name).decode("utf-8")
        shapes = _SHAPE.findall(xml)
        titles = [i for i, s in enumerate(shapes) if re.search(r'<p:ph type="(ctrT|t)itle"', s)]
        if not titles:
            out.append(f"slide {n} has no title placeholder: screen readers list slides by title")
        elif any("<a:t>" in s for s in shapes[:titles[0]]):
            out.append(f"slide {n}: text comes before its title in reading order")
        if re.search(r'<a:tblPr(?![^>]*firstRow="1")', xml):
            out.append(f"slide {n}: a table does not mark its header row")
        if re.search(r"<a:rPr(?![^>]*\slang=)", xml):
            out.append(f"slide {n}: a run of text does not carry its language")
    return out


def pdf_problems(data: bytes) -> list[str]:
    out = []
    if not re.search(rb"/Lang\s*[(<]", data):
        out.append("the PDF does not say its language")
    if not re.search(rb"/Title\s*(\((?!\))|<[0-9A-Fa-f])", data):
        out.append("the PDF has no title")
    if not re.search(rb"/DisplayDocTitle\s+true", data):
        out.append("the PDF does not ask viewers to show its title")
    return out


def html_problems(data: bytes) -> list[str]:
    out = []
    if not re.search(rb'<html lang="[^"]+"', data):
        out.append("the page does not say its language")
    if not re.search(rb"<title>[^<]+</title>", data):
        out.append("the page has no title")
    if re.search(rb"<img(?![^>]*\salt=)[^>]*>", data):
        out.append("an image has no alt text")
    return out


def check_output(kind: str, ext: str, data: bytes, languages: tuple[str, ...],
                 source: str) -> list[Diagnostic]:
    """Warnings about one rendered output (``source``: the curriculum as shown to users)."""
    found = {"pptx": deck_problems, "pdf": pdf_problems, "html": html_problems}.get(ext)
    tag = "+".join(languages)
    return [Diagnostic("warning", Pos(source), f"the {tag} {kind}: {m}")
            for m in (found(data) if found else [])]


def check_build(targets: list, strict: bool, problems: Problems, failed: list[str]) -> list:
    """Check each curriculum about to be built, in the languages it is built in, and the
    themes its decks use; under ``strict`` a curriculum with a warning builds nothing."""
    from workshopkit.build import kinds
    from workshopkit.errors import WorkshopkitError
    from workshopkit.source import theme as themes
    from workshopkit.source.project import display

    by_cur: dict[int, tuple[Curriculum, list[str], set]] = {}
    for t in targets:
        if not isinstance(t.curriculum, Curriculum):  # a survey: no slides, videos or images
            continue
        cur, langs, found = by_cur.setdefault(id(t.curriculum), (t.curriculum, [], set()))
        langs += [l for l in t.languages if l not in langs]
        if "theme" in kinds.kind(t.kind).settings:
            found.add(themes.find(cur.project, t.options.theme))
    warned = set()
    for key, (cur, langs, found) in by_cur.items():
        mine = Problems()
        check_sources(cur, langs, mine)
        for path in sorted(found, key=str):
            try:
                check_theme(themes.load(path), path, mine)
            except WorkshopkitError:
                continue  # reported where the deck is drawn
        problems.extend(mine)
        if mine.warnings:
            warned.add(key)
    if not strict:
        return targets
    for key in warned:
        name = display(by_cur[key][0].path)
        if name not in failed:
            failed.append(name)
    return [t for t in targets if id(t.curriculum) not in warned]
