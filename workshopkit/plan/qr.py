"""QR codes: encoded once per URL, drawn as vector runs or a crisp PNG.

Encoding uses zxing-cpp (about 0.2 ms a code); results are cached by text.  The
runs of dark modules are found in the encoder's bitmap a row at a time with a
regular expression, so a code costs a few microseconds beyond its encoding.
"""
from __future__ import annotations

import functools
import io
import re

QUIET_ZONE = 4  # modules of white border the QR standard asks for
_DARK = re.compile(rb"[\x00-\x7f]+")  # a run of dark pixels (grey values below 128)


@functools.lru_cache(maxsize=8192)
def _bitmap(text: str, ec_level: str = "M") -> tuple[int, bytes]:
    """(modules across, one grey byte a module, rows top to bottom), no quiet zone."""
    import zxingcpp

    code = zxingcpp.create_barcode(text, zxingcpp.BarcodeFormat.QRCode, ec_level=ec_level)
    img = memoryview(code.to_image(scale=1, add_quiet_zones=False))
    return img.shape[0], img.tobytes()


@functools.lru_cache(maxsize=8192)
def matrix(text: str, ec_level: str = "M") -> tuple[tuple[bool, ...], ...]:
    """Dark (True) and light modules, without the quiet zone."""
    size, raw = _bitmap(text, ec_level)
    return tuple(tuple(v < 128 for v in raw[y * size:(y + 1) * size]) for y in range(size))


def _spans(text: str, ec_level: str) -> tuple[int, list]:
    """(row stride, (start, end) of every dark run) in the bitmap with a light byte
    after each row, so no run crosses a row: x = start % stride, y = start // stride."""
    size, raw = _bitmap(text, ec_level)
    rows = b"\xff".join([raw[y * size:(y + 1) * size] for y in range(size)])
    return size + 1, [m.span() for m in _DARK.finditer(rows)]


@functools.lru_cache(maxsize=8192)
def runs(text: str, ec_level: str = "M") -> tuple[tuple[int, int, int], ...]:
    """Horizontal runs of dark modules as (x, y, length), y downwards from the top."""
    w, spans = _spans(text, ec_level)
    return tuple((s % w, s // w, e - s) for s, e in spans)


def path_ops(text: str, ec_level: str = "M") -> str:
    """The dark runs as PDF rectangles ("x y length 1 re", one a line) in module units,
    y upwards, the origin at the bottom-left corner of the quiet zone."""
    w, spans = _spans(text, ec_level)
    xs = [f"{QUIET_ZONE + x} " for x in range(w)]  # the numbers are written once a code
    ys = [f"{QUIET_ZONE + w - 2 - y} " for y in range(w)]
    lengths = [f"{n} 1 re" for n in range(w)]
    return "\n".join([xs[s % w] + ys[s // w] + lengths[e - s] for s, e in spans])


def size(text: str, ec_level: str = "M") -> int:
    """Modules across, without the quiet zone."""
    return _bitmap(text, ec_level)[0]


@functools.lru_cache(maxsize=1024)
def png(text: str, module_px: int = 12, border: int = QUIET_ZONE) -> bytes:
    """A black-on-white PNG with the quiet zone (deterministic bytes)."""
    from PIL import Image

    m = matrix(text)
    n = len(m) + 2 * border
    img = Image.new("1", (n, n), 1)
    px = img.load()
    for y, row in enumerate(m):
        for x, dark in enumerate(row):
            if dark:
                px[x + border, y + border] = 0
    img = img.resize((n * module_px, n * module_px), Image.NEAREST)
    buf = io.BytesIO()
    img.save(buf, format="PNG", optimize=False)
    return buf.getvalue()
