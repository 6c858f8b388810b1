"""The benchmark: decks of 50, 500 and 1000 slides and a 500-video handout,
built by workshopkit and (the decks) by pandoc from equivalent Markdown, in one run;
the 500-slide deck also as slides.pdf and as the slide handout, against the .pptx;
`workshopkit tally` of 1,000 filled survey forms (bench/tally_bench.py).

Every case runs in a child process; wall time is measured around it and peak
memory is the child's own ru_maxrss (os.wait4).  Usage:

    python bench/run.py [--out bench-out] [--repeat 3] [--only-tally] [--only-handout]

The 500-video handout and the plain qrcode + reportlab script that draws the same
cards (bench/plain_handout.py) run in turns, best of ``--repeat`` each, so their
ratio compares runs made under the same load.
"""
from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from generate import deck_markdown, deck_yaml, videos_yaml  # noqa: E402
import tally_bench  # noqa: E402

BIN = Path(sys.executable).parent


def measure(cmd: list[str], cwd: Path, env=None) -> tuple[float, float]:
    """(seconds, peak MB) of one run of ``cmd``."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=cwd, env=env, stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE)
    _pid, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    err = proc.stderr.read().decode() if proc.stderr else ""
    if status != 0:
        raise SystemExit(f"failed: {' '.join(cmd)}\n{err}")
    return wall, usage.ru_maxrss / 1024


def best(cmd, cwd, repeat, prepare=None, env=None) -> tuple[float, float]:
    runs = []
    for _ in range(repeat):
        if prepare:
            prepare()
        runs.append(measure(cmd, cwd, env))
    return min(r[0] for r in runs), max(r[1] for r in runs)


def handout_case(work: Path, wk: str, repeat: int) -> tuple[tuple[float, float],
                                                            tuple[float, float] | None]:
    """(workshopkit, plain script) best (seconds, peak MB) for the 500-video handout; the
    plain script's is None without the qrcode package (pip install qrcode)."""
    src = work / "curricula" / "videos-500.yaml"
    src.write_text(videos_yaml(500), "utf-8")
    try:
        import qrcode  # noqa: F401
        plain_cmd = [sys.executable, str(HERE / "plain_handout.py"), "500", str(work / "plain.pdf")]
    except ImportError:
        plain_cmd = None
    ours, plain = [], []
    for _ in range(repeat):  # in turns: the ratio compares runs under the same load
        shutil.rmtree(work / "build", ignore_errors=True)
        ours.append(measure([wk, "build", str(src), "-o", "build", "--only", "videos", "-j", "1",
                             "-q"], work))
        if plain_cmd:
            plain.append(measure(plain_cmd, work))
    best_of = lambda runs: (min(r[0] for r in runs), max(r[1] for r in runs))  # noqa: E731
    return best_of(ours), (best_of(plain) if plain else None)


def print_handout(w, plain) -> None:
    line = f"video handout, 500 QR codes: {w[0]:.3f}s, peak {w[1]:.0f} MB"
    if plain:
        line += (f"; plain qrcode + reportlab script: {plain[0]:.3f}s; ratio "
                 f"{w[0] / plain[0]:.2f}x (target <= 0.15x)")
    print(line)


def pandoc() -> str:
    try:
        import pypandoc

        return pypandoc.get_pandoc_path()
    except (ImportError, OSError):
        found = shutil.which("pandoc")
        if not found:
            raise SystemExit("pandoc not found: pip install pypandoc-binary")
        return found


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", default="bench-out")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--only-tally", action="store_true", help="only the tally benchmark")
    ap.add_argument("--only-handout", action="store_true",
                    help="only the 500-video handout against the plain script")
    args = ap.parse_args()
    work = Path(args.out).resolve()
    shutil.rmtree(work, ignore_errors=True)
    (work / "curricula").mkdir(parents=True)
    wk = str(BIN / "workshopkit")
    if args.only_handout:
        print_handout(*handout_case(work, wk, args.repeat))
        return
    filled = tally_bench.prepare(work, wk)
    tally = best([wk, "tally", "member-tech", *map(str, filled), "-o", "tally", "-j", "2"],
                 work, args.repeat)
    print(f"tally, {len(filled)} filled forms (2 processes): {tally[0]:.3f}s, peak "
          f"{tally[1]:.0f} MB (target <= 10 s on 2 cores)")
    if args.only_tally:
        return
    pd = pandoc()
    rows = []

    def clean() -> None:
        shutil.rmtree(work / "build", ignore_errors=True)

    for n in (50, 500, 1000):
        src = work / "curricula" / f"deck-{n}.yaml"
        src.write_text(deck_yaml(n), "utf-8")
        md = work / f"deck-{n}.md"
        md.write_text(deck_markdown(n), "utf-8")
        w = best([wk, "build", str(src), "-o", "build", "--only", "slides", "-j", "1", "-q"],
                 work, args.repeat, clean)
        p = best([pd, str(md), "-o", str(work / f"pandoc-{n}.pptx")], work, args.repeat)
        rows.append((f"deck, {n} slides with notes", w, p))
    deck500 = work / "curricula" / "deck-500.yaml"
    runs: dict[str, list] = {"slides": [], "slides-pdf": [], "handout": []}
    for _ in range(args.repeat):  # interleaved: the ratios compare like with like
        for kind, got in runs.items():
            clean()
            got.append(measure([wk, "build", str(deck500), "-o", "build", "--only", kind,
                                "-j", "1", "-q"], work))
    pdf_rows = [(min(r[0] for r in got), max(r[1] for r in got)) for got in runs.values()]
    rows.append(("deck, 500 slides as slides.pdf", pdf_rows[1], None))
    rows.append(("deck, 500 slides as slide handout", pdf_rows[2], None))
    w, plain = handout_case(work, wk, args.repeat)
    rows.append(("video handout, 500 QR codes", w, None))
    print_handout(w, plain)
    everything = [wk, "build", "curricula", "-o", "build", "-q"]
    clean()
    measure(everything, work)
    noop = best(everything, work, args.repeat)
    helpt = best([wk, "--help"], work, args.repeat)
    rows.append(("no-op rebuild (all of the above)", noop, None))
    rows.append(("workshopkit --help", helpt, None))

    print(f"{'case':38} {'workshopkit':>12} {'peak MB':>8} {'pandoc':>8} {'ratio':>7}")
    for name, (wt, wm), p in rows:
        ratio = f"{wt / p[0]:.2f}x" if p else ""
        print(f"{name:38} {wt:>11.3f}s {wm:>8.0f} {f'{p[0]:.3f}s' if p else '':>8} {ratio:>7}")
    t500, t1000 = rows[1][1][0], rows[2][1][0]
    print(f"\n1000 vs 500 slides: {t1000 / t500:.2f}x (target <= 2.1x)")
    print(f"500 slides vs pandoc: {t500 / rows[1][2][0]:.2f}x (target <= 0.15x)")
    print(f"500 slides, slides.pdf vs .pptx: {pdf_rows[1][0] / pdf_rows[0][0]:.2f}x "
          f"(target <= 1x); handout vs .pptx: {pdf_rows[2][0] / pdf_rows[0][0]:.2f}x "
          "(target <= 1.5x)")
    print(f"no-op rebuild vs --help: {noop[0] / helpt[0]:.2f}x (target <= 2x)")
    print(f"--help: {helpt[0]:.3f}s (target < 0.1 s); peak memory, 500 slides: "
          f"{rows[1][1][1]:.0f} MB (target < 100 MB)")


if __name__ == "__main__":
    main()
