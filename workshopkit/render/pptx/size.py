"""The size of a deck's slides, known without python-pptx (the PDF writers draw the
deck's slides at the deck's size)."""
from __future__ import annotations

import io
import re
import zipfile
from typing import Optional

from workshopkit.model.settings import Template

WIDE = (12192000, 6858000)  # 13.333 x 7.5 in


def slide_size(template: Optional[Template]) -> tuple[int, int]:
    """(width, height) in EMU of the deck's slides, without python-pptx: 16:9, or the
    template's own size (its presentation part's ``p:sldSz``)."""
    if template is None:
        return WIDE
    try:
        with zipfile.ZipFile(io.BytesIO(template.data)) as z:
            pres = z.read("ppt/presentation.xml").decode("utf-8", "replace")
        m = re.search(r'<p:sldSz\b[^>]*\bcx="(\d+)"[^>]*\bcy="(\d+)"', pres)
        return (int(m.group(1)), int(m.group(2))) if m else WIDE
    except (KeyError, zipfile.BadZipFile):
        return WIDE
