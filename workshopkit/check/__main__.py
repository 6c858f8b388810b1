"""python -m workshopkit.check [PATHS]: build every variant and report layout defects.

Builds the curricula (default: curricula/) and generated stress curricula in letter and
A4 × {standard, large print, booklet, large-print booklet, bilingual es+en, low ink}, each
into its own folder, reads every PDF and deck back, and prints the findings grouped by
rule, with counts per rule and variant. Exit status 1 when anything was found.
"""
from __future__ import annotations

import argparse
import os
import sys
import time
from collections import Counter, defaultdict
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from workshopkit.check import RULES, Sources, check_outputs
from workshopkit.check.generate import write_generated
from workshopkit.check.variants import all_variants, build, outputs


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m workshopkit.check", description=__doc__.split("\n")[0])
    ap.add_argument("paths", nargs="*", type=Path, help="curricula (files or folders)")
    ap.add_argument("-o", "--out", type=Path, default=Path("build/check"), help="output folder")
    ap.add_argument("--no-generated", action="store_true", help="leave out generated curricula")
    ap.add_argument("--no-build", action="store_true", help="check what is already built")
    ap.add_argument("--variant", action="append", default=[],
                    help="only variants whose label contains this (e.g. 'a4 booklet')")
    ap.add_argument("--examples", type=int, default=5, help="examples shown per rule")
    ap.add_argument("-j", "--jobs", type=int, default=os.cpu_count() or 1,
                    help="processes reading outputs back (default: the number of cores)")
    ap.add_argument("--compare-readers", action="store_true",
                    help="also time reading every PDF with pypdf's text visitor")
    args = ap.parse_args(argv)
    paths = args.paths or [Path("curricula")]
    if not args.no_generated:
        paths = [*paths, *write_generated(args.out / "generated")]
    variants = [v for v in all_variants()
                if not args.variant or any(s in v.label or s == v.folder for s in args.variant)]
    t0 = time.perf_counter()
    if not args.no_build:
        for v in variants:
            done = build(v, paths, args.out)
            if done.returncode:
                print(f"build failed for {v.label}:\n{done.stderr}", file=sys.stderr)
                return 2
    t1 = time.perf_counter()
    src = Sources.from_paths(paths)
    by_variant = {v.label: outputs(v, args.out) for v in variants}
    cpu = time.process_time()
    findings, child_cpu = check_all(by_variant, src, args.jobs)
    cpu = time.process_time() - cpu + child_cpu
    t2 = time.perf_counter()
    n_files = sum(len(f) for f in by_variant.values())
    report(findings, args.examples)
    print(f"\n{n_files} files in {len(variants)} variants; build {t1 - t0:.1f} s, "
          f"read-back and check {t2 - t1:.1f} s ({cpu:.1f} s of CPU, {args.jobs} processes)")
    if args.compare_readers:
        compare_readers([f for fs in by_variant.values() for f in fs if f.suffix == ".pdf"])
    return 1 if any(findings.values()) else 0


def _check_one(job: tuple[Path, Sources]) -> tuple[list, float]:
    start = time.process_time()
    found = check_outputs([job[0]], job[1])
    return found, time.process_time() - start


def check_all(by_variant: dict[str, list[Path]], src: Sources, jobs: int) -> tuple[dict, float]:
    """Findings per variant label, and the CPU seconds spent in worker processes."""
    if jobs <= 1:
        return {label: check_outputs(files, src) for label, files in by_variant.items()}, 0.0
    files = [f for fs in by_variant.values() for f in fs]
    with ProcessPoolExecutor(jobs) as pool:
        results = dict(zip(files, pool.map(_check_one, [(f, src) for f in files], chunksize=8)))
    return ({label: [x for f in fs for x in results[f][0]] for label, fs in by_variant.items()},
            sum(r[1] for r in results.values()))


def report(findings: dict, examples: int) -> None:
    per_rule: dict[str, list] = defaultdict(list)
    counts: Counter = Counter()
    for label, fs in findings.items():
        for f in fs:
            per_rule[f.rule].append((label, f))
            counts[f.rule, label] += 1
    labels = list(findings)
    for rule in RULES:
        hits = per_rule.get(rule, [])
        print(f"\n== {rule}: {len(hits)} — {RULES[rule]}")
        row = ", ".join(f"{lab}: {counts[rule, lab]}" for lab in labels if counts[rule, lab])
        if row:
            print(f"   per variant: {row}")
        seen = set()
        for label, f in hits:
            key = (f.file.name, f.message)
            if key in seen:
                continue
            seen.add(key)
            print(f"   [{label}] {f}")
            if len(seen) >= examples:
                break


def compare_readers(pdfs: list[Path]) -> None:
    from pypdf import PdfReader
    from workshopkit.check.pdftext import read_pdf

    t0 = time.perf_counter()
    for p in pdfs:
        read_pdf(p)
    t1 = time.perf_counter()
    for p in pdfs:
        runs = []
        for page in PdfReader(p).pages:
            page.extract_text(visitor_text=lambda text, cm, tm, font, size: runs.append((text, tm)))
    t2 = time.perf_counter()
    print(f"reading {len(pdfs)} PDFs: pypdfium2 text rectangles {t1 - t0:.1f} s, "
          f"pypdf text visitor {t2 - t1:.1f} s")


if __name__ == "__main__":
    sys.exit(main())
