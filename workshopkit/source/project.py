"""The project folder: where curricula, catalogues and defaults live."""
from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

from workshopkit.errors import Pos

CONFIG_NAME = "workshopkit.yaml"
SURVEY_DIR = "survey"
SKIPPED_DIRS = ("catalog", SURVEY_DIR)
"""Folders of a project that hold no curricula: catalogues, surveys."""


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
    return _root_above(curriculum.resolve().parent)


def link_root(path: Path) -> Path:
    """The project folder of a file that is a symbolic link, found from where the link
    is (as :func:`find_root` finds it from where the link leads): the file it leads to
    must lie inside it."""
    return _root_above(Path(os.path.abspath(path)).parent)


def _root_above(start: Path) -> Path:
    """The nearest folder at or above ``start`` with workshopkit.yaml or curricula/, not
    past a git repository's root; ``start`` itself when there is none."""
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
    at: dict[str, Pos] = field(default_factory=dict)  # where theme and template are named


def find_sources(paths: list[Path]) -> list[Path]:
    """Curriculum files named or found (recursively) in folders, skipping catalog/ and survey/."""
    out: list[Path] = []
    for p in paths:
        if p.is_dir():
            for f in sorted(p.rglob("*")):
                if f.suffix in (".yaml", ".yml") and f.is_file() and not set(SKIPPED_DIRS) & \
                        set(f.relative_to(p).parts[:-1]) and f.name != CONFIG_NAME \
                        and not any(part.startswith(".") for part in f.relative_to(p).parts) \
                        and not is_survey(f):
                    out.append(f)
        elif not is_survey(p):
            out.append(p)
    return _unique(out)


def is_survey(path: Path) -> bool:
    """Whether ``path`` is a survey file: a YAML file in a folder named survey/."""
    return path.parent.name == SURVEY_DIR and path.suffix in (".yaml", ".yml")


def find_surveys(paths: list[Path]) -> list[Path]:
    """Survey files named, or found in survey/ folders (recursively) under folders."""
    out: list[Path] = []
    for p in paths:
        if p.is_dir():
            out += [f for f in sorted(p.rglob("*")) if is_survey(f) and f.is_file()
                    and "catalog" not in f.relative_to(p).parts[:-1]
                    and not any(part.startswith(".") for part in f.relative_to(p).parts)]
        elif is_survey(p):
            out.append(p)
    return _unique(out)


def _unique(out: list[Path]) -> list[Path]:
    seen, unique = set(), []
    for f in out:
        r = f.resolve()
        if r not in seen:
            seen.add(r)
            unique.append(f)
    return unique
