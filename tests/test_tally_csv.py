"""Typed answers saved by a spreadsheet in Spanish, Portuguese or French settings come
separated by semicolons (or tabs): tally reads them like a comma-separated file."""
from __future__ import annotations

import pytest

from workshopkit.errors import Problems
from workshopkit.source.responses import csv_forms

KNOWN = ["apps.signal", "apps.other.text", "worry"]


@pytest.mark.parametrize("sep", [",", ";", "\t"])
def test_comma_semicolon_and_tab_separated_files_read_alike(sep):
    data = sep.join(KNOWN) + "\r\nx" + sep + "Delta Chat, Briar" * (sep != ",") + sep + "2\r\n"
    problems = Problems()
    forms = list(csv_forms(KNOWN, data.encode("utf-8"), "typed.csv", problems))
    assert not problems.items, [str(d) for d in problems]
    assert [f.cells for f in forms] == [{
        "apps.signal": "x", "apps.other.text": "Delta Chat, Briar" if sep != "," else "",
        "worry": "2"}]


def test_a_header_in_one_column_is_still_checked():
    problems = Problems()
    assert list(csv_forms(KNOWN, b"apps.signl\nx\n", "typed.csv", problems)) == [None]
    assert "did you mean 'apps.signal'" in " ".join(d.message for d in problems)
