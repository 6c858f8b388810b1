"""What a record builder works with: the record's typed fields and the document's context.

The converter fills a :class:`Fields` for each record it reads and hands it, with the
document's :class:`Context`, to the record's builder (:mod:`workshopkit.source.records`).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Optional, Protocol

from workshopkit.errors import Pos, Problems
from workshopkit.model.settings import ImageData
from workshopkit.model.text import Translations
from workshopkit.source.checks import IdAt
from workshopkit.source.nodes import Scalar


@dataclass
class Fields:
    """One record as read: its typed values, and where each of its keys and values stands.

    ``keys`` and ``at`` hold every key of the spec that the record wrote, ``values``
    only those whose value was valid.
    """

    pos: Pos
    named_by: Optional[Scalar] = None  # the mapping key naming the record (a video's id)
    values: dict[str, Any] = field(default_factory=dict)
    keys: dict[str, Pos] = field(default_factory=dict)  # key -> where the key is written
    at: dict[str, Pos] = field(default_factory=dict)    # key -> where its value starts

    def has(self, *names: str) -> bool:
        return all(n in self.values for n in names)

    def get(self, name: str, default: Any = None) -> Any:
        return self.values.get(name, default)

    def attrs(self, rename: Optional[dict[str, str]] = None, skip: tuple[str, ...] = ()) -> dict:
        """The values as model attributes: renamed where the model's name differs."""
        rename = rename or {}
        return {rename.get(k, k): v for k, v in self.values.items() if k not in skip}


class Files(Protocol):
    """The file checks some keys call for; the Workspace provides them."""

    def image(self, rel: str, pos: Pos) -> Optional[Path]:
        """The image file ``rel`` (relative to the document), checked; None when reported."""

    def project_file(self, key: str, rel: str, pos: Pos) -> Optional[Path]:
        """A file named in workshopkit.yaml (relative to the project); None when reported."""


class ThemeFiles(Protocol):
    """The files a theme names, relative to it, read and checked; theme.py provides them."""

    def logo(self, rel: str, pos: Pos) -> Optional[ImageData]:
        """The logo image; None when reported."""

    def font(self, rel: str, pos: Pos, role: str) -> Optional[str]:
        """The family name of the .ttf file for ``role`` (title, body); None when reported."""


@dataclass(frozen=True)
class Ref:
    """A reference to a video or catalogue id, checked once the document is read."""

    kind: str  # "video" | "catalog" | "row" (of catalogue ``within``) | "survey"
    id: str
    pos: Pos
    within: str = ""


@dataclass
class Found:
    """What converting a document found on the way, for the checks after it."""

    refs: list[Ref] = field(default_factory=list)
    activity_ids: list[IdAt] = field(default_factory=list)  # also of activities not built
    taken: list[Any] = field(default_factory=list)  # what each from: took (reuse.Taken)


@dataclass
class Context:
    """The document being converted."""

    problems: Problems
    languages: tuple[str, ...]
    owner: Translations
    path: Optional[Path]  # None: only report problems, build no document
    root: Optional[Path]  # the project folder
    files: Optional[Files | ThemeFiles]
    found: Found
    borrow: Any = None  # finds what a from: names (reuse.Borrower); None: from: is not read
