"""Mutations of every sample curriculum and of the project-level files (PO catalogue,
theme, catalogue, workshopkit.yaml) never cause an internal error: each loads, resolves
its settings and, every tenth input, renders one output kind, or stops at located
errors.  Twelve inputs under `make test` (WK_EXAMPLES=N draws more); 2,000 with CI=true.
"""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st

from conftest import DATA, ROOT, SAMPLES, all_kinds, examples

from workshopkit.errors import Problems, WorkshopkitError

pytestmark = pytest.mark.slow

SAMPLE_FILES = sorted(p.name for p in SAMPLES.glob("*.yaml"))
PROJECT_FILES = ["curricula/catalog/free-software.yaml", "curricula/free-software.fr.po",
                 "theme.yaml", "workshopkit.yaml"]
TARGETS = [f"curricula/{n}" for n in SAMPLE_FILES] + PROJECT_FILES
PO = """\
msgid ""
msgstr ""
"Content-Type: text/plain; charset=UTF-8\\n"
"Plural-Forms: nplurals=2; plural=(n > 1);\\n"

msgctxt "title"
msgid "Software libre para organizaciones"
msgstr "Logiciel libre pour les organisations"

msgid "Nada"
msgstr"Rien"
"""
THEME = "colors:\n  title: \"#7A1F5C\"\n  accent: \"#00AA55\"\nlogo: logo.png\n"
TOKENS = ["\\0", "\\x01", "*", "**", "&a ", "*a", "<<: *a", "../../outside/x.png",
          "/etc/passwd", "%5F", "?utm_source=1&FBCLID=2;Si=3", "https://u:p@e.org/",
          "https://a.org@b.example/", "2108-01-01", "nplurals=999999999; plural=n;",
          "plural=(n;", "msgstr\"", "\n", ": ", "- ", "{", "]", "'", '"', "\t", "#",
          "x" * 3000, "\U0001F600", "\u202e", "ñ", "-1", "99999", "!!python/object ",
          "logo: /dev/zero\n", "template: x.pptx\n", "src: ../../x.png"]


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    """The samples as one project, with a PO catalogue, a theme with a logo, defaults."""
    root = tmp_path_factory.mktemp("fuzz") / "p"
    shutil.copytree(SAMPLES, root / "curricula")
    shutil.copy(ROOT / "workshopkit.yaml", root / "workshopkit.yaml")
    shutil.copy(DATA / "slides-all" / "logo.png", root / "logo.png")
    (root / "curricula" / "free-software.fr.po").write_text(PO, encoding="utf-8")
    (root / "theme.yaml").write_text(THEME, encoding="utf-8")
    (tmp_path_factory.getbasetemp() / "outside").mkdir(exist_ok=True)
    return root


def mutate(text: str, data) -> str:
    for _ in range(data.draw(st.integers(1, 3), label="edits")):
        a = data.draw(st.integers(0, len(text)), label="at")
        b = data.draw(st.integers(a, min(len(text), a + 60)), label="to")
        insert = data.draw(st.one_of(st.sampled_from(TOKENS), st.text(max_size=6),
                                     st.just(text[a:b] * 2)), label="insert")
        text = text[:a] + insert + text[b:]
    return text


def check(root: Path, target: str, render: bool, kind: str) -> None:
    from workshopkit.build import kinds
    from workshopkit.build.targets import options_for
    from workshopkit.source.settings import resolve
    from workshopkit.source.validate import Workspace

    name = Path(target).name
    curricula = ([root / target] if target.startswith("curricula/") and name in SAMPLE_FILES
                 else [root / "curricula" / "free-software.yaml"])
    for path in curricula:
        problems = Problems()
        cur = Workspace(problems).load(path)  # raises nothing
        assert all(d.pos.file for d in problems), [str(d) for d in problems]
        if cur is None:
            assert problems.errors
            continue
        opts = options_for(cur, {})
        try:
            s = resolve(cur, opts.theme, opts.template)
        except WorkshopkitError as exc:
            assert exc.diagnostics and all(d.pos.file for d in exc.diagnostics)
            continue
        if render:
            try:
                data = kinds.render(kind, cur, s, (cur.languages[0],), opts)
            except WorkshopkitError as exc:
                assert exc.diagnostics
                continue
            assert data


RUN = {"n": 0}


@settings(max_examples=examples(12, 2000))
@given(data=st.data())
def test_mutated_projects_never_cause_an_internal_error(project, data):
    target = data.draw(st.sampled_from(TARGETS), label="file")
    kind = data.draw(st.sampled_from(all_kinds()), label="kind")
    path = project / target
    original = path.read_bytes()
    path.write_text(mutate(original.decode("utf-8"), data), encoding="utf-8",
                    errors="surrogatepass")
    RUN["n"] += 1
    try:
        check(project, target, RUN["n"] % 10 == 1, kind)
    finally:
        path.write_bytes(original)
