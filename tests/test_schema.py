"""The published JSON Schema accepts every valid file and rejects structural mistakes."""
from __future__ import annotations

import functools
import json
import re
from pathlib import Path

import jsonschema
import pytest

from workshopkit.source.nodes import Mapping, Scalar, Sequence, load_file, load_string
from workshopkit.source.schema import json_schema

ROOT = Path(__file__).resolve().parent.parent
SCHEMAS = {name: json.loads((ROOT / "schema" / f"{name}.schema.json").read_text(encoding="utf-8"))
           for name in ("curriculum", "catalog", "project", "theme", "survey")}
_INT = re.compile(r"^[-+]?[0-9]+$")


def as_json(node):
    """Type YAML the way the format does: only true/false, integers and null are not text."""
    if isinstance(node, Mapping):
        return {k.value: as_json(v) for k, v in node.items}
    if isinstance(node, Sequence):
        return [as_json(i) for i in node.items]
    assert isinstance(node, Scalar)
    if node.plain:
        if node.is_null:
            return None
        if node.value in ("true", "True", "TRUE"):
            return True
        if node.value in ("false", "False", "FALSE"):
            return False
        if _INT.match(node.value):
            return int(node.value)
    return node.value


@functools.cache
def validator(name: str):
    """The Draft 7 validator of a committed schema, the schema itself checked once."""
    cls = jsonschema.validators.validator_for(SCHEMAS[name])
    assert cls is jsonschema.Draft7Validator
    cls.check_schema(SCHEMAS[name])
    return cls(SCHEMAS[name])


def doc_blocks() -> list[tuple[str, str]]:
    out = []
    for md in [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]:
        if not md.is_file():
            continue
        text = md.read_text(encoding="utf-8")
        for i, m in enumerate(re.finditer(r"^```ya?ml\n(.*?)^```", text, re.S | re.M)):
            block = m.group(1)
            if re.search(r"^workshopkit:", block, re.M) and re.search(r"^sessions:", block, re.M):
                out.append((f"{md.relative_to(ROOT)}#{i}", block))
    return out


def curriculum_files() -> list[Path]:
    files = []
    for base in (ROOT / "curricula", ROOT / "tests" / "data"):
        files += [f for f in sorted(base.rglob("*.y*ml")) if f.suffix in (".yaml", ".yml")
                  and "catalog" not in f.parts and "survey" not in f.parts
                  and f.name != "workshopkit.yaml"]
    return files


def catalog_files() -> list[Path]:
    return [f for f in sorted(ROOT.glob("**/catalog/*.y*ml"))
            if ".venv" not in f.parts and "bad" not in f.parts]


def test_committed_schemas_equal_the_spec():
    for name, schema in SCHEMAS.items():
        assert schema == json_schema(name), f"schema/{name}.schema.json is stale: run make schema"


def test_there_are_examples_to_check():
    assert doc_blocks(), "no curriculum examples found in README.md or docs/"
    assert len(curriculum_files()) >= 4


@pytest.mark.parametrize("where, block", doc_blocks(), ids=[w for w, _ in doc_blocks()])
def test_doc_examples_match_the_schema(where, block):
    validator("curriculum").validate(as_json(load_string(block, where)))


@pytest.mark.parametrize("path", curriculum_files(), ids=lambda p: str(p.relative_to(ROOT)))
def test_curricula_match_the_schema(path):
    validator("curriculum").validate(as_json(load_file(path)))


@pytest.mark.parametrize("path", catalog_files(), ids=lambda p: str(p.relative_to(ROOT)))
def test_catalogues_match_the_schema(path):
    validator("catalog").validate(as_json(load_file(path)))


def test_project_file_schema():
    v = validator("project")
    v.validate({"paper": "a4", "start": "09:30"})
    assert not v.is_valid({"paper": "legal"})
    assert not v.is_valid({"papr": "a4"})


def theme_example() -> str:
    text = (ROOT / "docs" / "slides.md").read_text(encoding="utf-8")
    return re.search(r"^```yaml\n(colors:.*?)^```", text, re.S | re.M).group(1)


@pytest.mark.parametrize("text, valid", [
    (theme_example(), True),
    ('colors: {title: "#7a1f5c", text: 222222, muted: "8C96A0"}\n', True),
    ("fonts: {title: DejaVu Sans, body: fonts/Body.TTF}\nlogo: logo.JPG\n", True),
    ("colours: {}\n", False),
    ('colors: {titel: "#123456"}\n', False),
    ('colors: {title: "#12345"}\n', False),
    ("colors: {title: red}\n", False),
    ("colors:\n  title: #123456\n", False),  # a comment: the value is empty
    ("colors: [a]\n", False),
    ("fonts: {body: Arial}\n", False),
    ("fonts: {heading: x.ttf}\n", False),
    ("logo: logo.gif\n", False),
    ("logo: [a.png]\n", False),
])
def test_theme_schema_agrees_with_the_converter(tmp_path, text, valid):
    """The schema and theme.yaml's loader accept the same themes (files aside)."""
    from workshopkit.errors import WorkshopkitError
    from workshopkit.source.theme import read

    assert validator("theme").is_valid(as_json(load_string(text, "theme.yaml"))) is valid
    (tmp_path / "theme.yaml").write_text(text, encoding="utf-8")
    try:
        read(tmp_path / "theme.yaml")
        problems = ""
    except WorkshopkitError as exc:
        problems = str(exc)
    if valid:  # only the files it names are missing here
        assert all("file not found" in line for line in problems.splitlines()), problems
    else:
        assert problems and "file not found" not in problems, problems


BASE = """\
workshopkit: 1
id: s
languages: [es, en]
title: {es: T, en: T}
sessions:
  - id: s1
    title: S
    activities:
      - id: a1
        title: A
        phase: input
        duration: 10m
"""


def test_base_is_valid():
    assert validator("curriculum").is_valid(as_json(load_string(BASE, "x")))


@pytest.mark.parametrize("change", [
    ("        duration: 10m\n", "        duration: 10m\n        titel: x\n"),      # unknown key
    ("    title: S\n", ""),                                                      # missing title
    ("        phase: input\n", "        phase: lecture\n"),                    # not an enum value
    ("        duration: 10m\n", "        duration: ten\n"),                     # bad duration
    ("        duration: 10m\n", "        duration: 10m\n        break: yes\n"),  # bool as text
    ("        phase: input\n", ""),                                           # no phase, no break
    ("workshopkit: 1", "workshopkit: 2"),                                    # version
    ("id: s\n", "id: S_1\n"),                                                # slug
    ("languages: [es, en]", "languages: es"),                                # list expected
    ("duration: 10m\n", "duration: 10m\n        worksheet:\n          - {prompt: P, lines: '4'}\n"),
    ("duration: 10m\n", "duration: 10m\n        worksheet:\n          - {prompt: P, lines: 41}\n"),
    ("duration: 10m\n", "duration: 10m\n        worksheet:\n          - {lines: 4}\n"),
    ("duration: 10m\n", "duration: 10m\n        slides:\n          - {bullets: [a], video: v}\n"),
    ("duration: 10m\n", "duration: 10m\n        slides:\n          - {columns: [[a]]}\n"),
    ("duration: 10m\n", "duration: 10m\nresources:\n  - {title: R, url: 'ftp://x.org'}\n"),
    ("title: {es: T, en: T}", "title: {es: ''}"),
])
def test_structural_mistakes_are_rejected(change):
    old, new = change
    assert old in BASE
    data = as_json(load_string(BASE.replace(old, new, 1), "x"))
    assert not validator("curriculum").is_valid(data)


def test_the_validator_and_schema_agree_on_the_bad_suite():
    """Every tests/bad file the schema accepts must be one whose mistake JSON Schema cannot express."""
    from workshopkit.source.nodes import LoadError

    semantic = {"flow-comma", "text-no-source", "text-unknown-language", "reserved-id",
                "duplicate-activity-id", "unknown-video", "video-typo", "unknown-catalog",
                "broken-catalog", "image-outside", "image-missing", "image-not-png",
                "image-credit-alone", "day-order", "table-row-width", "impossible-date",
                "activity-zero", "activity-seconds", "url-javascript", "language-tag",
                "answer-out-of-range", "answer-list-single", "comparison-unknown-row",
                "worksheet-image-outside"}
    accepted = set()
    for f in sorted((ROOT / "tests" / "bad").glob("*.yaml")):
        try:
            data = as_json(load_file(f))
        except LoadError:
            continue
        if validator("curriculum").is_valid(data):
            accepted.add(f.stem)
    assert accepted <= semantic, accepted - semantic
