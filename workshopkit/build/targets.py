"""Targets: curriculum × languages (one, or a bilingual pair) × output kind, and their keys.

A target's key is a hash of what its kind reads (see :mod:`workshopkit.build.kinds`):
the curriculum and the catalogues in its languages, the options the kind
declares, the files behind the settings it declares (theme file and logo,
template, images, theme fonts), and the build environment.  Changing the
theme therefore rebuilds decks only; changing the paper, PDFs only.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Optional

from workshopkit.build import kinds
from workshopkit.build.cache import Cache
from workshopkit.build.files import mtime_ns
from workshopkit.build.fingerprint import key_of
from workshopkit.errors import Pos, Problems, WorkshopkitError
from workshopkit.i18n import has_ui_catalog
from workshopkit.model import Curriculum
from workshopkit.model.options import Options, output_date
from workshopkit.source.project import CONFIG_NAME, display, find_sources
from workshopkit.source.validate import Workspace


@dataclass
class Target:
    curriculum: Curriculum
    languages: tuple[str, ...]
    kind: str
    path: Path
    options: Options
    key: str = ""
    inputs: tuple[Path, ...] = ()


def load_all(paths: list[Path], problems: Problems, languages: Optional[set[str]] = None,
             strict: bool = False, freshness: bool = True, delivery: Optional[str] = None
             ) -> tuple[list[Curriculum], list[str]]:
    """Load every curriculum under ``paths``; the second list names files with errors.
    ``delivery`` (a build's --delivery) is checked against what each curriculum has."""
    ws = Workspace(problems, languages, freshness)
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
        if cur is not None and delivery and delivery != cur.delivery:
            from workshopkit.source.online import check

            check(cur, delivery, problems, Pos(display(cur.path), cur.pos.line, cur.pos.col))
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
    if cur.start is not None:
        base["start"] = cur.start
    base.update({k: v for k, v in overrides.items() if v is not None})
    base["date"] = output_date(cur.updated)
    base["delivery"] = base.get("delivery") or cur.delivery
    return Options(**base)


def language_sets(cur: Curriculum, languages, bilingual, problems: Problems) -> list[tuple]:
    """The languages (one, or the bilingual pair) to build ``cur`` in."""
    have = cur.all_languages
    sets: list[tuple[str, ...]] = []
    for lang in languages or have:
        if lang in have:
            sets.append((lang,))
        else:
            problems.note(Pos(display(cur.path)), f"'{cur.id}' has no language '{lang}'; skipped")
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
    return sets


def plan_targets(curricula: list[Curriculum], out_dir: Path, overrides: dict,
                 names: tuple[str, ...], languages, problems: Problems,
                 bilingual: Optional[tuple[str, ...]] = None) -> list[Target]:
    targets = []
    for cur in curricula:
        opts = options_for(cur, overrides)
        for langs in language_sets(cur, languages, bilingual, problems):
            for name in names:
                k = kinds.kind(name)
                if k.single if len(langs) == 1 else k.pairs:
                    path = k.path(out_dir, cur.id, langs, opts,
                                  kinds.delivery_suffix(cur.delivery, opts))
                    targets.append(Target(cur, langs, name, path, opts))
    return targets


# ------------------------------------------------------------------------ keys
def target_inputs(t: Target) -> list[Path]:
    """The files ``t`` depends on: the curriculum's inputs, less what its kind and
    languages never read (other languages' catalogues, images it does not draw,
    workshopkit.yaml, whose settings reach the target through its options), and
    the files behind the settings its kind reads."""
    kind = kinds.kind(t.kind)
    cur = t.curriculum
    skip: set[Path] = {cur.project / CONFIG_NAME}
    for doc in (cur, *cur.catalogs.values(), *cur.sources.values()):
        skip.update(po for lang, po in doc.translations.files.items() if lang not in t.languages)
    for img in cur.images():
        used = {img.path(l) for l in t.languages} if kind.images else set()
        skip.update(p for p in img.src.values() if p not in used)
    files = [p for p in cur.inputs if p not in skip]
    if "theme" in kind.settings:  # the bundled fonts are part of the environment's key
        files += theme_files(cur.project, t.options.theme)
    if "template" in kind.settings and t.options.template:
        files.append(Path(t.options.template))
    return files


_THEMES: dict[tuple, list[Path]] = {}


def theme_files(project: Path, given: Optional[Path]) -> list[Path]:
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
    stamp = (found, mtime_ns(found))
    if stamp not in _THEMES:
        _THEMES[stamp] = theme.files(found, project)
    return names + [p for p in _THEMES[stamp] if p not in names]


def target_key(t: Target, cache: Cache) -> str:
    t.inputs = tuple(Path(p).resolve() for p in target_inputs(t))
    return key_of({"kind": t.kind, "languages": list(t.languages), "env": cache.environment(),
                   "options": kinds.kind(t.kind).key_options(t.options),
                   "inputs": [[str(p), cache.digest(p)] for p in t.inputs]})

