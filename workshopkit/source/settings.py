"""Everything a curriculum's outputs need besides the curriculum, read at load time.

:func:`resolve` finds and checks the theme (with its logo and fonts), reads the
deck template, every image the curriculum shows and the bundled fonts into one
:class:`~workshopkit.model.settings.Settings`.  Any problem is a located
``WorkshopkitError`` here, before anything is drawn: ``validate`` reports what
``build`` would stumble on.  Files are read once per process (see
:mod:`workshopkit.source.readers`).
"""
from __future__ import annotations

import io
from pathlib import Path
from typing import Optional

from workshopkit.errors import Diagnostic, Pos, Problems, WorkshopkitError
from workshopkit.model import Curriculum
from workshopkit.model.settings import STYLES, FontSet, ImageData, Settings, Template
from workshopkit.source import readers
from workshopkit.source import theme as themes
from workshopkit.source.fonts import FAMILY, font_path
from workshopkit.source.project import display

__all__ = ["resolve", "bundled_fonts", "read_template", "read_images"]

def resolve(cur: Curriculum, theme: Optional[Path] = None,
            template: Optional[Path] = None) -> Settings:
    """The settings for ``cur``: ``theme`` (else theme.yaml / theme.yml in its project,
    else the built-in theme), ``template`` (else python-pptx's own, made 16:9)."""
    problems = Problems()
    found = None
    try:
        found = themes.read(themes.find(cur.project, theme), cur.project, inside_only=theme is None)
    except WorkshopkitError as exc:
        problems.extend(exc.diagnostics)
    tpl = None
    if template is not None:
        cfg = getattr(cur, "config", None)  # named in workshopkit.yaml: its problems are there
        at = cfg.at.get("template") if cfg is not None and cfg.template == Path(template) \
            else None
        try:
            tpl = read_template(Path(template), at)
        except WorkshopkitError as exc:
            problems.extend(exc.diagnostics)
    try:
        images = read_images(cur)
    except WorkshopkitError as exc:
        problems.extend(exc.diagnostics)
    if problems.errors:
        raise WorkshopkitError(problems)
    fonts = bundled_fonts()
    deck = deck_fonts(fonts, dict(found.fonts), found.theme.body_font)
    return Settings(found.theme, fonts, deck, tpl, images, read_icons(cur))


def read_icons(cur: Curriculum) -> dict[str, str]:
    """The SVG text of every shipped icon ``cur``'s slides name (package data)."""
    from importlib import resources

    from workshopkit.source.vocab import ICON_FILES

    wanted = sorted({sl.icon for s in cur.sessions for a in s.activities for sl in a.slides
                     if sl.icon})
    out = {}
    for name in wanted:
        if name not in _ICONS:
            ref = resources.files("workshopkit.assets").joinpath("icons", ICON_FILES[name] + ".svg")
            _ICONS[name] = ref.read_text(encoding="utf-8")
        out[name] = _ICONS[name]
    return out


_ICONS: dict[str, str] = {}
"""Icon SVG texts read in this process (package data does not change while it runs)."""


def bundled_fonts() -> FontSet:
    """The bundled DejaVu Sans faces."""
    paths = [font_path(style) for style in STYLES]
    try:
        key = ("bundled", *(readers.stamp(p) for p in paths))
        if key not in _FONTSETS:
            _FONTSETS[key] = FontSet(*(readers.read_bytes(p) for p in paths), family=FAMILY)
    except OSError as exc:
        raise readers.error(Pos(display(Path(exc.filename or paths[0]))),
                            f"cannot read the bundled font: {exc.strerror}") from None
    return _FONTSETS[key]


def deck_fonts(bundled: FontSet, theme_fonts: dict[str, bytes], family: str = FAMILY) -> FontSet:
    """The theme's faces where it gives them, the bundled ones elsewhere."""
    if not theme_fonts:
        return bundled
    faces = tuple(theme_fonts.get(s) or bundled.face(s) for s in STYLES)
    key = ("deck", bundled.digest, family, *(id(f) for f in faces))
    hit = _FONTSETS.get(key)
    if hit is None or any(a is not b for a, b in zip((hit.face(s) for s in STYLES), faces)):
        hit = _FONTSETS[key] = FontSet(*faces, family=family)
    return hit


_FONTSETS: dict[tuple, FontSet] = {}
"""One FontSet per version of its files: its digest and measurements are computed once."""


MAX_TEMPLATE_BYTES = 50 * 1024 * 1024
"""A template file larger than this is rejected before it is read."""
MAX_TEMPLATE_ENTRIES = 2000
"""The most files a template's zip may hold."""
MAX_TEMPLATE_UNZIPPED = 100 * 1024 * 1024
"""The most bytes a template may unzip to, all its files together."""
MAX_TEMPLATE_RATIO = 100
"""The highest compression ratio of a template's file larger than 1 MiB unzipped."""


def read_template(path: Path, at: Optional[Pos] = None) -> Template:
    """A .pptx template, checked: a regular file within its cap, a zip that unzips within
    its caps, python-pptx reads it and it has a layout with a title.  Its problems are
    reported at ``at`` (where a project file names it) when given."""
    name = display(path)
    try:
        return readers.cached("template", path, lambda data: _check_template(data, name),
                              MAX_TEMPLATE_BYTES, at or Pos(name), "template")
    except WorkshopkitError as exc:
        if at is None:
            raise
        raise WorkshopkitError([Diagnostic(d.severity, at, f"template {name}: {d.message}")
                                if d.pos == Pos(name) else d for d in exc.diagnostics]) from None


def _check_zip(data: bytes, name: str) -> None:
    """The template's zip directory checked before anything is unzipped."""
    import zipfile

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            infos = z.infolist()
    except (zipfile.BadZipFile, ValueError, OSError, EOFError):
        raise readers.error(Pos(name), "is not a .pptx presentation (save a template as .pptx)") \
            from None
    if len(infos) > MAX_TEMPLATE_ENTRIES:
        raise readers.error(Pos(name), f"the template holds {len(infos)} files; the limit is "
                            f"{MAX_TEMPLATE_ENTRIES}")
    total = sum(i.file_size for i in infos)
    if total > MAX_TEMPLATE_UNZIPPED:
        raise readers.error(Pos(name), f"the template unzips to {total} bytes; the limit is "
                            f"{MAX_TEMPLATE_UNZIPPED} bytes")
    for i in infos:
        if i.file_size > 1024 * 1024 and i.file_size > MAX_TEMPLATE_RATIO * max(i.compress_size, 1):
            raise readers.error(Pos(name), f"the template's file {i.filename[:80]} is compressed "
                                f"more than {MAX_TEMPLATE_RATIO} to 1 (a zip bomb?); the limit "
                                f"is {MAX_TEMPLATE_RATIO} to 1")


def _check_template(data: bytes, name: str) -> Template:
    from pptx import Presentation

    _check_zip(data, name)
    try:
        prs = Presentation(io.BytesIO(data))
    except Exception:  # python-pptx raises many kinds for a file that is not a deck
        raise readers.error(Pos(name), "is not a .pptx presentation (save a template as .pptx)") \
            from None
    try:
        for layout in prs.slide_layouts:
            types = [_ph_type(p) for p in layout.placeholders]
            if "title" in types or "ctrTitle" in types:
                return Template(data, name)
    except Exception:  # a layout the master lists is missing or damaged: python-pptx
        raise readers.error(Pos(name), "is not a .pptx presentation: its slide layouts "  # raises
                            "cannot be read (save the template again as .pptx)") from None
    raise readers.error(Pos(name), "has no layout with a title placeholder")


def _ph_type(ph) -> str:
    el = ph._element.ph
    return el.get("type", "body") if el is not None else "body"


def read_images(cur: Curriculum) -> dict[Path, ImageData]:
    """Every image file ``cur`` shows, in any language, keyed by its resolved path."""
    out: dict[Path, ImageData] = {}
    problems = Problems()
    for img in cur.images():
        for path in img.src.values():
            if path in out:
                continue
            try:
                out[path] = readers.image(path)
            except WorkshopkitError as exc:
                problems.extend(exc.diagnostics)
    if problems.errors:
        raise WorkshopkitError(problems)
    return out
