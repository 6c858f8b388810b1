"""Participant worksheets: read the PDF back and compare with what the YAML said."""
from __future__ import annotations

import io
import re
import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader

from conftest import (FORMAT_EXAMPLE, facilitator_texts, load_every_kind, load_example, pdf_text,
                      require_tool, squash)
from workshopkit.plan.markup import plain
from workshopkit.model.options import Options
from workshopkit.source.validate import Workspace
from workshopkit.render.pdf import worksheets
from workshopkit.source.settings import resolve


def participant_texts(cur, lang: str) -> list[str]:
    """Every participant-facing string the YAML gives the worksheets, walked from the model."""
    out = []
    for _s, a in cur.activities():
        for item in a.worksheet:
            k = item.kind
            if k == "prompt":
                out.append(item.prompt.get(lang))
            elif k == "checklist":
                out += [t.get(lang) for t in item.checklist]
            elif k == "choice":
                if item.choice.prompt:
                    out.append(item.choice.prompt.get(lang))
                out += [t.get(lang) for t in item.choice.options]
            elif k == "table":
                out += [t.get(lang) for t in item.table.columns]
                out += [c.get(lang) for r in item.table.rows for c in r]
            elif k == "risk_matrix":
                out += [t.get(lang) for t in item.risk_matrix.threats]
            elif k == "case_study":
                cs = item.case_study
                out += [cs.story.get(lang)] + [q.get(lang) for q in cs.questions]
                if cs.title:
                    out.append(cs.title.get(lang))
            elif k == "comparison":
                for r in cur.comparison(item).rows:
                    for f in ("need", "free", "hosted_by", "free_license", "commercial",
                              "commercial_license", "notes"):
                        if getattr(r, f) is not None:
                            out.append(getattr(r, f).get(lang))
            elif k == "text":
                out.append(item.text.get(lang))
            elif k == "image":
                out += [t.get(lang) for t in (item.image.alt, item.image.credit,
                                              item.image.license) if t]
    return [plain(s) for s in out]


KINDS_SEEN = {"prompt", "checklist", "choice", "table", "risk_matrix", "case_study", "comparison",
              "text", "image"}


@pytest.mark.parametrize("lang", ["es", "en"])
@pytest.mark.parametrize("opts", [Options(), Options(paper="a4", large_print=True),
                                  Options(booklet=True, ink="low")], ids=["letter", "a4-large", "booklet"])
def test_every_participant_string_and_no_facilitator_text(tmp_path, lang, opts):
    cur = load_every_kind(tmp_path)
    assert {i.kind for _s, a in cur.activities() for i in a.worksheet} == KINDS_SEEN
    text = squash(pdf_text(worksheets.write(cur, resolve(cur), (lang,), opts)))
    wanted = participant_texts(cur, lang)
    assert len(wanted) > 30
    missing = [s for s in wanted if squash(s) not in text]
    assert not missing
    leaked = [s for s in facilitator_texts(cur, lang) if squash(s) in text]
    assert not leaked
    assert "**" not in text and "*worries*" not in text


def test_format_example_worksheets():
    cur = load_example()
    text = squash(pdf_text(worksheets.write(cur, resolve(cur), ("es",), Options())))
    for s in participant_texts(cur, "es"):
        assert squash(s) in text
    assert squash("Sugiere un recorrido corto.") not in text
    assert squash("Marquen cada cámara en el mapa.") not in text


def test_bilingual_both_languages_and_headings(tmp_path, monkeypatch):
    from workshopkit.render.pdf import meta

    fake = {"Name": "Nombre", "Date": "Fecha", "Choose one": "Elige una"}
    monkeypatch.setattr(meta, "ui", lambda lang: (lambda s: fake.get(s, s)) if lang == "es"
                        else (lambda s: s))
    cur = load_every_kind(tmp_path)
    data = worksheets.write(cur, resolve(cur), ("es", "en"), Options())
    text = squash(pdf_text(data))
    for lang in ("es", "en"):
        for s in participant_texts(cur, lang):
            assert squash(s) in text, s
    assert squash("Nombre / Name:") in text and squash("Fecha / Date:") in text
    assert squash("Elige una / Choose one") in text
    assert squash("Page 1 of") in text


def test_name_and_date_fields_left_out_when_anonymous(tmp_path):
    cur = load_every_kind(tmp_path)
    named = pdf_text(worksheets.write(cur, resolve(cur), ("en",), Options()))
    anon = pdf_text(worksheets.write(cur, resolve(cur), ("en",), Options(anonymous=True)))
    assert named.count("Name:") == 1 and named.count("Date:") == 1  # activities flow on
    assert "Name:" not in anon and "Date:" not in anon
    reader = PdfReader(io.BytesIO(worksheets.write(cur, resolve(cur), ("en",), Options(anonymous=True))))
    assert not reader.metadata.get("/Author")


def test_each_activity_sheet_has_its_titles(tmp_path):
    cur = load_every_kind(tmp_path)
    reader = PdfReader(io.BytesIO(worksheets.write(cur, resolve(cur), ("en",), Options())))
    pages = [squash(p.extract_text()) for p in reader.pages]
    first_risk = next(i for i, p in enumerate(pages) if squash("Our risks") in p)
    assert squash("Second session") + squash("Our risks") in pages[first_risk]
    assert squash("Digital self-defence · First session") in pages[0]
    assert squash("Warm-up") in pages[0]
    for p in pages[1:]:  # the running header: the session at the top of the page
        assert p.count(squash("Digital self-defence · ")) == 2, p  # header and footer
    n = len(pages)
    for i, p in enumerate(pages, 1):
        assert squash(f"Page {i} of {n}") in p


def test_choice_hints(tmp_path):
    cur = load_every_kind(tmp_path)
    text = pdf_text(worksheets.write(cur, resolve(cur), ("en",), Options()))
    assert text.count("Choose one") == 1
    assert text.count("Choose all that apply") == 1


def test_deterministic(tmp_path):
    cur = load_every_kind(tmp_path)
    assert worksheets.write(cur, resolve(cur), ("es",), Options()) == worksheets.write(cur, resolve(cur), ("es",), Options())
    again = load_every_kind(tmp_path / "again")
    assert worksheets.write(again, resolve(again), ("es", "en"), Options(booklet=True)) == \
        worksheets.write(cur, resolve(cur), ("es", "en"), Options(booklet=True))


def test_unicode_extracts_unchanged(tmp_path):
    cur = load_every_kind(tmp_path)
    text = pdf_text(worksheets.write(cur, resolve(cur), ("en",), Options()))
    for sample in ("Ελληνικά", "Кириллица", "Tiếng Việt"):
        assert sample in text


def test_qpdf_check(tmp_path):
    qpdf = require_tool("qpdf")
    cur = load_every_kind(tmp_path)
    for i, opts in enumerate([Options(), Options(paper="a4", booklet=True),
                              Options(large_print=True, ink="low")]):
        f = tmp_path / f"w{i}.pdf"
        f.write_bytes(worksheets.write(cur, resolve(cur), ("es", "en"), opts))
        r = subprocess.run([qpdf, "--check", str(f)], capture_output=True, text=True)
        assert r.returncode == 0, r.stdout + r.stderr


def test_registered_and_built_by_cli(cli, example_project):
    out = example_project / "out"
    r = cli("build", str(example_project / "curricula"), "-o", str(out), "--only", "worksheets",
            "--lang", "en")
    assert r.exit_code == 0, r.output
    pdf = out / "local-surveillance" / "en" / "local-surveillance-en-worksheets.pdf"
    assert squash("Where did you see cameras?") in squash(pdf_text(pdf.read_bytes()))


def test_project_default_anonymous_leaves_the_name_field_off(cli, example_project):
    """`anonymous: true` in workshopkit.yaml: every build of the project leaves the Name
    field off; --no-anonymous puts it back for one build."""
    (example_project / "workshopkit.yaml").write_text("anonymous: true\n", encoding="utf-8")
    out = example_project / "out"
    r = cli("build", "curricula", "-o", "out", "--only", "worksheets,guide", "--lang", "en",
            cwd=example_project)
    assert r.exit_code == 0, r.output
    sheets = out / "local-surveillance" / "en" / "local-surveillance-en-worksheets.pdf"
    text = pdf_text(sheets.read_bytes())
    assert "Where did you see cameras?" in text
    assert "Name:" not in text and "Date:" not in text
    guide_pdf = (out / "local-surveillance" / "en" / "local-surveillance-en-guide.pdf").read_bytes()
    assert "Equipo de formación" not in pdf_text(guide_pdf)
    assert not PdfReader(io.BytesIO(guide_pdf)).metadata.get("/Author")
    r = cli("build", "curricula", "-o", "named", "--only", "worksheets", "--lang", "en",
            "--no-anonymous", cwd=example_project)
    assert r.exit_code == 0, r.output
    named = example_project / "named" / "local-surveillance" / "en" / "local-surveillance-en-worksheets.pdf"
    assert "Name:" in pdf_text(named.read_bytes())


def test_project_anonymous_must_be_true_or_false(cli, example_project):
    (example_project / "workshopkit.yaml").write_text("anonymous: yes\n", encoding="utf-8")
    r = cli("build", "curricula", "-o", "out", cwd=example_project)
    assert r.exit_code == 1
    assert "workshopkit.yaml:1:12: error:" in r.output and "anonymous" in r.output


def _tall(tmp_path, item: str):
    src = FORMAT_EXAMPLE.read_text(encoding="utf-8")
    src = src.replace("        worksheet:\n          - prompt:", "        worksheet:\n" + item + "          - prompt:")
    f = tmp_path / "curricula" / "tall.yaml"
    f.parent.mkdir()
    f.write_text(src, encoding="utf-8")
    cur = Workspace().load(f)
    assert cur is not None
    return cur


def test_a_table_header_taller_than_a_page_splits_and_keeps_every_word(tmp_path):
    words = [f"palabra{i}" for i in range(300)]
    cols = "[" + " ".join(words) + ", second]"
    cur = _tall(tmp_path, f"          - table: {{columns: {cols}, rows: [[x, y], [z, w]]}}\n")
    text = pdf_text(worksheets.write(cur, resolve(cur), ("en",), Options(large_print=True)))
    assert re.findall(r"palabra\d+", text) == words


@pytest.mark.parametrize("rows", ["3", "[[uno, dos, tres, cuatro, cinco]]"])
def test_table_columns_are_at_least_their_longest_word(tmp_path, rows):
    """Equal widths broke 'Responsabilidades' inside the word; no column is narrower than a word."""
    src = tmp_path / "t.yaml"
    src.write_text(
        "workshopkit: 1\nid: t\nlanguages: [es]\ntitle: T\nsessions:\n  - id: s\n    title: S\n"
        "    activities:\n      - id: a\n        title: A\n        phase: input\n        duration: 10\n"
        "        worksheet:\n          - table:\n"
        "              columns: [Nº, Sí, No, Responsabilidades, Fecha]\n"
        f"              rows: {rows}\n", encoding="utf-8")
    cur = Workspace().load(src)
    assert cur is not None
    lines = [ln.strip() for ln in pdf_text(worksheets.write(cur, resolve(cur), ("es",), Options())).splitlines()]
    assert any("Responsabilidades" in ln for ln in lines), lines
