"""FORMAT.md's whole example: every field the author wrote arrives in the model.

The YAML and the model are walked side by side: every Text in every language,
every id, duration, URL, caption, worksheet item, slide body, glossary term,
resource, author and catalogue row field is compared with what the file says.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import re

from conftest import FORMAT_EXAMPLE

from workshopkit.errors import Problems
from workshopkit.model.text import Text
from workshopkit.source.nodes import Mapping, Scalar, Sequence, load_file
from workshopkit.model import Url
from workshopkit.source.validate import Workspace

# YAML key -> model attribute, where the names differ
RENAME = {
    "Activity": {"duration": "minutes", "break": "is_break"},
    "Session": {"duration": "declared_minutes"},
    "Curriculum": {"duration": "declared_minutes"},
    "Video": {"duration": "duration_seconds"},
}
NOT_IN_MODEL = {"workshopkit"}  # the format version


def minutes_or_seconds(s: str, seconds: bool) -> int:
    if re.fullmatch(r"\d+", s):
        return int(s) * (60 if seconds else 1)
    h, m, sec = (int(g or 0) for g in re.fullmatch(r"(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?", s).groups())
    total = h * 3600 + m * 60 + sec
    return total if seconds else total // 60


class Walker:
    def __init__(self, languages: tuple[str, ...]):
        self.languages = languages
        self.checked: list[str] = []

    def walk(self, node, obj, where: str, owner: str = "", key: str = "") -> None:
        if isinstance(obj, Text):
            self.text(node, obj, where)
        elif isinstance(obj, Url):
            if isinstance(node, Scalar):
                for lang in self.languages:
                    assert obj.get(lang) == node.value, where
            else:
                for k, v in node.items:
                    assert obj.get(k.value) == v.value, where
            self.checked.append(where)
        elif dataclasses.is_dataclass(obj):
            assert isinstance(node, Mapping), where
            name = type(obj).__name__
            for k, v in node.items:
                if k.value in NOT_IN_MODEL:
                    continue
                attr = RENAME.get(name, {}).get(k.value, k.value)
                assert hasattr(obj, attr), f"{where}.{k.value}: {name} has no '{attr}'"
                self.walk(v, getattr(obj, attr), f"{where}.{k.value}", name, k.value)
        elif isinstance(obj, dict):  # videos: id -> Video
            assert isinstance(node, Mapping) and list(obj) == node.keys(), where
            for k, v in node.items:
                assert obj[k.value].id == k.value
                self.walk(v, obj[k.value], f"{where}.{k.value}")
        elif isinstance(obj, (list, tuple)):
            assert isinstance(node, Sequence) and len(node.items) == len(obj), where
            for i, (n, o) in enumerate(zip(node.items, obj)):
                self.walk(n, o, f"{where}[{i}]", owner, key)
        else:
            self.scalar(node, obj, where, owner, key)

    def text(self, node, text: Text, where: str) -> None:
        if isinstance(node, Scalar):
            for lang in self.languages:
                assert text.get(lang) == node.value, where
        else:
            assert isinstance(node, Mapping), where
            assert set(node.keys()) == set(self.languages), where
            for k, v in node.items:
                assert text.get(k.value) == v.value, f"{where}.{k.value}"
        self.checked.append(where)

    def scalar(self, node, value, where: str, owner: str, key: str) -> None:
        assert isinstance(node, Scalar), where
        if isinstance(value, bool):
            assert value is (node.value == "true"), where
        elif key == "duration":
            assert value == minutes_or_seconds(node.value, owner == "Video"), where
        elif isinstance(value, int):
            assert value == int(node.value), where
        elif isinstance(value, dt.date):
            assert value.isoformat() == node.value, where
        else:
            assert isinstance(value, str) and value == node.value, where
        self.checked.append(where)


def test_every_field_of_the_example_arrives_in_the_model():
    problems = Problems()
    cur = Workspace(problems).load(FORMAT_EXAMPLE)
    assert cur is not None and problems.errors == []
    walker = Walker(cur.languages)
    walker.walk(load_file(FORMAT_EXAMPLE), cur, "curriculum")
    # the walk really looked at the file: every Text, id and number of the example
    assert len(walker.checked) >= 55, len(walker.checked)
    for probe in ("curriculum.videos.cameras-101.captions[1]",
                  "curriculum.sessions[0].activities[0].slides[1].video",
                  "curriculum.sessions[0].activities[2].worksheet[0].risk_matrix.threats[1]",
                  "curriculum.sessions[0].activities[0].worksheet[1].checklist[0]",
                  "curriculum.glossary[0].definition", "curriculum.resources[0].url",
                  "curriculum.authors[0].org", "curriculum.opsec", "curriculum.updated"):
        assert probe in walker.checked, probe


def test_example_values_read_back():
    cur = Workspace().load(FORMAT_EXAMPLE)
    walk, brk, risks = cur.sessions[0].activities
    assert (walk.minutes, brk.minutes, risks.minutes) == (20, 10, 30)
    assert brk.is_break and brk.phase is None and brk.title is None
    assert cur.minutes == cur.declared_minutes == 60
    assert cur.videos["cameras-101"].duration_seconds == 270
    assert [s.kind for s in walk.slides] == ["bullets", "video"]
    assert [w.kind for w in walk.worksheet] == ["prompt", "checklist"]
    assert walk.worksheet[0].lines == 4
    assert cur.level == "intro" and cur.license == "CC-BY-SA-4.0" and cur.version == "1.2.0"
    assert cur.updated == dt.date(2026, 11, 1)


def test_example_catalogue_every_field():
    problems = Problems()
    ws = Workspace(problems)
    root = FORMAT_EXAMPLE.parent.parent
    cat = ws.catalog(root, "free-software")
    assert cat is not None and problems.errors == [], problems.items
    path = root / "curricula" / "catalog" / "free-software.yaml"
    walker = Walker(cat.languages)
    walker.walk(load_file(path), cat, "catalog")
    assert {"catalog.rows[0].need", "catalog.rows[0].free", "catalog.rows[0].hosted_by",
            "catalog.rows[0].free_license", "catalog.rows[0].commercial",
            "catalog.rows[0].commercial_license", "catalog.rows[0].notes", "catalog.title",
            "catalog.id"} <= set(walker.checked)
