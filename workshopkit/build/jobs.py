"""Rendering targets: each into a temporary file beside it, in worker processes with
``jobs > 1``; a curriculum's files are renamed into place once all of them have
rendered, and none of them when one fails.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Optional

from workshopkit.build import kinds
from workshopkit.build.cache import Cache
from workshopkit.build.files import clean_stray, mtime_ns, write_problem, write_temp
from workshopkit.build.fingerprint import digest_bytes
from workshopkit.build.request import BuildResult
from workshopkit.errors import Diagnostic, Pos, Problems, WorkshopkitError

if TYPE_CHECKING:
    from workshopkit.model import Curriculum
    from workshopkit.model.options import Options


@dataclass(frozen=True)
class Job:
    """One target as a worker process needs it (picklable: paths, not the model)."""

    index: int
    source: Path
    languages: tuple[str, ...]
    kind: str
    path: Path
    options: Options
    wanted: Optional[frozenset]


@dataclass
class Outcome:
    index: int
    temp: Optional[Path] = None
    sha256: str = ""
    slides: int = 0
    pages: int = 0
    diagnostics: list[Diagnostic] = field(default_factory=list)
    warnings: list[Diagnostic] = field(default_factory=list)  # accessibility of the output


_LOADED: dict[Path, Optional[Curriculum]] = {}


def _worker_curriculum(job: Job) -> Optional[Curriculum]:
    from workshopkit.source.validate import Workspace

    if job.source not in _LOADED:
        _LOADED[job.source] = Workspace(Problems(), job.wanted).load(job.source)
    return _LOADED[job.source]


_SETTINGS: dict[tuple, tuple[Curriculum, object]] = {}


def _settings(cur: Curriculum, options: Options):
    """The settings of ``cur`` for a theme and template, resolved once per curriculum
    object (every output of one curriculum in one build then shares them, and the slide
    plan drawn by several outputs is made once: see workshopkit.plan.slides.plan)."""
    from workshopkit.source.settings import resolve

    key = (id(cur), options.theme, options.template)
    hit = _SETTINGS.get(key)
    if hit is not None and hit[0] is cur:
        return hit[1]
    settings = resolve(cur, options.theme, options.template)
    _SETTINGS[key] = (cur, settings)
    while len(_SETTINGS) > 4:
        del _SETTINGS[next(iter(_SETTINGS))]
    return settings


def render(job: Job, cur: Optional[Curriculum] = None) -> Outcome:
    """Write one target into a temporary file beside it (runs in a worker process)."""
    from workshopkit.source.project import display

    cur = cur or _worker_curriculum(job)
    if cur is None:
        return Outcome(job.index, diagnostics=[Diagnostic(
            "error", Pos(display(job.source)), "the file changed during the build; build again")])
    try:
        settings = _settings(cur, job.options)
        data = kinds.render(job.kind, cur, settings, job.languages, job.options)
    except WorkshopkitError as exc:
        return Outcome(job.index, diagnostics=exc.diagnostics)
    except Exception as exc:  # a writer bug: say so plainly, write nothing, keep building others
        tag = "+".join(job.languages)
        return Outcome(job.index, diagnostics=[Diagnostic("error", Pos(display(job.source)), (
            f"internal error while writing the {tag} {job.kind}: {type(exc).__name__}: "
            f"{str(exc).splitlines()[0][:300] if str(exc) else ''} - please report this "
            "with the curriculum that caused it"))])
    slides, pages = kinds.count(data)
    from workshopkit.build.access import check_output

    warnings = check_output(job.kind, kinds.kind(job.kind).ext, data, job.languages,
                            display(job.source))
    try:
        temp = write_temp(job.path, data)
    except OSError as exc:  # a read-only folder, a file where a folder should be, a full disk
        return Outcome(job.index, diagnostics=[write_problem(exc, job.path)])
    return Outcome(job.index, temp, digest_bytes(data), slides, pages, warnings=warnings)


def _run_jobs(jobs: list[Job], curricula: dict[Path, Curriculum], workers: int,
              done: Callable[[Outcome], None]) -> None:
    if workers <= 1 or len(jobs) <= 1:
        for job in jobs:
            done(render(job, curricula[job.source]))
        return
    from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait

    pool = ProcessPoolExecutor(max_workers=min(workers, len(jobs)), initializer=_worker_start,
                               initargs=(os.getpid(),))
    try:
        pending = {pool.submit(render, job) for job in jobs}
        while pending:
            finished, pending = wait(pending, return_when=FIRST_COMPLETED)
            for fut in finished:
                done(fut.result())
    except BaseException:  # Ctrl-C, SIGTERM, a failure: stop the workers now
        for proc in list(getattr(pool, "_processes", {}).values()):
            proc.terminate()
        pool.shutdown(wait=True, cancel_futures=True)
        raise
    pool.shutdown(wait=True)


def _worker_start(parent: int) -> None:
    """A worker ignores Ctrl-C (the build stops it) and dies with the build: on Linux the
    kernel kills it when its parent dies, elsewhere a thread watches the parent."""
    import signal
    import threading

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGKILL, 0, 0, 0)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):  # not Linux
        pass
    if os.getppid() != parent:  # the build died before we got here
        os._exit(1)

    def watch() -> None:
        import time

        while os.getppid() == parent:
            time.sleep(0.5)
        os._exit(1)

    threading.Thread(target=watch, daemon=True).start()


def render_all(targets: list, todo: list[Job], jobs: int, cache: Cache, result: BuildResult,
                progress, started: int) -> None:
    """Render ``todo``; rename each curriculum's files into place once all have rendered."""
    remaining: dict[Path, int] = {}
    for job in todo:
        remaining[job.source] = remaining.get(job.source, 0) + 1
    outcomes: dict[Path, list[Outcome]] = {src: [] for src in remaining}
    curricula = {t.curriculum.path: t.curriculum for t in targets}

    def done(o: Outcome) -> None:
        t = targets[o.index]
        src = t.curriculum.path
        outcomes[src].append(o)
        remaining[src] -= 1
        if progress:
            progress(t)
        if remaining[src] == 0:
            _commit(targets, outcomes.pop(src), cache, result, started)

    try:
        _run_jobs(todo, curricula, jobs, done)
    finally:
        for left in outcomes.values():  # interrupted: drop what never got committed
            for o in left:
                if o.temp:
                    o.temp.unlink(missing_ok=True)
        if outcomes:  # and what finished in workers after the failure
            clean_stray({job.path.parent for job in todo})


def _commit(targets: list, outcomes: list[Outcome], cache: Cache, result: BuildResult,
            started: int) -> None:
    from workshopkit.source.project import display

    for o in outcomes:
        result.problems.extend(o.warnings)
    if any(o.diagnostics for o in outcomes) or (result.strict and any(o.warnings for o in outcomes)):
        for o in outcomes:
            result.problems.extend(o.diagnostics)
            if o.temp:
                o.temp.unlink(missing_ok=True)
        result.failed.append(display(targets[outcomes[0].index].curriculum.path))
        return
    for o in sorted(outcomes, key=lambda o: o.index):
        t = targets[o.index]
        try:
            os.replace(o.temp, t.path)
        except OSError as exc:  # a folder where the output should be, say
            result.problems.extend([write_problem(exc, t.path)])
            result.failed.append(display(t.curriculum.path))
            for left in outcomes:
                if left.temp:
                    left.temp.unlink(missing_ok=True)
            return
        # an input edited while this build ran: do not vouch for the result
        changed = any(mtime_ns(p) >= started for p in t.inputs)
        cache.record_target(t.path, "" if changed else t.key, o.sha256,
                            slides=o.slides, pages=o.pages)
        result.written.append(t.path)
        result.slides += o.slides
        result.pages += o.pages

