"""The video handout's plan, without drawing: cards, their words, grid, QR size, URL breaks."""
from __future__ import annotations

import pytest

from conftest import LONG, TRACKED
from workshopkit.i18n import ui
from workshopkit.plan import handout as plan


@pytest.fixture(scope="module")
def cur(video_cur):
    return video_cur


def width(s: str) -> float:
    """A monospaced stand-in for font metrics: 5 pt a character."""
    return 5.0 * len(s)


def test_cards_follow_first_use_then_file_order(cur):
    cards = plan.plan_cards(cur, ("es",))
    assert [c.video_id for c in cards] == ["tracked", "per-lang", "long-url", "unused-first",
                                           "plain", "five", "six", "seven"]
    tracked = cards[0]
    assert tracked.codes == (plan.Code(TRACKED),)
    assert tracked.duration == "4:30"
    assert tracked.captions == ("español, inglés, portugués (Brasil)",)
    assert tracked.used_in == ("Mapeo \u2013 Caminata", "Mapeo \u2013 Charla")
    assert cards[2].captions == ("inglés, zz",)  # unknown tag printed as is
    assert cards[3].used_in == () and cards[4].duration == "" and cards[4].captions == ()


def test_per_language_url_gives_one_code_per_language_when_bilingual(cur):
    one = plan.plan_cards(cur, ("en",))[1]
    assert one.codes == (plan.Code("https://video.example.org/w/face-en"),)
    two = plan.plan_cards(cur, ("es", "en"))[1]
    assert two.codes == (plan.Code("https://video.example.org/w/rostro-es", "Español"),
                         plan.Code("https://video.example.org/w/face-en", "English"))
    assert two.titles == ("Reconocimiento facial", "Face recognition")
    assert two.captions == ("español", "Spanish")
    assert plan.plan_cards(cur, ("es", "en"))[2].titles == ("Jitsi",)  # said once


def test_card_words_are_in_the_build_language(cur):
    tracked = plan.plan_cards(cur, ("es",))[0]
    side, below = plan.card_lines(tracked, ("es",))
    es = ui("es")
    assert side[0] == ("**Cámaras** en la calle", "title")
    assert (es("Duration: {duration}").format(duration="4:30"), "body") in side
    assert side[-1] == (es("Captions: {languages}").format(
        languages="español, inglés, portugués (Brasil)"), "body")
    assert below[-1] == (es("Used in: {where}").format(
        where="Mapeo \u2013 Caminata; Mapeo \u2013 Charla"), "small")
    assert es("Used in: {where}") != "Used in: {where}"  # the catalogue has it
    two = plan.plan_cards(cur, ("es", "en"))[0]
    side, below = plan.card_lines(two, ("es", "en"))
    roles = [r for _t, r in side]
    assert roles == ["title", "title2", "body", "body", "body2"]
    assert side[-1][0] == "Captions: Spanish, English, Portuguese (Brazil)"
    assert [r for _t, r in below] == ["body", "body2", "small"]


def test_header_says_the_instruction_once_per_different_language(cur):
    lines = plan.header_lines(cur, ("es", "en"))
    es = ui("es")("Point your phone's camera at a code to open the video")
    assert es != "Point your phone's camera at a code to open the video"
    assert [r for _t, r in lines] == ["title", "title2", "body", "body2"]
    assert lines[2][0] == es
    assert [r for _t, r in plan.header_lines(cur, ("en", "en"))] == ["title", "body"]


def test_grid_and_rows():
    assert plan.grid(520, 640, False) == (2, 3)
    assert plan.grid(520, 640, True) == (1, 2)
    assert plan.grid(330, 470, False) == (1, 2)
    one = lambda *hs: [(h,) for h in hs]  # noqa: E731 - cards with one look each
    assert plan.choose_rows(one(100, 150, 200), 640, 3, 2) == 3
    assert plan.choose_rows(one(100, 250, 200), 640, 3, 2) == 2
    assert plan.choose_rows([(100,), (), (200,)], 640, 3, 2) == 3  # () gets a page of its own
    # one tall card among eight: 3 pages of 2 and a page for it beat 8 pages of 1
    assert plan.choose_rows(one(*[300] * 7, 400), 640, 2, 1) == 2
    assert plan.choose_rows(one(300, *[400] * 7), 640, 2, 1) == 1  # as many pages: keep order
    # two cards fit 3 rows only in the smaller look: 2 rows keep the normal one
    assert plan.choose_rows([(250, 200), (250, 200)], 640, 3, 2) == 2
    assert plan.choose_rows([(250, 200)] * 6, 640, 3, 2) == 3  # one page, not two


def test_qr_module_is_three_pixels_at_150_dpi():
    assert plan.MIN_MODULE / 72 * 150 >= 3
    assert plan.qr_module(25, 200, 0.8 * 72 / 25.4) == pytest.approx(2.16)  # 0.76 mm
    assert plan.qr_module(25, 200, plan.MIN_MODULE) == pytest.approx(plan.MIN_MODULE)
    assert plan.qr_module(57, 100, 3) is None  # too many modules for 100 pt
    size = plan.qr_module(41, 90, 3)
    assert size >= plan.MIN_MODULE and (41 + 8) * size <= 90
    assert round(size / plan.SNAP, 6).is_integer()


@pytest.mark.parametrize("url", [TRACKED, LONG, "https://x.example/" + "a" * 120,
                                 "https://example.org/a-b_c.d~e/f?g=h&i=j#k"])
@pytest.mark.parametrize("room", [40, 90, 160, 400])
def test_url_lines_fit_and_join_back(url, room):
    lines = plan.url_lines(url, room, width)
    assert "".join(lines) == url
    for line in lines:
        assert width(line) <= room or len(line) == 1


def test_url_lines_break_only_after_safe_characters():
    lines = plan.url_lines(LONG, 200, width)
    assert len(lines) > 1 and lines[0].endswith("/")
    assert all(line[-1] in "/.-_?&=" for line in lines[:-1]), lines
    assert any(line.endswith(("?", "&")) for line in lines[:-1]), lines
    assert plan.url_lines("https://a.example/x", 1000, width) == ["https://a.example/x"]
