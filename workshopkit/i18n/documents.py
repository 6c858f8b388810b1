"""The documents a translator works on: curricula and catalogue files as lists of Texts.

``documents`` turns loaded curricula into :class:`Document` objects (each
curriculum, then each catalogue file they reference, once), with their Texts
in document order; ``describe`` says where a Text appears, in words a
translator understands (the ``#.`` comment of its catalogue entry).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Optional

from workshopkit.model.text import Text, Translations, iter_texts
from workshopkit.model import Catalog as DataCatalog, Curriculum
from workshopkit.source.vocab import CATALOG_FIELDS


# ---------------------------------------------------------------- documents

@dataclass
class Document:
    """A curriculum or a catalogue file, seen as a list of translatable Texts."""

    kind: str  # "curriculum" | "catalogue" | "survey"
    id: str
    path: Path
    translations: Translations
    texts: list[Text]
    languages: tuple[str, ...]  # every language it is built in, the source first
    updated: object = None
    version: Optional[str] = None
    borrowed: list[Text] = field(default_factory=list)
    """Texts taken with from: from other curricula: translated there, never exported here."""

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
    """Each curriculum, then each catalogue file and survey they reference or that was
    loaded (once)."""
    docs: list[Document] = []
    cats: dict[Path, tuple[DataCatalog, list[str]]] = {}
    surveys: dict[Path, tuple] = {}  # path -> (survey, languages of curricula showing it)
    for cur in curricula:
        if getattr(cur, "document", "curriculum") == "survey":
            surveys.setdefault(cur.path.resolve(), (cur, []))
            continue
        for sv in cur.surveys.values():
            langs = surveys.setdefault(sv.path.resolve(), (sv, []))[1]
            langs.extend(l for l in cur.all_languages if l not in langs)
        texts = _in_order(cur)
        own = [t for t in texts if t.owner is cur.translations]
        taken = sorted((t for t in texts if t.owner is not cur.translations),
                       key=lambda t: (t.pos.file, t.pos.line, t.pos.col))
        docs.append(Document("curriculum", cur.id, cur.path, cur.translations, own,
                             cur.all_languages, cur.updated, cur.version, taken))
        for cat in cur.catalogs.values():
            langs = cats.setdefault(cat.path, (cat, []))[1]
            langs.extend(l for l in cur.all_languages if l not in langs)
    for path, (cat, langs) in sorted(cats.items()):
        own = (*cat.languages, *cat.translations.languages())
        extra = sorted({l for l in (*own, *langs) if l not in cat.languages})
        docs.append(Document("catalogue", cat.id, path, cat.translations, _in_order(cat),
                             cat.languages + tuple(extra)))
    for _path, (sv, langs) in sorted(surveys.items(), key=lambda kv: str(kv[0])):
        extra = tuple(sorted(l for l in langs if l not in sv.all_languages))
        docs.append(Document("survey", sv.id, sv.path, sv.translations, _in_order(sv),
                             sv.all_languages + extra))
    return docs


# ---------------------------------------------------------------- where a text appears

_ID_AFTER = {"sessions", "activities", "videos", "questions", "options"}
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
    # surveys
    "intro": "survey introduction (top of the form)",
    "questions.ask": "survey question",
    "options.text": "survey answer option",
    "scale.low": "survey scale: words at the low end",
    "scale.high": "survey scale: words at the high end",
}


def describe(context: str, kind: str = "curriculum") -> str:
    """Where the Text at ``context`` appears, in words a translator understands."""
    if kind == "catalogue" and context == "title":
        return "comparison table title"
    if kind == "survey" and context == "title":
        return "survey title (form and reports)"
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

