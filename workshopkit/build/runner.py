"""The build layer: the only code that writes files.

Targets are curriculum × language (or language pair) × output kind.  Each
target has a key: a hash of what it was built from (the contents of the files
it reads, the options that matter to its kind, its languages, the package and
SOURCE_DATE_EPOCH).  A target whose key and output are unchanged is skipped
(see :mod:`workshopkit.build.cache`).  The rest are rendered, in worker processes
with ``jobs > 1``, each into a temporary file beside its target; when every
target of a curriculum has rendered, the files are renamed into place.  A
writer error leaves that curriculum's earlier outputs as they were; a killed
build leaves whole files only, and its temporary files are removed by the next
build.  Output dates come from SOURCE_DATE_EPOCH or the curriculum's
``updated``, never from the clock.
"""
from __future__ import annotations

import io
import os
import re
import time
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Callable, Iterable, Optional

from workshopkit.build import kinds as writers
from workshopkit.build.cache import (Cache, KitRequest, atomic_write, clean_stray, digest_bytes,
                                     environment, key_of, up_to_date, write_temp)
from workshopkit.errors import Diagnostic, Pos, Problems, WorkshopkitError
from workshopkit.i18n import has_ui_catalog
from workshopkit.model import Curriculum
from workshopkit.model.options import Options, output_date
from workshopkit.source.project import CONFIG_NAME, display, find_sources
from workshopkit.source.settings import resolve
from workshopkit.source.validate import Workspace

__all__ = ["atomic_write", "output_path", "parse_langs", "load_all", "options_for", "build",
           "Target", "BuildResult", "KitRequest"]

PDF_KINDS = frozenset({"worksheets", "guide", "videos"})
IMAGE_KINDS = frozenset({"slides", "guide"})
"""Kinds that draw the curriculum's images (slides; the guide shows slide content)."""
OPTION_KINDS = {"paper": PDF_KINDS, "booklet": PDF_KINDS, "cards": frozenset({"videos"}),
                "template": frozenset({"slides"})}
"""Options that matter only to some kinds; every other option matters to all."""


@dataclass
class Target:
    curriculum: Curriculum
    languages: tuple[str, ...]
    kind: str
    path: Path
    options: Options
    key: str = ""
    inputs: tuple[Path, ...] = ()

    @property
    def lang_dir(self) -> str:
        return "+".join(self.languages)


@dataclass
class BuildResult:
    written: list[Path] = field(default_factory=list)
    up_to_date: list[Path] = field(default_factory=list)
    curricula: list[Curriculum] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)  # files with errors
    kits: list[Path] = field(default_factory=list)
    slides: int = 0
    pages: int = 0
    warnings: int = 0
    from_record: bool = False  # nothing changed: answered from the staleness record


def output_path(out_dir: Path, cid: str, languages: tuple[str, ...], kind: str) -> Path:
    tag = "+".join(languages)
    return out_dir / cid / tag / f"{cid}-{tag}-{kind}.{writers.EXTENSIONS[kind]}"


def kit_path(out_dir: Path, cid: str, languages: tuple[str, ...]) -> Path:
    return out_dir / "kits" / f"{cid}-{'+'.join(languages)}.zip"


def parse_langs(values: Iterable[str]) -> list[str]:
    """--lang es,en --lang pt -> ['es', 'en', 'pt']"""
    out: list[str] = []
    for v in values:
        for part in v.split(","):
            part = part.strip()
            if part and part not in out:
                out.append(part)
    return out


def load_all(paths: list[Path], problems: Problems, languages: Optional[set[str]] = None,
             strict: bool = False) -> tuple[list[Curriculum], list[str]]:
    """Load every curriculum under ``paths``; the second list names files with errors."""
    ws = Workspace(problems, languages)
    good, bad = [], []
    for folder in paths:
        if folder.is_dir() and not find_sources([folder]):
            problems.warning(Pos(display(folder)), "no curriculum files (*.yaml, *.yml) here")
    for src in find_sources(paths):
        start = len(problems.items)
        if not src.exists():
            problems.error(Pos(display(src)), "no such file or folder")
            bad.append(display(src))
            continue
        cur = ws.load(src)
        mine = Problems(problems.items[start:])
        if cur is None or mine.failed(strict):
            bad.append(display(src))
        else:
            good.append(cur)
    ids: dict[str, Curriculum] = {}
    for cur in list(good):
        if cur.id in ids:
            problems.error(Pos(display(cur.path), cur.pos.line, cur.pos.col),
                           f"curriculum id '{cur.id}' is also used by {display(ids[cur.id].path)}")
            good.remove(cur)
            bad.append(display(cur.path))
        else:
            ids[cur.id] = cur
    return good, bad


def options_for(cur: Curriculum, overrides: dict) -> Options:
    """Command-line settings over the project's workshopkit.yaml over defaults."""
    cfg = cur.config
    base = {"paper": cfg.paper, "start": cfg.start, "theme": cfg.theme,
            "template": cfg.template, "anonymous": cfg.anonymous} if cfg else {}
    base.update({k: v for k, v in overrides.items() if v is not None})
    base["date"] = output_date(cur.updated)
    return Options(**base)


def plan_targets(curricula: list[Curriculum], out_dir: Path, overrides: dict,
                 kinds: tuple[str, ...], languages: Optional[list[str]],
                 problems: Problems, bilingual: Optional[tuple[str, str]] = None) -> list[Target]:
    targets = []
    for cur in curricula:
        opts = options_for(cur, overrides)
        have = cur.all_languages
        wanted = languages or list(have)
        sets: list[tuple[str, ...]] = []
        for lang in wanted:
            if lang not in have:
                problems.note(Pos(display(cur.path)),
                              f"'{cur.id}' has no language '{lang}'; skipped")
                continue
            sets.append((lang,))
        if bilingual:
            if all(l in have for l in bilingual):
                sets.append(tuple(bilingual))
            else:
                problems.note(Pos(display(cur.path)), f"'{cur.id}' lacks one of "
                              f"{'+'.join(bilingual)}; no bilingual material")
        for langs in sets:
            for lang in langs:
                if not has_ui_catalog(lang):
                    problems.warning(Pos(display(cur.path)),
                                     f"no interface catalogue for '{lang}'; headings in English")
            for kind in kinds:
                targets.append(Target(cur, langs, kind, output_path(out_dir, cur.id, langs, kind),
                                      opts))
    return targets


# ------------------------------------------------------------------------ keys
def target_inputs(t: Target) -> list[Path]:
    """The files ``t`` depends on: the curriculum's inputs, less what its kind and
    languages never read (other languages' catalogues, images it does not draw,
    workshopkit.yaml, whose settings reach the target through its options)."""
    cur = t.curriculum
    skip: set[Path] = {cur.project / CONFIG_NAME}
    for doc in (cur, *cur.catalogs.values()):
        skip.update(po for lang, po in doc.translations.files.items() if lang not in t.languages)
    for img in cur.images():
        used = {img.path(l) for l in t.languages} if t.kind in IMAGE_KINDS else set()
        skip.update(p for p in img.src.values() if p not in used)
    files = [p for p in cur.inputs if p not in skip]
    files += theme_inputs(cur.project, t.options.theme)
    if t.options.template and t.kind in OPTION_KINDS["template"]:
        files.append(Path(t.options.template))
    return files


_THEMES: dict[tuple, list[Path]] = {}


def theme_inputs(project: Path, given: Optional[Path]) -> list[Path]:
    """The theme file (given, or theme.yaml / theme.yml in the project folder, recorded
    even when absent so that a new one is noticed), its logo and its fonts."""
    from workshopkit.source import theme

    if given is None:
        found = theme.find(project, None)
        names = [project / "theme.yaml", project / "theme.yml"]
    else:
        found, names = Path(given), [Path(given)]
    if found is None:
        return names
    stamp = (found, _mtime(found))
    if stamp not in _THEMES:
        _THEMES[stamp] = theme.files(found)
    return names + [p for p in _THEMES[stamp] if p not in names]


def options_key(options: Options, kind: str) -> dict:
    out = {}
    for f in fields(options):
        if kind in OPTION_KINDS.get(f.name, (kind,)):
            value = getattr(options, f.name)
            out[f.name] = str(Path(value).resolve()) if isinstance(value, Path) else str(value)
    return out


def target_key(t: Target, cache: Cache, env: dict) -> str:
    t.inputs = tuple(Path(p).resolve() for p in target_inputs(t))
    return key_of({"kind": t.kind, "languages": list(t.languages), "env": env,
                   "options": options_key(t.options, t.kind),
                   "inputs": [[str(p), cache.digest(p)] for p in t.inputs]})


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
    if job.source not in _LOADED:
        _LOADED[job.source] = Workspace(Problems(), job.wanted).load(job.source)
    return _LOADED[job.source]


def render(job: Job, cur: Optional[Curriculum] = None) -> Outcome:
    """Write one target into a temporary file beside it (runs in a worker process)."""
    cur = cur or _worker_curriculum(job)
    if cur is None:
        return Outcome(job.index, diagnostics=[Diagnostic(
            "error", Pos(display(job.source)), "the file changed during the build; build again")])
    try:
        settings = resolve(cur, job.options.theme, job.options.template)
        data = writers.get(job.kind)(cur, settings, job.languages, job.options)
    except WorkshopkitError as exc:
        return Outcome(job.index, diagnostics=exc.diagnostics)
    except Exception as exc:  # a writer bug: say so plainly, write nothing, keep building others
        tag = "+".join(job.languages)
        return Outcome(job.index, diagnostics=[Diagnostic("error", Pos(display(job.source)), (
            f"internal error while writing the {tag} {job.kind}: {type(exc).__name__}: "
            f"{str(exc).splitlines()[0][:300] if str(exc) else ''} - please report this "
            "with the curriculum that caused it"))])
    slides, pages = count(data)
    return Outcome(job.index, write_temp(job.path, data), digest_bytes(data), slides, pages)


_PAGE_RE = re.compile(rb"/Type\s*/Page(?![A-Za-z])")
_SLIDE_RE = re.compile(r"^ppt/slides/slide\d+\.xml$")


def count(data: bytes) -> tuple[int, int]:
    """(slides, pages) in a deck or PDF."""
    if data.startswith(b"PK"):
        import zipfile

        names = zipfile.ZipFile(io.BytesIO(data)).namelist()
        return sum(1 for n in names if _SLIDE_RE.match(n)), 0
    if data.startswith(b"%PDF"):
        pages = len(_PAGE_RE.findall(data))
        if not pages:  # pages inside compressed object streams
            from pypdf import PdfReader

            pages = len(PdfReader(io.BytesIO(data)).pages)
        return 0, pages
    return 0, 0


def _run_jobs(jobs: list[Job], curricula: dict[Path, Curriculum], workers: int,
              done: Callable[[Outcome], None]) -> None:
    if workers <= 1 or len(jobs) <= 1:
        for job in jobs:
            done(render(job, curricula[job.source]))
        return
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


# ----------------------------------------------------------------------- build
def _serial(d: Diagnostic) -> list:
    return [d.severity, d.pos.file, d.pos.line, d.pos.col, d.message]


def replay(problems: Problems, diagnostics: list) -> None:
    for sev, file, line, col, message in diagnostics:
        problems.items.append(Diagnostic(sev, Pos(file, line, col), message))


def build(paths: list[Path], out_dir: Path, overrides: dict, problems: Problems, *,
          kinds: Optional[tuple[str, ...]] = None, languages: Optional[list[str]] = None,
          strict: bool = False, bilingual: Optional[tuple[str, str]] = None,
          progress: Optional[Callable[[Target], None]] = None, jobs: int = 1,
          kit: Optional[KitRequest] = None,
          on_plan: Optional[Callable[[int], None]] = None) -> BuildResult:
    """Build every target that is out of date; curricula with errors write nothing."""
    started = time.time_ns()
    out_dir = Path(out_dir)
    result = BuildResult()
    kinds = tuple(k for k in (kinds or writers.KINDS) if k in writers.WRITERS)
    cache, rkey, sources, req = up_to_date(paths, out_dir, overrides, kinds, languages, strict,
                                           bilingual, kit)
    first = len(problems.items)
    if req is not None:
        replay(problems, req["diagnostics"])
        result.up_to_date = [Path(p) for p in req["outputs"]]
        result.from_record = True
        for name in req["outputs"]:
            result.slides += cache.targets[name].get("slides", 0)
            result.pages += cache.targets[name].get("pages", 0)
        result.warnings = len(Problems(problems.items[first:]).warnings)
        cache.save()
        return result

    wanted = set(languages) if languages else None
    if wanted is not None and bilingual:
        wanted |= set(bilingual)
    result.curricula, result.failed = load_all(paths, problems, wanted, strict)
    targets = plan_targets(result.curricula, out_dir, overrides, kinds, languages, problems,
                           bilingual)
    env = environment()
    todo: list[Job] = []
    for i, t in enumerate(targets):
        t.key = target_key(t, cache, env)
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
    _render_all(targets, todo, jobs, cache, result, problems, progress, started)
    if kit is not None:
        from workshopkit.build.kits import write_kits

        write_kits(targets, result, cache, out_dir, kit, env)
    result.warnings = len(Problems(problems.items[first:]).warnings)
    if not result.failed and not Problems(problems.items[first:]).failed(strict):
        inputs = {p for t in targets for p in t.inputs}
        inputs.update(p.resolve() for cur in result.curricula for p in cur.inputs)
        outputs = [t.path for t in targets] + result.kits
        cache.record_request(rkey, sources, inputs, outputs,
                             [_serial(d) for d in problems.items[first:]],
                             {"slides": result.slides, "pages": result.pages})
    else:
        cache.forget_request(rkey)
    cache.save()
    return result


def _render_all(targets: list[Target], todo: list[Job], jobs: int, cache: Cache,
                result: BuildResult, problems: Problems, progress, started: int) -> None:
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
            _commit(targets, outcomes.pop(src), cache, result, problems, started)

    try:
        _run_jobs(todo, curricula, jobs, done)
    finally:
        for left in outcomes.values():  # interrupted: drop what never got committed
            for o in left:
                if o.temp:
                    o.temp.unlink(missing_ok=True)
        if outcomes:  # and what finished in workers after the failure
            clean_stray({job.path.parent for job in todo})


def _commit(targets: list[Target], outcomes: list[Outcome], cache: Cache, result: BuildResult,
            problems: Problems, started: int) -> None:
    if any(o.diagnostics for o in outcomes):
        for o in outcomes:
            problems.extend(o.diagnostics)
            if o.temp:
                o.temp.unlink(missing_ok=True)
        result.failed.append(display(targets[outcomes[0].index].curriculum.path))
        return
    for o in sorted(outcomes, key=lambda o: o.index):
        t = targets[o.index]
        os.replace(o.temp, t.path)
        # an input edited while this build ran: do not vouch for the result
        changed = any(_mtime(p) >= started for p in t.inputs)
        cache.record_target(t.path, "" if changed else t.key, o.sha256,
                            slides=o.slides, pages=o.pages)
        result.written.append(t.path)
        result.slides += o.slides
        result.pages += o.pages


def _mtime(p: Path) -> int:
    try:
        return os.stat(p).st_mtime_ns
    except OSError:
        return 0
