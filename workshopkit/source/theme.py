"""Deck themes: colours, fonts and a logo, read from a ``theme.yaml``.

A theme is found, in order: ``options.theme`` (``--theme`` or the project's
``workshopkit.yaml`` ``theme:``), then ``theme.yaml`` beside the project's
``workshopkit.yaml``, then the built-in default (dark text on a light
background, which projects and prints well).  Every problem in a theme file is
reported with its line and column, all at once.  Loading reads the logo and the
font files too, so that a theme that loads can always be drawn.
"""
from __future__ import annotations

import difflib
import io
import re
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Optional

from workshopkit.errors import Pos, Problems, WorkshopkitError
from workshopkit.model.settings import Theme
from workshopkit.source import readers
from workshopkit.source.fonts import FAMILY
from workshopkit.source.nodes import Mapping, Node, Scalar, load_file
from workshopkit.source.project import display

__all__ = ["COLOURS", "DEFAULT", "Theme", "ThemeSource", "find", "load", "read", "files"]

COLOURS = ("background", "title", "text", "accent", "muted", "table_header", "table_border")
"""Colour roles a theme may set (six hex digits, '#' optional)."""

IMAGE_TYPES = {".png", ".jpg", ".jpeg"}
MAX_LOGO_BYTES = 2 * 1024 * 1024

DEFAULT = Theme(title_font=FAMILY, body_font=FAMILY)
_HEX = re.compile(r"^#?([0-9A-Fa-f]{6})$")
_KEYS = ("colors", "fonts", "logo")


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
            if cand.is_file():
                return cand
    return None


def load(path: Optional[Path]) -> Theme:
    """Read and check a theme file; raise WorkshopkitError listing every problem."""
    return read(path).theme


def files(path: Optional[Path]) -> list[Path]:
    """The files a theme file refers to (logo, fonts); none when it does not load."""
    try:
        return list(read(path).files)
    except WorkshopkitError:
        return []


def read(path: Optional[Path]) -> ThemeSource:
    """The theme in ``path`` (None: the default) with its logo and font files read."""
    if path is None:
        return ThemeSource(DEFAULT)
    path = Path(path)
    name = display(path)
    if not path.is_file():
        raise WorkshopkitError(_diag(Pos(name), "theme file not found"))
    root = load_file(path, name)
    problems = Problems()
    values: dict = {"source": name}
    if isinstance(root, Scalar) and root.is_null:
        return ThemeSource(replace(DEFAULT, source=name))
    if not isinstance(root, Mapping):
        problems.error(root.pos, "a theme is a mapping with colors, fonts and logo")
        raise WorkshopkitError(problems)
    fonts: dict[str, bytes] = {}
    used: list[Path] = []
    for key, node in root.items:
        if key.value not in _KEYS:
            problems.error(key.pos, _unknown(key.value, _KEYS))
        elif key.value == "colors":
            _colours(node, problems, values)
        elif key.value == "fonts":
            _fonts(node, path.parent, problems, values, fonts, used)
        elif key.value == "logo":
            logo = _file(node, path.parent, problems, "logo", IMAGE_TYPES, MAX_LOGO_BYTES)
            if logo:
                try:
                    values["logo"] = readers.image(logo, node.pos, "logo")
                    used.append(logo)
                except WorkshopkitError as exc:
                    problems.extend(exc.diagnostics)
    if problems.errors:
        raise WorkshopkitError(problems)
    return ThemeSource(replace(DEFAULT, **values), tuple(sorted(fonts.items())),
                       tuple(dict.fromkeys(used)))


def _diag(pos: Pos, message: str):
    from workshopkit.errors import Diagnostic, ERROR
    return Diagnostic(ERROR, pos, message)


def _unknown(key: str, known) -> str:
    near = difflib.get_close_matches(key, known, n=1)
    hint = f"; did you mean '{near[0]}'?" if near else f"; expected one of {', '.join(known)}"
    return f"unknown key '{key}'{hint}"


def _mapping(node: Node, problems: Problems, what: str) -> Optional[Mapping]:
    if not isinstance(node, Mapping):
        problems.error(node.pos, f"{what} must be a mapping")
        return None
    return node


def _colours(node: Node, problems: Problems, values: dict) -> None:
    m = _mapping(node, problems, "colors")
    if m is None:
        return
    for key, val in m.items:
        if key.value not in COLOURS:
            problems.error(key.pos, _unknown(key.value, COLOURS))
            continue
        hit = _HEX.match(val.value) if isinstance(val, Scalar) else None
        if not hit:
            problems.error(val.pos, f"colour '{key.value}' must be six hex digits, "
                                    "such as \"#1B3A5C\" (quote it: # starts a YAML comment)")
            continue
        values[key.value] = hit.group(1).upper()


def _fonts(node: Node, base: Path, problems: Problems, values: dict,
           fonts: dict[str, bytes], used: list[Path]) -> None:
    """fonts: {title: X, body: X}; X is 'DejaVu Sans' or a .ttf file to measure with."""
    m = _mapping(node, problems, "fonts")
    if m is None:
        return
    for key, val in m.items:
        if key.value not in ("title", "body"):
            problems.error(key.pos, _unknown(key.value, ("title", "body")))
            continue
        if not isinstance(val, Scalar) or not val.value.strip():
            problems.error(val.pos, "a font is 'DejaVu Sans' or the path of a .ttf file")
            continue
        if val.value.strip() == FAMILY:
            continue
        ttf = _file(val, base, problems, "font", {".ttf"}, 32 * 1024 * 1024)
        if ttf is None:
            continue
        try:
            data, family = readers.cached("ttf", ttf, _ttf)
        except (OSError, ValueError):
            data = family = None
        if family is None:
            problems.error(val.pos, f"cannot read the font file {display(ttf)}")
            continue
        values[f"{key.value}_font"] = family
        used.append(ttf)
        styles = ("regular", "italic") if key.value == "body" else ("bold", "bolditalic")
        fonts.update({s: data for s in styles})


def _ttf(data: bytes) -> tuple[bytes, Optional[str]]:
    """The font's bytes and family name (None: not a font PIL can read)."""
    from PIL import ImageFont

    try:
        return data, ImageFont.truetype(io.BytesIO(data), 10).getname()[0]
    except OSError:
        return data, None


def _file(node: Node, base: Path, problems: Problems, what: str, suffixes: set[str],
          limit: int) -> Optional[Path]:
    if not isinstance(node, Scalar) or node.is_null:
        problems.error(node.pos, f"{what} must be a file path")
        return None
    f = (base / node.value).resolve()
    if f.suffix.lower() not in suffixes:
        problems.error(node.pos, f"{what} must be one of {', '.join(sorted(suffixes))}")
        return None
    if not f.is_file():
        problems.error(node.pos, f"{what} file not found: {display(f)}")
        return None
    if f.stat().st_size > limit:
        problems.error(node.pos, f"{what} file is larger than {limit // (1024 * 1024)} MB")
        return None
    return f
