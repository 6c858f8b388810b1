"""Catalogues in the model: the shared comparison data of curricula/catalog/ and its rows."""
from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

from workshopkit.errors import Pos
from workshopkit.model.text import Text, Translations


@dataclass
class ComparisonRow:
    pos: Pos
    need: Text
    free: Text
    id: Optional[str] = None
    hosted_by: Optional[Text] = None
    free_license: Optional[Text] = None
    commercial: Optional[Text] = None
    commercial_license: Optional[Text] = None
    notes: Optional[Text] = None
    reviewed: Optional[_dt.date] = None
    reviewed_at: Optional[Pos] = None  # where 'reviewed' stands


@dataclass
class Catalog:
    """A shared data file from curricula/catalog/ (the free-software comparison)."""

    pos: Pos
    id: str
    path: Path
    languages: tuple[str, ...]
    translations: Translations
    rows: list[ComparisonRow]
    title: Optional[Text] = None
    inputs: tuple[Path, ...] = ()
