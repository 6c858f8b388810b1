"""Files read for settings (theme, logo, fonts, template, images), once per process.

Each read is cached by (resolved path, modification time, size): every target of
a build shares one copy, and a file edited between two builds of a watch session
is read again.  Every read goes through :func:`workshopkit.source.files.read_bounded`
(a regular file, within its cap, inside the project when a project file names it).
Images are decoded whole once, so that a truncated file or a decompression bomb
is a located error here and never a broken picture in an output.
"""
from __future__ import annotations

import io
import os
from pathlib import Path
from typing import Callable, Optional, TypeVar

from workshopkit.errors import Diagnostic, ERROR, Pos, WorkshopkitError
from workshopkit.model.settings import ImageData
from workshopkit.source.files import check_file, read_bounded
from workshopkit.source.project import display

T = TypeVar("T")
_CACHE: dict[tuple, object] = {}
PNG_MAGIC = b"\x89PNG\r\n\x1a\n"
JPEG_MAGIC = b"\xff\xd8\xff"
MAX_IMAGE_BYTES = 20 * 1024 * 1024
"""An image file larger than this is rejected."""
MAX_IMAGE_PIXELS = 50_000_000
"""An image of more pixels than this is rejected before it is decoded."""
MAX_READ_BYTES = 64 * 1024 * 1024
"""No settings file is read past this (each kind has its own smaller cap)."""


def stamp(path: Path) -> tuple[str, int, int]:
    """(resolved path, mtime, size); raises OSError when the file cannot be read."""
    path = Path(path).resolve()
    st = os.stat(path)
    return str(path), st.st_mtime_ns, st.st_size


def cached(kind: str, path: Path, make: Callable[[bytes], T], limit: int = MAX_READ_BYTES,
           pos: Optional[Pos] = None, what: str = "file", root: Optional[Path] = None) -> T:
    """``make(bytes of path)``, computed once per version of the file.

    The file is checked (place, kind, size) before it is read: a located error otherwise.
    """
    pos = pos or Pos(display(Path(path)))
    check_file(Path(path), limit, pos, what, root)
    try:
        key = (kind, *stamp(path))
    except (OSError, ValueError) as exc:
        raise error(pos, f"cannot read the {what} {display(Path(path))}: "
                    f"{getattr(exc, 'strerror', None) or exc}") from None
    if key not in _CACHE:
        if len(_CACHE) > 512:
            _CACHE.clear()
        _CACHE[key] = make(read_bounded(Path(path), limit, pos, what, root))
    return _CACHE[key]  # type: ignore[return-value]


def read_bytes(path: Path) -> bytes:
    return cached("bytes", path, lambda data: data)


def error(pos: Pos, message: str) -> WorkshopkitError:
    return WorkshopkitError(Diagnostic(ERROR, pos, message))


def decode_image(data: bytes, name: str) -> ImageData | str:
    """The image in ``data``, decoded whole once, or why it cannot be used (a message
    with ``{what}`` and ``{name}`` to fill in)."""
    from PIL import Image

    if not (data.startswith(PNG_MAGIC) or data.startswith(JPEG_MAGIC)):
        return "{what} '{name}' is not a PNG or JPEG file"
    try:
        with Image.open(io.BytesIO(data)) as im:
            w, h = im.size
            if w * h > MAX_IMAGE_PIXELS:
                return f"{{what}} is {w}×{h} pixels; the limit is {MAX_IMAGE_PIXELS} pixels"
            if not w or not h:
                return "{what} '{name}' has no pixels"
            im.load()  # a file cut short, or a header with no data, fails here
    except Image.DecompressionBombError:
        return ("{what} '{name}' has more pixels than the limit of "
                f"{MAX_IMAGE_PIXELS} pixels")
    except Exception:  # PIL raises many kinds for a damaged file
        return "{what} '{name}' cannot be read: the file is damaged or cut short"
    return ImageData(data, "png" if data.startswith(PNG_MAGIC) else "jpeg", w, h, name)


def image(path: Path, pos: Optional[Pos] = None, what: str = "image",
          root: Optional[Path] = None, limit: int = MAX_IMAGE_BYTES,
          shown: Optional[str] = None) -> ImageData:
    """A PNG or JPEG with its pixel size; a located error (naming it ``shown``, else its
    path) when it cannot be used."""
    name = display(path)
    pos = pos or Pos(name)
    img = cached("image", path, lambda data: decode_image(data, name), limit, pos, what, root)
    if isinstance(img, str):
        raise error(pos, img.format(what=what, name=shown or name))
    return img if img.name == name else ImageData(img.data, img.format, img.width, img.height,
                                                  name)
