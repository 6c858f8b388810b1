"""Text: every human-readable value of a curriculum, and how it resolves per language.

One resolver decides what a Text says in a language: the YAML mapping first, then
the ``<stem>.<lang>.po`` catalogue beside the curriculum (by msgctxt and msgid,
then by msgid alone), then the source-language string, recorded as a gap.

Creating a Text changes nothing else: loading registers the source texts of a
finished document into its :class:`Translations` (:func:`register_sources`),
which is what stale catalogue entries are judged against.
"""
from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator, Optional

from workshopkit.errors import Pos

XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
"""Characters no XML 1.0 document (and so no .pptx) can hold; PDFs take the same rule."""


def xml_safe(s: str) -> str:
    """``s`` without the characters XML cannot hold.

    Loading rejects them with a location; every writer still passes what it writes
    through this one function, so that none can reach a file.
    """
    return XML_ILLEGAL.sub("", s) if XML_ILLEGAL.search(s) else s


def illegal_char(s: str) -> Optional[str]:
    """The first character of ``s`` that no document can hold, written "U+" and four hex
    digits (None when there is none)."""
    m = XML_ILLEGAL.search(s)
    return f"U+{ord(m.group()):04X}" if m else None


@dataclass(frozen=True)
class PoEntry:
    msgstr: str
    pos: Pos  # where it stands in the .po file
    fuzzy: bool = False


@dataclass
class Translations:
    """Catalogue entries for one document (curriculum or catalogue), per language."""

    source_lang: str
    by_context: dict[str, dict[tuple[str, str], PoEntry]] = field(default_factory=dict)
    by_msgid: dict[str, dict[str, PoEntry]] = field(default_factory=dict)
    context_msgids: dict[str, dict[str, list[tuple[str, PoEntry]]]] = field(default_factory=dict)
    files: dict[str, Path] = field(default_factory=dict)
    sources: dict[str, list[str]] = field(default_factory=dict)  # context -> current source texts

    def languages(self) -> list[str]:
        return sorted(self.files)

    def add(self, lang: str, context: Optional[str], msgid: str, entry: PoEntry) -> None:
        if context:
            self.context_msgids.setdefault(lang, {}).setdefault(context, []).append((msgid, entry))
        if entry.fuzzy or not entry.msgstr:
            return
        if context:
            self.by_context.setdefault(lang, {})[(context, msgid)] = entry
        self.by_msgid.setdefault(lang, {}).setdefault(msgid, entry)

    def register(self, context: str, source: str) -> None:
        """Record that a Text at ``context`` currently says ``source``."""
        known = self.sources.setdefault(context, [])
        if source not in known:
            known.append(source)

    def lookup(self, lang: str, context: str, msgid: str) -> Optional[str]:
        hit = self.by_context.get(lang, {}).get((context, msgid))
        if hit is None:
            hit = self.by_msgid.get(lang, {}).get(msgid)
        return hit.msgstr if hit else None

    def stale(self, lang: str, context: str, msgid: str) -> list[PoEntry]:
        """Translated entries for this context whose msgid is no current source text.

        Several Texts share a context (the bullets of one slide), so an entry
        is stale only when its msgid matches none of them; it is returned for
        the first of them only, so each stale entry is reported once.
        """
        current = self.sources.get(context) or [msgid]
        if current[0] != msgid:
            return []
        return [e for m, e in self.context_msgids.get(lang, {}).get(context, [])
                if m not in current and e.msgstr and not e.fuzzy]


@dataclass(eq=False)
class Text:
    """A human-readable value: a plain string, or a mapping language -> string."""

    path: str  # the msgctxt: the Text's path in the YAML, built from ids
    pos: Pos
    owner: Translations
    plain: Optional[str] = None
    values: dict[str, str] = field(default_factory=dict)
    value_pos: dict[str, Pos] = field(default_factory=dict)

    @property
    def source(self) -> str:
        if self.plain is not None:
            return self.plain
        return self.values[self.owner.source_lang]

    def get(self, lang: str) -> str:
        return self.resolve(lang)[0]

    def resolve(self, lang: str) -> tuple[str, bool]:
        """Return (string, is_gap) for ``lang``."""
        if self.plain is not None:
            if lang == self.owner.source_lang:
                return self.plain, False
            return self.owner.lookup(lang, self.path, self.plain) or self.plain, False
        if lang in self.values:
            return self.values[lang], False
        source = self.values[self.owner.source_lang]
        found = self.owner.lookup(lang, self.path, source)
        if found is not None:
            return found, False
        return source, True

    def __str__(self) -> str:  # pragma: no cover - debugging aid
        return self.source


def iter_texts(obj) -> Iterator[Text]:
    """Every Text inside a model object, in document order."""
    found: list[Text] = []
    _collect(obj, found)
    return iter(found)


_SKIP = frozenset(("translations", "catalogs", "surveys", "owner", "sources"))
"""Fields that hold other documents or the catalogues, not this document's texts."""
_LEAF, _TEXT, _FIELDS, _ITEMS, _VALUES = range(5)
_SHAPES: dict[type, tuple[int, tuple[str, ...]]] = {}
"""What each class holds, worked out once per class: loading walks the model several
times, and a build of hundreds of activities calls this for every value."""


def _shape(cls: type) -> tuple[int, tuple[str, ...]]:
    if issubclass(cls, Text):
        shape = (_TEXT, ())
    elif dataclasses.is_dataclass(cls):
        shape = (_FIELDS, tuple(f.name for f in dataclasses.fields(cls) if f.name not in _SKIP))
    elif issubclass(cls, (list, tuple)):
        shape = (_ITEMS, ())
    elif issubclass(cls, dict):
        shape = (_VALUES, ())
    else:
        shape = (_LEAF, ())
    _SHAPES[cls] = shape
    return shape


def _collect(obj, found: list[Text]) -> None:
    cls = type(obj)
    kind, names = _SHAPES.get(cls) or _shape(cls)
    if kind == _LEAF:
        return
    if kind == _TEXT:
        found.append(obj)
    elif kind == _FIELDS:
        for name in names:
            _collect(getattr(obj, name), found)
    elif kind == _ITEMS:
        for x in obj:
            _collect(x, found)
    else:
        for x in obj.values():
            _collect(x, found)


def register_sources(doc) -> None:
    """Record what every Text of ``doc`` says in its owner's source language.

    Texts that share a context (the bullets of one slide) are siblings in one list, so
    they are registered in the order they are written, the order :meth:`Translations.stale`
    relies on.
    """
    for t in iter_texts(doc):
        if t.plain is not None or t.owner.source_lang in t.values:
            t.owner.register(t.path, t.source)


@dataclass(frozen=True)
class Gap:
    pos: Pos
    path: str
    lang: str


def gaps(doc, lang: str, owner: Optional[Translations] = None) -> list[Gap]:
    """Texts of ``doc`` (those ``owner`` translates, when given) that fall back to the
    source language in ``lang``."""
    out = []
    for t in iter_texts(doc):
        if (owner is None or t.owner is owner) and t.resolve(lang)[1]:
            out.append(Gap(t.pos, t.path, lang))
    return out


class Languages:
    """The languages of a document (curriculum or survey) with ``languages`` (declared,
    the first the source language) and ``translations`` (its PO catalogues)."""

    languages: tuple[str, ...]
    translations: Translations

    @property
    def source_lang(self) -> str:
        return self.languages[0]

    @property
    def all_languages(self) -> tuple[str, ...]:
        """Declared languages, then those added by translation catalogues."""
        extra = tuple(sorted(l for l in self.translations.languages() if l not in self.languages))
        return self.languages + extra
