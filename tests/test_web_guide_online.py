"""Online and hybrid workshops: the facilitator web edition carries what the PDF guide does
(each activity's online steps, breakout rooms, tools and notes, hybrid beside the room's
steps; clock times in every listed time zone; the online facilitation section; none of it
in person), and a session held in another meeting does not take the curriculum's dial-in."""
from __future__ import annotations

import re

CUR = """\
workshopkit: 1
id: hy
languages: [en]
title: Hybrid
date: 2026-12-05
start: "17:00"
delivery: hybrid
online:
  platform: jitsi
  url: https://meet.example.org/Xq7kpz93-Fwe8Trq-Lm4
  recording: announced
  timezones: [America/Sao_Paulo, Pacific/Auckland]
sessions:
  - id: s
    title: Session one
    activities:
      - id: a
        title: Pairs
        phase: discussion
        duration: 30m
        steps: [ROOMSTEP talk in pairs.]
        online:
          steps: [ONLINESTEP go to your room.]
          duration: 25m
          breakout: 4
          notes: ONLINENOTE watch the chat.
          tools: [Etherpad]
"""


def _guide(tmp_path, *extra: str) -> str:
    from click.testing import CliRunner

    from workshopkit.cli import main

    (tmp_path / "c").mkdir(exist_ok=True)
    (tmp_path / "c" / "hy.yaml").write_text(CUR, encoding="utf-8")
    out = tmp_path / "out"
    r = CliRunner().invoke(main, ["build", str(tmp_path / "c" / "hy.yaml"), "-o", str(out),
                                  "--only", "web-guide", "-j", "1", "-q", *extra])
    assert r.exit_code == 0, r.output
    html = next(out.rglob("*-guide*.html")).read_text("utf-8")
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def test_hybrid_web_guide_has_the_online_variant_zones_and_facilitation(tmp_path):
    text = _guide(tmp_path)
    for want in ("In the room: 30 min", "ROOMSTEP", "Online: 25 min", "ONLINESTEP",
                 "Breakout rooms of 4 people", "Tools: Etherpad", "ONLINENOTE",
                 "Clock times in this guide are in São Paulo.", "Pacific/Auckland",
                 "09:00–09:30", "2026-12-06 (+1)", "Online facilitation", "Tech check",
                 "Pairs: rooms of 4 people", "Recording and consent: read aloud"):
        assert want in text, want


def test_in_person_web_guide_has_no_online_material(tmp_path):
    text = _guide(tmp_path, "--delivery", "in-person")
    assert "ROOMSTEP" in text
    for absent in ("ONLINESTEP", "ONLINENOTE", "Online facilitation", "Pacific/Auckland"):
        assert absent not in text, absent


def test_a_session_in_another_meeting_does_not_take_the_curriculum_dial_in(tmp_path):
    from conftest import load_curriculum
    from workshopkit.model.online import session_online

    other = "https://bbb.example.org/b/QuiltedOverdueSpinachBlurt"
    src = CUR.replace("  recording: announced\n",
                      '  recording: announced\n  dial_in: {number: "+1 555 0100", pin: "1234#"}\n')
    src = src.replace("    title: Session one\n",
                      f"    title: Session one\n    online: {{url: {other}}}\n")
    src += ("  - id: t\n    title: Two\n    online: {recording: none}\n    activities:\n"
            "      - id: b\n        title: B\n        phase: input\n        duration: 5\n")
    (tmp_path / "hy.yaml").write_text(src, encoding="utf-8")
    cur = load_curriculum(tmp_path / "hy.yaml")
    elsewhere, same = (session_online(cur, s) for s in cur.sessions)
    assert elsewhere.url.get("en") == other and elsewhere.dial_in is None
    assert elsewhere.recording == "announced"  # other keys still come from the curriculum
    assert same.dial_in is not None and same.dial_in.number == "+1 555 0100"


def test_bilingual_web_guide_names_tools_and_roles_in_its_first_language_only(tmp_path):
    src = CUR.replace("languages: [en]", "languages: [en, es]").replace(
        "tools: [Etherpad]", "tools: [{en: Shared pad, es: Pad compartido}]")
    (tmp_path / "c").mkdir()
    (tmp_path / "c" / "hy.yaml").write_text(src, encoding="utf-8")
    from click.testing import CliRunner

    from workshopkit.cli import main

    r = CliRunner().invoke(main, ["build", str(tmp_path / "c" / "hy.yaml"), "-o",
                                  str(tmp_path / "out"), "--only", "web-guide", "--lang", "en",
                                  "--bilingual", "en,es", "-j", "1", "-q"])
    assert r.exit_code == 0, r.output
    html = next((tmp_path / "out").rglob("*en+es-guide.html")).read_text("utf-8")
    text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))
    assert "Tools: Shared pad" in text
    assert "Herramientas: Shared pad" not in text  # no Spanish phrase around English names
