"""Printable kits: one zip per curriculum and language with everything to run it.

A kit holds the built outputs (in the registry's order), a cover (a kind the
registry declares with the ``kit`` role, drawn here) that lists what is inside
and what to print, and ``manifest.json`` (files, sizes, SHA-256 checksums,
curriculum id and version, languages, workshopkit version).  With a number of
participants the cover carries a print plan: copies of each file and sheets of
paper, single- and double-sided, from the real page counts.  The zip is
deterministic: sorted entries, fixed timestamps and permissions.
"""
from __future__ import annotations

import dataclasses
import hashlib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

from workshopkit import __version__
from workshopkit.build import kinds
from workshopkit.build.cache import Cache
from workshopkit.build.files import atomic_write, linked_folder, linked_problem
from workshopkit.build.fingerprint import digest_bytes, key_of
from workshopkit.build.request import BuildResult, KitRequest
from workshopkit.model import Curriculum
from workshopkit.model.options import Options
from workshopkit.plan.markup import plain
from workshopkit.render.archive import write_zip
from workshopkit.render.pdf.kitcover import MANIFEST, Contents, Entry, PlanRow, sides


@dataclass(frozen=True)
class KitFile:
    name: str  # name inside the kit
    kind: str  # a registered kind
    data: bytes
    pages: int = 0  # PDFs only


def kit_name(cid: str, languages: tuple[str, ...], options: Optional[Options] = None,
             delivery: str = "") -> str:
    """``<id>-<langs>``, the delivery's suffix (``-online``, when a build delivers the
    curriculum otherwise than its file says) and the print variants' suffixes: the zip's
    name without its extension, and the folder inside it."""
    return f"{cid}-{'+'.join(languages)}{delivery}{kinds.variant_suffix(options)}"


def kit_path(out_dir: Path, cid: str, languages: tuple[str, ...],
             options: Optional[Options] = None, delivery: str = "") -> Path:
    return Path(out_dir) / "kits" / f"{kit_name(cid, languages, options, delivery)}.zip"


def copies(kind: str, participants: int, facilitators: int) -> int:
    per = kinds.kind(kind).copies
    return {kinds.PARTICIPANT: participants, kinds.FACILITATOR: facilitators}.get(per, 0)


def is_booklet(kind: str, options: Optional[Options]) -> bool:
    """Whether a file of ``kind`` is imposed as a booklet under ``options``."""
    return bool(options and options.booklet and "booklet" in kinds.kind(kind).options)


def print_plan(files: list[KitFile], participants: int, facilitators: int,
               options: Optional[Options] = None) -> list[PlanRow]:
    """Copies and sheets of paper for every printable file (pure data).  A booklet's
    pages are the sides of its imposed sheets: it is always printed on both sides."""
    rows = []
    for f in files:
        if kinds.kind(f.kind).role != kinds.OUTPUT:
            continue
        n = copies(f.kind, participants, facilitators)
        booklet = is_booklet(f.kind, options)
        double = -(-f.pages // 2) * n
        n_sides = sides(f.pages, booklet)
        rows.append(PlanRow(f.name, f.kind, f.pages, n, double if booklet else f.pages * n,
                            double, n_sides, booklet, double if n_sides == 2 else f.pages * n))
    return rows


def manifest(cur: Curriculum, languages: tuple[str, ...], options: Options,
             files: list[KitFile], contents: Contents) -> bytes:
    data = {
        "curriculum": {"id": cur.id, "version": cur.version or "",
                       "title": plain(cur.title.get(languages[0]))},
        "languages": list(languages),
        "print": {"paper": options.paper, "large_print": options.large_print,
                  "booklet": options.booklet, "ink": options.ink},
        "date": options.date.date().isoformat(),
        "workshopkit": __version__,
        "files": [{"name": f.name, "kind": f.kind, "size": len(f.data),
                   "sha256": hashlib.sha256(f.data).hexdigest(),
                   **({"pages": f.pages} if f.name.endswith(".pdf") else {})}
                  for f in sorted(files, key=lambda f: f.name)],
    }
    plan = contents.plan
    if plan is not None:
        data["print_plan"] = {
            "participants": contents.participants, "facilitators": contents.facilitators,
            "files": [dataclasses.asdict(r) for r in plan],
            "sheets_single_sided": sum(r.single for r in plan),
            "sheets_double_sided": sum(r.double for r in plan),
            "sheets": sum(r.sheets for r in plan)}
    return (json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False) + "\n").encode("utf-8")


def _file(kind: str, name: str, data: bytes) -> KitFile:
    return KitFile(name, kind, data, kinds.count(data)[1] if name.endswith(".pdf") else 0)


def contents_of(files: list[KitFile], request: KitRequest = KitRequest(),
                options: Optional[Options] = None) -> Contents:
    """What the cover lists: each file with its title, pages and how to print it, and the
    print plan."""
    plan = None
    if request.participants is not None:
        plan = tuple(print_plan(files, request.participants, request.facilitators, options))
    return Contents(tuple(Entry(f.name, kinds.kind(f.kind).title,
                                f.pages if f.name.endswith(".pdf") else None,
                                bool(kinds.kind(f.kind).copies) and f.name.endswith(".pdf"),
                                is_booklet(f.kind, options)) for f in files),
                    plan, request.participants, request.facilitators)


def make_kit(cur: Curriculum, languages: tuple[str, ...], options: Options,
             outputs: list[tuple[str, Path]], request: KitRequest = KitRequest()) -> bytes:
    """The kit zip for ``outputs`` (kind, built file), in one language or a pair."""
    files = [_file(kind, path.name, path.read_bytes()) for kind, path in outputs]
    contents = contents_of(files, request, options)
    from workshopkit.source.settings import resolve

    settings = resolve(cur, options.theme, options.template)
    from workshopkit.build.directions import refuses

    for k in kinds.all_kinds(kinds.KIT):
        if refuses(k.ext, languages):  # no PDF cover in a right-to-left language
            continue
        data = kinds.render(k.name, cur, settings, languages, options, contents)
        files.append(_file(k.name, k.file_name(cur.id, languages), data))
    folder = kit_name(cur.id, languages, options, kinds.delivery_suffix(cur.delivery, options))
    entries = {f"{folder}/{f.name}": f.data for f in files}
    entries[f"{folder}/{MANIFEST}"] = manifest(cur, languages, options, files, contents)
    return write_zip(entries, options.date)


def _say_no_cover(cur: Curriculum, languages: tuple[str, ...], result: BuildResult) -> None:
    """A kit in a right-to-left language has no PDF cover (see make_kit): say so."""
    from workshopkit.build import directions

    for k in kinds.all_kinds(kinds.KIT):
        lang = directions.refuses(k.ext, languages)
        if lang:
            d = directions.diagnostic("warning", cur, k.name, lang)
            if d not in result.problems.items:
                result.problems.extend([d])


def write_kits(targets: list, result: BuildResult, cache: Cache, out_dir: Path,
               request: KitRequest) -> None:
    """Write (or keep) the kit of every curriculum and language set that built."""
    from workshopkit.source.project import display

    groups: dict[tuple, list] = {}
    for t in targets:
        if display(t.curriculum.path) not in result.failed \
                and getattr(t.curriculum, "document", "curriculum") == "curriculum":
            groups.setdefault((id(t.curriculum), t.languages), []).append(t)
    for (_cid, langs), ts in groups.items():
        cur = ts[0].curriculum
        path = kit_path(out_dir, cur.id, langs, ts[0].options,
                        kinds.delivery_suffix(cur.delivery, ts[0].options))
        recs = [cache.targets.get(str(t.path), {}) for t in ts]
        key = key_of({"kit": [request.participants, request.facilitators],
                      "env": cache.environment(),
                      "kinds": {k.name: k.key_options(ts[0].options)
                                for k in kinds.all_kinds(kinds.KIT)},
                      "targets": [[t.kind, r.get("key", ""), r.get("sha256", "")]
                                  for t, r in zip(ts, recs)]})
        result.kits.append(path)
        _say_no_cover(cur, langs, result)
        if all(r.get("key") for r in recs) and cache.target_fresh(path, key):
            result.up_to_date.append(path)
            continue
        link = linked_folder(path, out_dir)
        if link is not None:
            if linked_problem(link) not in result.problems.items:
                result.problems.extend([linked_problem(link)])
            result.failed.append(display(path))
            result.kits.remove(path)
            continue
        data = make_kit(cur, langs, ts[0].options, [(t.kind, t.path) for t in ts], request)
        atomic_write(path, data)
        cache.record_target(path, key if all(r.get("key") for r in recs) else "",
                            digest_bytes(data))
        result.written.append(path)
