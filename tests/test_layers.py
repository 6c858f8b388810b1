"""The packages import only the stages before them (docs/architecture.md)."""
from __future__ import annotations

import pytest

from conftest import ROOT

ALLOWED = {
    "errors": set(),
    "model": {"errors", "source.vocab", "source.project"},
    "source": {"errors", "model"},
    "i18n": {"errors", "model", "source"},
    "plan": {"errors", "model", "i18n"},
    "render": {"errors", "model", "plan", "i18n"},
    "build": {"errors", "model", "source", "i18n", "plan", "render"},
    "api": {"errors", "model", "source", "i18n", "plan", "build"},
    "cli": {"errors", "api", "build.request", "build.kinds", "check"},
    "check": set(),  # reads finished outputs; it imports no other stage
}
"""Package -> what it may import (a package, or one module of it), besides itself and
the top-level ``workshopkit`` module (its version)."""


def graph() -> dict[str, set[str]]:
    import ast

    package = ROOT / "workshopkit"
    out: dict[str, set[str]] = {}
    for path in package.rglob("*.py"):
        parts = list(path.relative_to(ROOT).with_suffix("").parts)
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        deps = out.setdefault(name, set())
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("workshopkit"):
                folder = ROOT.joinpath(*node.module.split("."))
                if folder.is_dir():  # from a package import its modules (or its names)
                    deps.update(f"{node.module}.{a.name}" for a in node.names)
                else:
                    deps.add(node.module)
            elif isinstance(node, ast.Import):
                deps.update(a.name for a in node.names if a.name.startswith("workshopkit"))
    return out


def allowed(module: str, dep: str) -> bool:
    """Whether ``module`` may import ``dep`` (both dotted, under workshopkit)."""
    mine = module.split(".")[1] if "." in module else ""
    theirs = dep.split(".")[1:]
    if not theirs or theirs[0] == mine or mine in ("", "__main__"):
        return True
    if theirs[0] not in ALLOWED:  # a name imported from the top-level package
        return True
    rules = ALLOWED.get(mine, set())
    return theirs[0] in rules or ".".join(theirs[:2]) in rules


def test_every_package_has_a_rule():
    packages = {m.split(".")[1] for m in graph() if m.count(".") >= 1}
    assert packages - {"__main__", "assets"} <= set(ALLOWED)


def test_no_package_imports_a_later_stage():
    wrong = sorted(f"{m} -> {d}" for m, deps in graph().items() for d in deps
                   if not allowed(m, d))
    assert not wrong, "imports against docs/architecture.md:\n  " + "\n  ".join(wrong)


@pytest.mark.parametrize("module, dep, ok", [
    ("workshopkit.render.pdf.guide", "workshopkit.plan.pages", True),
    ("workshopkit.render.pdf.guide", "workshopkit.source.settings", False),
    ("workshopkit.plan.slides", "workshopkit.build.kinds", False),
    ("workshopkit.source.validate", "workshopkit.render.pdf.base", False),
    ("workshopkit.cli.build", "workshopkit.build.kinds", True),
    ("workshopkit.cli.build", "workshopkit.build.runner", False),
    ("workshopkit.model", "workshopkit.source.vocab", True),
    ("workshopkit.model", "workshopkit.source.validate", False),
])
def test_the_rule_itself(module, dep, ok):
    assert allowed(module, dep) is ok
