"""The translation workflow: gettext catalogues for curricula and catalogue files.

``export`` writes ``<stem>.<lang>.po`` (or a ``<stem>.pot`` template) beside
each curriculum and each catalogue file it references; ``status`` measures
how much of each document is translated and lists what is missing or stale.
Catalogues are read and written with Babel.  Entries are in document order,
keyed by msgctxt = the Text's path in the YAML and msgid = its source text.
The interface catalogues shipped in the package are kept by
:mod:`workshopkit.i18n.catalogs`.
"""
from __future__ import annotations

import difflib
import io
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Optional

from babel.messages.catalog import Catalog, Message
from babel.messages.pofile import read_po, write_po

from workshopkit.errors import Pos
from workshopkit.model.text import Text, Translations, iter_texts
from workshopkit.model import Catalog as DataCatalog, Curriculum
from workshopkit.model.options import output_date
from workshopkit.source.project import display
from workshopkit.source.spec import LANG_RE
from workshopkit.source.vocab import CATALOG_FIELDS

PLAIN_NOTE = "plain string in the YAML: the same in every language unless translated here"
YAML_NOTE = "the YAML file gives this translation; it wins over this catalogue"


# ---------------------------------------------------------------- documents

@dataclass
class Document:
    """A curriculum or a catalogue file, seen as a list of translatable Texts."""

    kind: str  # "curriculum" | "catalogue"
    id: str
    path: Path
    translations: Translations
    texts: list[Text]
    languages: tuple[str, ...]  # every language it is built in, the source first
    updated: object = None
    version: Optional[str] = None

    @property
    def source_lang(self) -> str:
        return self.translations.source_lang

    def context(self, text: Text) -> str:
        """The msgctxt: the Text's path inside the document, built from ids."""
        return text.path

    def po_path(self, lang: str) -> Path:
        return self.path.with_name(f"{self.path.stem}.{lang}.po")

    def pot_path(self) -> Path:
        return self.path.with_name(f"{self.path.stem}.pot")


def _in_order(obj) -> list[Text]:
    return sorted(iter_texts(obj), key=lambda t: (t.pos.line, t.pos.col))


def documents(curricula: Iterable[Curriculum]) -> list[Document]:
    """Each curriculum, then each catalogue file they reference (once)."""
    docs: list[Document] = []
    cats: dict[Path, tuple[DataCatalog, list[str]]] = {}
    for cur in curricula:
        docs.append(Document("curriculum", cur.id, cur.path, cur.translations, _in_order(cur),
                             cur.all_languages, cur.updated, cur.version))
        for cat in cur.catalogs.values():
            langs = cats.setdefault(cat.path, (cat, []))[1]
            langs.extend(l for l in cur.all_languages if l not in langs)
    for path, (cat, langs) in sorted(cats.items()):
        own = (*cat.languages, *cat.translations.languages())
        extra = sorted({l for l in (*own, *langs) if l not in cat.languages})
        docs.append(Document("catalogue", cat.id, path, cat.translations, _in_order(cat),
                             cat.languages + tuple(extra)))
    return docs


def check_lang(tag: str) -> bool:
    return bool(re.match(LANG_RE, tag))


# ---------------------------------------------------------------- where a text appears

_ID_AFTER = {"sessions", "activities", "videos"}
_ROW_FIELDS = {*CATALOG_FIELDS, "id"}

_WHERE = {
    # curriculum
    "title": "workshop title (every output)",
    "summary": "workshop summary (guide, deck title slide)",
    "audience": "audience (facilitator guide)",
    "objectives": "learning objective",
    "materials": "material to prepare (facilitator guide)",
    "wellbeing": "wellbeing note (facilitator only)",
    "opsec": "security note (facilitator only)",
    "authors.name": "author name (credits)",
    "authors.org": "author organisation (credits)",
    "glossary.term": "glossary term",
    "glossary.definition": "glossary definition",
    "resources.title": "resource title (resource list)",
    "resources.summary": "resource summary (resource list)",
    "videos.title": "video title (slides, video handout)",
    "videos.summary": "video summary (video handout)",
    "sessions.title": "session title",
    "sessions.summary": "session summary",
    "sessions.notes": "facilitator note on a session (facilitator only)",
    "activities.title": "activity title",
    "activities.summary": "activity summary",
    "activities.materials": "activity material (facilitator guide)",
    "activities.steps": "activity step (facilitator only)",
    "activities.notes": "facilitator note (facilitator only)",
    "slides.title": "slide title",
    "slides.notes": "speaker notes of a slide (facilitator only)",
    "slides.bullets": "slide bullet",
    "slides.columns": "slide bullet in a column",
    "quote.text": "quotation on a slide",
    "quote.source": "source of a quotation on a slide",
    "slides.table.columns": "table heading on a slide",
    "slides.table.rows": "table cell on a slide",
    "image.alt": "image description (alt text)",
    "image.credit": "image credit (credits page)",
    "image.license": "image licence (credits page)",
    "worksheet.prompt": "worksheet prompt",
    "worksheet.checklist": "worksheet checklist item",
    "worksheet.text": "worksheet text",
    "choice.prompt": "worksheet question (multiple choice)",
    "choice.options": "worksheet answer option",
    "worksheet.table.columns": "table heading on a worksheet",
    "worksheet.table.rows": "table cell on a worksheet",
    "risk_matrix.threats": "threat in a worksheet risk matrix",
    "case_study.title": "case study title (worksheet)",
    "case_study.story": "case study story (worksheet)",
    "case_study.questions": "case study question (worksheet)",
    # catalogue files
    "rows.need": "comparison table: need",
    "rows.free": "comparison table: free tool",
    "rows.hosted_by": "comparison table: who hosts it",
    "rows.free_license": "comparison table: licence of the free tool",
    "rows.commercial": "comparison table: commercial tool",
    "rows.commercial_license": "comparison table: licence of the commercial tool",
    "rows.notes": "comparison table: notes",
}


def describe(context: str, kind: str = "curriculum") -> str:
    """Where the Text at ``context`` appears, in words a translator understands."""
    if kind == "catalogue" and context == "title":
        return "comparison table title"
    parts = context.split(".")
    keys, skip = [], False
    for i, part in enumerate(parts):
        if skip:
            skip = False
            continue
        keys.append(part)
        nxt = parts[i + 1] if i + 1 < len(parts) else None
        if part in _ID_AFTER or (part == "rows" and nxt is not None and nxt not in _ROW_FIELDS):
            skip = nxt is not None and i + 2 < len(parts)
    for n in range(min(3, len(keys)), 0, -1):
        where = _WHERE.get(".".join(keys[-n:]))
        if where:
            return where
    return "text"


# ---------------------------------------------------------------- export

def _new_catalog(doc: Document, lang: Optional[str], old: Optional[Catalog]) -> Catalog:
    date = output_date(doc.updated)
    cat = Catalog(locale=lang.replace("-", "_") if lang else None, project=doc.id,
                  version=doc.version or "unversioned", creation_date=date,
                  revision_date=date, fuzzy=False, charset="utf-8", msgid_bugs_address="")
    what = "curriculum" if doc.kind == "curriculum" else "catalogue file"
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


def _write(path: Path, data: bytes) -> None:
    """Write beside ``path`` and rename into place: never a half-written catalogue."""
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_bytes(data)
    os.replace(tmp, path)


def render(cat: Catalog) -> bytes:
    buf = io.BytesIO()
    write_po(buf, cat, width=76, include_previous=True, ignore_obsolete=False)
    return buf.getvalue()


def read_catalog(path: Path) -> Catalog:
    """A PO file as a Babel catalogue, ``#| msgid`` previous texts restored."""
    with path.open("rb") as fh:
        cat = read_po(fh, abort_invalid=True)
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
            if lang is not None and path.is_file():
                try:
                    old = read_catalog(path)
                except Exception as exc:  # babel raises several kinds on broken files
                    if problems is not None:
                        problems.error(Pos(display(path), 1, 1), f"cannot read catalogue: {exc}")
                    continue
            data = render(build_catalog(doc, lang, old))
            if not path.is_file() or path.read_bytes() != data:
                _write(path, data)
                written.append(path)
    return written


# ---------------------------------------------------------------- status

@dataclass
class Finding:
    pos: Pos
    kind: str  # missing | stale | fuzzy
    message: str

    def __str__(self) -> str:
        return f"{self.pos}: {self.kind}: {self.message}"


@dataclass
class Status:
    doc: Document
    lang: str
    translated: int = 0
    total: int = 0
    findings: list[Finding] = field(default_factory=list)

    @property
    def percent(self) -> int:
        """Whole percent, rounded down: 99.6 % is not shown as complete."""
        return 100 if not self.total else self.translated * 100 // self.total

    def summary(self) -> str:
        return (f"{display(self.doc.path)}: {self.lang}: {self.percent}% translated "
                f"({self.translated} of {self.total})")


def status(docs: list[Document], langs: Optional[list[str]] = None) -> list[Status]:
    """Each document × language: how much is translated; what is missing or stale.

    Texts written as mappings count; plain strings do not (they read the same
    in every language).  A stale catalogue entry (its msgid is no longer the
    source text) and a fuzzy one are listed with their place in the .po file.
    """
    out = []
    for doc in docs:
        wanted = langs if langs else list(doc.languages)
        owner = doc.translations
        for lang in wanted:
            if lang == doc.source_lang:
                continue
            st = Status(doc, lang)
            for t in doc.texts:
                ctx = doc.context(t)
                for e in owner.stale(lang, t.path, t.source):
                    st.findings.append(Finding(e.pos, "stale", f"{lang}: {ctx}: the source "
                                               f"text changed (now at {t.pos}); not used"))
                if t.plain is not None:
                    continue
                st.total += 1
                if not t.resolve(lang)[1]:
                    st.translated += 1
                    continue
                fuzzy = [e for m, e in owner.context_msgids.get(lang, {}).get(t.path, [])
                         if m == t.source and e.fuzzy and e.msgstr]
                if fuzzy:
                    st.findings.append(Finding(fuzzy[0].pos, "fuzzy", f"{lang}: {ctx}: "
                                               "needs review (fuzzy entries are not used)"))
                else:
                    st.findings.append(Finding(t.pos, "missing", f"{lang}: {ctx}"))
            st.findings.sort(key=lambda f: (f.pos.file, f.pos.line, f.pos.col))
            out.append(st)
    return out
