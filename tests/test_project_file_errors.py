"""Mistakes in a project's other files: a broken catalogue is reported by `validate` even when
no curriculum uses it yet (and a curriculum naming it is told the file has errors, not "did
you mean" its own name); a build failing on a broken theme leaves the output folder as it was;
and the layout check does not take a small "0 to 80" hint near a page's foot for its footer."""
from __future__ import annotations

CUR = """\
workshopkit: 1
id: demo
languages: [en]
title: Demo
sessions:
  - id: s
    title: S
    activities:
      - id: a
        title: A
        phase: input
        duration: 10m
"""
BROKEN = "workshopkit: 1\nlanguages: [en]\nrows:\n  - need: Calls\n    fre: Jitsi\n"


def _validate(tmp_path, cur: str):
    from workshopkit import api

    (tmp_path / "curricula" / "catalog").mkdir(parents=True)
    (tmp_path / "workshopkit.yaml").write_text("paper: a4\n")
    (tmp_path / "curricula" / "c.yaml").write_text(cur)
    (tmp_path / "curricula" / "catalog" / "fs.yaml").write_text(BROKEN)
    loaded = api.validate([tmp_path / "curricula"])
    return loaded, [(d.pos.file.rsplit("/", 1)[-1], d.pos.line, d.pos.col, d.message)
                    for d in loaded.problems.errors]


def test_unused_broken_catalogue_fails_validate_at_its_line(tmp_path):
    loaded, errors = _validate(tmp_path, CUR)
    assert loaded.exit_code == 1
    assert ("fs.yaml", 5, 5, "unknown key 'fre' in a catalogue row; did you mean 'free'?") in errors


def test_curriculum_naming_a_broken_catalogue_is_told_it_has_errors(tmp_path):
    cur = CUR.replace("duration: 10m", "duration: 10m\n        slides:\n          - comparison: fs")
    loaded, errors = _validate(tmp_path, cur)
    mine = [e[3] for e in errors if e[0] == "c.yaml"]
    assert len(mine) == 1 and mine[0].startswith("catalogue 'fs' cannot be used: ")
    assert mine[0].endswith("fs.yaml has errors")
    assert any(e[0] == "fs.yaml" and e[1:3] == (5, 5) for e in errors)


def test_build_failing_on_a_broken_theme_leaves_the_output_folder_as_it_was(tmp_path):
    from workshopkit import api

    (tmp_path / "curricula").mkdir()
    (tmp_path / "workshopkit.yaml").write_text("paper: a4\n")
    (tmp_path / "theme.yaml").write_text('colors:\n  accent: "#GGHHII"\n')
    (tmp_path / "curricula" / "c.yaml").write_text(CUR)
    out = tmp_path / "out"
    out.mkdir()
    res = api.build(api.BuildRequest(paths=(tmp_path / "curricula",), out_dir=out,
                                     kinds=("slides",), jobs=1))
    assert res.exit_code == 1
    assert [(d.pos.line, d.pos.col) for d in res.problems.errors] == [(2, 11)]
    assert list(out.iterdir()) == []


def test_layout_check_takes_only_the_page_number_line_for_the_footer():
    from workshopkit.check.pdftext import Frag, Page, _split_footer

    def frag(text, top):
        return Frag(text, 40, top, 300, top + 9, 8, False)

    page = Page(1, 595, 842, [frag("3. Years as a member?", 714),
                              frag("Write a number from 0 to 80", 731),
                              frag("Keeping our phones safe · Worksheets   Page 4 of 5", 812),
                              frag("Licence: CC-BY-SA-4.0 · 2026-10-20", 822)])
    _split_footer(page)
    assert [f.top for f in page.frags] == [714, 731]
    assert [f.top for f in page.footer] == [812, 822]
