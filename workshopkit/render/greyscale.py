"""Images in greys for ``--ink low``: decks and slides.pdf print without colour."""
from __future__ import annotations

import functools
import io


@functools.lru_cache(maxsize=64)
def greyed(data: bytes, fmt: str) -> bytes:
    """``data`` (a PNG or JPEG) in greys, in the same format; transparency kept."""
    from PIL import Image

    with Image.open(io.BytesIO(data)) as im:
        alpha = im.getchannel("A") if "A" in im.getbands() else None
        if im.mode == "P" and "transparency" in im.info:
            alpha = im.convert("RGBA").getchannel("A")
        out = im.convert("L")
        if alpha is not None:
            out = Image.merge("LA", (out, alpha))
        buf = io.BytesIO()
        if fmt.lower() in ("jpg", "jpeg"):
            out.save(buf, "JPEG", quality=90)
        else:
            out.save(buf, "PNG", optimize=False)
        return buf.getvalue()
