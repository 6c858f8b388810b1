"""The words of the deck's credits slide: image credits, authors, licence, the curricula
an assembled workshop takes material from, version and date. A mixin of
:class:`workshopkit.plan.slides_words.Words` (``cur``, ``langs``, ``options``, ``item``,
``per_lang`` and ``ui`` come from it)."""
from __future__ import annotations

from workshopkit.plan.markup import plain
from workshopkit.plan.pages import borrowed_from
from workshopkit.plan.slides_text import Item


class CreditWords:
    """The credits slide."""

    def credits(self) -> list[Item]:
        cur, out = self.cur, []
        for img in cur.images():
            if img.credit is None and img.license is None:
                continue
            words = self.per_lang(lambda i, l, _: " · ".join(
                w for w in (img.alt.get(l), img.credit.get(l) if img.credit else "",
                            img.license.get(l) if img.license else "") if w))
            out.append(self.item(words, bullet=True))
        if cur.authors:
            out.append(self.item(self.per_lang(lambda i, l, _: _("Authors: {names}").format(
                names=", ".join(author_name(a, l) for a in cur.authors)))))
        if cur.license:
            out.append(self.item(self.ui("Licence: {license}", license=cur.license)))
        if cur.sources:
            out.append(self.item(self.ui("Includes material from:")))
            lines = [borrowed_from(cur, l) for l in self.langs]
            for words in zip(*lines):
                out.append(self.item(list(words), bullet=True))
        if cur.version:
            out.append(self.item(self.ui("Version {version}", version=cur.version)))
        if self.options.dated:  # never the fixed stand-in date of an undated curriculum
            out.append(self.item(self.ui("Date: {date}",
                                         date=self.options.date.date().isoformat())))
        return out


def author_name(a, lang: str) -> str:
    """An author as the credits name them: "Name (Organisation)"."""
    name = plain(a.name.get(lang))
    return f"{name} ({plain(a.org.get(lang))})" if a.org is not None else name
