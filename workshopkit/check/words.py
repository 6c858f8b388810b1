"""Rules on text alone: words and URLs broken at a line end, language codes printed.

They work on pairs of consecutive lines of one column or paragraph, as PDFs and decks
both give them; the source texts say which words and URLs exist.
"""
from __future__ import annotations

import re
from typing import Optional, Sequence

from workshopkit.check.sources import Sources

try:  # hyphenation points, when Pyphen is installed
    import pyphen
except ImportError:  # pragma: no cover - depends on the environment
    pyphen = None

HAS_PYPHEN = pyphen is not None
URL_BREAKS = "/.-_?&=~#"  # after these a URL may break ("~" and "#" also read as seams)
ALLOWED_URL_BREAKS = "/.-_?&="
TAIL_RE = re.compile(r"([^\W\d_]+)(-?)$")
HEAD_RE = re.compile(r"^([^\W\d_]+)")
_dicts: dict[str, object] = {}
_code_patterns: dict[frozenset, re.Pattern] = {}


def split_word(lines: Sequence[str], i: int, src: Sources) -> Optional[tuple[str, str]]:
    """If line ``i`` ends inside a word that line ``i+1`` finishes: (rule, message).

    A break is a defect when the joined letters form a source word while the two
    pieces are not both words; a line that is a single piece of word continues the
    chain ("co/nstruy/e"). A printed hyphen is checked against hyphenation points.
    """
    a_line = lines[i]
    if not a_line or a_line[-1].isspace():
        return None
    m = TAIL_RE.search(a_line)
    if not m or i + 1 >= len(lines):
        return None
    a, hyphen = m.group(1), m.group(2)
    word, pieces = a, [a]
    for nxt in lines[i + 1:i + 4]:
        h = HEAD_RE.match(nxt.lstrip())
        if not h or nxt[:1].isspace():
            return None
        word += h.group(1)
        pieces.append(h.group(1))
        if word.lower() in src.words:
            break
        if h.group(1) != nxt.strip() or hyphen:
            return None  # the next line goes on after this piece: no longer chain
    else:
        return None
    if word.lower() not in src.words or len(pieces) < 2:
        return None
    shown = "/".join(pieces)
    if hyphen:
        if f"{a}-{pieces[1]}".lower() in src.hyphenated:
            return None  # a compound written with its hyphen
        return _check_hyphen(word, len(a), shown)
    if len(pieces) == 2 and all(p.lower() in src.words for p in pieces):
        return None  # two words that also make one ("para/guas"): cannot tell
    return "word-split", f"“{shown}” broken without a hyphen"


def _check_hyphen(word: str, at: int, shown: str) -> Optional[tuple[str, str]]:
    if pyphen is None:
        return None
    points = set()
    for lang in ("es", "en", "pt", "fr"):
        d = _dicts.get(lang)
        if d is None:
            d = _dicts[lang] = pyphen.Pyphen(lang=lang)
        points.update(d.positions(word))
    if at in points:
        return None
    return "bad-hyphen", f"“{shown.replace('/', '-/', 1)}” hyphenated outside a hyphenation point"


def split_url(a_line: str, b_line: str, src: Sources) -> Optional[tuple[str, str]]:
    """If a URL runs from the end of ``a_line`` into ``b_line`` and breaks at a bad place."""
    if not a_line or a_line[-1].isspace() or not b_line or b_line[0].isspace():
        return None
    a = a_line.split()[-1] if a_line.split() else ""
    b = b_line.split()[0] if b_line.split() else ""
    if len(a) < 3 or not b:
        return None
    joined = a + b
    if not ("/" in joined or "." in joined) or not src.in_url(joined):
        return None
    if a[-1] in ALLOWED_URL_BREAKS:
        return None
    return "url-split", f"URL broken as “{('…' + a[-24:]) if len(a) > 25 else a} / {b[:24]}”"


def language_codes(text: str, src: Sources) -> Optional[str]:
    """The offending text if it lists language codes after a label ("Subtítulos: en, es")."""
    key = frozenset(src.languages)
    pat = _code_patterns.get(key)
    if pat is None:
        codes = sorted(key | {"pt-BR", "es-419", "en-GB", "en-US"}, key=len, reverse=True)
        alt = "|".join(re.escape(c) for c in codes)
        pat = _code_patterns[key] = re.compile(
            rf":\s*((?:{alt})(?:\s*[,/+]\s*(?:{alt}))*)\s*(?:$|·|;|\))")
    m = pat.search(text)
    if not m:
        return None
    label = text[:m.start()].split()
    if "," not in m.group(1) and "/" not in m.group(1) and "+" not in m.group(1) and len(label) > 3:
        return None  # one code after a sentence's colon ("…cambió varias veces: en") is a word
    return m.group(0)
