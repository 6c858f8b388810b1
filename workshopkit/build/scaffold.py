"""`workshopkit new`: a starting curriculum that validates and builds."""
from __future__ import annotations

import re
from pathlib import Path

from workshopkit.source.spec import LANG_RE, MAX_ID, SLUG_RE

_WORDS = {
    "title": {"en": "A new workshop", "es": "Un taller nuevo"},
    "summary": {"en": "What participants will learn and do.",
                "es": "Lo que las personas participantes aprenderán y harán."},
    "objective": {"en": "Name one thing to change in our community.",
                  "es": "Nombrar una cosa que cambiar en nuestra comunidad."},
    "session": {"en": "Opening", "es": "Apertura"},
    "act": {"en": "Introductions", "es": "Presentaciones"},
    "step1": {"en": "Ask the group to form a circle.", "es": "Pide que formen un círculo."},
    "step2": {"en": "Ask each person to say their name and one hope for today.",
              "es": "Pide que cada persona diga su nombre y una esperanza para hoy."},
    "notes": {"en": "Keep it short: one sentence each.",
              "es": "Que sea breve: una frase por persona."},
    "slide": {"en": "Welcome", "es": "Bienvenida"},
    "bullet": {"en": "Who we are", "es": "Quiénes somos"},
    "prompt": {"en": "What do you hope to take home?", "es": "¿Qué esperas llevarte?"},
    "closing": {"en": "Closing circle", "es": "Círculo de cierre"},
}


def _text(key: str, langs: list[str], indent: str) -> str:
    words = _WORDS[key]
    lines = []
    for lang in langs:
        base = lang.split("-")[0]
        if lang == langs[0] or base in words:
            value = words.get(base, words["en"]).replace('"', '\\"')
            lines.append(f'{indent}{lang}: "{value}"')
    return "\n" + "\n".join(lines)


def render(cid: str, langs: list[str]) -> str:
    def t(key: str, indent: int) -> str:
        return _text(key, langs, " " * indent)

    return f"""# yaml-language-server: $schema=../schema/curriculum.schema.json
workshopkit: 1
id: {cid}
languages: [{", ".join(langs)}]
title:{t("title", 2)}
summary:{t("summary", 2)}
level: intro
duration: 30m
license: CC-BY-SA-4.0
objectives:
  -{t("objective", 4)}
sessions:
  - id: opening
    title:{t("session", 6)}
    activities:
      - id: introductions
        title:{t("act", 10)}
        phase: activity
        duration: 20m
        steps:
          -{t("step1", 12)}
          -{t("step2", 12)}
        notes:{t("notes", 10)}
        slides:
          - title:{t("slide", 14)}
            bullets:
              -{t("bullet", 16)}
        worksheet:
          - prompt:{t("prompt", 14)}
            lines: 3
      - id: closing
        title:{t("closing", 10)}
        phase: synthesis
        duration: 10m
"""


def scaffold(cid: str, langs: list[str], folder: Path) -> Path:
    if not re.match(SLUG_RE, cid):
        raise ValueError(f"'{cid}' is not a valid id: use lower-case letters, digits and '-'")
    from workshopkit.source.records import RESERVED_IDS

    if len(cid) > MAX_ID:
        raise ValueError(f"id is {len(cid)} characters long; the limit is {MAX_ID}")
    if cid in RESERVED_IDS:  # the names of build/kits/ and build/survey/
        raise ValueError(f"'{cid}' is reserved; choose another id")
    if not langs:
        raise ValueError("give at least one language")
    for lang in langs:
        if not re.match(LANG_RE, lang):
            raise ValueError(f"'{lang}' is not a BCP 47 language tag")
    path = folder / f"{cid}.yaml"
    if path.exists():
        raise FileExistsError(str(path))
    folder.mkdir(parents=True, exist_ok=True)
    path.write_text(render(cid, langs), encoding="utf-8")
    return path
