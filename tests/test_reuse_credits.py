"""A workshop assembled with ``from:`` names the curricula it takes from, with their
authors and licences, wherever it gives its own credits (deck, guide, web edition): a
CC-BY source asks that its authors be named where their work is reused."""
from __future__ import annotations

from pathlib import Path

import pytest
from pptx import Presentation

from conftest import pdf_text

SOURCE = """workshopkit: 1
id: risk
languages: [es]
title: {es: Riesgo digital}
license: CC-BY-4.0
authors: [{name: Ana Ríos, org: Colectivo Sur}]
sessions:
  - id: assess
    title: {es: Evaluar}
    activities:
      - {id: backpack, title: {es: La mochila}, phase: activity, duration: 20m,
         slides: [{title: {es: "¿Qué llevas?"}, bullets: [{es: Llaves}]}]}
"""
MIX = """workshopkit: 1
id: mix
languages: [es, en]
title: {es: Combinado, en: Combined}
license: CC-BY-SA-4.0
authors: [{name: Caro Vega}]
sessions:
  - id: one
    title: {es: Una, en: One}
    activities:
      - from: risk/assess/backpack
        title: {es: Mochila, en: Backpack}
"""


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    from click.testing import CliRunner

    from workshopkit.cli import main

    root = tmp_path_factory.mktemp("credits")
    (root / "curricula").mkdir()
    (root / "curricula" / "risk.yaml").write_text(SOURCE, encoding="utf-8")
    (root / "curricula" / "mix.yaml").write_text(MIX, encoding="utf-8")
    out = root / "build"
    res = CliRunner().invoke(main, ["build", str(root / "curricula" / "mix.yaml"), "-o",
                                    str(out), "--lang", "en", "-j", "1",
                                    "--only", "slides,guide,web"])
    assert res.exit_code == 0, res.output
    return out / "mix" / "en"


CREDIT = "“Riesgo digital” · Ana Ríos (Colectivo Sur) · CC-BY-4.0"


def test_deck_credits_name_the_source_curriculum(built):
    deck = Presentation(str(built / "mix-en-slides.pptx"))
    last = " ".join(sh.text_frame.text for sh in deck.slides[-1].shapes if sh.has_text_frame)
    assert "Credits" in last and "Caro Vega" in last
    assert "Includes material from:" in last and CREDIT in last
    assert "Date:" not in last and "2000-01-01" not in last  # neither file has 'updated'


def test_guide_cover_and_web_edition_name_the_source_curriculum(built):
    cover = pdf_text((built / "mix-en-guide.pdf").read_bytes()).split("Schedule")[0]
    assert "Includes material from" in cover and CREDIT in " ".join(cover.split("\n"))
    html = (built / "mix-en.html").read_text(encoding="utf-8")
    assert CREDIT in html
