"""Reading gettext catalogues (.po): plain entries, and a document's translations.

A curriculum or catalogue ``<stem>.yaml`` is translated by the ``<stem>.<lang>.po``
files beside it; :func:`translations` reads them into one
:class:`~workshopkit.model.text.Translations`, with located problems.
"""
from __future__ import annotations

import contextlib
import io
import re
from pathlib import Path
from typing import Optional

from workshopkit.errors import Pos, Problems
from workshopkit.model.text import PoEntry, Translations
from workshopkit.source.project import display
from workshopkit.source.spec import LANG_RE


def read_po(path: Path, display: str) -> list[tuple[Optional[str], str, str, bool, int]]:
    """Entries of a PO file as (msgctxt, msgid, msgstr, fuzzy, line)."""
    from babel.messages.pofile import read_po as _read

    with path.open("rb") as fh:
        catalog = _read(fh, abort_invalid=False)
    out = []
    for m in catalog:
        if not m.id or isinstance(m.id, tuple):
            continue
        msgstr = m.string if isinstance(m.string, str) else (m.string[0] if m.string else "")
        out.append((m.context, m.id, msgstr or "", m.fuzzy, getattr(m, "lineno", 0) or 0))
    return out


def translations(path: Path, langs: tuple[str, ...],
                 problems: Problems) -> tuple[Translations, list[Path]]:
    """The translations of document ``path`` (source language ``langs[0]``), and the files read."""
    owner = Translations(langs[0])
    files = []
    for po in sorted(path.parent.glob(f"{path.stem}.*.po")):
        lang = po.name[len(path.stem) + 1: -3]
        if not re.match(LANG_RE, lang) or lang == langs[0]:
            continue
        files.append(po)
        owner.files[lang] = po
        try:
            with contextlib.redirect_stdout(io.StringIO()) as said:  # babel prints warnings
                entries = read_po(po, display(po))
        except Exception as exc:  # babel raises several kinds on broken files
            problems.error(Pos(display(po), 1, 1), f"cannot read catalogue: {exc}")
            continue
        for m in re.finditer(r"^WARNING: Problem on line (\d+): (.*)$", said.getvalue(), re.M):
            problems.warning(Pos(display(po), int(m.group(1)), 1),
                             f"catalogue line not understood, ignored: {m.group(2)}")
        for ctx, msgid, msgstr, fuzzy, line in entries:
            owner.add(lang, ctx, msgid, PoEntry(msgstr, Pos(display(po), line, 1), fuzzy))
    return owner, files
