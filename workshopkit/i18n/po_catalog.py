"""PO catalogues of a document: build and merge, read, render and write.

``build_catalog`` makes the catalogue of a :class:`~workshopkit.i18n.documents.Document`
for one language (or its template), in document order, keyed by msgctxt =
the Text's path in the YAML and msgid = its source text, and merges it with
the previous catalogue: kept translations, fuzzy entries (with the previous
msgid) for changed source texts, obsolete entries kept and revived when their
text is back.  Catalogues are read and written with Babel; ``write_file``
replaces a file atomically.  The interface catalogues (:mod:`workshopkit.i18n.catalogs`)
use the same reading and writing.
"""
from __future__ import annotations

import difflib
import io
import os
import re
from pathlib import Path
from typing import Optional

from babel.messages.catalog import Catalog, Message
from babel.messages.pofile import read_po, write_po

from workshopkit.i18n.documents import Document, describe
from workshopkit.model.options import output_date
from workshopkit.source.spec import LANG_RE

PLAIN_NOTE = "plain string in the YAML: the same in every language unless translated here"
YAML_NOTE = "the YAML file gives this translation; it wins over this catalogue"


def check_lang(tag: str) -> bool:
    """Whether ``tag`` is a language tag a catalogue can be written for (such as pt-BR)."""
    return bool(re.match(LANG_RE, tag))


# ---------------------------------------------------------------- build and merge

def _new_catalog(doc: Document, lang: Optional[str], old: Optional[Catalog]) -> Catalog:
    date = output_date(doc.updated)
    cat = Catalog(locale=lang.replace("-", "_") if lang else None, project=doc.id,
                  version=doc.version or "unversioned", creation_date=date,
                  revision_date=date, fuzzy=False, charset="utf-8", msgid_bugs_address="")
    what = {"curriculum": "curriculum", "survey": "survey"}.get(doc.kind, "catalogue file")
    cat.header_comment = (f"# Translations of the {what} {doc.path.name} ({doc.id}).\n"
                          f"# Source language: {doc.source_lang}. msgctxt is the text's "
                          "place in the YAML;\n# msgid is the source text. "
                          "Made by: workshopkit translate export.")
    if old is not None:
        cat.header_comment = old.header_comment
        cat.last_translator = old.last_translator
        cat.language_team = old.language_team
        cat.revision_date = old.revision_date
    elif lang:
        cat.language_team = f"{lang}"
    return cat


def build_catalog(doc: Document, lang: Optional[str], old: Optional[Catalog] = None) -> Catalog:
    """The catalogue of ``doc`` for ``lang`` (None: the template), merged with ``old``."""
    cat = _new_catalog(doc, lang, old)
    olds: dict[tuple[Optional[str], str], Message] = {}
    dead: dict[tuple[Optional[str], str], Message] = {}
    if old is not None:
        for m in old:
            if m.id and not isinstance(m.id, tuple):
                olds.setdefault((m.context, m.id), m)
        for m in old.obsolete.values():
            if m.id and not isinstance(m.id, tuple):
                dead.setdefault((m.context, m.id), m)
    used: set = set()
    pending: list[Message] = []
    ref = doc.path.name
    for t in doc.texts:
        ctx, src = doc.context(t), t.source
        msg = cat.get(src, ctx)
        if msg is not None:  # the same text twice in one place (two equal bullets)
            if (ref, t.pos.line) not in msg.locations:
                msg.locations.append((ref, t.pos.line))
            continue
        yaml = t.values.get(lang) if lang and t.plain is None else None
        notes = [describe(ctx, doc.kind)]
        if t.plain is not None:
            notes.append(PLAIN_NOTE)
        if yaml and lang != doc.source_lang:
            notes.append(YAML_NOTE)
        msg = cat.add(src, yaml or "", locations=[(ref, t.pos.line)], auto_comments=notes,
                      context=ctx)
        if lang is None:
            continue
        key = (ctx, src)
        prev = olds.get(key) or dead.get(key)
        if prev is None and (None, src) in olds and olds[(None, src)].string:
            key = (None, src)  # an entry without msgctxt translates this msgid everywhere
            prev = olds[key]
        if prev is not None:
            used.add(key)
            msg.user_comments = list(prev.user_comments)
            if not yaml:
                msg.string = prev.string
                if prev.fuzzy:
                    msg.flags.add("fuzzy")
                    msg.previous_id = list(prev.previous_id)
        elif not yaml:
            pending.append(msg)
    if lang is None:
        return cat
    _match_changed(pending, olds, used)
    for key, m in list(olds.items()) + list(dead.items()):
        if key not in used and m.string and cat.get(m.id, m.context) is None:
            used.add(key)
            cat.obsolete[(m.id, m.context) if m.context else m.id] = m
    return cat


def _match_changed(pending: list[Message], olds: dict, used: set) -> None:
    """Give a new entry the translation of the old entry its source text replaced.

    An old translated entry in the same msgctxt whose msgid is no longer
    current becomes the new entry's translation, marked fuzzy with the old
    msgid kept as ``#| msgid``: a translator checks it; until then it is
    not used.
    """
    for msg in pending:
        free = [(k, m) for k, m in olds.items()
                if k not in used and m.string and k[0] == msg.context]
        if not free:
            continue
        ratios = [difflib.SequenceMatcher(None, msg.id, m.id).ratio() for _, m in free]
        key, m = free[ratios.index(max(ratios))]
        used.add(key)
        msg.string = m.string
        msg.flags.add("fuzzy")
        msg.previous_id = [m.id]
        msg.user_comments = list(m.user_comments)


# ---------------------------------------------------------------- read and write

def write_file(path: Path, data: bytes) -> None:
    """Write beside ``path`` and rename into place: never a half-written catalogue."""
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_bytes(data)
    os.replace(tmp, path)


def render(cat: Catalog) -> bytes:
    """The PO file of ``cat``: previous msgids (``#|``) and obsolete entries (``#~``) kept."""
    buf = io.BytesIO()
    write_po(buf, cat, width=76, include_previous=True, ignore_obsolete=False)
    return buf.getvalue()


def read_catalog(path: Path, root: Optional[Path] = None) -> Catalog:
    """A PO file as a Babel catalogue, ``#| msgid`` previous texts restored.

    Read as :mod:`workshopkit.source.po` reads it: a regular file within its cap (inside
    ``root`` when given), its Plural-Forms checked first."""
    from workshopkit.errors import Pos
    from workshopkit.source.files import MAX_PO_BYTES, read_bounded
    from workshopkit.source.po import glued
    from workshopkit.source.po_plural import check_header

    data = read_bounded(path, MAX_PO_BYTES, Pos(str(path), 1, 1), "catalogue", root)
    check_header(data, str(path))
    cat = read_po(io.BytesIO(glued(data)), abort_invalid=True)
    for m in (*cat, *cat.obsolete.values()):
        _restore_previous(m)
    return cat


def _restore_previous(m: Message) -> None:
    """Babel reads ``#| msgid "…"`` lines as translator comments; make them previous_id."""
    from babel.messages.pofile import denormalize

    lines = [c[1:].strip() for c in m.user_comments if c.startswith("|")]
    if not lines:
        return
    m.user_comments = [c for c in m.user_comments if not c.startswith("|")]
    parts: dict[str, list[str]] = {}
    key = None
    for line in lines:
        word, _, rest = line.partition(" ")
        if word in ("msgctxt", "msgid", "msgid_plural"):
            key, line = word, rest.strip()
        if key and line.startswith('"'):
            parts.setdefault(key, []).append(line)
    ids = [denormalize("\n".join(parts[k])) for k in ("msgid", "msgid_plural") if k in parts]
    if ids:
        m.previous_id = ids
