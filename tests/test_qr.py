"""QR matrices: decodable, cached, and the vector runs cover exactly the dark modules."""
from __future__ import annotations

import io

import zxingcpp
from PIL import Image

from workshopkit.plan import qr

URL = "https://ssd.eff.org/module/your-security-plan"


def test_the_png_decodes_to_the_text():
    img = Image.open(io.BytesIO(qr.png(URL)))
    (found,) = zxingcpp.read_barcodes(img)
    assert found.text == URL


def test_runs_cover_exactly_the_dark_modules():
    m = qr.matrix(URL)
    dark = {(x, y) for y, row in enumerate(m) for x, v in enumerate(row) if v}
    covered = {(x + i, y) for x, y, n in qr.runs(URL) for i in range(n)}
    assert covered == dark and qr.size(URL) == len(m)


def test_a_higher_error_correction_level_needs_more_modules():
    assert qr.size(URL, "H") > qr.size(URL, "L")
