"""python -m workshopkit.check [PATHS]: build every variant and report layout defects.

Builds the curricula (default: curricula/) and generated stress curricula in letter and
A4 × {standard, large print, booklet, large-print booklet, bilingual es+en, low ink}, each
into its own folder, reads every PDF and deck back, and prints the findings grouped by
rule, with counts per rule and variant. Exit status 1 when anything was found.
(``workshopkit check --all-variants`` does the same.)
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from workshopkit.check.run import PDF_KINDS, run, summary, variants_for


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m workshopkit.check", description=__doc__.split("\n")[0])
    ap.add_argument("paths", nargs="*", type=Path, help="curricula (files or folders)")
    ap.add_argument("-o", "--out", type=Path, default=Path("build/check"), help="output folder")
    ap.add_argument("--no-generated", action="store_true", help="leave out generated curricula")
    ap.add_argument("--no-build", action="store_true", help="check what is already built")
    ap.add_argument("--pdf-only", action="store_true", help="build and check printed PDFs only")
    ap.add_argument("--variant", action="append", default=[],
                    help="only variants whose label contains this (e.g. 'a4 booklet')")
    ap.add_argument("--examples", type=int, default=5, help="examples shown per rule")
    ap.add_argument("-j", "--jobs", type=int, default=0,
                    help="processes reading outputs back (default: the number of cores)")
    args = ap.parse_args(argv)
    variants = variants_for(True, wanted=tuple(args.variant))
    rep = run(args.paths or [Path("curricula")], args.out, variants,
              generated=not args.no_generated, only=PDF_KINDS if args.pdf_only else "",
              jobs=args.jobs, build_first=not args.no_build,
              progress=lambda s: print(s, file=sys.stderr))
    print("\n".join(summary(rep, args.examples)))
    return 1 if rep.count or rep.failed else 0


if __name__ == "__main__":
    sys.exit(main())
