"""Language tags an author mistypes: a two-letter language subtag must be an ISO 639-1
code (BCP 47), so ``sp`` (Spanish is ``es``) or ``jp`` (Japanese is ``ja``) in a
curriculum's ``languages`` or a catalogue's file name is an error, not a language built
with English headings (video ``captions`` stay any well-formed tag).  Three-letter
subtags (ISO 639-2/3: Nahuatl ``nah``, Tzotzil ``tzo``…) are accepted as written: there
are too many to list here."""
from __future__ import annotations

import re
from typing import Optional

from workshopkit.source.nodes import Mapping, Scalar, Sequence
from workshopkit.source.spec import LANG_RE

ISO_639_1 = frozenset("""
aa ab ae af ak am an ar as av ay az ba be bg bi bm bn bo br bs ca ce ch co cr cs cu cv cy da de
dv dz ee el en eo es et eu fa ff fi fj fo fr fy ga gd gl gn gu gv ha he hi ho hr ht hu hy hz ia
id ie ig ii ik io is it iu ja jv ka kg ki kj kk kl km kn ko kr ks ku kv kw ky la lb lg li ln lo
lt lu lv mg mh mi mk ml mn mr ms mt my na nb nd ne ng nl nn no nr nv ny oc oj om or os pa pi pl
ps pt qu rm rn ro ru rw sa sc sd se sg si sk sl sm sn so sq sr ss st su sv sw ta te tg th ti tk
tl tn to tr ts tt tw ty ug uk ur uz ve vi vo wa wo xh yi yo za zh zu
in iw ji jw mo sh
""".split())
"""ISO 639-1 codes (the last line: withdrawn codes BCP 47 still registers, deprecated)."""

LIKELY = {"sp": "es", "jp": "ja", "gr": "el", "dk": "da", "cz": "cs", "ua": "uk", "cn": "zh",
          "po": "pt", "pr": "pt", "ge": "de", "sw": "sv", "al": "sq", "ir": "fa", "kp": "ko"}
"""Country codes and abbreviations written for a language, and the language meant."""


def problem(tag: str) -> Optional[str]:
    """Why a well-formed tag names no language (None: it may), with the likely code."""
    primary = tag.split("-")[0].lower()
    if len(primary) != 2 or primary in ISO_639_1:
        return None
    hint = f"; did you mean '{LIKELY[primary]}'?" if primary in LIKELY else ""
    return (f"'{tag}' is not a language: a two-letter language code must be an ISO 639-1 "
            f"code (such as es, en, pt, fr){hint}")


def declared(node, problems, pos) -> Optional[tuple[str, ...]]:
    """A document's ``languages``, read first (every Text mapping is checked against
    them); None, with the problems reported, when they cannot be used."""
    if not isinstance(node, Mapping):
        problems.error(node.pos if hasattr(node, "pos") else pos,
                       "a curriculum must be a mapping of keys (workshopkit: 1, id: …, …)")
        return None
    lnode = node.get("languages")
    if lnode is None:  # the record check reports the missing key
        return None
    if not isinstance(lnode, Sequence) or not lnode.items:
        if isinstance(lnode, Sequence):  # otherwise the record check reports the wrong type
            problems.error(lnode.pos, "'languages' needs at least 1 item")
        return None
    langs, bad = [], False
    for item in lnode.items:
        if not isinstance(item, Scalar) or not re.match(LANG_RE, item.value):
            problems.error(item.pos, f"'{getattr(item, 'value', '')}' is not a BCP 47 language tag "
                           "(such as es, en, pt-BR)")
            bad = True
        elif problem(item.value):
            problems.error(item.pos, problem(item.value))
            bad = True
        elif item.value in langs:
            problems.error(item.pos, f"language '{item.value}' is listed twice")
            bad = True
        else:
            langs.append(item.value)
    return None if bad else tuple(langs)
