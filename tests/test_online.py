"""Online and hybrid delivery, read back from the outputs: join information and its QR
code (title slide, guide, video handout, agenda), clock times in several time zones
across a daylight-saving change, online steps, the facilitation section, in-person
builds with none of it, validation of the online keys, and `workshopkit room`."""
from __future__ import annotations

import datetime as dt
import io
import zoneinfo
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import pdf_text, squash

URL = "https://meet.example.org/UnseemlyUnfixableConfidentPlaypenPebblyPaprikaDesecrate"
ZONES = ["America/Mexico_City", "America/New_York", "Europe/Madrid"]
DAY1 = dt.date(2026, 10, 31)   # the US still on daylight time; Mexico has none since 2022
START = dt.time(17, 0)
ONLINE_NOTE = "Keep the pad link out of the recording"
SOURCE = f"""\
workshopkit: 1
id: intl
languages: [en, es]
title: {{en: International session, es: Sesión internacional}}
delivery: hybrid
date: {DAY1.isoformat()}
start: "{START.strftime('%H:%M')}"
online:
  platform: jitsi
  url: {URL}?utm_source=newsletter
  dial_in: {{number: "+1 555 0100", pin: "4821#"}}
  interpretation:
    es: {{en: Spanish channel, es: Canal en español}}
  recording: full
  timezones: [{', '.join(ZONES)}]
sessions:
  - id: one
    title: {{en: Sharing, es: Compartir}}
    activities:
      - id: map
        title: {{en: Map, es: Mapa}}
        phase: activity
        duration: 20m
        steps: [{{en: Form groups at the tables., es: Formen grupos en las mesas.}}]
        online:
          duration: 25m
          breakout: 4
          steps: [{{en: Open breakout rooms., es: Abre salas pequeñas.}}]
          notes: {{en: {ONLINE_NOTE}, es: Deja el enlace fuera de la grabación}}
          tools: [Etherpad]
  - id: two
    day: 2
    title: {{en: Panels, es: Paneles}}
    activities:
      - id: close
        title: {{en: Close, es: Cierre}}
        phase: synthesis
        duration: 30m
"""


def _cli(*args, cwd: Path):
    import os

    from workshopkit.cli import main

    old = os.getcwd()
    os.chdir(cwd)
    try:
        return CliRunner().invoke(main, list(args), catch_exceptions=True)
    finally:
        os.chdir(old)


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    root = tmp_path_factory.mktemp("online")
    (root / "intl.yaml").write_text(SOURCE, encoding="utf-8")
    kinds = "slides,guide,videos,agenda"
    hybrid = _cli("build", "intl.yaml", "-o", "out", "--lang", "en", "--only", kinds, "-j", "1",
                  cwd=root)
    person = _cli("build", "intl.yaml", "-o", "out", "--lang", "en", "--only", kinds, "-j", "1",
                  "--delivery", "in-person", cwd=root)
    assert hybrid.exit_code == 0, hybrid.output
    assert person.exit_code == 0, person.output
    return root / "out" / "intl" / "en", hybrid.output


def _codes_on_page(pdf: Path, page: int = 0) -> list[str]:
    import pypdfium2
    import zxingcpp

    doc = pypdfium2.PdfDocument(str(pdf))
    img = doc[page].render(scale=150 / 72).to_pil()  # 150 dpi
    return [r.text for r in zxingcpp.read_barcodes(img)]


def test_title_slide_shows_the_link_and_a_code_that_opens_it(built):
    from pptx import Presentation
    import zxingcpp
    from PIL import Image

    out, _ = built
    first = Presentation(str(out / "intl-en-slides.pptx")).slides[0]
    text = " ".join(s.text_frame.text for s in first.shapes if s.has_text_frame)
    assert URL in text.replace("\x0b", "") and "+1 555 0100" in text  # a long URL wraps
    pictures = [s for s in first.shapes if s.shape_type == 13]
    decoded = [r.text for p in pictures
               for r in zxingcpp.read_barcodes(Image.open(io.BytesIO(p.image.blob)))]
    assert decoded == [URL]  # tracking parameter gone


@pytest.mark.parametrize("kind", ["guide", "videos", "agenda"])
def test_printed_code_decodes_to_the_meeting_url_at_150_dpi(built, kind):
    out, _ = built
    assert URL in _codes_on_page(out / f"intl-en-{kind}.pdf")
    text = squash(pdf_text((out / f"intl-en-{kind}.pdf").read_bytes()))
    assert squash(URL) in text and "4821#" in text


def test_video_handout_opens_with_how_to_join(built):
    out, _ = built
    first = pdf_text((out / "intl-en-videos.pdf").read_bytes())
    assert "How to join" in first and "Spanish channel" in first
    assert "The whole session is recorded" in first  # the policy in plain words


def _expected(day: dt.date, zone: str, minutes_in: int = 0) -> tuple[str, dt.date]:
    base = dt.datetime.combine(day, START, tzinfo=zoneinfo.ZoneInfo(ZONES[0]))
    t = (base + dt.timedelta(minutes=minutes_in)).astimezone(zoneinfo.ZoneInfo(zone))
    return t.strftime("%H:%M"), t.date()


def test_time_zone_table_is_right_across_a_daylight_saving_change(built):
    out, _ = built
    text = squash(pdf_text((out / "intl-en-guide.pdf").read_bytes()))
    day2 = DAY1 + dt.timedelta(days=1)  # the first Sunday of November: US clocks go back
    for day, minutes in ((DAY1, 25), (day2, 30)):
        for zone in ZONES:
            start, date = _expected(day, zone)
            end, _ = _expected(day, zone, minutes)
            shift = (date - day).days
            cell = f"{start}–{end}" + date.strftime("%a%-d%b") + (f"({shift:+d})" if shift else "")
            assert squash(cell) in text, (zone, day, cell)
    ny1, _ = _expected(DAY1, "America/New_York")
    ny2, _ = _expected(day2, "America/New_York")
    assert ny1 != ny2  # the table does move with the change


def test_guide_has_online_steps_and_the_facilitation_section(built):
    out, _ = built
    text = pdf_text((out / "intl-en-guide.pdf").read_bytes())
    for words in ("In the room: 20 min", "Online: 25 min", "Open breakout rooms.", ONLINE_NOTE,
                  "Online facilitation", "Co-host", "Interpreter (Spanish)", "Tech check",
                  "Map: rooms of 4 people, 25 min", "This whole session is recorded"):
        assert squash(words) in squash(text), words


def test_participant_outputs_never_show_online_notes(built):
    out, _ = built
    for kind in ("videos", "agenda"):
        assert squash(ONLINE_NOTE) not in squash(pdf_text((out / f"intl-en-{kind}.pdf").read_bytes()))


def test_in_person_build_is_its_own_variant_with_no_online_material(built):
    from pptx import Presentation

    out, _ = built
    files = sorted(p.name for p in out.iterdir() if "in-person" in p.name)
    assert files == ["intl-en-agenda-in-person.pdf", "intl-en-guide-in-person.pdf",
                     "intl-en-slides-in-person.pptx", "intl-en-videos-in-person.pdf"]
    for name in files:
        data = (out / name).read_bytes()
        if name.endswith(".pptx"):
            deck = Presentation(io.BytesIO(data))
            text = " ".join(s.text_frame.text for sl in deck.slides for s in sl.shapes
                            if s.has_text_frame)
            text += " ".join(sl.notes_slide.notes_text_frame.text for sl in deck.slides
                             if sl.has_notes_slide)
        else:
            text = pdf_text(data)
            assert _codes_on_page(out / name) == []
        for word in ("meet.example.org", "How to join", "Online", "Mexico City", "Etherpad",
                     ONLINE_NOTE, "Open breakout rooms."):
            assert squash(word) not in squash(text), (name, word)
    guide = pdf_text((out / "intl-en-guide-in-person.pdf").read_bytes())
    assert "Form groups at the tables." in guide and "20 min" in guide


def test_hybrid_and_tracking_notes(built):
    _, output = built
    assert "removed tracking parameter utm_source" in output


BAD = [
    ("  timezones: [America/Mexico_City, Europe/Madird]",
     "unknown time zone 'Europe/Madird'; did you mean 'Europe/Madrid'?"),
    ("  url: ftp://meet.example.org/x", "URL must start with https://"),
    ("  recording: sometimes", "'recording' must be one of none, announced, full"),
    ("  dial_in: {number: call me}", "dial-in number 'call me'"),
]


@pytest.mark.parametrize("line,message", BAD)
def test_online_keys_are_checked_with_their_position(tmp_path, line, message):
    key = line.split(":")[0]
    src = "\n".join(line if l.startswith(key + ":") else l for l in SOURCE.splitlines())
    if key not in SOURCE:
        src = src.replace("  recording: full", "  recording: full\n" + line)
    (tmp_path / "x.yaml").write_text(src, encoding="utf-8")
    res = _cli("validate", "x.yaml", cwd=tmp_path)
    assert res.exit_code == 1
    hits = [l for l in res.output.splitlines() if message in l]
    assert hits and hits[0].startswith("x.yaml:") and ": error: " in hits[0], res.output


def test_time_zones_need_a_date_and_online_needs_a_block(tmp_path):
    src = SOURCE.replace(f"date: {DAY1.isoformat()}\n", "")
    (tmp_path / "a.yaml").write_text(src, encoding="utf-8")
    res = _cli("validate", "a.yaml", cwd=tmp_path)
    assert res.exit_code == 1 and "time zones need a date" in res.output
    plain = "\n".join(l for l in SOURCE.split("sessions:")[0].splitlines()
                      if not l.startswith(("delivery", "online", "  "))) + "\nsessions:" + \
        SOURCE.split("sessions:")[1]
    plain = plain.replace("        online:\n          duration: 25m", "        online:\n"
                          "          duration: 25m")
    (tmp_path / "b.yaml").write_text(plain, encoding="utf-8")
    res = _cli("build", "b.yaml", "--delivery", "online", "--only", "agenda", "-o", "o",
               cwd=tmp_path)
    assert res.exit_code == 1 and "needs an 'online' block" in res.output
    assert not (tmp_path / "o" / "intl").exists()


def test_hybrid_durations_far_apart_are_a_warning(tmp_path):
    (tmp_path / "w.yaml").write_text(SOURCE.replace("duration: 25m", "duration: 45m"),
                                     encoding="utf-8")
    res = _cli("validate", "--strict", "w.yaml", cwd=tmp_path)
    assert res.exit_code == 1
    assert "takes 20 min in the room and 45 min online" in res.output


def test_room_prints_names_its_own_check_accepts(tmp_path):
    from workshopkit.source.rooms import MIN_BITS, bits, guessable

    names = set()
    for args in ((), ("--platform", "other"), ("--words", "9")):
        res = _cli("room", *args, cwd=tmp_path)
        assert res.exit_code == 0
        name = res.output.strip()
        names.add(name)
        assert bits(name) >= MIN_BITS
        assert guessable("https://meet.jit.si/" + name) is None
    assert len(names) == 3
    res = _cli("room", "--words", "3", cwd=tmp_path)
    assert res.exit_code == 2 and "80" in res.output


def test_room_server_must_be_a_web_address(tmp_path):
    res = _cli("room", "--server", "https://meet.example.org/", cwd=tmp_path)
    assert res.exit_code == 0 and res.output.startswith("https://meet.example.org/")
    assert "//" not in res.output.strip()[len("https://"):]
    for bad in ("meet.example.org", "ftp://meet.example.org", "https://"):
        res = _cli("room", "--server", bad, cwd=tmp_path)
        assert res.exit_code == 2 and "https://meet.example.org" in res.output, bad


@pytest.mark.parametrize("room,why", [("PlazaVerde", "short"),
                                       ("nuestra-asamblea-de-noviembre", "made of words"),
                                       ("taller-2026-seguridad-digital", "easy to guess")])
def test_guessable_jitsi_rooms_are_a_warning(tmp_path, room, why):
    src = SOURCE.replace(URL, "https://meet.jit.si/" + room)
    (tmp_path / "g.yaml").write_text(src, encoding="utf-8")
    res = _cli("validate", "g.yaml", cwd=tmp_path)
    line = next(l for l in res.output.splitlines() if "anyone can guess it" in l)
    assert ": warning: " in line and why in line and line.startswith("g.yaml:10:")


def test_a_session_joined_elsewhere_and_delivery_variants_of_kits_and_cache(tmp_path):
    other = "https://meet.example.org/QuiltedOverdueSpinachBlurtAntiquePelicanDrizzly"
    src = SOURCE.replace("    day: 2\n", f"    day: 2\n    online: {{url: {other}}}\n")
    (tmp_path / "k.yaml").write_text(src, encoding="utf-8")
    first = _cli("kit", "k.yaml", "-o", "out", "--lang", "en", "--only", "agenda", "-j", "1",
                 cwd=tmp_path)
    assert first.exit_code == 0, first.output
    agenda = tmp_path / "out" / "intl" / "en" / "intl-en-agenda.pdf"
    assert set(_codes_on_page(agenda)) == {URL, other}  # each room with its own code
    person = _cli("kit", "k.yaml", "-o", "out", "--lang", "en", "--only", "agenda", "-j", "1",
                  "--delivery", "in-person", cwd=tmp_path)
    assert person.exit_code == 0, person.output
    kits = sorted(p.name for p in (tmp_path / "out" / "kits").iterdir())
    assert kits == ["intl-en-in-person.zip", "intl-en.zip"]
    again = _cli("kit", "k.yaml", "-o", "out", "--lang", "en", "--only", "agenda", "-j", "1",
                 cwd=tmp_path)
    assert "0 files written" in again.output  # the hybrid files were never overwritten


def test_web_editions_show_how_to_join_and_in_person_none(tmp_path, cli):
    """The participant and facilitator web editions open with the join information of a
    hybrid workshop (a link to the meeting, the dial-in, the recording policy); built in
    person, they have none of it."""
    import shutil

    from conftest import SAMPLES

    project = tmp_path / "p"
    shutil.copytree(SAMPLES.parent / "curricula", project / "curricula",
                    ignore=shutil.ignore_patterns("*.po"))
    src = "curricula/international-session.yaml"
    url = "https://meet.example.org/UnseemlyUnfixableConfidentPlaypenPebblyPaprikaDesecrate"
    for delivery, expect in (("hybrid", True), ("in-person", False)):
        r = cli("build", src, "-o", delivery, "--lang", "es", "--only", "web,web-guide",
                "--delivery", delivery, cwd=project)
        assert r.exit_code == 0, r.output
        pages = sorted((project / delivery).rglob("*.html"))
        assert len(pages) == 2, pages
        for page in pages:
            html = page.read_text(encoding="utf-8")
            assert (f'href="{url}"' in html) is expect, page.name
            assert ('id="join"' in html) is expect, page.name
            assert ("+1 555 0100" in html) is expect, page.name
