"""Interface words: the gettext catalogues shipped in ``workshopkit/i18n/locale/``.

Fixed words that outputs print go through :func:`ui`; names of phases, levels
and languages are looked up here too.
"""
from __future__ import annotations

import functools
import gettext
import io
import re
from importlib import resources
from pathlib import Path
from typing import Callable, Optional

from workshopkit.source.po import read_po
from workshopkit.source.vocab import LEVELS, PHASES, table

LOCALE_DIR = Path(str(resources.files("workshopkit.i18n").joinpath("locale")))
"""The interface catalogues, package data found through the import system."""


# ---------------------------------------------------------------- interface strings

def base_lang(tag: str) -> str:
    return tag.replace("_", "-").split("-")[0].lower()


def colon(lang: str) -> str:
    """The colon that ends a label the code puts together ("Name" + colon): French sets a
    no-break space before it, as its catalogue does inside whole phrases."""
    return "\u00a0:" if base_lang(lang) == "fr" else ":"


def labels(label: str, languages) -> str:
    """A label in every language, once where alike, ending with the last language's colon
    ("Duración / Duration:"): a value the same in every language is then given once."""
    return " / ".join(dict.fromkeys(ui(lang)(label) for lang in languages)) + colon(languages[-1])


def quoted(text: str, lang: str) -> str:
    """``text`` in the language's quotation marks (French: « … »; others: “ … ”), the
    marks already inside it turned into the inner kind ("“Software livre” é …" becomes
    “‘Software livre’ é …”); a text that is already one whole quotation stays as it is."""
    fr = base_lang(lang) == "fr"
    outer = ("«\u00a0", "\u00a0»") if fr else ("“", "”")
    inner = ("“", "”") if fr else ("‘", "’")
    t = text.strip()
    marks = "«“»”\""
    if (len(t) > 1 and t[0] in "«“" and t[-1] in "»”"
            and not any(c in marks for c in t[1:-1])):
        return t
    if len(t) > 1 and t[0] == t[-1] == '"' and t.count('"') == 2:
        t = t[1:-1]  # one whole quotation in straight marks: the language's marks instead
    for a, b in (("«\u00a0", "«"), ("\u00a0»", "»"), ("« ", "«"), (" »", "»")):
        t = t.replace(a, b)
    t = t.replace("«", inner[0]).replace("“", inner[0])
    t = t.replace("»", inner[1]).replace("”", inner[1])
    if t.count('"') % 2 == 0:  # straight marks in pairs: "Free software" means …
        parts = t.split('"')
        t = "".join(p + (inner[i % 2] if i < len(parts) - 1 else "")
                    for i, p in enumerate(parts))
    return outer[0] + t + outer[1]


@functools.lru_cache(maxsize=None)
def _ui_catalog(lang: str) -> Optional[dict[str, str]]:
    for name in (lang, lang.replace("-", "_"), base_lang(lang)):
        path = LOCALE_DIR / f"{name}.po"
        if path.is_file():
            table = {}
            for ctx, msgid, msgstr, fuzzy, _ in read_po(path, str(path)):
                if msgstr and not fuzzy:
                    table[msgid] = msgstr
            return table
    return None


def has_ui_catalog(lang: str) -> bool:
    """True when the interface words exist in ``lang`` (English always does)."""
    return base_lang(lang) == "en" or _ui_catalog(lang) is not None


def ui(lang: str) -> Callable[[str], str]:
    """The gettext function for interface words in ``lang`` (English fallback)."""
    table = _ui_catalog(lang) if base_lang(lang) != "en" else None
    _gettext(lang)  # plural and context entries are read with the rest, once
    if not table:
        return lambda s: s

    def _(s: str) -> str:
        return table.get(s, s)

    return _


def N_(s: str) -> str:
    """Marks a string for extraction without translating it here."""
    return s


def NC_(context: str, s: str) -> tuple[str, str]:
    """Marks a string with its gettext context (msgctxt) for extraction: ``(context, s)``,
    translated where it is printed with :func:`ui_context`."""
    return context, s


@functools.lru_cache(maxsize=None)
def _gettext(lang: str) -> gettext.NullTranslations:
    """The interface catalogue of ``lang`` as gettext translations, with its plural
    forms and contexts (English, or no catalogue: the msgids themselves)."""
    if base_lang(lang) == "en":
        return gettext.NullTranslations()
    for name in (lang, lang.replace("-", "_"), base_lang(lang)):
        path = LOCALE_DIR / f"{name}.po"
        if path.is_file():
            from babel.messages.mofile import write_mo
            from babel.messages.pofile import read_po as babel_read_po

            with path.open("rb") as fh:
                catalog = babel_read_po(fh, abort_invalid=False)
            for m in list(catalog):  # an untranslated plural would print as ''
                if m.id and isinstance(m.string, (tuple, list)) and not all(m.string):
                    catalog.delete(m.id, context=m.context)
            data = io.BytesIO()
            write_mo(data, catalog, use_fuzzy=False)
            data.seek(0)
            return gettext.GNUTranslations(data)
    return gettext.NullTranslations()


def ui_plural(lang: str, singular: str, plural: str, n: int) -> str:
    """ngettext: the form of an interface phrase for ``n`` in ``lang`` (Babel's plural
    rules, from the catalogue's Plural-Forms); English when there is no translation."""
    return _gettext(lang).ngettext(singular, plural, n)


def ui_context(lang: str, context: str, msgid: str) -> str:
    """pgettext: an interface word in ``lang`` as used in ``context`` (an adjective that
    agrees with its noun: "High" of a likelihood is "Alta", of an impact "Alto")."""
    return _gettext(lang).pgettext(context, msgid)


# ---------------------------------------------------------------- names writers print

PHASE_NAMES = table(
    PHASES,
    activity=N_("Activity"),
    discussion=N_("Discussion"),
    input=N_("Input"),
    deepening=N_("Deepening"),
    synthesis=N_("Synthesis"),
)
"""ADIDS phases (Activity, Discussion, Input, Deepening, Synthesis)."""

LEVEL_NAMES = table(
    LEVELS,
    intro=N_("Introductory"),
    intermediate=N_("Intermediate"),
    advanced=N_("Advanced"),
)


def phase_name(phase: str, lang: str) -> str:
    """The ADIDS phase ``phase`` (``deepening``…) as a heading in ``lang``."""
    return ui(lang)(PHASE_NAMES[phase]) if phase in PHASE_NAMES else phase


def level_name(level: str, lang: str) -> str:
    """The level ``intro`` | ``intermediate`` | ``advanced`` in ``lang``."""
    return ui(lang)(LEVEL_NAMES[level]) if level in LEVEL_NAMES else level


@functools.lru_cache(maxsize=None)
def language_name(tag: str, in_lang: str) -> str:
    """The name of language ``tag`` written in ``in_lang`` with that language's own
    casing, as it reads inside a sentence or a list: ``language_name("en", "es")`` is
    ``"inglés"``, ``language_name("en", "en")`` ``"English"``, ``language_name("pt-BR",
    "es")`` ``"portugués (Brasil)"``.  A tag Babel does not know comes back unchanged; a
    display language it does not know gives the English name.
    """
    from babel import Locale, UnknownLocaleError

    try:
        locale = Locale.parse(tag.replace("-", "_"))
    except (UnknownLocaleError, ValueError, TypeError):
        return tag
    name = None
    for where in (in_lang.replace("-", "_"), base_lang(in_lang), "en"):
        try:
            name = locale.get_display_name(where)
            break
        except (UnknownLocaleError, ValueError, TypeError):
            continue
    return name or tag


def language_label(tag: str, in_lang: str) -> str:
    """:func:`language_name` standing alone as a label (beside a QR code): its first
    letter capitalised, "Español"."""
    name = language_name(tag, in_lang)
    return name[:1].upper() + name[1:]


@functools.lru_cache(maxsize=None)
def is_rtl(tag: str) -> bool:
    """True for a language written right to left (Babel's ``text_direction``: ar, fa, he,
    ur…); False for one Babel does not know."""
    from babel import Locale, UnknownLocaleError

    try:
        return Locale.parse(tag.replace("-", "_")).text_direction == "rtl"
    except (UnknownLocaleError, ValueError, TypeError):
        return False


def direction(tag: str) -> str:
    """``"rtl"`` or ``"ltr"``: the HTML ``dir`` of text in language ``tag``."""
    return "rtl" if is_rtl(tag) else "ltr"


_LTR_RUN = re.compile(r"[A-Za-z0-9][A-Za-z0-9 :.,·/()'–\-]*[A-Za-z0-9)]")
LRM = "\u200e"


def hold_ltr(s: str) -> str:
    """``s`` for a right-to-left paragraph, with each stretch of Latin words and numbers
    (``15 min · 09:00–09:15``, ``Signal 7.2``) kept in its own left-to-right order by
    left-to-right marks around it; without them the bidirectional algorithm shows the
    range ``09:00–09:15`` as ``09:15–09:00``.  Arabic words between stretches keep them
    apart, so single words and numbers are unchanged."""
    return _LTR_RUN.sub(lambda m: LRM + m.group(0) + LRM if re.search(r"[\s–\-:·]", m.group(0))
                        else m.group(0), s)
