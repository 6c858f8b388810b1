"""The print variants the check builds, and how to build each into its own folder."""
from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

PAPERS = ("letter", "a4")
OPTIONS = (
    ("standard", ()),
    ("large-print", ("--large-print",)),
    ("booklet", ("--booklet",)),
    ("large-print-booklet", ("--large-print", "--booklet")),
    ("bilingual", ("--bilingual", "es,en")),
    ("low-ink", ("--ink", "low")),
)


@dataclass(frozen=True)
class Variant:
    paper: str
    name: str
    flags: tuple[str, ...]

    @property
    def label(self) -> str:
        return f"{self.paper} {self.name}"

    @property
    def folder(self) -> str:
        return f"{self.paper}-{self.name}"

    def args(self) -> list[str]:
        return ["--paper", self.paper, *self.flags]


def all_variants() -> list[Variant]:
    return [Variant(p, n, f) for p in PAPERS for n, f in OPTIONS]


def build(variant: Variant, paths: list[Path], out: Path, jobs: int = 0,
          only: str = "") -> subprocess.CompletedProcess:
    """Build ``paths`` in ``variant`` into ``out/<paper>-<variant>/`` with the CLI
    (``only``: a comma-separated list of kinds, as ``--only`` takes)."""
    cmd = [sys.executable, "-m", "workshopkit", "build", *map(str, paths),
           "-o", str(out / variant.folder), "-q", *variant.args()]
    if jobs:
        cmd += ["-j", str(jobs)]
    if only:
        cmd += ["--only", only]
    env = dict(os.environ)
    root = str(Path(__file__).resolve().parent.parent.parent)
    env["PYTHONPATH"] = os.pathsep.join([root, env.get("PYTHONPATH", "")]).rstrip(os.pathsep)
    return subprocess.run(cmd, capture_output=True, text=True, env=env)


def outputs(variant: Variant, out: Path) -> list[Path]:
    """The built files of one variant (for the bilingual variant, the bilingual ones)."""
    folder = out / variant.folder
    files = sorted(p for p in folder.rglob("*") if p.suffix in (".pdf", ".pptx")
                   and "kits" not in p.relative_to(folder).parts)
    if variant.name == "bilingual":
        files = [p for p in files if "+" in p.parent.name]
    return files
