"""Deterministic zip containers: fixed timestamps, stable order, fixed permissions."""
from __future__ import annotations

import datetime as dt
import io
import zipfile


def normalise_zip(data: bytes, date: dt.datetime, first: tuple[str, ...] = ("[Content_Types].xml",)) -> bytes:
    """Re-zip ``data`` with every entry dated ``date`` (zip dates start in 1980)."""
    stamp = max(date.replace(tzinfo=None), dt.datetime(1980, 1, 1)).timetuple()[:6]
    src = zipfile.ZipFile(io.BytesIO(data))
    names = src.namelist()
    ordered = [n for n in first if n in names] + [n for n in names if n not in first]
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for name in ordered:
            info = zipfile.ZipInfo(name, date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            info.create_system = 3
            dst.writestr(info, src.read(name))
    return out.getvalue()
