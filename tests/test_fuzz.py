"""Random mutations of a valid curriculum never crash the loader or validator.

Whatever the mutation (a key deleted, a value replaced by a random string,
number, list or mapping, an item duplicated, an unknown key inserted, or the
YAML text itself cut and spliced), ``Workspace().load`` returns a curriculum or
None and reports diagnostics with positions; it never raises.
"""
from __future__ import annotations

import shutil

import pytest
import yaml
from hypothesis import HealthCheck, given, settings, strategies as st

from conftest import DATA, FORMAT_EXAMPLE, examples

from workshopkit.errors import Problems
from workshopkit.source.validate import Workspace

SOURCE = FORMAT_EXAMPLE.read_text(encoding="utf-8")
DOC = yaml.safe_load(SOURCE)

scalars = st.one_of(st.text(max_size=12), st.integers(-10**6, 10**6), st.booleans(), st.none(),
                    st.sampled_from(["1h30m", "4m30s", "yes", "No", "*x*", "https://e.org/?utm_source=1",
                                     "ftp://x", "", "es", "kits", "cameras-101", "free-software",
                                     "../../../etc/passwd", "x.png", "2026-02-30", "61", "-1"]))
values = st.recursive(scalars, lambda inner: st.one_of(
    st.lists(inner, max_size=3), st.dictionaries(st.sampled_from(["es", "en", "fr", "id", "title", "x"]),
                                                 inner, max_size=3)), max_leaves=6)


def paths(obj, here=()):
    yield here
    if isinstance(obj, dict):
        for k, v in obj.items():
            yield from paths(v, here + (k,))
    elif isinstance(obj, list):
        for i, v in enumerate(obj):
            yield from paths(v, here + (i,))


ALL_PATHS = [p for p in paths(DOC) if p]


def mutate(doc, path, op, value):
    import copy

    doc = copy.deepcopy(doc)
    parent = doc
    for step in path[:-1]:
        parent = parent[step]
    last = path[-1]
    if op == "delete":
        del parent[last]
    elif op == "replace":
        parent[last] = value
    elif op == "duplicate" and isinstance(parent, list):
        parent.insert(last, copy.deepcopy(parent[last]))
    elif op == "unknown-key" and isinstance(parent[last], dict):
        parent[last]["unknwn"] = value
    else:
        parent[last] = value
    return doc


def check(tmp_path, text):
    project = tmp_path / "p"
    if not project.exists():
        shutil.copytree(DATA / "format-example", project)
    f = project / "curricula" / "fuzzed.yaml"
    f.write_text(text, encoding="utf-8", errors="surrogatepass")
    problems = Problems()
    cur = Workspace(problems).load(f)  # must not raise
    for d in problems:
        assert d.severity in ("error", "warning", "note")
        assert d.pos.file.endswith(".yaml") or d.pos.file.endswith(".po")
    if cur is None:
        assert problems.errors
    return cur


pytestmark = pytest.mark.slow

SETTINGS = settings(max_examples=examples(100, 150), deadline=None,
                    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])


@SETTINGS
@given(path=st.sampled_from(ALL_PATHS),
       op=st.sampled_from(["delete", "replace", "duplicate", "unknown-key"]), value=values)
def test_structural_mutations_never_crash(tmp_path, path, op, value):
    doc = mutate(DOC, path, op, value)
    check(tmp_path, yaml.safe_dump(doc, allow_unicode=True, sort_keys=False))


@SETTINGS
@given(data=st.data())
def test_text_edits_never_crash(tmp_path, data):
    text = SOURCE
    for _ in range(data.draw(st.integers(1, 3))):
        a = data.draw(st.integers(0, len(text)))
        b = data.draw(st.integers(a, min(len(text), a + 40)))
        insert = data.draw(st.one_of(
            st.just(""), st.text(max_size=8),
            st.sampled_from(["\t", ": ", ", ", "*", "&a ", "*a", "<<: ", "{", "]", "- ", "\n  ", "!!str ",
                             "---\n", "? ", "|", ">", "#", "'", '"', "\\", "%YAML 1.1\n"]),
            st.just(text[a:b])))
        text = text[:a] + insert + text[b:]
    check(tmp_path, text)
