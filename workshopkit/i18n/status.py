"""``translate status``: how much of each document is translated, and what is not.

Measured on the loaded model (the YAML's own translations and the catalogues
read at load time), per document and language: a percentage, and findings
(missing, stale and fuzzy entries) located in the YAML or the .po file.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

from workshopkit.errors import Pos
from workshopkit.i18n.documents import Document
from workshopkit.source.project import display


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
    source text) and a fuzzy one are listed with their place in the .po file.  Texts a
    curriculum takes from others with from: count too, and are reported where they can
    be translated: in their own curriculum's file (and its .po files).
    """
    out = []
    for doc in docs:
        wanted = langs if langs else list(doc.languages)
        for lang in wanted:
            if lang == doc.source_lang:
                continue
            st = Status(doc, lang)
            for t in (*doc.texts, *doc.borrowed):
                ctx = doc.context(t)
                owner = t.owner  # a text taken with from: is translated in its own curriculum
                taken = owner is not doc.translations
                for e in [] if taken else owner.stale(lang, t.path, t.source):
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
                    st.findings.append(Finding(t.pos, "missing", f"{lang}: {ctx}" + (
                        " (taken with from:: translate it in that file or its .po catalogues)" if taken else "")))
            st.findings.sort(key=lambda f: (f.pos.file, f.pos.line, f.pos.col))
            out.append(st)
    return out


def translated_percent(cur, lang: str) -> int:
    """Whole percent of a curriculum (and the catalogue files it uses) translated into
    ``lang``, rounded down; 100 for its source language or when nothing needs it."""
    from workshopkit.i18n.documents import documents

    done = total = 0
    for st in status(documents([cur]), [lang]):
        done, total = done + st.translated, total + st.total
    return 100 if not total else done * 100 // total
