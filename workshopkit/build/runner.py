"""The build: the only code that writes outputs.

A target whose key and output are unchanged is skipped (see
:mod:`workshopkit.build.cache` and :mod:`workshopkit.build.targets`).  The rest
are rendered, in worker processes with ``jobs > 1``, each into a temporary
file beside its target; when every target of a curriculum has rendered, the
files are renamed into place.  A writer error leaves that curriculum's earlier
outputs as they were; a killed build leaves whole files only, and its
temporary files are removed by the next build.  Output dates come from
SOURCE_DATE_EPOCH or the curriculum's ``updated``, never from the clock.

A request identical to an earlier successful one, with nothing it read or
wrote changed, is answered from the record: its diagnostics are replayed and
no curriculum is loaded.
"""
from __future__ import annotations

import os
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Optional

from workshopkit.build import kinds
from workshopkit.build.cache import Cache, thaw, up_to_date
from workshopkit.build.files import clean_stray, mtime_ns, write_temp
from workshopkit.build.fingerprint import digest_bytes
from workshopkit.build.request import BuildRequest, BuildResult
from workshopkit.errors import Diagnostic, Pos, Problems, WorkshopkitError
if TYPE_CHECKING:
    from workshopkit.model import Curriculum
    from workshopkit.model.options import Options


def build(request: BuildRequest, *, progress: Optional[Callable[[object], None]] = None,
          on_plan: Optional[Callable[[int], None]] = None) -> BuildResult:
    """Build every target of a checked request that is out of date; curricula with
    errors write nothing.  Diagnostics are in the result."""
    started = time.time_ns()
    result = BuildResult(out_dir=request.out_dir, strict=request.strict)
    problems = result.problems
    cache, rkey, sources, record = up_to_date(request)
    if record is not None:  # nothing changed: no YAML parsed, no writer imported
        problems.items.extend(thaw(row) for row in record["diagnostics"])
        result.up_to_date = [Path(p) for p in record["outputs"]]
        result.slides, result.pages = record["summary"]["slides"], record["summary"]["pages"]
        result.from_record = True
        cache.save()
        return result

    from workshopkit.build.targets import load_all, plan_targets, target_key

    wanted = request.wanted_languages()
    result.curricula, result.failed = load_all(list(request.paths), problems, wanted,
                                               request.strict)
    targets = plan_targets(result.curricula, request.out_dir, request.overrides,
                           request.kinds or kinds.available(), request.languages, problems,
                           request.bilingual)
    todo: list[Job] = []
    for i, t in enumerate(targets):
        t.key = target_key(t, cache)
        if cache.target_fresh(t.path, t.key):
            result.up_to_date.append(t.path)
            rec = cache.targets[str(t.path)]
            result.slides += rec.get("slides", 0)
            result.pages += rec.get("pages", 0)
        else:
            todo.append(Job(i, t.curriculum.path, t.languages, t.kind, t.path, t.options,
                            frozenset(wanted) if wanted else None))
    if on_plan:
        on_plan(len(todo))
    _render_all(targets, todo, request.jobs, cache, result, progress, started)
    if request.kit is not None:
        from workshopkit.build.kits import write_kits

        write_kits(targets, result, cache, request.out_dir, request.kit)
    if not result.failed and not problems.failed(request.strict):
        inputs = {p for t in targets for p in t.inputs}
        inputs.update(p.resolve() for cur in result.curricula for p in cur.inputs)
        cache.record_request(rkey, sources, inputs, [t.path for t in targets] + result.kits,
                             problems.items, {"slides": result.slides, "pages": result.pages})
    else:
        cache.forget_request(rkey)
    cache.save()
    return result


# ------------------------------------------------------------------- rendering
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


_LOADED: dict[Path, Optional[Curriculum]] = {}


def _worker_curriculum(job: Job) -> Optional[Curriculum]:
    from workshopkit.source.validate import Workspace

    if job.source not in _LOADED:
        _LOADED[job.source] = Workspace(Problems(), job.wanted).load(job.source)
    return _LOADED[job.source]


def render(job: Job, cur: Optional[Curriculum] = None) -> Outcome:
    """Write one target into a temporary file beside it (runs in a worker process)."""
    from workshopkit.source.project import display

    cur = cur or _worker_curriculum(job)
    if cur is None:
        return Outcome(job.index, diagnostics=[Diagnostic(
            "error", Pos(display(job.source)), "the file changed during the build; build again")])
    try:
        data = kinds.render(job.kind, cur, job.languages, job.options)
    except WorkshopkitError as exc:
        return Outcome(job.index, diagnostics=exc.diagnostics)
    except Exception as exc:  # a writer bug: say so plainly, write nothing, keep building others
        tag = "+".join(job.languages)
        return Outcome(job.index, diagnostics=[Diagnostic("error", Pos(display(job.source)), (
            f"internal error while writing the {tag} {job.kind}: {type(exc).__name__}: "
            f"{str(exc).splitlines()[0][:300] if str(exc) else ''} - please report this "
            "with the curriculum that caused it"))])
    slides, pages = kinds.count(data)
    return Outcome(job.index, write_temp(job.path, data), digest_bytes(data), slides, pages)


def _run_jobs(jobs: list[Job], curricula: dict[Path, Curriculum], workers: int,
              done: Callable[[Outcome], None]) -> None:
    if workers <= 1 or len(jobs) <= 1:
        for job in jobs:
            done(render(job, curricula[job.source]))
        return
    from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait

    with ProcessPoolExecutor(max_workers=min(workers, len(jobs))) as pool:
        pending = {pool.submit(render, job) for job in jobs}
        try:
            while pending:
                finished, pending = wait(pending, return_when=FIRST_COMPLETED)
                for fut in finished:
                    done(fut.result())
        except BaseException:
            for fut in pending:
                fut.cancel()
            raise


def _render_all(targets: list, todo: list[Job], jobs: int, cache: Cache, result: BuildResult,
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

    if any(o.diagnostics for o in outcomes):
        for o in outcomes:
            result.problems.extend(o.diagnostics)
            if o.temp:
                o.temp.unlink(missing_ok=True)
        result.failed.append(display(targets[outcomes[0].index].curriculum.path))
        return
    for o in sorted(outcomes, key=lambda o: o.index):
        t = targets[o.index]
        os.replace(o.temp, t.path)
        # an input edited while this build ran: do not vouch for the result
        changed = any(mtime_ns(p) >= started for p in t.inputs)
        cache.record_target(t.path, "" if changed else t.key, o.sha256,
                            slides=o.slides, pages=o.pages)
        result.written.append(t.path)
        result.slides += o.slides
        result.pages += o.pages

