"""Build options shared by every writer (hashable, picklable, never the clock)."""
from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

FIXED_DATE = dt.datetime(2000, 1, 1, tzinfo=dt.timezone.utc)
"""The date outputs carry when neither SOURCE_DATE_EPOCH nor 'updated' is set."""


@dataclass(frozen=True)
class Options:
    date: dt.datetime = FIXED_DATE
    start: dt.time = dt.time(9, 0)
    paper: str = "letter"          # letter | a4
    ink: str = "normal"            # normal | low
    large_print: bool = False
    booklet: bool = False
    cards: str = "cut"             # video handout: cut (several per page) | page (one per page)
    anonymous: bool = False        # leave author names out of metadata, Name fields out of sheets
    theme: Optional[Path] = None
    template: Optional[Path] = None
    extra: tuple[tuple[str, str], ...] = field(default=())  # writer-specific settings

    def get(self, key: str, default: str = "") -> str:
        return dict(self.extra).get(key, default)


def output_date(updated: Optional[dt.date], environ=os.environ) -> dt.datetime:
    """SOURCE_DATE_EPOCH if set, else the curriculum's ``updated``, else a fixed date."""
    epoch = environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch:
        try:
            return dt.datetime.fromtimestamp(int(epoch), tz=dt.timezone.utc)
        except (ValueError, OverflowError, OSError):
            pass
    if updated is not None:
        return dt.datetime(updated.year, updated.month, updated.day, tzinfo=dt.timezone.utc)
    return FIXED_DATE
