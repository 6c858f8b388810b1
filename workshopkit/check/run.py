"""Build curricula in print variants, read every output back, report layout findings.

Used by ``workshopkit check`` and ``python -m workshopkit.check``: each variant is
built into its own folder with the command line (``OUT/<paper>-<variant>/``), then
every PDF (and deck) is read back and checked (:func:`workshopkit.check.check_outputs`).
"""
from __future__ import annotations

import os
import time
from collections import Counter, defaultdict
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Optional

from workshopkit.check import RULES, Sources, check_outputs
from workshopkit.check.generate import write_generated
from workshopkit.check.variants import Variant, all_variants, build, outputs

PDF_KINDS = "worksheets,guide,videos,slides-pdf,handout,agenda,survey"
"""What ``--pdf-only`` builds: every printed PDF of a curriculum and survey forms (kit
covers come with kits)."""


@dataclass
class Report:
    findings: dict[str, list] = field(default_factory=dict)  # variant label -> findings
    files: int = 0
    build_seconds: float = 0.0
    check_seconds: float = 0.0
    failed: list[tuple[str, str]] = field(default_factory=list)  # (variant, build output)

    @property
    def count(self) -> int:
        return sum(len(f) for f in self.findings.values())


def variants_for(all_: bool, paper: Optional[str] = None,
                 wanted: tuple[str, ...] = ()) -> list[Variant]:
    """Every variant (letter and A4 × six print options), or the standard one."""
    found = all_variants()
    if not all_:
        found = [v for v in found if v.name == "standard" and v.paper == (paper or "letter")]
    if wanted:
        found = [v for v in found if any(s in v.label or s == v.folder for s in wanted)]
    return found


def run(paths: list[Path], out: Path, variants: list[Variant], *, generated: bool = False,
        only: str = "", jobs: int = 0, build_first: bool = True,
        progress: Optional[Callable[[str], None]] = None) -> Report:
    paths = list(paths)
    if generated:
        paths += write_generated(out / "generated")
    rep = Report()
    t0 = time.perf_counter()
    if build_first:
        for v in variants:
            if progress:
                progress(f"building {v.label}")
            done = build(v, paths, out, only=only)
            if done.returncode not in (0,):
                rep.failed.append((v.label, done.stderr))
    t1 = time.perf_counter()
    src = Sources.from_paths(paths)
    by_variant = {v.label: outputs(v, out) for v in variants}
    rep.files = sum(len(f) for f in by_variant.values())
    if progress:
        progress(f"reading {rep.files} files back")
    rep.findings = check_all(by_variant, src, jobs or os.cpu_count() or 1)
    rep.build_seconds, rep.check_seconds = t1 - t0, time.perf_counter() - t1
    return rep


def _check_one(job: tuple[Path, Sources]) -> list:
    return check_outputs([job[0]], job[1])


def check_all(by_variant: dict[str, list[Path]], src: Sources, jobs: int) -> dict[str, list]:
    """Findings per variant label."""
    files = [f for fs in by_variant.values() for f in fs]
    if jobs <= 1 or len(files) < 4:
        return {label: check_outputs(fs, src) for label, fs in by_variant.items()}
    with ProcessPoolExecutor(min(jobs, len(files))) as pool:
        results = dict(zip(files, pool.map(_check_one, [(f, src) for f in files], chunksize=4)))
    return {label: [x for f in fs for x in results[f]] for label, fs in by_variant.items()}


def summary(rep: Report, examples: int = 5) -> list[str]:
    """The report as lines: per rule, its count per variant and a few examples."""
    lines: list[str] = []
    per_rule: dict[str, list] = defaultdict(list)
    counts: Counter = Counter()
    for label, fs in rep.findings.items():
        for f in fs:
            per_rule[f.rule].append((label, f))
            counts[f.rule, label] += 1
    for label, err in rep.failed:
        lines.append(f"build failed for {label}:\n{err.strip()}")
    for rule in RULES:
        hits = per_rule.get(rule, [])
        if not hits:
            continue
        lines.append(f"{rule}: {len(hits)} — {RULES[rule]}")
        lines.append("  per variant: " + ", ".join(
            f"{lab}: {counts[rule, lab]}" for lab in rep.findings if counts[rule, lab]))
        seen: set = set()
        for label, f in hits:
            if (f.file.name, f.message) in seen:
                continue
            seen.add((f.file.name, f.message))
            lines.append(f"  [{label}] {f}")
            if len(seen) >= examples:
                break
    lines.append(f"{rep.count} finding{'s' if rep.count != 1 else ''} in {rep.files} files, "
                 f"{len(rep.findings)} variant{'s' if len(rep.findings) != 1 else ''} "
                 f"(build {rep.build_seconds:.1f} s, read-back {rep.check_seconds:.1f} s)")
    return lines
