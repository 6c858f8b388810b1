"""``from:``: a session or an activity taken from another curriculum of the project.

The converter reads a session or an activity that has a ``from:`` key with the
records ``session_ref`` and ``activity_ref`` of the spec: ``from`` plus the keys
of the original, each of which overrides the original's.  The builders here ask
the document's :class:`Borrower` (the Workspace provides it, see
:mod:`workshopkit.source.borrow`) for the original, copy it, put the overrides
on the copy and record what was taken, for :mod:`workshopkit.source.assemble`
to bring along what it uses (videos, catalogues, glossary terms, resources).

A copy keeps the original's Texts, so it keeps their translations (the YAML's,
and the PO catalogue of the curriculum it comes from).  It stands where its
``from:`` value is written: problems about it are reported there.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import Any, Optional, Protocol

from workshopkit.errors import Pos, Problems
from workshopkit.model import Activity, Curriculum, Session
from workshopkit.source.checks import IdAt, declared_duration
from workshopkit.source.nodes import Mapping, Node, Scalar
from workshopkit.source.spec import SLUG_RE
from workshopkit.source.values import short

SHAPE = {2: "<curriculum>/<session>", 3: "<curriculum>/<session>/<activity>"}


@dataclass(frozen=True)
class Ref:
    """A ``from:`` value: the ids it names, as written, and where."""

    text: str
    parts: tuple[str, ...]
    pos: Pos

    @property
    def curriculum(self) -> str:
        return self.parts[0]


@dataclass
class Taken:
    """What one ``from:`` took: the copy (a session or an activity) and where it comes from."""

    ref: Ref
    source: Curriculum
    copy: Any
    originals: list[Any] = field(default_factory=list)  # the objects it copied
    brought: list[Any] = field(default_factory=list)  # videos, terms, resources it brought


@dataclass
class Original:
    """What a ``from:`` names, as the Borrower found it."""

    source: Curriculum
    session: Session
    activity: Optional[Activity] = None


class Borrower(Protocol):
    """Finds what a ``from:`` names (reporting what it cannot find); the Workspace provides it."""

    def find(self, ref: Ref) -> Optional[Original]:
        """The session (and activity) ``ref`` names, or None when reported."""


def parse_ref(reader: Any, node: Node, count: int) -> Any:
    """The :class:`Ref` written at ``node``: ``count`` ids joined by '/'."""
    if not isinstance(node, Scalar) or node.is_null:
        return reader.expect(node, f"a reference such as {SHAPE[count]}")
    parts = tuple(node.value.strip().split("/"))
    if len(parts) != count:
        if count == 3 and len(parts) == 2:
            return reader.error(node, f"'{short(node.value)}' names a session; an activity is "
                                f"named {SHAPE[3]} (a whole session goes under 'sessions')")
        if count == 2 and len(parts) == 3:
            return reader.error(node, f"'{short(node.value)}' names an activity; a session is "
                                f"named {SHAPE[2]} (an activity goes under a session's "
                                "'activities')")
        return reader.error(node, f"'{short(node.value)}' is not a reference: write {SHAPE[count]}")
    for p in parts:
        if not re.match(SLUG_RE, p):
            return reader.error(node, f"'{short(p)}' in '{short(node.value)}' is not a valid id "
                                "(lower-case letters, digits and '-')")
    return Ref(node.value.strip(), parts, node.pos)


def ref_id(node: Optional[Node]) -> Optional[Scalar]:
    """The id a reference takes from its original (the last id of ``from:``), for the
    paths of the Texts written beside it."""
    if isinstance(node, Scalar) and not node.is_null:
        last = node.value.strip().rsplit("/", 1)[-1]
        if re.match(SLUG_RE, last):
            return Scalar(node.pos, last)
    return None


def override_error(problems: Problems, node: Mapping, key: Scalar, target: str) -> None:
    """A key beside ``from:`` that the target (a session or an activity) cannot have."""
    at = node.get("from")
    where = at.pos if at is not None else node.pos
    what = "an activity taken with 'from:'" if target == "activity" else "a session"
    if target == "activity" and key.value == "break":
        why = "it is an activity, not a break"
    else:
        why = f"{'an activity' if target == 'activity' else 'a session'} has no '{key.value}'"
    problems.error(where, f"'{key.value}' (line {key.pos.line}) cannot override {what}: {why}")


# ------------------------------------------------------------------ the builders

def _found(f: Any, c: Any) -> tuple[Optional[Ref], Optional[Original]]:
    ref = f.values.get("from")
    borrower = getattr(c, "borrow", None)
    if not isinstance(ref, Ref) or borrower is None:
        return None, None
    return ref, borrower.find(ref)


def _care(copy: Any, f: Any, c: Any, *around: Any) -> Any:
    """Wellbeing and opsec notes of the places the original stood in (its session, its
    curriculum) go with it when it has none of its own and none is written beside from:,
    unless something taken before already carries the same note."""
    notes = {}
    for key in ("wellbeing", "opsec"):
        if getattr(copy, key) is None and key not in f.keys:
            note = next((getattr(a, key) for a in around if getattr(a, key) is not None), None)
            shown = {id(getattr(x, key)) for t in c.found.taken
                     for x in (t.copy, *getattr(t.copy, "activities", ()))}
            if note is not None and id(note) not in shown:
                notes[key] = note
    return replace(copy, **notes) if notes else copy


def activity_ref(f: Any, c: Any) -> Optional[Activity]:
    ref, found = _found(f, c)
    if ref is None or found is None or found.activity is None:
        return None
    values = f.attrs({"duration": "minutes"}, skip=("from",))
    if "minutes" in values and values["minutes"] <= 0:
        c.problems.error(f.at["duration"], "an activity lasts at least one minute")
        return None
    copy = _care(replace(found.activity, pos=ref.pos, **values), f, c, found.session,
                 found.source)
    c.found.activity_ids.append(IdAt(copy.id, ref.pos))
    c.found.taken.append(Taken(ref, found.source, copy, [found.activity]))
    return copy


def session_ref(f: Any, c: Any) -> Optional[Session]:
    ref, found = _found(f, c)
    if ref is None or found is None:
        return None
    values = f.attrs({"duration": "declared_minutes"}, skip=("from",))
    originals = []
    if "activities" not in values:
        acts = []
        for a in found.session.activities:
            acts.append(replace(a, pos=ref.pos))
            originals.append(a)
            c.found.activity_ids.append(IdAt(a.id, ref.pos))
        values["activities"] = acts
        if "declared_minutes" not in values and found.session.declared_minutes is not None:
            values["declared_minutes"] = found.session.declared_minutes
    elif "declared_minutes" not in values:
        values["declared_minutes"] = None  # its own sum no longer applies
    copy = _care(replace(found.session, pos=ref.pos, **values), f, c, found.source)
    declared_duration(copy, f.at.get("duration"), f"session '{copy.id}': ", c.problems)
    c.found.taken.append(Taken(ref, found.source, copy, [found.session, *originals]))
    return copy
