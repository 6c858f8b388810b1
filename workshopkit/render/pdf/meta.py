"""What a PDF says about itself, without reportlab: interface words in every language
and the document's metadata (imported by writers that draw on a bare canvas, which
need not load reportlab's page layout)."""
from __future__ import annotations

import contextlib

from workshopkit import __version__
from workshopkit.i18n import ui, ui_context, ui_plural
from workshopkit.model import Curriculum
from workshopkit.model.options import Options
from workshopkit.model.text import xml_safe
from workshopkit.plan.markup import plain


def words(msgid: str, languages: tuple[str, ...], sep: str = " / ", **fmt) -> str:
    """An interface phrase in every language: ``Name / Nombre`` (once if equal)."""
    out: list[str] = []
    for lang in languages:
        s = ui(lang)(msgid).format(**fmt) if fmt else ui(lang)(msgid)
        if s not in out:
            out.append(s)
    return sep.join(out)


def nwords(singular: str, plural: str, count: int, languages: tuple[str, ...],
           sep: str = " / ", **fmt) -> str:
    """A phrase about ``count`` things in every language, each in its plural form for
    ``count`` (ngettext): ``nwords("{n} participant", "{n} participants", k, langs, n=k)``."""
    out: list[str] = []
    for lang in languages:
        s = ui_plural(lang, singular, plural, count).format(**fmt)
        if s not in out:
            out.append(s)
    return sep.join(out)


def cwords(entry: tuple[str, str], languages: tuple[str, ...], sep: str = " / ") -> str:
    """A word marked with its context (``NC_("likelihood", "High")``) in every language."""
    out: list[str] = []
    for lang in languages:
        s = ui_context(lang, *entry)
        if s not in out:
            out.append(s)
    return sep.join(out)


def draft_notes(cur: Curriculum, languages: tuple[str, ...]) -> list[str]:
    """"Draft translation: N % translated", in its own language, for each of ``languages``
    whose translation of the curriculum is not complete (covers print it)."""
    from workshopkit.i18n.status import translated_percent

    out = []
    for lang in languages:
        percent = translated_percent(cur, lang)
        _ = ui(lang)
        if percent < 100:
            out.append(_("Draft translation: {percent} % translated").format(
                percent=percent))
    return out


def metadata(cur: Curriculum, languages: tuple[str, ...], options: Options,
             kind_title: str) -> dict[str, str]:
    lang = languages[0]
    authors = ", ".join(plain(a.name.get(lang)) for a in cur.authors)
    return {key: xml_safe(value) for key, value in {
        "title": f"{plain(cur.title.get(lang))} — {kind_title}",
        "author": "" if options.anonymous else authors,
        "subject": plain(cur.summary.get(lang)) if cur.summary else "",
        "keywords": ", ".join([cur.id, *languages, kind_title]),
        "creator": f"workshopkit {__version__}",
        "lang": lang,
    }.items()}


@contextlib.contextmanager
def deflate_only():
    """While a canvas is saved: its pages deflated but not ASCII85-encoded (reportlab's
    default), a fifth smaller, and readers (the booklet imposition, pypdf) need not decode
    ASCII85 in pure Python."""
    from reportlab import rl_config

    was = rl_config.useA85
    rl_config.useA85 = 0
    try:
        yield
    finally:
        rl_config.useA85 = was
