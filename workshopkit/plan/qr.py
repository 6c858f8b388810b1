"""QR codes: encoded once per URL, drawn as vector runs or a crisp PNG.

Encoding uses zxing-cpp (about 0.2 ms a code); results are cached by text.
"""
from __future__ import annotations

import functools
import io

QUIET_ZONE = 4  # modules of white border the QR standard asks for


@functools.lru_cache(maxsize=8192)
def matrix(text: str, ec_level: str = "M") -> tuple[tuple[bool, ...], ...]:
    """Dark (True) and light modules, without the quiet zone."""
    import zxingcpp

    code = zxingcpp.create_barcode(text, zxingcpp.BarcodeFormat.QRCode, ec_level=ec_level)
    img = memoryview(code.to_image(scale=1, add_quiet_zones=False))
    size = img.shape[0]
    raw = img.tobytes()
    return tuple(tuple(raw[y * size + x] < 128 for x in range(size)) for y in range(size))


@functools.lru_cache(maxsize=8192)
def runs(text: str, ec_level: str = "M") -> tuple[tuple[int, int, int], ...]:
    """Horizontal runs of dark modules as (x, y, length), y downwards from the top."""
    out = []
    for y, row in enumerate(matrix(text, ec_level)):
        x = 0
        while x < len(row):
            if row[x]:
                start = x
                while x < len(row) and row[x]:
                    x += 1
                out.append((start, y, x - start))
            else:
                x += 1
    return tuple(out)


def size(text: str, ec_level: str = "M") -> int:
    """Modules across, without the quiet zone."""
    return len(matrix(text, ec_level))


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
