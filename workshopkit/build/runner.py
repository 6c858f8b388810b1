"""The build: the only code that writes outputs (rendering itself: :mod:`.jobs`).

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

import time
from pathlib import Path
from typing import Callable, Optional

from workshopkit.build import kinds
from workshopkit.build.cache import thaw, up_to_date
from workshopkit.build.files import clean_stray
from workshopkit.build.request import BuildRequest, BuildResult


def build(request: BuildRequest, *, progress: Optional[Callable[[object], None]] = None,
          on_plan: Optional[Callable[[int], None]] = None) -> BuildResult:
    """Build every target of a checked request that is out of date; curricula with
    errors write nothing.  Diagnostics are in the result.

    A file or folder that cannot be written (a read-only folder, a file where a
    folder should be, a full disk) is a one-line error naming it: earlier outputs
    stay as they were and no temporary file is left."""
    try:
        return _build(request, progress, on_plan)
    except OSError as exc:
        from workshopkit.build.files import write_problem
        from workshopkit.errors import WorkshopkitError

        raise WorkshopkitError(write_problem(exc, Path(request.out_dir))) from None


def _build(request: BuildRequest, progress: Optional[Callable[[object], None]],
           on_plan: Optional[Callable[[int], None]]) -> BuildResult:
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

    from workshopkit.build.jobs import Job, render_all
    from workshopkit.build.targets import load_all, plan_targets, target_key

    wanted = request.wanted_languages()
    result.curricula, result.failed = load_all(list(request.paths), problems, wanted,
                                               request.strict,
                                               delivery=request.overrides.get("delivery"))
    targets = plan_targets(result.curricula, request.out_dir, request.overrides,
                           request.kinds or kinds.available(None), request.languages, problems,
                           request.bilingual)
    targets = _not_through_links(targets, request.out_dir, problems, result.failed)
    clean_stray({t.path.parent for t in targets})  # left by a build killed before its record
    from workshopkit.build.directions import refuse

    targets = refuse(targets, kinds.EXTENSIONS, bool(request.kinds), problems, result.failed)
    from workshopkit.build.access import check_build

    targets = check_build(targets, request.strict, problems, result.failed)
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
    render_all(targets, todo, request.jobs, cache, result, progress, started)
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
    if not result.written and not result.kits and not cache.path.exists():
        return result  # nothing was written: an output folder stays as it was (no record)
    try:
        cache.save()
    except OSError as exc:  # reported with what the build already found
        from workshopkit.build.files import write_problem

        problems.extend([write_problem(exc, cache.path)])
        result.failed.append(str(cache.path))
    return result


def _not_through_links(targets: list, out_dir: Path, problems, failed: list[str]) -> list:
    """The targets of the curricula none of whose outputs would go through a folder below
    ``out_dir`` that is a symbolic link; each link is an error, once, and the curricula
    whose outputs it would take write nothing and count as failed."""
    from workshopkit.build.files import linked_folder, linked_problem
    from workshopkit.source.project import display

    links: dict[Path, None] = {}
    stopped = set()
    for t in targets:
        link = linked_folder(t.path, out_dir)
        if link is not None:
            links.setdefault(link)
            stopped.add(id(t.curriculum))
    problems.extend([linked_problem(link) for link in links])
    for t in targets:
        if id(t.curriculum) in stopped and display(t.curriculum.path) not in failed:
            failed.append(display(t.curriculum.path))
    return [t for t in targets if id(t.curriculum) not in stopped]
