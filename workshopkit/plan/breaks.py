"""Where printed text may break: URL break points, shared by every PDF writer.

A URL breaks only after ``/ . - _ ? & =`` (never inside ``//``), so a reader who
types it from paper sees where each piece ends; a word breaks only at a
hyphenation point, with a printed hyphen (reportlab with Pyphen, see
:mod:`workshopkit.render.pdf.hyphen`).
"""
from __future__ import annotations

import re

URL_BREAK_AFTER = "/?&"
"""Preferred: after a path separator or before a query parameter's name."""
URL_BREAK_AFTER_2 = "=.-_"
"""Failing those: after '=', '.', '-' or '_'."""
URL_START_RE = re.compile(r"^(?:[a-z][a-z0-9+.-]*://|www\.)", re.I)


def url_breaks(url: str) -> tuple[list[int], list[int]]:
    """(preferred, secondary) positions ``i`` where a line may end with ``url[:i]``."""
    scheme = URL_START_RE.match(url)
    start = scheme.end() if scheme and "://" in scheme.group(0) else 0
    first, second = [], []
    for i in range(start + 1, len(url)):
        prev, ch = url[i - 1], url[i]
        if prev == "/" and ch == "/":
            continue
        if prev in URL_BREAK_AFTER:
            first.append(i)
        elif prev in URL_BREAK_AFTER_2 and ch not in URL_BREAK_AFTER_2:
            second.append(i)
    return first, second


def looks_like_url(s: str) -> bool:
    return bool(URL_START_RE.match(s))
