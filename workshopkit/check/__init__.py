"""A read-back layout check: reads built PDFs and decks and reports layout defects.

``check_outputs(files, sources)`` returns one Finding per defect; ``python -m
workshopkit.check`` builds every sample (and generated curricula) in every print variant
and prints the findings grouped by rule.
"""
from __future__ import annotations

from pathlib import Path
from typing import Iterable, Optional

from workshopkit.check.findings import RULES, Finding
from workshopkit.check.sources import Sources

__all__ = ["RULES", "Finding", "Sources", "check_outputs", "check_file"]


def check_file(path: Path, sources: Sources, booklet: Optional[bool] = None) -> list[Finding]:
    """Findings for one built file (.pdf or .pptx)."""
    path = Path(path)
    if path.suffix == ".pptx":
        from workshopkit.check.deck import check_deck
        return list(check_deck(path, sources))
    if path.suffix == ".pdf":
        from workshopkit.check.pdfrules import check_pdf, kind_of
        from workshopkit.check.pdftext import read_pdf
        return list(check_pdf(path, read_pdf(path, booklet), sources, kind_of(path)))
    return []


def check_outputs(files: Iterable[Path], sources: Sources,
                  booklet: Optional[bool] = None) -> list[Finding]:
    """Findings for every built file in ``files``, in file order."""
    out: list[Finding] = []
    for f in files:
        out.extend(check_file(Path(f), sources, booklet))
    return out
