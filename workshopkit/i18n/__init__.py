"""Interface words: the gettext catalogues shipped in ``workshopkit/i18n/locale/``.

Fixed words that outputs print go through :func:`ui`; names of phases, levels
and languages are looked up here too.
"""
from __future__ import annotations

import functools
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
    if not table:
        return lambda s: s

    def _(s: str) -> str:
        return table.get(s, s)

    return _


def N_(s: str) -> str:
    """Marks a string for extraction without translating it here."""
    return s


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
    """The name of language ``tag`` written in ``in_lang``, capitalised as a label.

    ``language_name("pt-BR", "es")`` is ``"Portugués (Brasil)"``; a tag Babel
    does not know comes back unchanged.
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
    if not name:
        return tag
    return name[0].upper() + name[1:]


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
