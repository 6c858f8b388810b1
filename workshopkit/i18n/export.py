"""``translate export``: write the catalogues of documents beside their YAML files.

Each document gets ``<stem>.<lang>.po`` per language (never for its source
language) and, on request, a ``<stem>.pot`` template; an existing catalogue is
merged (:func:`workshopkit.i18n.po_catalog.build_catalog`) and a file is only
rewritten when its content changes.
"""
from __future__ import annotations

from pathlib import Path
from typing import Optional

from workshopkit.errors import Pos, WorkshopkitError
from workshopkit.i18n.documents import Document
from workshopkit.i18n.po_catalog import build_catalog, read_catalog, render, write_file
from workshopkit.source.project import display


def export(docs: list[Document], langs: list[str], pot: bool = False,
           problems=None) -> list[Path]:
    """Write the catalogues of ``docs``; return the files whose content changed."""
    written = []
    for doc in docs:
        jobs: list[tuple[Optional[str], Path]] = [(None, doc.pot_path())] if pot else []
        for lang in langs:
            if lang == doc.source_lang:
                if problems is not None:
                    problems.note(Pos(display(doc.path)), f"'{lang}' is the source language "
                                  f"of {doc.path.name}; no catalogue written for it")
                continue
            jobs.append((lang, doc.po_path(lang)))
        for lang, path in jobs:
            old = None
            if lang is not None and (path.exists() or path.is_symlink()):
                try:
                    old = read_catalog(path, doc.path.parent)
                except WorkshopkitError as exc:  # outside the project, not a file, too large
                    if problems is not None:
                        problems.extend(exc.diagnostics)
                    continue
                except Exception as exc:  # babel raises several kinds on broken files
                    if problems is not None:
                        problems.error(Pos(display(path), 1, 1), f"cannot read catalogue: {exc}")
                    continue
            data = render(build_catalog(doc, lang, old))
            if not path.is_file() or path.read_bytes() != data:
                write_file(path, data)
                written.append(path)
    return written
