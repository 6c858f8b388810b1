"""Deterministic zip containers: fixed timestamps, stable order, fixed permissions."""
from __future__ import annotations

import datetime as dt
import io
import zipfile


def write_zip(entries: dict[str, bytes], date: dt.datetime, first: tuple[str, ...] = ()) -> bytes:
    """A zip of ``entries``: the names in ``first`` lead, the rest sorted; every entry
    dated ``date`` (zip dates start in 1980) with permissions 0644."""
    stamp = max(date.replace(tzinfo=None), dt.datetime(1980, 1, 1)).timetuple()[:6]
    names = [n for n in first if n in entries] + sorted(n for n in entries if n not in first)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        for name in names:
            info = zipfile.ZipInfo(name, date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            info.create_system = 3
            zf.writestr(info, entries[name])
    return out.getvalue()
