"""Every library the package imports is installed with it: `make build` (pip install .)
gives every command what it needs, `workshopkit check` included, without the test extras."""
from __future__ import annotations

import ast
import re
import sys
import tomllib
from importlib import metadata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


_IMPORT_LINE = re.compile(r"^[ \t]*(?:from|import)[ \t]+([\w., \t]+)", re.M)
"""What follows ``import`` or ``from`` at a line's start: a quick look, which the syntax
tree then confirms."""


def _modules(source: str) -> set[str]:
    """Top-level names of the modules the import lines of ``source`` seem to name."""
    return {part.split()[0].split(".")[0] for line in _IMPORT_LINE.findall(source)
            for part in line.split(",") if part.split()}


def _third_party(top: str) -> bool:
    return top != "workshopkit" and top not in sys.stdlib_module_names


def _statements(body: list) -> list:
    """Every statement, nested ones too (imports inside functions are common here);
    expressions are not entered, which keeps this fast."""
    out = []
    for node in body:
        out.append(node)
        for field in ("body", "orelse", "finalbody", "handlers"):
            inner = getattr(node, field, None)
            if isinstance(inner, list):
                out += _statements(inner)
    return out


def imported_libraries() -> dict[str, Path]:
    """Top-level third-party module -> the first file of workshopkit/ that imports it."""
    found: dict[str, Path] = {}
    for path in sorted((ROOT / "workshopkit").rglob("*.py")):
        source = path.read_text("utf-8")
        if not any(_third_party(n) for n in _modules(source)):
            continue  # only the standard library and workshopkit: no need to parse it
        for node in _statements(ast.parse(source).body):
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and not node.level and node.module:
                names = [node.module]
            else:
                continue
            for name in names:
                top = name.split(".")[0]
                if _third_party(top):
                    found.setdefault(top, path.relative_to(ROOT))
    return found


def _name(requirement: str) -> str:
    return re.split(r"[\s<>=!~;\[(]", requirement, maxsplit=1)[0].lower().replace("_", "-")


def installed_with_the_package() -> set[str]:
    """The runtime dependencies of pyproject.toml and, recursively, what they require
    (extras and the test dependencies left out)."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]
    declared = project["dependencies"]
    todo, seen = [_name(r) for r in declared], set()
    while todo:
        name = todo.pop()
        if name in seen:
            continue
        seen.add(name)
        try:
            requires = metadata.requires(name) or []
        except metadata.PackageNotFoundError:
            continue
        todo += [_name(r) for r in requires if "extra" not in r.partition(";")[2]]
    return seen


def test_every_imported_library_is_a_runtime_dependency():
    distributions = metadata.packages_distributions()
    installed = installed_with_the_package()
    missing = {}
    for module, where in imported_libraries().items():
        dists = {_name(d) for d in distributions.get(module, [module])}
        if not dists & installed:
            missing[module] = str(where)
    assert not missing, f"imported but not in pyproject.toml's dependencies: {missing}"
