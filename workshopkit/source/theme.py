"""Deck themes: colours, fonts and a logo, read from a ``theme.yaml``.

A theme is found, in order: ``options.theme`` (``--theme`` or the project's
``workshopkit.yaml`` ``theme:``), then ``theme.yaml`` beside the project's
``workshopkit.yaml``, then the built-in default (dark text on a light
background, which projects and prints well).  A theme file is converted by the
spec's ``theme`` record (:mod:`workshopkit.source.spec`), as curricula are by
theirs: every problem is reported with its line and column, all at once.
Loading reads the logo and the font files too, so that a theme that loads can
always be drawn.
"""
from __future__ import annotations

import io
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Optional

from workshopkit.errors import Diagnostic, ERROR, Pos, Problems, WorkshopkitError
from workshopkit.model.settings import ImageData, Theme
from workshopkit.model.text import Translations
from workshopkit.source import readers
from workshopkit.source.convert import Converter
from workshopkit.source.files import check_file, inside
from workshopkit.source.fonts import FAMILY
from workshopkit.source.nodes import Mapping, Scalar, load_file
from workshopkit.source.project import display
from workshopkit.source.spec import THEME_COLOURS

__all__ = ["COLOURS", "DEFAULT", "Theme", "ThemeSource", "find", "load", "read", "files"]

COLOURS = THEME_COLOURS
"""Colour roles a theme may set (six hex digits, '#' optional)."""

MAX_LOGO_BYTES = 2 * 1024 * 1024
MAX_FONT_BYTES = 32 * 1024 * 1024

DEFAULT = Theme(title_font=FAMILY, body_font=FAMILY)


@dataclass(frozen=True)
class ThemeSource:
    """A loaded theme with what it read besides itself."""

    theme: Theme
    fonts: tuple[tuple[str, bytes], ...] = ()  # style -> TTF measuring deck text
    files: tuple[Path, ...] = ()               # its logo and font files


def find(project: Optional[Path], given: Optional[Path]) -> Optional[Path]:
    """The theme file to use, or None for the default theme."""
    if given is not None:
        return Path(given)
    if project is not None:
        for name in ("theme.yaml", "theme.yml"):
            cand = Path(project) / name
            if cand.exists() or cand.is_symlink():  # checked when read: a regular file inside
                return cand
    return None


def load(path: Optional[Path]) -> Theme:
    """Read and check a theme file; raise WorkshopkitError listing every problem."""
    return read(path).theme


def files(path: Optional[Path], project: Optional[Path] = None) -> list[Path]:
    """The files a theme file refers to (logo, fonts); none when it does not load."""
    try:
        return list(read(path, project).files)
    except WorkshopkitError:
        return []


def read(path: Optional[Path], project: Optional[Path] = None,
         inside_only: bool = False) -> ThemeSource:
    """The theme in ``path`` (None: the default) with its logo and font files read.

    The file is converted by the spec's ``theme`` record, as curricula are by theirs.
    A theme inside ``project`` may name files anywhere in the project; any other
    theme (``--theme``) only files in its own folder and below.  Symbolic links
    are followed before the check.  With ``inside_only`` (a theme found in the project,
    not given on the command line), the theme file itself must resolve inside ``project``.
    """
    if path is None:
        return ThemeSource(DEFAULT)
    path = Path(path)
    name = display(path)
    if not path.exists() and not path.is_symlink():
        raise WorkshopkitError(Diagnostic(ERROR, Pos(name), "theme file not found"))
    within = Path(project) if project is not None and (inside_only or inside(path, project)) \
        else None
    root = load_file(path, name, within)
    if isinstance(root, Scalar) and root.is_null:
        return ThemeSource(replace(DEFAULT, source=name))
    problems = Problems()
    if not isinstance(root, Mapping):
        problems.error(root.pos, "a theme is a mapping with colors, fonts, logo and slides")
        raise WorkshopkitError(problems)
    found = _Files(path.parent, problems, within or path.parent)
    theme = Converter(problems, (), Translations("und"), path, path.parent,
                      found).record(root, "theme", "")
    if problems.errors:
        raise WorkshopkitError(problems.sorted())
    return ThemeSource(theme, tuple(sorted(found.fonts.items())), tuple(dict.fromkeys(found.used)))


class _Files:
    """The logo and fonts a theme names (relative to the theme file), checked and read."""

    def __init__(self, base: Path, problems: Problems, root: Path):
        self.base, self.problems, self.root = base, problems, root
        self.fonts: dict[str, bytes] = {}  # style -> the TTF's bytes
        self.used: list[Path] = []

    def logo(self, rel: str, pos: Pos) -> Optional[ImageData]:
        f = self._file(rel, pos, "logo", MAX_LOGO_BYTES)
        if f is None:
            return None
        try:
            img = readers.image(f, pos, "logo", self.root, MAX_LOGO_BYTES, rel)
        except WorkshopkitError as exc:
            self.problems.extend(exc.diagnostics)
            return None
        self.used.append(f)
        return img

    def font(self, rel: str, pos: Pos, role: str) -> Optional[str]:
        f = self._file(rel, pos, "font", MAX_FONT_BYTES)
        if f is None:
            return None
        try:
            data, family = readers.cached("ttf", f, _ttf, MAX_FONT_BYTES, pos, "font", self.root)
        except WorkshopkitError as exc:
            self.problems.extend(exc.diagnostics)
            return None
        except (OSError, ValueError):
            data = family = None
        if family is None:
            self.problems.error(pos, f"cannot read the font file {display(f)}")
            return None
        self.used.append(f)
        styles = ("regular", "italic") if role == "body" else ("bold", "bolditalic")
        self.fonts.update({s: data for s in styles})
        return family

    def _file(self, rel: str, pos: Pos, what: str, limit: int) -> Optional[Path]:
        f = self.base / rel
        if not f.exists() and not f.is_symlink():
            self.problems.error(pos, f"{what} file not found: {display(f.resolve())}")
            return None
        try:
            check_file(f, limit, pos, f"{what} file", self.root)
        except WorkshopkitError as exc:
            self.problems.extend(exc.diagnostics)
            return None
        return f.resolve()


def _ttf(data: bytes) -> tuple[bytes, Optional[str]]:
    """The font's bytes and family name (None: not a font PIL can read)."""
    from PIL import ImageFont

    try:
        return data, ImageFont.truetype(io.BytesIO(data), 10).getname()[0]
    except OSError:
        return data, None
