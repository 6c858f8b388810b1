"""The agenda read back: one page a day at most, clock times, titles, no facilitator text."""
from __future__ import annotations

import io

import pytest
from pypdf import PdfReader

from workshopkit.build.targets import options_for
from workshopkit.model.options import Options
from workshopkit.plan.delivery import delivered
from workshopkit.plan.markup import plain
from workshopkit.plan.schedule import clock, days, slots
from workshopkit.render.pdf import agenda
from workshopkit.source.settings import resolve

from conftest import SAMPLES, facilitator_texts, load_curriculum, squash


def test_every_sample_agenda_fits_and_says_what_happens_when(samples_built):
    seen = 0
    for path in sorted(SAMPLES.glob("*.yaml")):
        cur = load_curriculum(path)
        start = options_for(cur, {}).start  # the curriculum's or the project's start
        cur = delivered(cur, cur.delivery)  # online and hybrid: the durations delivered
        for folder in sorted((samples_built.out / cur.id).iterdir()):
            langs = tuple(folder.name.split("+"))
            pdf = PdfReader(folder / f"{cur.id}-{folder.name}-agenda.pdf")
            assert len(pdf.pages) <= (1 if days(cur) == 1 else 2), pdf.stream.name
            text = squash("".join(p.extract_text() for p in pdf.pages))
            lang = langs[0]
            assert squash(plain(cur.title.get(lang))) in text
            for sl in slots(cur, start):
                assert squash(f"{clock(sl.start)}–{clock(sl.end)}") in text
                assert squash(plain(sl.session.title.get(lang))) in text
                if sl.activity.title is not None:
                    for l in langs:
                        assert squash(plain(sl.activity.title.get(l))) in text
            facilitator = [squash(t) for l in langs for t in facilitator_texts(cur, l)
                           if len(t) > 20]
            assert not [t for t in facilitator if t[:30] in text]
            seen += 1
    assert seen >= 16


@pytest.fixture(scope="module")
def surveillance():
    cur = load_curriculum(SAMPLES / "local-surveillance.yaml")
    return cur, resolve(cur)


@pytest.mark.parametrize("opts", [{"start": None}, {"large_print": True}, {"booklet": True},
                                  {"ink": "low", "paper": "a4"}])
def test_print_variants(surveillance, opts):
    import datetime as dt

    cur, settings = surveillance
    opts = dict(opts)
    if "start" in opts:
        opts["start"] = dt.time(13, 30)
    data = agenda.write(cur, settings, ("es", "en"), Options(**opts))
    pdf = PdfReader(io.BytesIO(data))
    text = "".join(p.extract_text() for p in pdf.pages)
    assert ("13:30" in text) == ("start" in opts)
    assert "Día 2 / Day 2" in text
    assert len(pdf.pages) <= (2 if opts.get("booklet") else 3)  # bilingual, two days


def test_localised_and_only_agenda_builds(cli, tmp_path):
    out = tmp_path / "out"
    res = cli("build", str(SAMPLES / "member-survey.yaml"), "-o", str(out), "--only", "agenda",
              "--lang", "es", "-q")
    assert res.exit_code == 0, res.output
    files = sorted(p.name for p in out.rglob("*.pdf"))
    assert files == ["member-survey-es-agenda.pdf"]
    text = PdfReader(out / "member-survey" / "es" / files[0]).pages[0].extract_text()
    assert "Página 1 de 1" in text and "Agenda" in text


def test_an_online_agenda_gives_each_sessions_times_in_every_listed_zone():
    """Participants in several countries: the agenda names the zone its clock times are
    in, and gives each session's times in the other listed zones (computed here with
    zoneinfo from the file's date, start and zones), with a day change marked."""
    import datetime as dt
    from zoneinfo import ZoneInfo

    from workshopkit.plan.schedule import session_span

    cur = load_curriculum(SAMPLES / "international-session.yaml")
    opts = options_for(cur, {})
    cur = delivered(cur, cur.delivery)  # online durations
    text = squash(" ".join(p.extract_text() for p in PdfReader(io.BytesIO(
        agenda.write(cur, resolve(cur), ("es",), opts))).pages))
    zones = cur.online.timezones
    assert len(zones) > 1
    assert squash("Las horas de esta agenda son de Ciudad de México.") in text
    spans = session_span(cur, opts.start)
    for s in cur.sessions:
        _day, t0, _t1 = spans[s.id]
        begin = dt.datetime.combine(cur.date, t0, tzinfo=ZoneInfo(zones[0]))
        end = begin + dt.timedelta(minutes=s.minutes)
        for z in zones[1:]:
            a, b = begin.astimezone(ZoneInfo(z)), end.astimezone(ZoneInfo(z))
            shift = (a.date() - begin.date()).days
            said = f"{clock(a.time())}–{clock(b.time())}" + (f" ({shift:+d})" if shift else "")
            assert squash(said) in text, (z, said)
    plain_text = squash(" ".join(p.extract_text() for p in PdfReader(io.BytesIO(agenda.write(
        load_curriculum(SAMPLES / "local-surveillance.yaml"), resolve(cur), ("es",),
        Options()))).pages))
    assert "agenda son de" not in plain_text
