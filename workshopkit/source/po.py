"""Reading gettext catalogues (.po) into plain entries."""
from __future__ import annotations

from pathlib import Path
from typing import Optional


def read_po(path: Path, display: str) -> list[tuple[Optional[str], str, str, bool, int]]:
    """Entries of a PO file as (msgctxt, msgid, msgstr, fuzzy, line)."""
    from babel.messages.pofile import read_po as _read

    with path.open("rb") as fh:
        catalog = _read(fh, abort_invalid=False)
    out = []
    for m in catalog:
        if not m.id or isinstance(m.id, tuple):
            continue
        msgstr = m.string if isinstance(m.string, str) else (m.string[0] if m.string else "")
        out.append((m.context, m.id, msgstr or "", m.fuzzy, getattr(m, "lineno", 0) or 0))
    return out
