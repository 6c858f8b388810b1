"""The interface catalogues shipped in workshopkit/i18n/locale/: complete, valid, used."""
from __future__ import annotations

import re
import string
import subprocess

import pytest

from conftest import require_tool, ui_template
from workshopkit.i18n import has_ui_catalog, ui
from workshopkit.i18n.catalogs import UI_TEMPLATE, ui_catalog_files
from workshopkit.i18n.po_catalog import read_catalog

SHIPPED = ("es", "pt", "fr")


def test_shipped_languages():
    assert set(SHIPPED) <= set(ui_catalog_files())
    for lang in (*SHIPPED, "en", "pt-BR", "es-MX", "fr_CA"):
        assert has_ui_catalog(lang), lang
    assert not has_ui_catalog("de")


def _done(string) -> bool:
    """A translation is there (every plural form of it)."""
    return all(string) if isinstance(string, tuple) else bool(string)


def test_every_interface_string_in_the_code_is_translated():
    wanted = [(m.id, m.context) for m in ui_template() if m.id]
    ids = [i for i, _ in wanted]
    assert "Activity" in ids and "Advanced" in ids  # the extractor sees N_() and _()
    assert ("{n} participant", "{n} participants") in ids  # and plurals (nwords)
    assert ("High", "likelihood") in wanted and ("High", "impact") in wanted  # and NC_()
    problems = []
    for lang in SHIPPED:
        cat = read_catalog(ui_catalog_files()[lang])
        for s, ctx in wanted:
            m = cat.get(s, ctx)
            if m is None or not _done(m.string) or m.fuzzy:
                problems.append(f"{lang}.po: {s!r}")
    assert not problems, ("interface strings without a translation; run make po and "
                          "translate:\n  " + "\n  ".join(problems))


def test_template_is_up_to_date():
    wanted = {(m.id, m.context) for m in ui_template() if m.id}
    have = {(m.id, m.context) for m in read_catalog(UI_TEMPLATE) if m.id}
    assert wanted <= have, ("workshopkit.pot is out of date; run make po and translate "
                            f"(new: {sorted(wanted - have)})")


def _fields(s: str) -> list[str]:
    return sorted(f for _, f, _, _ in string.Formatter().parse(s) if f is not None)


@pytest.mark.parametrize("lang", SHIPPED)
def test_translations_keep_placeholders_and_markup(lang):
    cat = read_catalog(ui_catalog_files()[lang])
    for m in cat:
        if not m.id or not m.string:
            continue
        if isinstance(m.id, tuple):  # plural: every form keeps the msgid's fields
            assert _fields(m.id[0]) == _fields(m.id[1]), m.id
            for form in m.string:
                assert _fields(form) == _fields(m.id[0]), f"{lang}.po: {m.id!r} -> {form!r}"
            continue
        assert _fields(m.string) == _fields(m.id), f"{lang}.po: {m.id!r} -> {m.string!r}"
        assert m.string.count("**") == m.id.count("**"), f"{lang}.po: {m.id!r}"
        assert m.string == m.string.strip() or m.id != m.id.strip(), f"{lang}.po: {m.id!r}"
        assert not re.search(r"\s{2,}", m.string) or re.search(r"\s{2,}", m.id), m.string


@pytest.mark.parametrize("lang", SHIPPED)
def test_ui_lookup(lang):
    cat = read_catalog(ui_catalog_files()[lang])
    m = next(m for m in cat if m.id and m.string)
    assert ui(lang)(m.id) == m.string
    assert ui(lang)("a string nobody wrote") == "a string nobody wrote"
    assert ui("en")(m.id) == m.id


@pytest.mark.parametrize("name", ["workshopkit.pot", *(f"{l}.po" for l in SHIPPED)])
def test_catalogues_pass_msgfmt_check(name):
    msgfmt = require_tool("msgfmt")
    path = UI_TEMPLATE.parent / name
    cp = subprocess.run([msgfmt, "--check", "-o", "/dev/null", str(path)],
                        capture_output=True, text=True)
    assert cp.returncode == 0, cp.stderr


@pytest.fixture
def locale(tmp_path, monkeypatch):
    """A copy of the shipped catalogues that the upkeep functions work on."""
    import shutil

    import workshopkit.i18n.catalogs as tr

    folder = tmp_path / "locale"
    shutil.copytree(UI_TEMPLATE.parent, folder)
    monkeypatch.setattr(tr, "UI_TEMPLATE", folder / "workshopkit.pot")
    monkeypatch.setattr(tr, "ui_catalog_files",
                        lambda: {p.stem: p for p in sorted(folder.glob("*.po"))})
    monkeypatch.setattr(tr, "extract_ui", ui_template)  # the code does not change meanwhile
    return folder


def test_make_po_is_idempotent(locale):
    """Running the update on up-to-date catalogues changes nothing."""
    import workshopkit.i18n.catalogs as tr

    tr.update_ui_catalogs()  # brings a stale copy up to date, if it is
    before = {p.name: p.read_bytes() for p in locale.iterdir()}
    assert tr.update_ui_catalogs() == []
    assert {p.name: p.read_bytes() for p in locale.iterdir()} == before
    assert tr.update_ui_catalogs(["de"]) == [locale / "de.po"]
    de = tr.read_catalog(locale / "de.po")
    assert str(de.locale) == "de" and {m.id for m in de if m.id} == {
        m.id for m in tr.read_catalog(locale / "workshopkit.pot") if m.id}


def test_a_string_back_in_the_code_revives_its_obsolete_translation(locale):
    """An entry both live and obsolete would be defined twice and fail msgfmt --check."""
    import workshopkit.i18n.catalogs as tr

    es = locale / "es.po"
    text = es.read_text(encoding="utf-8")
    live = re.search(r'\nmsgid "Duration"\nmsgstr "([^"]+)"\n', text)
    assert live, "the Spanish catalogue translates Duration"
    # the state a catalogue is left in when a string leaves the code and comes back
    text = text.replace(live.group(0), "\n") + f'\n#~ msgid "Duration"\n#~ msgstr "{live.group(1)}"\n'
    es.write_text(text, encoding="utf-8")
    tr.update_ui_catalogs()
    cat = tr.read_catalog(es)
    assert cat.get("Duration") is not None and cat.get("Duration").string == live.group(1)
    assert all(m.id != "Duration" for m in cat.obsolete.values())
    msgfmt = require_tool("msgfmt")
    cp = subprocess.run([msgfmt, "--check", "-o", "/dev/null", str(es)],
                        capture_output=True, text=True)
    assert cp.returncode == 0, cp.stderr


def test_french_punctuation_keeps_its_space_on_the_line():
    """French puts a space before : ; ? ! » and after «: a no-break space, so a line never
    starts with the punctuation ("Précisez" / ": …")."""
    cat = read_catalog(ui_catalog_files()["fr"])
    bad = []
    for m in cat:
        for s in (m.string if isinstance(m.string, tuple) else (m.string,)):
            if m.id and (re.search(r"[^\S\u00a0\u202f][:;?!»]", s)
                         or re.search(r"«[^\S\u00a0\u202f]", s)):
                bad.append(s)
    assert not bad, bad


def test_labels_the_code_puts_together_end_with_the_languages_colon():
    """"Nom :" and "Durée :" where the code adds the colon to a catalogue word, as the
    French catalogue writes it inside phrases; other languages keep ":"."""
    from conftest import load_example, pdf_text
    from workshopkit.build import kinds
    from workshopkit.build.targets import options_for
    from workshopkit.source.settings import resolve

    cur = load_example()
    settings, options = resolve(cur), options_for(cur, {"anonymous": False})
    web = kinds.render("web", cur, settings, ("fr",), options).decode("utf-8")
    assert "Durée\u00a0:" in web and "Licence\u00a0:" in web and "Durée:" not in web
    sheet = pdf_text(kinds.render("worksheets", cur, settings, ("fr",), options))
    assert re.search(r"Nom\s:", sheet) and "Nom:" not in sheet
    web_en = kinds.render("web", cur, settings, ("en",), options).decode("utf-8")
    assert "Duration:" in web_en
