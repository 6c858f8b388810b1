"""Deck themes: colours, fonts and a logo, read from a ``theme.yaml``.

A theme is found, in order: ``options.theme`` (``--theme`` or the project's
``workshopkit.yaml`` ``theme:``), then ``theme.yaml`` beside the project's
``workshopkit.yaml``, then the built-in default (dark text on a light
background, which projects and prints well).  Every problem in a theme file is
reported with its line and column, all at once.
"""
from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Optional

from workshopkit.errors import Pos, Problems, WorkshopkitError
from workshopkit.source.fonts import FAMILY, font_path
from workshopkit.source.nodes import Mapping, Node, Scalar, load_file
from workshopkit.source.project import display

COLOURS = ("background", "title", "text", "accent", "muted", "table_header", "table_border")
"""Colour roles a theme may set (six hex digits, '#' optional)."""

IMAGE_TYPES = {".png", ".jpg", ".jpeg"}
MAX_LOGO_BYTES = 2 * 1024 * 1024


@dataclass(frozen=True)
class Theme:
    background: str = "FFFFFF"
    title: str = "1B3A5C"        # deep blue: strong on screen, dark grey in print
    text: str = "222222"
    accent: str = "D0562B"       # the bar under titles
    muted: str = "5F6368"        # second language, captions
    table_header: str = "E8EEF5"
    table_border: str = "8C96A0"
    title_font: str = FAMILY
    body_font: str = FAMILY
    font_files: tuple[tuple[str, Path], ...] = ()  # style -> TTF used to measure text
    logo: Optional[Path] = None
    source: Optional[Path] = None  # the theme.yaml it came from

    def font_file(self, style: str) -> Path:
        return dict(self.font_files).get(style) or font_path(style)

    def greyscale(self) -> "Theme":
        """The low-ink variant: greys only, no filled table headers."""
        def grey(hex_: str) -> str:
            r, g, b = (int(hex_[i:i + 2], 16) for i in (0, 2, 4))
            y = round(0.299 * r + 0.587 * g + 0.114 * b)
            return f"{y:02X}" * 3
        return replace(self, background="FFFFFF", title=grey(self.title), text=grey(self.text),
                       accent=grey(self.accent), muted=grey(self.muted),
                       table_header="FFFFFF", table_border=grey(self.table_border))


DEFAULT = Theme()
_HEX = re.compile(r"^#?([0-9A-Fa-f]{6})$")
_KEYS = ("colors", "fonts", "logo")


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
    if path is None:
        return DEFAULT
    path = Path(path)
    name = display(path)
    if not path.is_file():
        raise WorkshopkitError(_diag(Pos(name), "theme file not found"))
    root = load_file(path, name)
    problems = Problems()
    values: dict = {"source": path}
    if isinstance(root, Scalar) and root.is_null:
        return replace(DEFAULT, source=path)
    if not isinstance(root, Mapping):
        problems.error(root.pos, "a theme is a mapping with colors, fonts and logo")
        raise WorkshopkitError(problems)
    for key, node in root.items:
        if key.value not in _KEYS:
            problems.error(key.pos, _unknown(key.value, _KEYS))
        elif key.value == "colors":
            _colours(node, problems, values)
        elif key.value == "fonts":
            _fonts(node, path.parent, problems, values)
        elif key.value == "logo":
            logo = _file(node, path.parent, problems, "logo", IMAGE_TYPES, MAX_LOGO_BYTES)
            if logo:
                values["logo"] = logo
    if problems.errors:
        raise WorkshopkitError(problems)
    return replace(DEFAULT, **values)


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


def _fonts(node: Node, base: Path, problems: Problems, values: dict) -> None:
    """fonts: {title: X, body: X}; X is 'DejaVu Sans' or a .ttf file to measure with."""
    m = _mapping(node, problems, "fonts")
    if m is None:
        return
    files: dict[str, Path] = {}
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
            from PIL import ImageFont
            family = ImageFont.truetype(str(ttf), 10).getname()[0]
        except OSError:
            problems.error(val.pos, f"cannot read the font file {display(ttf)}")
            continue
        values[f"{key.value}_font"] = family
        if key.value == "body":
            files.update({"regular": ttf, "italic": ttf})
        else:
            files.update({"bold": ttf, "bolditalic": ttf})
    if files:
        values["font_files"] = tuple(sorted(files.items()))


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
