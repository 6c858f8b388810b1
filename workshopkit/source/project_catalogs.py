"""Every catalogue file of a project checked, also one no curriculum uses yet (`validate`):
a broken catalogue is found before a curriculum names it."""
from __future__ import annotations

from pathlib import Path
from typing import Iterable

from workshopkit.errors import Diagnostic, Problems


def report(curricula: list, problems: Problems, failed: list[str]) -> None:
    """Add the errors of the catalogue files of the projects of ``curricula`` to ``problems``
    (each once: those of catalogues in use are there already), and each such file to
    ``failed``."""
    from workshopkit.source.project import display

    seen = set(problems.items)
    roots = sorted({c.project for c in curricula
                    if getattr(c, "document", "curriculum") == "curriculum"})
    for path, found in errors(roots):
        new = [d for d in found if d not in seen]
        seen.update(new)
        problems.items.extend(new)
        if new:
            failed.append(display(path))


def errors(roots: Iterable[Path]) -> list[tuple[Path, list[Diagnostic]]]:
    """(catalogue file, its errors) for each file of ``<root>/curricula/catalog/`` with errors."""
    from workshopkit.source.validate import Workspace

    out = []
    for root in roots:
        folder = root / "curricula" / "catalog"
        files = sorted(folder.glob("*.yaml")) + sorted(folder.glob("*.yml")) \
            if folder.is_dir() else []
        for path in files:
            ws = Workspace(Problems(), freshness=False)
            ws.catalog(root, path.stem)
            if ws.problems.errors:
                out.append((path, ws.problems.errors))
    return out
