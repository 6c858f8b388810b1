"""The interface catalogues shipped in ``workshopkit/i18n/locale/`` (``make po``).

Every fixed word an output prints is marked in the code (``_("…")``,
``N_("…")`` and the writers' helpers around ``ui(lang)``); this module
extracts them into ``workshopkit.pot`` and brings every ``<lang>.po`` up to
date.  Adding a language is adding one catalogue: ``make po NEW=de``.
"""
from __future__ import annotations

from pathlib import Path
from typing import Iterable, Optional

from babel.messages.catalog import Catalog

from workshopkit.model.options import output_date
from workshopkit.source.project import display
from workshopkit.i18n import LOCALE_DIR
from workshopkit.i18n.po_catalog import check_lang, read_catalog, render, write_file

PACKAGE = Path(__file__).resolve().parent.parent
"""The workshopkit package: every module is scanned for interface strings."""
UI_TEMPLATE = LOCALE_DIR / "workshopkit.pot"
UI_KEYWORDS = {"_": None, "N_": None, "ui": None, "first_ui": None, "words": None, "w": None,
               "nwords": (1, 2), "NC_": ((1, "c"), 2), "label": None, "w_plain": None}
"""Calls whose literal first argument is an interface msgid: ``_("…")``, ``N_("…")``
and the writers' helpers around ``ui(lang)``: ``ui("…")``, ``first_ui("…")``,
``words("…", languages)`` and ``w("…")`` (a call with a variable is skipped); plurals
``nwords("… {n} thing", "… {n} things", n, languages)`` (msgid, msgid_plural) and words
with a context ``NC_("likelihood", "High")`` (msgctxt, msgid)."""


def ui_catalog_files() -> dict[str, Path]:
    """The shipped interface catalogues, language -> file (English needs none)."""
    return {p.stem: p for p in sorted(UI_TEMPLATE.parent.glob("*.po"))}


def extract_ui() -> Catalog:
    """Every interface string of the package's code (see UI_KEYWORDS), as a template."""
    from babel.messages.extract import extract_from_dir

    from workshopkit import __version__
    from workshopkit.model.options import FIXED_DATE

    cat = Catalog(project="workshopkit", version=__version__, creation_date=output_date(None),
                  revision_date=FIXED_DATE, fuzzy=False, charset="utf-8")
    cat.header_comment = ("# Interface strings of workshopkit: the fixed words its outputs "
                          "print.\n# Regenerate with: make po")
    found = extract_from_dir(PACKAGE, method_map=[("**.py", "workshopkit.i18n.catalogs:extract_ast")],
                             keywords=UI_KEYWORDS, comment_tags=("TRANSLATORS:",),
                             strip_comment_tags=True)
    for filename, line, message, comments, context in found:
        if not message or (isinstance(message, tuple) and not all(message)):
            continue
        where = ("workshopkit/" + filename.replace("\\", "/"), line)
        msg = cat.get(message, context)
        if msg is None:
            cat.add(message, locations=[where], auto_comments=comments, context=context)
        else:
            msg.locations.append(where)
            msg.auto_comments.extend(c for c in comments if c not in msg.auto_comments)
    return cat


def extract_ast(fileobj, keywords, comment_tags, options):
    """A Babel extraction method that reads the syntax tree, not the token stream.

    Babel's token-based extractor mistakes ``def ui(self, msgid)`` for a call
    and then loses the strings that follow; the tree has no such ambiguity.
    Yields (line, function, message, comments) for each keyword call whose
    first argument is a string literal; a ``# TRANSLATORS:`` comment on the
    lines just above becomes the entry's comment.
    """
    import ast

    source = fileobj.read().decode("utf-8")
    lines = source.splitlines()
    tags = tuple(comment_tags)
    calls = sorted((n for n in ast.walk(ast.parse(source)) if isinstance(n, ast.Call)),
                   key=lambda n: (n.lineno, n.col_offset))
    for node in calls:
        if not node.args:
            continue
        f = node.func
        name = f.id if isinstance(f, ast.Name) else f.attr if isinstance(f, ast.Attribute) else ""
        arg = node.args[0]
        if name not in keywords or not (isinstance(arg, ast.Constant)
                                        and isinstance(arg.value, str)):
            continue
        comments, i = [], node.lineno - 2
        while i >= 0 and lines[i].strip().startswith("#"):
            text = lines[i].strip().lstrip("#").strip()
            if text.startswith(tags):
                comments.insert(0, text)
            i -= 1
        values = tuple(a.value if isinstance(a, ast.Constant) and isinstance(a.value, str)
                       else None for a in node.args)
        yield node.lineno, name, values if UI_KEYWORDS.get(name) else arg.value, comments


def update_ui_catalogs(new: Iterable[str] = ()) -> list[Path]:
    """Re-extract the template; bring every interface catalogue up to date.

    ``new`` names languages to start (one new ``<lang>.po`` each).  Strings
    that changed are marked fuzzy; strings gone from the code are kept as
    obsolete (``#~``) entries.  Returns the files whose content changed.
    """
    template = extract_ui()
    files = ui_catalog_files()
    for lang in new:
        if not check_lang(lang):
            raise ValueError(f"'{lang}' is not a language tag (such as de, pt-BR)")
        files.setdefault(lang, UI_TEMPLATE.parent / f"{lang}.po")
    changed = []
    outputs = {UI_TEMPLATE: render(template)}
    for lang, path in files.items():
        if path.is_file():
            cat = read_catalog(path)
        else:
            cat = Catalog(locale=lang.replace("-", "_"), project="workshopkit", fuzzy=False,
                          charset="utf-8", revision_date=template.creation_date)
            cat.language_team = lang
            cat.header_comment = (f"# {lang} translation of the workshopkit interface.\n"
                                  "# Regenerate the template and update with: make po")
        if cat.locale_identifier is None:
            cat.locale = lang.replace("-", "_")
        _revive_obsolete(cat, template)
        cat.update(template, update_header_comment=False)
        cat.fuzzy = False
        cat.project, cat.version = template.project, template.version
        outputs[path] = render(cat)
    for path, data in outputs.items():
        if not path.is_file() or path.read_bytes() != data:
            write_file(path, data)
            changed.append(path)
    return changed


def _revive_obsolete(cat: Catalog, template: Catalog) -> None:
    """Bring back obsolete (``#~``) entries whose string is in the code again.

    Left in place, an entry both live and obsolete is defined twice and fails
    ``msgfmt --check``; brought back, its translation is used again.
    """
    for key, m in list(cat.obsolete.items()):
        if template.get(m.id, m.context) is not None:
            del cat.obsolete[key]
            if cat.get(m.id, m.context) is None:
                cat[m.id] = m


def untranslated_ui() -> dict[str, list[str]]:
    """Interface strings in the code with no (or only a fuzzy) translation, per catalogue."""
    wanted = [(m.id, m.context) for m in extract_ui() if m.id]
    out = {}
    for lang, path in ui_catalog_files().items():
        cat = read_catalog(path)
        out[lang] = [s for s, c in wanted if (m := cat.get(s, c)) is None or m.fuzzy
                     or not (all(m.string) if isinstance(m.string, tuple) else m.string)]
    return out


def main(argv: Optional[list[str]] = None) -> int:
    """``python -m workshopkit.i18n.catalogs [--new LANG]``: the ``make po`` step."""
    import argparse

    ap = argparse.ArgumentParser(prog="python -m workshopkit.i18n.catalogs",
                                 description="Re-extract interface strings into "
                                 "workshopkit/i18n/locale/workshopkit.pot and update every <lang>.po.")
    ap.add_argument("--new", action="append", default=[], metavar="LANG",
                    help="start a catalogue for a new language")
    args = ap.parse_args(argv)
    try:
        changed = update_ui_catalogs(args.new)
    except ValueError as exc:
        ap.error(str(exc))
    for path in changed:
        print(f"updated {display(path)}")
    missing = untranslated_ui()
    for lang, strings in sorted(missing.items()):
        if strings:
            print(f"{lang}.po: {len(strings)} string(s) to translate")
    return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
