"""The build layer: the only code that writes files.

Targets are curriculum × language (or language pair) × output kind.  Each file
is written beside its target and renamed into place, so a failed or killed
build never leaves a half-written file.  Output dates come from
SOURCE_DATE_EPOCH or the curriculum's ``updated``, never from the clock.
"""
from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Optional

from . import writers
from .errors import Pos, Problems
from .i18n import has_ui_catalog
from .model import Curriculum
from .options import Options, output_date
from .project import display, find_sources
from .validate import Workspace


@dataclass
class Target:
    curriculum: Curriculum
    languages: tuple[str, ...]
    kind: str
    path: Path
    options: Options

    @property
    def lang_dir(self) -> str:
        return "+".join(self.languages)


@dataclass
class BuildResult:
    written: list[Path] = field(default_factory=list)
    up_to_date: list[Path] = field(default_factory=list)
    curricula: list[Curriculum] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)  # files with errors


def atomic_write(path: Path, data: bytes) -> None:
    """Write ``data`` beside ``path`` and rename it into place."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def output_path(out_dir: Path, cid: str, languages: tuple[str, ...], kind: str) -> Path:
    tag = "+".join(languages)
    return out_dir / cid / tag / f"{cid}-{tag}-{kind}.{writers.EXTENSIONS[kind]}"


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
    for src in find_sources(paths):
        before = Problems(list(problems.items))
        if not src.exists():
            problems.error(Pos(display(src)), "no such file or folder")
            bad.append(display(src))
            continue
        cur = ws.load(src)
        mine = Problems(problems.items[len(before):])
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
            "template": cfg.template} if cfg else {}
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


def run_target(t: Target) -> bytes:
    return writers.get(t.kind)(t.curriculum, t.languages, t.options)


def build(paths: list[Path], out_dir: Path, overrides: dict, problems: Problems, *,
          kinds: Optional[tuple[str, ...]] = None, languages: Optional[list[str]] = None,
          strict: bool = False, bilingual: Optional[tuple[str, str]] = None,
          progress: Optional[Callable[[Target], None]] = None) -> BuildResult:
    """Build every target; curricula with errors write nothing."""
    result = BuildResult()
    wanted = set(languages) if languages else None
    if wanted is not None and bilingual:
        wanted |= set(bilingual)
    result.curricula, result.failed = load_all(paths, problems, wanted, strict)
    kinds = tuple(k for k in (kinds or writers.KINDS) if k in writers.WRITERS)
    for t in plan_targets(result.curricula, out_dir, overrides, kinds, languages, problems,
                          bilingual):
        data = run_target(t)
        atomic_write(t.path, data)
        result.written.append(t.path)
        if progress:
            progress(t)
    return result
