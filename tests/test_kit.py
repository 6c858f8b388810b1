"""Printable kits: contents, manifest checksums, print plan from real page counts."""
from __future__ import annotations

import hashlib
import io
import json
import zipfile
from pathlib import Path

from pypdf import PdfReader

from conftest import ONLY
from workshopkit.build.kinds import available, kind
from workshopkit.build.kits import KitFile, print_plan



ID = "local-surveillance"


def open_kit(path):
    z = zipfile.ZipFile(path)
    folder = z.namelist()[0].split("/")[0]
    return z, folder, json.loads(z.read(f"{folder}/manifest.json"))


def test_kit_manifest_and_print_plan_match_the_files(cli, example_project):
    res = cli("kit", "curricula", "--only", ONLY, "-j", "1", "--participants", "12",
              "--facilitators", "2", cwd=example_project)
    assert res.exit_code == 0, res.output
    z, folder, man = open_kit(example_project / "build" / "kits" / f"{ID}-es.zip")
    names = sorted(z.namelist())
    assert z.namelist() == names  # sorted entries
    assert {i.date_time for i in z.infolist()} == {(2026, 11, 1, 0, 0, 0)}  # 'updated'
    assert man["curriculum"] == {"id": ID, "version": "1.2.0",
                                 "title": "Vigilancia en nuestras comunidades"}
    assert man["languages"] == ["es"] and man["workshopkit"]
    expected = {Path(kind(k).file_name(ID, ("es",))).name for k in available()} | {"cover.pdf"}
    assert {f["name"] for f in man["files"]} == expected
    pages = {}
    for f in man["files"]:
        data = z.read(f"{folder}/{f['name']}")
        assert hashlib.sha256(data).hexdigest() == f["sha256"] and len(data) == f["size"]
        if f["name"].endswith(".pdf"):
            pages[f["name"]] = len(PdfReader(io.BytesIO(data)).pages)
            assert f["pages"] == pages[f["name"]]
        # the kit holds exactly the built file
        if f["kind"] != "cover":
            built = example_project / "build" / ID / "es" / f["name"]
            assert built.read_bytes() == data
    plan = man["print_plan"]
    assert plan["participants"] == 12 and plan["facilitators"] == 2
    per = {"worksheets": 12, "videos": 12, "guide": 2, "slides": 0, "slides-pdf": 0,
           "handout": 12, "agenda": 12, "web": 0, "web-guide": 0}
    for row in plan["files"]:
        p = pages.get(row["name"], 0)
        assert row["copies"] == per[row["kind"]]
        assert row["single"] == p * row["copies"]
        assert row["double"] == (p + 1) // 2 * row["copies"]
    assert plan["sheets_single_sided"] == sum(r["single"] for r in plan["files"]) > 0
    cover = "".join(pg.extract_text() for pg in
                    PdfReader(io.BytesIO(z.read(f"{folder}/cover.pdf"))).pages)
    for row in plan["files"]:
        assert row["name"] in cover
    for row in plan["files"]:  # sheets as the cover says to print: one side for one page
        assert row["sheets"] == (row["single"] if row["pages"] == 1 else row["double"])
    assert plan["sheets"] == sum(r["sheets"] for r in plan["files"])
    assert str(plan["sheets"]) in cover
    assert "12" in cover and "manifest.json" in cover


def test_kits_are_deterministic_and_reuse_the_build(cli, example_project):
    res = cli("kit", "curricula", "-o", "a", "--only", ONLY, "-j", "1", cwd=example_project)
    assert res.exit_code == 0, res.output
    res = cli("kit", "curricula", "-o", "b", "--only", ONLY, "-j", "1", cwd=example_project)
    a = (example_project / "a" / "kits" / f"{ID}-en.zip").read_bytes()
    assert a == (example_project / "b" / "kits" / f"{ID}-en.zip").read_bytes()
    _z, _f, man = open_kit(example_project / "a" / "kits" / f"{ID}-en.zip")
    assert "print_plan" not in man
    res = cli("kit", "curricula", "-o", "a", "--only", ONLY, "-j", "1", cwd=example_project)
    assert "0 files written" in res.output


def test_bilingual_kit(cli, example_project):
    res = cli("kit", "curricula", "--only", ONLY, "-j", "1", "--bilingual", "es,en",
              "--participants", "3", cwd=example_project)
    assert res.exit_code == 0, res.output
    z, folder, man = open_kit(example_project / "build" / "kits" / f"{ID}-es+en.zip")
    assert man["languages"] == ["es", "en"] and folder == f"{ID}-es+en"
    assert f"{ID}-es+en-slides.pptx" in {f["name"] for f in man["files"]}


def test_print_plan_arithmetic():
    files = [KitFile("w.pdf", "worksheets", b"", 5), KitFile("g.pdf", "guide", b"", 9),
             KitFile("v.pdf", "videos", b"", 1), KitFile("s.pptx", "slides", b"", 0),
             KitFile("cover.pdf", "cover", b"", 1)]
    rows = {r.kind: r for r in print_plan(files, participants=20, facilitators=3)}
    assert "cover" not in rows
    assert (rows["worksheets"].copies, rows["worksheets"].single, rows["worksheets"].double) \
        == (20, 100, 60)
    assert (rows["guide"].copies, rows["guide"].single, rows["guide"].double) == (3, 27, 15)
    assert (rows["videos"].single, rows["videos"].double) == (20, 20)
    assert rows["slides"].copies == 0 and rows["slides"].single == 0
