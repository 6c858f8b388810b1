"""Deterministic zips: the same entries give the same bytes, in a stable order."""
from __future__ import annotations

import datetime as dt
import io
import zipfile

from workshopkit.render.archive import write_zip

DATE = dt.datetime(2026, 11, 1, 12, 0, tzinfo=dt.timezone.utc)


def test_same_entries_same_bytes_whatever_their_order():
    a = write_zip({"b.txt": b"2", "a.txt": b"1", "m/x": b"3"}, DATE)
    b = write_zip({"m/x": b"3", "a.txt": b"1", "b.txt": b"2"}, DATE)
    assert a == b
    z = zipfile.ZipFile(io.BytesIO(a))
    assert z.namelist() == ["a.txt", "b.txt", "m/x"]
    assert {i.date_time for i in z.infolist()} == {(2026, 11, 1, 12, 0, 0)}
    assert {i.external_attr >> 16 for i in z.infolist()} == {0o644}


def test_named_entries_lead_and_old_dates_become_1980():
    data = write_zip({"z": b"", "[Content_Types].xml": b"<x/>", "a": b""},
                     dt.datetime(1970, 1, 1, tzinfo=dt.timezone.utc), first=("[Content_Types].xml",))
    z = zipfile.ZipFile(io.BytesIO(data))
    assert z.namelist() == ["[Content_Types].xml", "a", "z"]
    assert z.infolist()[0].date_time == (1980, 1, 1, 0, 0, 0)
