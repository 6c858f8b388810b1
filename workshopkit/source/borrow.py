"""Finding what a ``from:`` names, inside the project, at any depth.

The curricula of a project are those under ``<project>/curricula/`` (or, when
there is no such folder, under the project folder), skipping ``catalog/`` and
``survey/``, plus those beside the curriculum being loaded.  The project's
index (curriculum id -> file, and the ids of its sessions and activities) is
read from the YAML nodes alone; a did-you-mean looks across it.  The curriculum
a ``from:`` names is then loaded whole by the Workspace (with its own PO
catalogues, images and catalogues), which keeps the chain of curricula being
loaded: a ``from:`` into a curriculum on that chain is a cycle.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Optional

from workshopkit.errors import Diagnostic, Problems, WorkshopkitError
from workshopkit.model import Curriculum
from workshopkit.source.nodes import Mapping, Scalar, Sequence, load_file
from workshopkit.source.files import inside
from workshopkit.source.project import display, find_sources
from workshopkit.source.reuse import Original, Ref, ref_id
from workshopkit.source.spec import SLUG_RE
from workshopkit.source.values import suggest

SKIPPED = ("catalog", "survey")
"""Folders of a project that hold no curricula."""


@dataclass
class Entry:
    """One curriculum of the project, as its nodes say: sessions -> [(activity, is a break)]."""

    id: str
    path: Path
    sessions: dict[str, Optional[list[tuple[str, bool]]]] = field(default_factory=dict)


def _id(node) -> Optional[str]:
    if isinstance(node, Mapping):
        idn = node.get("id")
        if idn is None:
            idn = ref_id(node.get("from"))
        if isinstance(idn, Scalar) and re.match(SLUG_RE, idn.value):
            return idn.value
    return None


def _entry(path: Path, taken: set[str]) -> Optional[Entry]:
    try:
        node = load_file(path, display(path))
    except WorkshopkitError:
        return None
    cid = _id(node) if isinstance(node, Mapping) and node.get("from") is None else None
    if cid is None:
        return None
    entry = Entry(cid, path)
    sessions = node.get("sessions")
    for s in sessions.items if isinstance(sessions, Sequence) else []:
        sid = _id(s)
        if sid is None or sid in entry.sessions:
            continue
        acts = s.get("activities")
        if s.get("from") is not None and acts is None:  # taken whole: known once loaded
            entry.sessions[sid] = None
            continue
        for a in acts.items if isinstance(acts, Sequence) else []:
            if isinstance(a, Mapping) and a.get("from") is not None and _id(a):
                taken.add(f"{cid}/{sid}/{_id(a)}")
        entry.sessions[sid] = [
            (aid, isinstance(a, Mapping) and isinstance(a.get("break"), Scalar)
             and a.get("break").value in ("true", "True", "TRUE"))
            for a in (acts.items if isinstance(acts, Sequence) else [])
            if (aid := _id(a)) is not None]
    return entry


def project_index(root: Path, near: Path, taken: set[str]) -> dict[str, Entry]:
    """The curricula of the project at ``root`` by id (the first file wins for an id);
    the activities taken with from: are added to ``taken``."""
    folder = root / "curricula"
    found = find_sources([folder if folder.is_dir() else root])
    found += [p for p in sorted(near.parent.glob("*.y*ml")) if p.suffix in (".yaml", ".yml")]
    out: dict[str, Entry] = {}
    seen: set[Path] = set()
    for p in found:
        parts = p.relative_to(root).parts[:-1] if p.is_relative_to(root) else ()
        if p.resolve() in seen or any(s in parts for s in SKIPPED) or p.name == "workshopkit.yaml" \
                or not inside(p, root):  # a link out of the project is not read
            continue
        seen.add(p.resolve())
        entry = _entry(p, taken)
        if entry is not None:
            out.setdefault(entry.id, entry)
    return out


class Chain:
    """The curricula being loaded, each taking from the next; the cycles found; the
    project indexes read.  The Workspace keeps one."""

    def __init__(self) -> None:
        self.paths: list[Path] = []
        self.cycles: dict[Path, list[Path]] = {}  # a curriculum on a cycle -> the cycle
        self.indexes: dict[tuple[Path, Path], dict[str, Entry]] = {}
        self.taken: set[str] = set()  # <curriculum>/<session>/<activity> taken with from:

    def index(self, root: Path, near: Path) -> dict[str, Entry]:
        """The curricula of the project at ``root`` (and beside ``near``), by id."""
        key = (root, near.resolve().parent)
        if key not in self.indexes:
            self.indexes[key] = project_index(root, near, self.taken)
        return self.indexes[key]

    def name(self, path: Path) -> str:
        for index in self.indexes.values():
            for e in index.values():
                if e.path.resolve() == path:
                    return e.id
        return path.stem

    def dependency(self, path: Path, ref: Ref, problems: Problems,
                   load: Callable[[Path], tuple[Optional[Curriculum], list[Diagnostic]]]
                   ) -> Optional[Curriculum]:
        """The curriculum a from: takes from, loaded by ``load`` (None: reported at the
        from: value, a cycle with its chain)."""
        target = path.resolve()
        if target in self.paths:  # being loaded: it takes, at some depth, from here
            loop = self.paths[self.paths.index(target):]
            problems.error(ref.pos, cycle_message([self.name(p) for p in (loop[-1], *loop)]))
            for p in loop[:-1]:
                self.cycles[p] = loop
            return None
        cur, diagnostics = load(path)
        here = self.paths[-1]
        if cur is None and here in self.cycles:
            loop = self.cycles[here]
            i = loop.index(here)
            problems.error(ref.pos, cycle_message([self.name(p)
                                                   for p in (*loop[i:], *loop[:i], here)]))
        elif cur is None:
            dependency_error(problems, ref, path, diagnostics)
        return cur


class Finder:
    """The :class:`~workshopkit.source.reuse.Borrower` of one curriculum being loaded."""

    def __init__(self, chain: Chain, path: Path, root: Path, problems: Problems,
                 load: Callable[[Path], tuple[Optional[Curriculum], list[Diagnostic]]]):
        self.chain, self.path, self.root, self.problems = chain, path, root, problems
        self.load = load  # a curriculum and its problems, loaded once

    def find(self, ref: Ref) -> Optional[Original]:
        here = self.path.resolve()
        index = {i: e for i, e in self.chain.index(self.root, self.path).items()
                 if e.path.resolve() != here}
        cid = ref.curriculum
        entry = index.get(cid)
        if entry is None and cid in self.chain.index(self.root, self.path):
            self.problems.error(ref.pos, f"'{ref.text}' is in this curriculum: a curriculum "
                                "takes sessions and activities from others only")
            return None
        if entry is None:
            known = ", ".join(sorted(index)) or "none"
            self.problems.error(ref.pos, f"unknown curriculum '{cid}'" + (
                suggest(cid, index) or f" (the project's curricula: {known})"))
            return None
        if not self._names_exist(ref, entry, index):
            return None
        source = self.chain.dependency(entry.path, ref, self.problems, self.load)
        if source is None:
            return None
        session = next((s for s in source.sessions if s.id == ref.parts[1]), None)
        if session is None:
            self.problems.error(ref.pos, f"'{ref.text}' cannot be found in {display(entry.path)}")
            return None
        if len(ref.parts) == 2:
            return Original(source, session)
        acts = [(a.id, a.is_break) for a in session.activities]
        if not self._activity_exists(ref, entry, dict(acts), index):
            return None
        return Original(source, session, next(a for a in session.activities
                                              if a.id == ref.parts[2]))

    def _names_exist(self, ref: Ref, entry: Entry, index: dict[str, Entry]) -> bool:
        sid = ref.parts[1]
        if sid not in entry.sessions:
            elsewhere = [f"{e.id}/{sid}" for e in index.values() if sid in e.sessions]
            hint = suggest(sid, entry.sessions) or (f"; did you mean '{elsewhere[0]}'?"
                                                    if elsewhere else
                                                    f" (its sessions: {', '.join(entry.sessions)})")
            self.problems.error(ref.pos, f"curriculum '{entry.id}' has no session '{sid}'" + hint)
            return False
        acts = entry.sessions[sid]
        return len(ref.parts) == 2 or acts is None or \
            self._activity_exists(ref, entry, dict(acts), index)

    def _activity_exists(self, ref: Ref, entry: Entry, acts: dict[str, bool],
                         index: dict[str, Entry]) -> bool:
        sid, aid = ref.parts[1], ref.parts[2]
        if aid not in acts:
            elsewhere = [f"{e.id}/{s}/{aid}" for e in sorted(index.values(),
                                                             key=lambda e: e.id != entry.id)
                         for s, a in e.sessions.items() if a and aid in dict(a)]
            taken = self.chain.taken  # prefer an activity written out to one taken from it
            elsewhere.sort(key=lambda r: r in taken)
            close = suggest(aid, [a for a, brk in acts.items() if not brk])
            hint = close or (f"; did you mean '{elsewhere[0]}'?" if elsewhere else
                             f" (its activities: {', '.join(a for a, b in acts.items() if not b)})")
            self.problems.error(ref.pos, f"session '{entry.id}/{sid}' has no activity '{aid}'"
                                + hint)
            return False
        if acts[aid]:
            self.problems.error(ref.pos, f"'{ref.text}' is a break: a break is not taken from "
                                "another curriculum; write one here (id, break: true, duration)")
            return False
        return True


def cycle_message(chain: list[str]) -> str:
    return "reference cycle: " + " → ".join(chain)


def first_error(diags: list[Diagnostic]) -> Optional[Diagnostic]:
    return next((d for d in diags if d.severity == "error"), None)


def dependency_error(problems: Problems, ref: Ref, path: Path, diags: list[Diagnostic]) -> None:
    first = first_error(diags)
    problems.error(ref.pos, f"cannot take '{ref.text}': {display(path)} has errors"
                   + (f" (first: {first})" if first else ""))

