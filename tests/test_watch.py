"""Watch: rebuild what changed on save, report errors and keep watching."""
from __future__ import annotations

import re
import threading
import time
from pathlib import Path

from workshopkit import api
from workshopkit.build.watch import Watcher

ID = "local-surveillance"


def make(project: Path, lines: list[str]) -> Watcher:
    """A watcher that reports as the command line does: diagnostics, then the summary."""
    request = api.BuildRequest(paths=(project / "curricula",), out_dir=project / "build",
                               kinds=("slides",), languages=("es",)).checked()

    def rebuild() -> int:
        result = api.build(request)
        lines.extend(str(d) for d in result.problems.sorted())
        lines.append(result.summary())
        return result.exit_code

    return Watcher(request, rebuild, echo=lines.append)


def test_changed_paths_rebuild_and_errors_are_located(example_project):
    lines: list[str] = []
    w = make(example_project, lines)
    assert w.rebuild() == 0
    deck = example_project / "build" / ID / "es" / f"{ID}-es-slides.pptx"
    first = deck.read_bytes()
    # our own outputs and editors' swap files never trigger a build
    assert w.changed([deck, example_project / "curricula" / ".x.yaml.swp"]) is None
    cur = example_project / "curricula" / f"{ID}.yaml"
    good = cur.read_text("utf-8")
    cur.write_text(good.replace("level: intro", "level: expert"), "utf-8")
    assert w.changed([cur]) == 1
    assert any(re.search(rf"{ID}\.yaml:\d+:\d+: error: ", l) for l in lines), lines
    assert deck.read_bytes() == first  # the earlier output is kept
    cur.write_text(good.replace("Vigilancia en nuestras comunidades", "Vigilancia del barrio"),
                   "utf-8")
    assert w.changed([cur]) == 0
    assert deck.read_bytes() != first
    # the summary line build prints
    assert re.fullmatch(re.escape(f"{example_project / 'build'}: 1 file written, 0 up to date; ")
                        + r"\d+ slides, 0 pages, 0 warnings", lines[-1]), lines[-1]


def test_real_watcher_rebuilds_on_save(example_project):
    lines: list[str] = []
    w = make(example_project, lines)
    stop, ready = threading.Event(), threading.Event()
    thread = threading.Thread(target=w.run, kwargs={"stop_event": stop, "ready": ready.set},
                              daemon=True)
    thread.start()
    try:
        assert ready.wait(60)
        deck = example_project / "build" / ID / "es" / f"{ID}-es-slides.pptx"
        before = deck.stat().st_mtime_ns
        cur = example_project / "curricula" / f"{ID}.yaml"
        time.sleep(0.3)  # let the watcher settle
        cur.write_text(cur.read_text("utf-8").replace("Vigilancia en nuestras", "Vigilancia de"),
                       "utf-8")
        deadline = time.monotonic() + 30
        while deck.stat().st_mtime_ns == before and time.monotonic() < deadline:
            time.sleep(0.1)
        assert deck.stat().st_mtime_ns != before, lines
        assert w.builds == 2
    finally:
        stop.set()
        thread.join(10)
    assert not thread.is_alive()
