"""Build options shared by every writer (hashable, picklable, never the clock)."""
from __future__ import annotations

import datetime as dt
import os
import re
from dataclasses import dataclass
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
    delivery: Optional[str] = None  # in-person | online | hybrid; None: as the curriculum says

    @property
    def dated(self) -> bool:
        """Whether ``date`` says something (SOURCE_DATE_EPOCH or the file's ``updated``):
        the fixed stand-in date stays in file metadata and is never printed on a page."""
        return self.date != FIXED_DATE


def parse_clock(text: str) -> Optional[dt.time]:
    """'09:30' -> 09:30; None for anything that is not a time of day HH:MM."""
    m = re.match(r"^(\d{1,2}):(\d{2})$", text)
    if not m or int(m.group(1)) > 23 or int(m.group(2)) > 59:
        return None
    return dt.time(int(m.group(1)), int(m.group(2)))


FIRST_DATE = dt.date(1980, 1, 1)
LAST_DATE = dt.date(2107, 12, 31)
"""The dates an output can carry: a zip file (a .pptx, a kit) holds no other."""


def epoch_problem(environ=os.environ) -> Optional[str]:
    """Why SOURCE_DATE_EPOCH cannot be used (None: unset or usable)."""
    epoch = environ.get("SOURCE_DATE_EPOCH", "").strip()
    if not epoch:
        return None
    if not re.fullmatch(r"[0-9]{1,12}", epoch):
        return (f"SOURCE_DATE_EPOCH must be a whole number of seconds since 1970-01-01, "
                f"not '{epoch[:40]}'")
    date = dt.datetime.fromtimestamp(int(epoch), tz=dt.timezone.utc).date()
    if not FIRST_DATE <= date <= LAST_DATE:
        return (f"SOURCE_DATE_EPOCH={epoch} is {date}; outputs can carry dates from "
                f"{FIRST_DATE} to {LAST_DATE} (zip files hold no others)")
    return None


def output_date(updated: Optional[dt.date], environ=os.environ) -> dt.datetime:
    """SOURCE_DATE_EPOCH if set (and usable: see :func:`epoch_problem`), else the
    curriculum's ``updated``, else a fixed date."""
    epoch = environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch and epoch_problem(environ) is None:
        return dt.datetime.fromtimestamp(int(epoch), tz=dt.timezone.utc)
    if updated is not None:
        return dt.datetime(updated.year, updated.month, updated.day, tzinfo=dt.timezone.utc)
    return FIXED_DATE
