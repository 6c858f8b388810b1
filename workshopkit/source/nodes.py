"""YAML to located nodes.

The loader never constructs Python objects from tags: it reads the libyaml
event stream and composes plain nodes (mapping, sequence, scalar) that keep the
file, line and column where they start.  Every scalar stays a string as the
author wrote it; the converter types it by context.

Reading the file (size limit, UTF-8) is :mod:`workshopkit.source.files`; the
limits against hostile or mistaken input are documented in docs/format-notes.md.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from workshopkit.errors import Diagnostic, Pos, ERROR
from workshopkit.model.text import illegal_char
from workshopkit.source.files import MAX_FILE_BYTES, LoadError, fail as _fail, read_text

__all__ = ["MAX_DEPTH", "MAX_FILE_BYTES", "MAX_NODES", "LoadError", "Mapping", "Node", "Scalar",
           "Sequence", "kind_name", "load_file", "load_string", "read_text"]

MAX_DEPTH = 64
"""Deepest nesting of mappings and sequences accepted."""
MAX_NODES = 200_000
"""Most nodes a document may hold once every alias is expanded."""

try:  # libyaml's parser when present; the pure-Python one otherwise
    _Loader = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - depends on the PyYAML build
    _Loader = yaml.SafeLoader

_ALLOWED_TAGS = {None, "!", "tag:yaml.org,2002:str", "tag:yaml.org,2002:map", "tag:yaml.org,2002:seq"}


@dataclass(eq=False)
class Node:
    pos: Pos


@dataclass(eq=False)
class Scalar(Node):
    value: str
    plain: bool = True  # written without quotes or block style

    @property
    def is_null(self) -> bool:
        return self.plain and self.value in ("", "~", "null", "Null", "NULL")


@dataclass(eq=False)
class Sequence(Node):
    items: list[Node] = field(default_factory=list)


@dataclass(eq=False)
class Mapping(Node):
    items: list[tuple[Scalar, Node]] = field(default_factory=list)

    def get(self, key: str) -> Node | None:
        for k, v in self.items:
            if k.value == key:
                return v
        return None

    def keys(self) -> list[str]:
        return [k.value for k, _ in self.items]


def kind_name(node: Node) -> str:
    if isinstance(node, Mapping):
        return "a mapping"
    if isinstance(node, Sequence):
        return "a list"
    if isinstance(node, Scalar) and node.is_null:
        return "an empty value"
    return "a text"


def load_file(path: Path, display: str | None = None, root: Path | None = None) -> Node:
    """The nodes of the YAML file ``path`` (inside ``root`` when given)."""
    name = display or str(path)
    return load_string(read_text(path, name, root=root), name)


_TAB_RE = re.compile(r"^[ ]*\t", re.M)


def load_string(text: str, name: str) -> Node:
    """Compose one YAML document into located nodes."""
    tab = _TAB_RE.search(text)
    if tab:
        line = text.count("\n", 0, tab.start()) + 1
        col = tab.end() - tab.start()
        raise _fail(name, line, col, "tab character in indentation; indent with spaces")
    try:
        events = list(yaml.parse(text, Loader=_Loader))
    except yaml.MarkedYAMLError as exc:
        raise _yaml_error(exc, name, text) from None
    except yaml.reader.ReaderError as exc:  # a character YAML does not allow
        before = text[: exc.position]
        line = before.count("\n") + 1
        col = exc.position - (before.rfind("\n") + 1) + 1
        raise _fail(name, line, col, f"the file contains the character U+{exc.character:04X}, "
                    "which YAML does not allow; remove it") from None
    except yaml.YAMLError as exc:  # pragma: no cover - unmarked errors are rare
        raise _fail(name, 1, 1, f"YAML error: {exc}") from None
    return _Composer(events, name).compose()


def _yaml_error(exc: yaml.MarkedYAMLError, name: str, text: str) -> LoadError:
    mark = exc.problem_mark or exc.context_mark
    line = mark.line + 1 if mark else 1
    col = mark.column + 1 if mark else 1
    problem = (exc.problem or "").strip()
    context = (exc.context or "").strip()
    lines = text.splitlines()
    src = lines[mark.line] if mark and mark.line < len(lines) else ""
    if "alias" in problem or "alias" in context:
        star = src.find("*")
        if star >= 0:
            col = star + 1
        msg = ("a text that starts with '*' must be quoted in YAML "
               "(write \"*italic* text\"); an unquoted '*' starts an alias")
    elif "mapping values are not allowed" in problem:
        msg = ("unexpected ': ' — a text containing ': ' must be quoted "
               "(for example title: \"Step 1: map\")")
    elif "found character that cannot start any token" in problem or "cannot start any token" in problem:
        ch = src[mark.column] if mark and mark.column < len(src) else ""
        if ch == "\t":
            msg = "tab character; indent with spaces"
        elif ch in "@`":
            msg = f"a text that starts with '{ch}' must be quoted"
        else:
            msg = f"unexpected character {ch!r}; quote this text"
    elif "control characters are not allowed" in problem or "special characters are not allowed" in problem:
        msg = "the file contains a control character that is not allowed in YAML"
    elif "expected ',' or '}'" in problem or "expected ',' or ']'" in problem:
        msg = (f"YAML syntax: {problem}; a text inside {{…}} or […] with ',', '?' or ': ' "
               "must be quoted")
    elif ("did not find expected '-' indicator" in problem or "expected key" in problem
          or "expected <block end>" in problem):
        msg = (f"YAML syntax: {problem} ({context}): check the indentation of this line; the "
               "items of one list start with '-' in the same column, and the keys of one "
               "mapping line up") if context else f"YAML syntax: {problem}: check the indentation"
    else:
        msg = f"YAML syntax: {problem or context}"
        if context and problem:
            msg += f" ({context})"
    return _fail(name, line, col, msg)


class _Composer:
    """Iteratively composes events into nodes, enforcing the limits."""

    def __init__(self, events: list, name: str):
        self.events = events
        self.name = name
        self.anchors: dict[str, Node] = {}
        self.weight: dict[int, int] = {}  # id(node) -> expanded size
        self.merged: dict[int, set[str]] = {}  # id(mapping) -> keys that came from '<<'

    def pos(self, event) -> Pos:
        m = event.start_mark
        return Pos(self.name, m.line + 1, m.column + 1)

    def compose(self) -> Node:
        docs = [e for e in self.events if isinstance(e, yaml.DocumentStartEvent)]
        if not docs:
            raise _fail(self.name, 1, 1, "the file is empty")
        if len(docs) > 1:
            raise LoadError(Diagnostic(ERROR, self.pos(docs[1]),
                                       "the file holds more than one YAML document (---); "
                                       "a curriculum is one document"))
        stack: list[tuple[Node, int, Scalar | None]] = []  # (container, weight, pending key)
        root: Node | None = None
        total = 0
        for ev in self.events:
            if isinstance(ev, (yaml.StreamStartEvent, yaml.StreamEndEvent,
                               yaml.DocumentStartEvent, yaml.DocumentEndEvent)):
                continue
            if isinstance(ev, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
                node, weight, pending = stack.pop()
                self.weight[id(node)] = weight
                self._attach(stack, node, weight)
                if not stack:
                    root = node
                continue
            tag = getattr(ev, "tag", None)
            if tag not in _ALLOWED_TAGS and not isinstance(ev, yaml.AliasEvent):
                raise LoadError(Diagnostic(ERROR, self.pos(ev),
                                           f"YAML tags such as {tag} are not allowed"))
            if isinstance(ev, yaml.AliasEvent):
                target = self.anchors.get(ev.anchor)
                if target is None:
                    raise LoadError(Diagnostic(
                        ERROR, self.pos(ev),
                        f"unknown alias '*{ev.anchor}'; a text that starts with '*' must be "
                        "quoted in YAML (write \"*italic* text\")"))
                if any(target is open_node for open_node, _, _ in stack):
                    raise LoadError(Diagnostic(ERROR, self.pos(ev),
                                               f"alias '*{ev.anchor}' refers to a value that "
                                               "contains it; the file is rejected"))
                weight = self.weight.get(id(target), 1)
                total += weight
                if total > MAX_NODES:
                    raise LoadError(Diagnostic(
                        ERROR, self.pos(ev),
                        f"aliases expand to more than {MAX_NODES} nodes; the file is rejected"))
                self._attach(stack, target, weight)
                if not stack:
                    root = target
                continue
            total += 1
            if total > MAX_NODES:
                raise LoadError(Diagnostic(ERROR, self.pos(ev),
                                           f"the file holds more than {MAX_NODES} nodes"))
            if isinstance(ev, yaml.ScalarEvent):
                bad = illegal_char(ev.value)
                if bad:  # written as an escape such as "\0" in a quoted text
                    raise LoadError(Diagnostic(ERROR, self.pos(ev), (
                        f"the text contains the control character {bad}, which no document "
                        "can hold; remove it")))
                node = Scalar(self.pos(ev), ev.value, plain=not ev.style)
                self.weight[id(node)] = 1
                if ev.anchor:
                    self.anchors[ev.anchor] = node
                if not stack:
                    root = node
                else:
                    self._attach(stack, node, 1)
                continue
            if isinstance(ev, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
                if len(stack) >= MAX_DEPTH:
                    raise LoadError(Diagnostic(ERROR, self.pos(ev),
                                               f"nesting deeper than {MAX_DEPTH} levels"))
                node = Mapping(self.pos(ev)) if isinstance(ev, yaml.MappingStartEvent) \
                    else Sequence(self.pos(ev))
                if ev.anchor:
                    self.anchors[ev.anchor] = node
                stack.append((node, 1, None))
        assert root is not None
        return root

    def _attach(self, stack: list, node: Node, weight: int) -> None:
        if not stack:
            return
        parent, pweight, pending = stack[-1]
        pweight += weight
        if isinstance(parent, Sequence):
            parent.items.append(node)
            stack[-1] = (parent, pweight, None)
            return
        assert isinstance(parent, Mapping)
        if pending is None:
            if not isinstance(node, Scalar):
                raise LoadError(Diagnostic(ERROR, node.pos, "a mapping key must be a plain text"))
            stack[-1] = (parent, pweight, node)
            return
        if pending.value == "<<" and pending.plain:
            self._merge(parent, node, pending)
        else:
            merged = self.merged.get(id(parent), set())
            for i, (k, _) in enumerate(parent.items):
                if k.value == pending.value:
                    if k.value in merged:  # a key written out overrides a merged one
                        merged.discard(k.value)
                        del parent.items[i]
                        break
                    raise LoadError(Diagnostic(
                        ERROR, pending.pos,
                        f"duplicate key '{pending.value}' (first at line {k.pos.line})"))
            parent.items.append((pending, node))
        stack[-1] = (parent, pweight, None)

    def _merge(self, parent: Mapping, value: Node, key: Scalar) -> None:
        sources = value.items if isinstance(value, Sequence) else [value]
        for src in sources:
            if not isinstance(src, Mapping):
                raise LoadError(Diagnostic(ERROR, key.pos, "'<<' merges only mappings"))
            have = set(parent.keys())
            merged = self.merged.setdefault(id(parent), set())
            for k, v in src.items:
                if k.value not in have:
                    have.add(k.value)
                    merged.add(k.value)
                    parent.items.append((k, v))
