"""Files read for settings (theme, logo, fonts, template, images), once per process.

Each read is cached by (resolved path, modification time, size): every target of
a build shares one copy, and a file edited between two builds of a watch session
is read again.
"""
from __future__ import annotations

import io
import os
from pathlib import Path
from typing import Callable, Optional, TypeVar

from workshopkit.errors import Diagnostic, ERROR, Pos, WorkshopkitError
from workshopkit.model.settings import ImageData
from workshopkit.source.project import display

T = TypeVar("T")
_CACHE: dict[tuple, object] = {}
PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


def stamp(path: Path) -> tuple[str, int, int]:
    """(resolved path, mtime, size); raises OSError when the file cannot be read."""
    path = Path(path).resolve()
    st = os.stat(path)
    return str(path), st.st_mtime_ns, st.st_size


def cached(kind: str, path: Path, make: Callable[[bytes], T]) -> T:
    """``make(bytes of path)``, computed once per version of the file."""
    key = (kind, *stamp(path))
    if key not in _CACHE:
        if len(_CACHE) > 512:
            _CACHE.clear()
        _CACHE[key] = make(Path(path).read_bytes())
    return _CACHE[key]  # type: ignore[return-value]


def read_bytes(path: Path) -> bytes:
    return cached("bytes", path, lambda data: data)


def error(pos: Pos, message: str) -> WorkshopkitError:
    return WorkshopkitError(Diagnostic(ERROR, pos, message))


def image(path: Path, pos: Optional[Pos] = None, what: str = "image") -> ImageData:
    """A PNG or JPEG with its pixel size; a located error when it cannot be read."""
    name = display(path)
    pos = pos or Pos(name)

    def make(data: bytes) -> Optional[ImageData]:
        from PIL import Image

        try:
            with Image.open(io.BytesIO(data)) as im:
                w, h = im.size
        except Exception:  # PIL raises many kinds for a damaged file
            return None
        return ImageData(data, "png" if data.startswith(PNG_MAGIC) else "jpeg", w, h, name)

    try:
        img = cached("image", path, make)
    except OSError as exc:
        raise error(pos, f"cannot read the {what} {name}: {exc.strerror}") from None
    if img is None:
        raise error(pos, f"{what} {name} cannot be read (damaged file?)")
    return img if img.name == name else ImageData(img.data, img.format, img.width, img.height,
                                                  name)
