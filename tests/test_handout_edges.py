"""The video handout at its edges: a URL too long to print beneath its code on the page,
a card title with a word wider than its column, a handout with no videos."""
from __future__ import annotations

import pyphen
import pytest

from conftest import FORMAT_EXAMPLE, squash
from test_handout import decoded, load, pages_text
from workshopkit.model.options import Options
from workshopkit.render.pdf import handout
from workshopkit.source.settings import resolve


def _url(n: int) -> str:
    return ("https://very-long-subdomain-name.example.org/"
            + "/".join(f"path-segment-{i}-with-many-characters" for i in range(n)) + "?id=" + "x" * 120)


@pytest.mark.parametrize("opts", [dict(large_print=True, booklet=True),
                                  dict(large_print=True, booklet=True, paper="a4"),
                                  dict(cards="page", booklet=True)])
def test_a_url_too_long_to_print_beneath_its_code_continues_on_the_next_page(opts):
    cur = load(FORMAT_EXAMPLE)
    url = _url(28)
    assert len(url.encode()) <= 1200  # the longest URL a curriculum may give
    cur.videos["cameras-101"].url.plain = url
    pdf = handout.write(cur, resolve(cur), ("en",), Options(**opts))
    texts = pages_text(pdf)
    assert set().union(*decoded(pdf)) == {url}
    pieces = [ln.strip() for t in texts for ln in t.splitlines() if ln.strip() and ln.strip() in url]
    assert "".join(pieces) == url  # printed whole, in order, over the pages it needs
    title = squash(cur.videos["cameras-101"].title.get("en"))
    assert title in squash("".join(texts))


def test_a_title_word_wider_than_its_column_hyphenates_in_its_language():
    cur = load(FORMAT_EXAMPLE)
    word = "Donaudampfschifffahrtsgesellschaftskapitänswitwenrentenversicherung"
    cur.videos["cameras-101"].title.plain = f"Video {word}"
    pdf = handout.write(cur, resolve(cur), ("en",), Options(large_print=True, booklet=True))
    lines = [ln.strip() for t in pages_text(pdf) for ln in t.splitlines()]
    start = next(i for i, ln in enumerate(lines) if ln.startswith(word[:4]) or ln.endswith("-")
                 and word.startswith(ln.split()[-1][:-1]))
    pieces, got = [], ""
    for ln in lines[start:]:
        piece = ln.split()[-1] if not pieces else ln.split()[0]
        pieces.append(piece)
        got += piece.rstrip("-")
        if got == word:
            break
    assert got == word and len(pieces) > 1, lines[start:start + 8]
    assert all(p.endswith("-") for p in pieces[:-1]), pieces  # every break is hyphenated
    cut, points = 0, set(pyphen.Pyphen(lang="en").positions(word))
    for p in pieces[:-1]:
        cut += len(p) - 1
        assert cut in points, pieces  # at the language's hyphenation points


def test_a_handout_with_no_videos_does_not_ask_to_scan_a_code():
    cur = load(FORMAT_EXAMPLE)
    cur.videos.clear()
    text = " ".join(pages_text(handout.write(cur, resolve(cur), ("en",), Options())))
    assert "This workshop has no videos." in text
    assert "camera" not in text


def test_a_bilingual_card_labels_its_duration_and_places_in_both_languages():
    from workshopkit.plan.handout import card_lines, plan_cards

    cur = load(FORMAT_EXAMPLE)
    card = next(c for c in plan_cards(cur, ("es", "en")) if c.duration and c.used_in)
    side, below = card_lines(card, ("es", "en"))
    texts = [t for t, _role in side + below]
    assert f"Duración / Duration: {card.duration}" in texts, texts
    assert any(t.startswith("Se usa en / Used in: ") for t in texts), texts
    french = next(c for c in plan_cards(cur, ("fr",)) if c.video_id == card.video_id)
    one, _ = card_lines(french, ("fr",))
    assert f"Durée\u00a0: {card.duration}" in [t for t, _r in one]  # one language: its phrase
    pdf = handout.write(cur, resolve(cur), ("es", "en"), Options())
    assert "Duración / Duration:" in " ".join(" ".join(pages_text(pdf)).split())
