"""The project folder: where curricula, catalogues and defaults live."""
from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

from workshopkit.errors import Pos

CONFIG_NAME = "workshopkit.yaml"


def display(path: Path) -> str:
    """A path as the user should read it: relative to the working folder when inside it."""
    try:
        rel = os.path.relpath(path)
    except ValueError:  # another drive on Windows
        return str(path)
    return str(path) if rel.startswith("..") else rel


def find_root(curriculum: Path) -> Path:
    """The nearest folder at or above ``curriculum`` with workshopkit.yaml or curricula/.

    The search stops at the enclosing git repository's root; failing that, the
    curriculum's own folder is the project folder.
    """
    start = curriculum.resolve().parent
    for folder in (start, *start.parents):
        if (folder / CONFIG_NAME).is_file() or (folder / "curricula").is_dir():
            return folder
        if (folder / ".git").exists():
            break
    return start


@dataclass
class ProjectConfig:
    pos: Pos
    paper: str = "letter"
    start: dt.time = dt.time(9, 0)
    theme: Optional[Path] = None
    template: Optional[Path] = None
    anonymous: bool = False  # no Name fields, no author names (as --anonymous)
    review_after: int = 12   # months before a 'reviewed' date is reported as old
    keys: set[str] = field(default_factory=set)  # keys the author set


def find_sources(paths: list[Path]) -> list[Path]:
    """Curriculum files named or found (recursively) in folders, skipping catalog/."""
    out: list[Path] = []
    for p in paths:
        if p.is_dir():
            for f in sorted(p.rglob("*")):
                if f.suffix in (".yaml", ".yml") and f.is_file() and "catalog" not in \
                        f.relative_to(p).parts[:-1] and f.name != CONFIG_NAME \
                        and not any(part.startswith(".") for part in f.relative_to(p).parts):
                    out.append(f)
        else:
            out.append(p)
    seen, unique = set(), []
    for f in out:
        r = f.resolve()
        if r not in seen:
            seen.add(r)
            unique.append(f)
    return unique
