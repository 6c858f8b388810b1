"""A translator's mistakes in a PO catalogue are located errors, never silently lost entries."""
from __future__ import annotations

import textwrap

from workshopkit.errors import Problems
from workshopkit.source.validate import Workspace

CUR = textwrap.dedent("""\
    workshopkit: 1
    id: demo
    languages: [en]
    title: Demo
    sessions:
      - id: s
        title: Session
        activities:
          - id: a
            title: Activity
            phase: input
            duration: 10m
    """)
HEAD = 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'


def _load(tmp_path, po_name: str, po: str):
    root = tmp_path / "p" / "curricula"
    root.mkdir(parents=True)
    (root / "c.yaml").write_text(CUR, encoding="utf-8")
    (root / po_name).write_text(po, encoding="utf-8")
    ws = Workspace(Problems())
    cur = ws.load(root / "c.yaml")
    return cur, [(d.pos.file.rsplit("/", 1)[-1], d.pos.line, d.pos.col, d.severity, d.message)
                 for d in ws.problems.sorted() if d.severity == "error"]


def test_unclosed_string_is_an_error_at_its_column(tmp_path):
    # babel reads 'msgid "Demo' as "Dem": the entry would never match, silently
    cur, errors = _load(tmp_path, "c.fr.po", HEAD + 'msgid "Demo\nmsgstr "Démo"\n')
    assert cur is None
    assert [e[:4] for e in errors] == [("c.fr.po", 5, 7, "error")]
    assert "not closed" in errors[0][4]


def test_duplicate_entry_is_an_error(tmp_path):
    entry = 'msgctxt "title"\nmsgid "Demo"\nmsgstr "{}"\n'
    po = HEAD + entry.format("A") + "\n" + entry.format("B")
    cur, errors = _load(tmp_path, "c.fr.po", po)
    assert cur is None
    assert [e[:4] for e in errors] == [("c.fr.po", 10, 1, "error")]
    assert "already at line 6" in errors[0][4]


def test_catalogue_named_with_a_gettext_locale_is_an_error_with_the_right_name(tmp_path):
    cur, errors = _load(tmp_path, "c.pt_BR.po", HEAD + 'msgid "Demo"\nmsgstr "Demonstração"\n')
    assert cur is None
    assert [e[:4] for e in errors] == [("c.pt_BR.po", 1, 1, "error")]
    assert "rename it c.pt-BR.po" in errors[0][4]


def test_well_formed_catalogue_has_no_error(tmp_path):
    po = HEAD + ('#, fuzzy\nmsgctxt "title"\nmsgid ""\n"De"\n"mo"\nmsgstr"D \\"é\\""\n\n'
                 '#~ msgid "Old\n#~ msgstr "x"\nmsgid "Session"\nmsgstr "Séance"\n')
    cur, errors = _load(tmp_path, "c.fr.po", po)
    assert errors == [] and cur is not None
    assert cur.sessions[0].title.get("fr") == "Séance"


def test_two_letter_code_that_is_no_language_is_an_error_with_the_likely_one(tmp_path):
    cur, errors = _load(tmp_path, "c.jp.po", HEAD)  # Japanese is ja
    assert cur is None
    assert [e[:3] for e in errors] == [("c.jp.po", 1, 1)]
    assert "did you mean 'ja'?" in errors[0][4]
    root = tmp_path / "p" / "curricula"
    (root / "c.jp.po").unlink()
    (root / "c.yaml").write_text(CUR.replace("languages: [en]", "languages: [en, sp]"))
    ws = Workspace(Problems())
    assert ws.load(root / "c.yaml") is None
    found = {(d.pos.line, d.pos.col, d.message[-20:]) for d in ws.problems.errors}
    assert found == {(3, 17, "; did you mean 'es'?")}


def test_three_letter_codes_are_accepted_as_written(tmp_path):
    root = tmp_path / "p" / "curricula"
    root.mkdir(parents=True)
    (root / "c.yaml").write_text(CUR.replace("languages: [en]", "languages: [en, nah, tzo]"))
    ws = Workspace(Problems())
    cur = ws.load(root / "c.yaml")
    assert cur is not None and cur.languages == ("en", "nah", "tzo")


def test_plain_sentence_a_catalogue_translates_is_not_noted_as_untranslated(tmp_path):
    cur = CUR.replace("title: Demo", "title: A demo of our workshop").replace(
        "title: Activity", "title: An activity with many words")
    root = tmp_path / "p" / "curricula"
    root.mkdir(parents=True)
    (root / "c.yaml").write_text(cur)
    (root / "c.fr.po").write_text(HEAD + 'msgctxt "title"\nmsgid "A demo of our workshop"\n'
                                  'msgstr "Une démo de notre atelier"\n')
    ws = Workspace(Problems())
    assert ws.load(root / "c.yaml") is not None
    notes = [(d.pos.line, d.message) for d in ws.problems.items if "plain string" in d.message]
    assert len(notes) == 1 and notes[0][0] == 10
    assert notes[0][1].startswith("'An activity with many words' is a plain string")
