"""workshopkit tally: filled forms in both languages and a typed CSV pooled by ids into one
tally CSV and per-language reports; small counts suppressed; bad files reported, skipped,
counted; nothing of the files (names, metadata) in the outputs."""
from __future__ import annotations

import csv
import io
from collections import Counter
from pathlib import Path

import pytest
from pypdf import PdfReader, PdfWriter

from conftest import fill_form, pdf_text, squash
from workshopkit.plan.tally import bins, rows_of

MIN = 2  # the test survey's min_count

# Forms filled in a viewer: (language, field values as pypdf sets them).
PDF_ANSWERS = [
    ("es", {"apps.signal": "/Yes", "apps.whatsapp": "/Yes", "worry": "/4", "language": "/es",
            "years": "3", "comments": "Señora ñandú çà"}),
    ("es", {"apps.signal": "/Yes", "worry": "/4", "language": "/es", "years": "7"}),
    ("es", {"apps.whatsapp": "/Yes", "worry": "/2", "language": "/other",
            "language.other.text": "Quechua"}),
    ("en", {"apps.signal": "/Yes", "apps.other.text": "Matrix", "worry": "/4",
            "language": "/en", "comments": "More workshops"}),
    ("en", {"apps.signal": "/Yes", "worry": "/1", "language": "/en", "years": "0"}),
]
# A CSV typed from paper: header, then one row per sheet.
TYPED = [
    ["apps.signal", "apps.whatsapp", "apps.other", "apps.other.text", "worry", "language",
     "years"],
    ["x", "", "", "", "4", "es", "2"],
    ["Sí", "YES", "", "", "3", "", ""],
    ["", "", "", "Delta Chat", "", "es", "9"],  # a write-in with no tick counts the tick
    ["", "", "", "", "", "", ""],               # a blank line: not a form
    ["1", "", "", "", "7", "es", ""],           # scale out of range: skipped
    ["", "1", "", "", "2", "fr", ""],           # no option 'fr': skipped
]


def expected(lang_rows: list[dict[str, str]]) -> dict[tuple[str, str], int]:
    """The counts, worked out here from the answers as plain cells."""
    from workshopkit.source.validate import Workspace
    from conftest import SURVEY_TEST

    sv = Workspace().load(SURVEY_TEST / "curricula" / "survey" / "tech.yaml")
    out: Counter = Counter()
    for cells in lang_rows:
        for q in sv.questions:
            got = set()
            if q.kind == "multiple":
                got = {o.id for o in q.options if cells.get(f"{q.id}.{o.id}", "").lower()
                       in ("1", "x", "yes", "sí", "true") or cells.get(f"{q.id}.{o.id}.text")}
            elif q.kind == "number" and cells.get(q.id):
                n = int(cells[q.id])
                got = {name for (a, b), name in zip(bins(q), rows_of(q)) if a <= n <= b}
            elif cells.get(q.id):
                got = {cells[q.id]} if q.kind != "text" else {"text"}
            for g in got:
                out[(q.id, g)] += 1
            out[(q.id, "responses" if got else "skipped")] += 1
    return out


def as_cells(values: dict[str, str]) -> dict[str, str]:
    return {k: ("1" if v == "/Yes" else v.lstrip("/")) for k, v in values.items()}


def _plain_pdf() -> bytes:
    from reportlab.pdfgen.canvas import Canvas

    buf = io.BytesIO()
    c = Canvas(buf, invariant=1)
    c.drawString(72, 720, "apps.signal worry language")
    c.showPage()
    c.save()
    return buf.getvalue()


@pytest.fixture(scope="module")
def inputs(survey_built, tmp_path_factory) -> dict:
    folder = tmp_path_factory.mktemp("answers")
    forms = survey_built.out / "survey" / "tech"
    good = []
    for i, (lang, values) in enumerate(PDF_ANSWERS):
        p = folder / f"Maria-Lopez-{i}-{lang}.pdf"  # a file name that must never show
        p.write_bytes(fill_form((forms / f"tech-{lang}-survey.pdf").read_bytes(), values))
        good.append(p)
    typed = folder / "typed.csv"
    with typed.open("w", newline="", encoding="utf-8") as f:
        csv.writer(f).writerows(TYPED)
    blank = (forms / "tech-es-survey.pdf").read_bytes()
    bad = {"empty.csv": b"", "notes.pdf": b"%PDF-1.4 this is not a PDF",
           "unknown-column.csv": "apps.signal,wory\nx,3\n".encode(),
           "unfilled.pdf": blank,
           "no-form.pdf": _plain_pdf(),
           }
    other = PdfWriter(clone_from=PdfReader(io.BytesIO(fill_form(blank, {"worry": "/2"}))))
    other.update_page_form_field_values(other.pages[0], {"_survey": "another"},
                                        auto_regenerate=False)
    buf = io.BytesIO()
    other.write(buf)
    bad["another-survey.pdf"] = buf.getvalue()
    locked = PdfWriter(clone_from=PdfReader(io.BytesIO(fill_form(blank, {"worry": "/2"}))))
    locked.encrypt("secret")
    buf = io.BytesIO()
    locked.write(buf)
    bad["locked.pdf"] = buf.getvalue()
    paths = {}
    for name, data in bad.items():
        paths[name] = folder / name
        paths[name].write_bytes(data)
    return {"good": good, "typed": typed, "bad": paths, "folder": folder,
            "project": survey_built.out.parent / "project"}


@pytest.fixture(scope="module")
def tallied(inputs, tmp_path_factory):
    from workshopkit import api

    out = tmp_path_factory.mktemp("tally")
    res = api.tally(str(inputs["project"] / "curricula" / "survey" / "tech.yaml"),
                    [*inputs["good"], inputs["typed"], *inputs["bad"].values()], out)
    return res, out


def read_tally(path: Path) -> dict[tuple[str, str], str]:
    rows = list(csv.reader(path.read_text(encoding="utf-8").splitlines()))
    assert rows[0] == ["question", "option", "count"]
    return {(q, o): c for q, o, c in rows[1:]}


def shown(n: int) -> str:
    return f"< {MIN}" if n < MIN else str(n)


def test_forms_in_both_languages_and_a_typed_csv_pool_into_one_tally(tallied, inputs):
    res, out = tallied
    want = expected([as_cells(v) for _, v in PDF_ANSWERS] + [dict(zip(TYPED[0], r))
                                                            for r in TYPED[1:4]])
    got = read_tally(out / "tech-tally.csv")
    from workshopkit.source.validate import Workspace
    sv = Workspace().load(inputs["project"] / "curricula" / "survey" / "tech.yaml")
    rows = [(q.id, name) for q in sv.questions
            for name in rows_of(q) + ["responses", "skipped"]]
    assert list(got) == rows
    assert got == {key: shown(want[key]) for key in rows}
    assert res.forms == len(PDF_ANSWERS) + 3
    assert any(v.startswith("<") for v in got.values())  # something was suppressed
    assert want[("apps", "other")] == 2  # a write-in without its tick counted the tick


def test_bad_files_and_rows_are_reported_skipped_and_counted(tallied, inputs):
    res, _out = tallied
    said = [str(d) for d in res.problems.sorted()]
    text = "\n".join(said)
    for name in inputs["bad"]:
        assert any(name in line and "skipped" in line for line in said), name
    assert "empty file" in text and "encrypted" in text and "not a readable PDF" in text
    assert "a form of survey 'another', not of 'tech'" in text
    assert "unknown-column.csv:1:2: error: unknown column 'wory'; did you mean 'worry'?" in text
    assert "typed.csv:6:1: error: 'worry': 7 is out of the scale's range 1 to 4; form skipped" \
        in text
    assert "typed.csv:7:1: error: question 'language' has no option 'fr'" in text
    assert "nothing filled in" in text
    assert "no-form.pdf: error: not a form of survey 'tech'" in text
    assert (res.files_skipped, res.forms_skipped) == (len(inputs["bad"]), 2)
    assert res.exit_code == 1
    assert f"{len(PDF_ANSWERS) + 3} forms counted, 2 skipped" in res.summary()


def test_the_reports_read_back_with_the_numbers_and_nothing_of_the_files(tallied, inputs):
    _res, out = tallied
    got = read_tally(out / "tech-tally.csv")
    assert sorted(p.name for p in out.iterdir()) == ["tech-en-report.pdf", "tech-es-report.pdf",
                                                    "tech-tally.csv"]
    forms = len(PDF_ANSWERS) + 3
    for lang, counted in (("es", f"Formularios contados: {forms}"),
                          ("en", f"Forms counted: {forms}")):
        data = (out / f"tech-{lang}-report.pdf").read_bytes()
        text = pdf_text(data)
        flat = " ".join(text.split("\n"))
        assert counted in text
        signal, answered = int(got[("apps", "signal")]), int(got[("apps", "responses")])
        assert f"WhatsApp {got[('apps', 'whatsapp')]} " in flat
        assert f"Signal {signal} {round(100 * signal / answered)} %" in flat
        assert f"< {MIN}" in text
        reader = PdfReader(io.BytesIO(data))
        meta = reader.metadata
        used = {str(f.get_object()["/BaseFont"]) for page in reader.pages
                for f in (page["/Resources"].get("/Font") or {}).values()}
        assert used and not [f for f in used if "Helvetica" in f], used  # the bundled font
        for name in ("Maria", "typed", "Lopez"):
            assert name not in text and name not in str(meta)
        assert "Quechua" not in text and "ñandú" not in text  # no free text by default
    assert b"Maria" not in (out / "tech-tally.csv").read_bytes()


def test_free_text_only_on_request_shuffled_and_the_same_every_time(inputs, tmp_path):
    from workshopkit import api

    survey = str(inputs["project"] / "curricula" / "survey" / "tech.yaml")
    files = [*inputs["good"], inputs["typed"]]
    a = api.tally(survey, files, tmp_path / "a", include_text=True)
    b = api.tally(survey, list(reversed(files)), tmp_path / "b", include_text=True)
    assert a.exit_code == 1 and a.forms == b.forms  # the typed CSV has two bad rows
    for name in ("tech-tally.csv", "tech-es-report.pdf", "tech-en-report.pdf"):
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes()
    text = pdf_text((tmp_path / "a" / "tech-es-report.pdf").read_bytes())
    for said in ("Señora ñandú çà", "Quechua", "Matrix", "Delta Chat", "More workshops"):
        assert said in text
    assert "Maria" not in text


def test_nothing_is_written_when_no_form_is_valid(inputs, tmp_path):
    from workshopkit import api

    res = api.tally(str(inputs["project"] / "curricula" / "survey" / "tech.yaml"),
                    list(inputs["bad"].values()), tmp_path / "out")
    assert res.forms == 0 and res.exit_code == 1 and not (tmp_path / "out").exists()
    assert "no valid form of survey 'tech'; nothing written" in str(res.problems.sorted()[-1]) \
        or any("nothing written" in str(d) for d in res.problems.sorted())


def test_the_command_prints_the_template_and_fails_on_a_bad_file(cli, inputs, tmp_path):
    res = cli("tally", "tech", "--template", cwd=inputs["project"])
    assert res.exit_code == 0
    assert res.output.strip() == ("apps.signal,apps.whatsapp,apps.other,apps.other.text,worry,"
                                  "language,language.other.text,years,comments")
    res = cli("tally", "tehc", "--template", cwd=inputs["project"])
    assert res.exit_code == 1 and "did you mean 'tech'?" in res.output
    res = cli("tally", "tech", str(inputs["good"][0]), str(inputs["bad"]["empty.csv"]),
              "-o", str(tmp_path / "t"), cwd=inputs["project"])
    assert res.exit_code == 1 and "empty.csv: error: empty file; file skipped" in res.output
    assert "1 form counted, 0 skipped; 2 files read, 1 skipped" in res.output
    assert (tmp_path / "t" / "tech-tally.csv").is_file()


def test_the_fast_field_scan_reads_what_pypdf_reads(inputs):
    from workshopkit.source.pdffields import scan

    for path in [*inputs["good"], *inputs["bad"].values()]:
        data = path.read_bytes()
        fast = scan(data)
        if fast is None:
            continue
        slow = PdfReader(io.BytesIO(data)).get_fields()
        assert fast == {k: (str(f.get("/FT", "")).lstrip("/"),
                            None if f.get("/V") is None else str(f.get("/V")))
                        for k, f in slow.items()}, path.name
    assert scan(inputs["good"][0].read_bytes())["comments"] == ("Tx", "Señora ñandú çà")
