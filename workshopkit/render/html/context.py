"""What every part of a web edition shares: escaping, inline markup, language marking.

Text in the edition's first language carries no ``lang`` of its own (the document's
``lang`` covers it); text in the second language of a bilingual edition, and interface
words shown in it, are wrapped with their own ``lang`` (and ``dir`` when the direction
changes), so screen readers switch voice and browsers order right-to-left text correctly.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from html import escape
from typing import Optional

from workshopkit.i18n import colon, direction, has_ui_catalog, language_name, ui
from workshopkit.model import Curriculum, Text
from workshopkit.model.options import Options
from workshopkit.model.settings import Settings
from workshopkit.plan.markup import parse, plain

_BAD = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def esc(s: str) -> str:
    """``s`` escaped for HTML text or a quoted attribute."""
    return escape(_BAD.sub("", s), quote=True)


def inline(s: str) -> str:
    """A Text's ``**bold**`` and ``*italic*`` as ``<strong>`` and ``<em>``, the rest escaped."""
    out = []
    for r in parse(s):
        piece = esc(r.text).replace("\n", "<br>")
        if r.bold:
            piece = f"<strong>{piece}</strong>"
        if r.italic:
            piece = f"<em>{piece}</em>"
        out.append(piece)
    return "".join(out)


@dataclass
class Ctx:
    cur: Curriculum
    settings: Settings
    languages: tuple[str, ...]
    options: Options
    ids: dict[str, int] = field(default_factory=dict)
    facilitator: bool = False  # the guide: facilitators' details (review dates) are shown

    @property
    def lang(self) -> str:
        return self.languages[0]

    def mark(self, lang: str) -> str:
        """The attributes of an element holding text in ``lang`` (none for the first)."""
        if lang == self.lang:
            return ""
        attrs = f' lang="{esc(lang)}"'
        if direction(lang) != direction(self.lang):
            attrs += f' dir="{direction(lang)}"'
        return attrs

    def uid(self, base: str) -> str:
        """A unique, deterministic element id starting with ``base``."""
        n = self.ids.get(base, 0) + 1
        self.ids[base] = n
        return base if n == 1 else f"{base}-{n}"

    # ------------------------------------------------------------ texts
    def versions(self, text: Optional[Text]) -> list[tuple[str, str]]:
        """(language, string) for each language of the edition; a string equal to the
        first language's is given once."""
        if text is None:
            return []
        out: list[tuple[str, str]] = []
        for lang in self.languages:
            s = text.get(lang)
            if not any(s == seen for _, seen in out):
                out.append((lang, s))
        return out

    def t(self, text: Optional[Text], tag: str = "p", cls: str = "") -> str:
        """One element per language: ``<p>es</p><p lang="en" class="second">en</p>``."""
        out = []
        for i, (lang, s) in enumerate(self.versions(text)):
            classes = " ".join(c for c in (cls, "second" if i else "") if c)
            c = f' class="{classes}"' if classes else ""
            out.append(f"<{tag}{c}{self.mark(lang)}>{inline(s)}</{tag}>")
        return "".join(out)

    def span(self, text: Optional[Text], sep: str = " / ") -> str:
        """Every language on one line: ``es / <span lang="en">en</span>``."""
        parts = [f"<span{self.mark(lang)}>{inline(s)}</span>" if self.mark(lang) else inline(s)
                 for lang, s in self.versions(text)]
        return sep.join(parts)

    def head(self, text: Optional[Text], tag: str, attrs: str = "") -> str:
        """A heading: the first language, the second beneath it in the same heading."""
        vs = self.versions(text)
        if not vs:
            return ""
        inner = inline(vs[0][1])
        for lang, s in vs[1:]:
            inner += f' <span class="second"{self.mark(lang)}>{inline(s)}</span>'
        return f"<{tag}{attrs}>{inner}</{tag}>"

    def plain(self, text: Optional[Text]) -> str:
        """The first language's string without markup (for attributes such as ``alt``)."""
        return plain(text.get(self.lang)) if text is not None else ""

    # ------------------------------------------------------------ interface words
    def words(self, msgid: str, **fmt) -> list[tuple[str, str]]:
        """(language, phrase) per language of the edition; a language without interface
        catalogue gets the English phrase, marked as English."""
        out: list[tuple[str, str]] = []
        for lang in self.languages:
            s = ui(lang)(msgid)
            s = s.format(**fmt) if fmt else s
            if not any(s == seen for _, seen in out):
                out.append((lang if has_ui_catalog(lang) else "en", s))
        return out

    def w(self, msgid: str, sep: str = " / ", **fmt) -> str:
        """An interface phrase in every language of the edition, each marked."""
        return sep.join(f"<span{self.mark(l)}>{esc(s)}</span>" if self.mark(l) else esc(s)
                        for l, s in self.words(msgid, **fmt))

    def label(self, msgid: str) -> str:
        """``Duration:``, the colon inside each language's span (it ends the label), as
        each language writes it (``Durée :``)."""
        return " / ".join(f"<span{self.mark(l)}>{esc(s)}{colon(l)}</span>" if self.mark(l) else
                          f"{esc(s)}{colon(l)}" for l, s in self.words(msgid))

    def reviewed(self, x) -> str:
        """"Reviewed: <date>" for what carries a review date, or ''."""
        date = getattr(x, "reviewed", None)
        return f'{self.label("Reviewed")} <bdi>{date.isoformat()}</bdi>' if date else ""

    def w_plain(self, msgid: str, **fmt) -> str:
        """The phrase in the first language only, unescaped (for ``aria-label``)."""
        return self.words(msgid, **fmt)[0][1]

    def language(self, tag: str) -> str:
        return esc(language_name(tag, self.lang))
