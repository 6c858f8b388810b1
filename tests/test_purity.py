"""Planners and writers are pure: no file, no environment, only (model, settings,
languages, options).

Two checks: a static one over the source of workshopkit/plan/ and workshopkit/render/
(no I/O modules, no file reads, no environment, no imports of the loading or build
layers), and a dynamic one that builds every output kind of a themed project with an
audit hook recording every file opened while the writers run.
"""
from __future__ import annotations

import ast
import json
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from conftest import DATA, ROOT, all_kinds

PURE = ("plan", "render")
IO_MODULES = {"os", "pathlib", "shutil", "tempfile", "glob", "subprocess", "fileinput"}
READS = {"read_bytes", "read_text", "write_bytes", "write_text", "open", "iterdir", "glob",
         "rglob", "exists", "is_file", "is_dir", "stat", "cwd", "home"}
ENVIRONMENT = {"environ", "getenv", "getcwd", "putenv"}
LAYERS = ("workshopkit.source", "workshopkit.build", "workshopkit.cli")
FROM_BYTES = {"truetype", "TTFont", "TTFontFile"}
"""Calls that take a file name or a file: only ever given io.BytesIO(...)."""


def _bytes_io(node: ast.AST) -> bool:
    return isinstance(node, ast.Call) and (
        (isinstance(node.func, ast.Attribute) and node.func.attr == "BytesIO")
        or (isinstance(node.func, ast.Name) and node.func.id == "BytesIO"))


def impurities(source: str, name: str = "<module>") -> list[str]:
    """Every place in ``source`` that reads a file or the environment, or imports
    what does."""
    out = []
    for node in ast.walk(ast.parse(source, name)):
        where = f"{name}:{getattr(node, 'lineno', 0)}"
        if isinstance(node, ast.Import):
            for alias in node.names:
                top = alias.name.split(".")[0]
                if top in IO_MODULES or alias.name.startswith(LAYERS):
                    out.append(f"{where}: imports {alias.name}")
        elif isinstance(node, ast.ImportFrom):
            mod = node.module or ""
            if mod.split(".")[0] in IO_MODULES or mod.startswith(LAYERS):
                out.append(f"{where}: imports from {mod}")
        elif isinstance(node, ast.Call):
            func = node.func
            called = func.attr if isinstance(func, ast.Attribute) else \
                func.id if isinstance(func, ast.Name) else ""
            if called == "open" and isinstance(func, ast.Name):
                out.append(f"{where}: open()")
            elif called in READS and isinstance(func, ast.Attribute):
                if not (called == "open" and node.args and _bytes_io(node.args[0])):
                    out.append(f"{where}: .{called}()")
            elif called in FROM_BYTES:
                arg = node.args[1] if called == "TTFont" and len(node.args) > 1 else \
                    node.args[0] if node.args and called != "TTFont" else None
                if arg is None or not _bytes_io(arg):
                    out.append(f"{where}: {called}() from something other than bytes")
            elif called in ENVIRONMENT:
                out.append(f"{where}: {called}()")
        elif isinstance(node, ast.Attribute) and node.attr in ENVIRONMENT:
            out.append(f"{where}: .{node.attr}")
        elif isinstance(node, ast.Name) and node.id in ("Path", "PurePath"):
            out.append(f"{where}: uses {node.id}")
    return out


def pure_modules() -> list[Path]:
    files = [f for pkg in PURE for f in sorted((ROOT / "workshopkit" / pkg).rglob("*.py"))]
    assert len(files) >= 20, files
    return files


def test_plan_and_render_read_no_file_and_no_environment():
    found = []
    for f in pure_modules():
        found += impurities(f.read_text(encoding="utf-8"), str(f.relative_to(ROOT)))
    assert not found, "\n".join(found)


@pytest.mark.parametrize("bad", [
    "import os\n",
    "from pathlib import Path\n",
    "from workshopkit.source.fonts import font_path\n",
    "data = open('x').read()\n",
    "data = logo.read_bytes()\n",
    "from PIL import Image\nim = Image.open(path)\n",
    "f = ImageFont.truetype(str(path), 10)\n",
    "f = TTFont('F', path)\n",
    "lang = env.environ.get('LANG')\n",
    "lang = getenv('LANG')\n",
])
def test_the_static_check_finds_each_kind_of_impurity(bad):
    assert impurities(bad)


@pytest.mark.parametrize("fine", [
    "import io\nf = ImageFont.truetype(io.BytesIO(data), 10)\n",
    "f = TTFont('F', io.BytesIO(data))\n",
    "with Image.open(io.BytesIO(data)) as im:\n    pass\n",
])
def test_the_static_check_allows_reading_bytes(fine):
    assert not impurities(fine)


# ----------------------------------------------------------------- dynamic check

SCRIPT = textwrap.dedent("""
    import dataclasses, importlib, io, json, pkgutil, sys
    from pathlib import Path

    import workshopkit.plan, workshopkit.render
    for pkg in (workshopkit.plan, workshopkit.render):
        for m in pkgutil.walk_packages(pkg.__path__, pkg.__name__ + "."):
            importlib.import_module(m.name)
    import pptx, pypdf, zxingcpp, PIL.Image
    PIL.Image.init()
    from pptx import Presentation

    from workshopkit.build import kinds
    from workshopkit.build.targets import options_for
    from workshopkit.source.settings import resolve
    from workshopkit.source.validate import Workspace

    project, template = Path(sys.argv[1]), Path(sys.argv[2])
    cur = Workspace().load(project / "curricula" / "all-kinds.yaml")
    assert cur is not None
    options = options_for(cur, {})
    plain = resolve(cur, options.theme, None)
    themed = resolve(cur, options.theme, template)
    assert themed.theme.logo is not None and themed.deck_fonts != themed.fonts
    writers = {k: kinds.get(k) for k in kinds.available()}
    from workshopkit.i18n import language_name, ui
    for lang in cur.all_languages:  # interface catalogues and language names: package data
        ui(lang)("Agenda")
        for other in cur.all_languages:
            language_name(other, lang)
    opened, recording = [], [False]

    def hook(event, args):
        if recording[0] and event == "open" and args and isinstance(args[0], (str, bytes)):
            opened.append(args[0] if isinstance(args[0], str) else args[0].decode())

    sys.addaudithook(hook)
    built = {}
    recording[0] = True
    for settings, opts, langs in ((themed, options, ("en",)),
                                  (plain, dataclasses.replace(options, ink="low", booklet=True,
                                                              cards="page"), ("en", "vi"))):
        for kind, write in writers.items():
            data = write(cur, settings, langs, opts)
            built[f"{kind}-{'+'.join(langs)}"] = len(data)
    recording[0] = False
    print(json.dumps({"opened": opened, "built": built}))
""")


def allowed_dirs() -> list[Path]:
    import PIL
    import pptx
    import pypdf
    import pyphen
    import reportlab
    return [Path(m.__file__).resolve().parent for m in (reportlab, PIL, pptx, pypdf, pyphen)]


def test_writers_open_no_file_while_rendering(tmp_path):
    project = tmp_path / "p"
    shutil.copytree(DATA / "slides-all", project)
    fonts = sorted(Path("/usr/share/fonts").rglob("DejaVuSerif.ttf"))
    from workshopkit.source.fonts import font_path
    shutil.copy(fonts[0] if fonts else font_path("italic"), project / "body.ttf")
    shutil.copy(font_path("bold"), project / "title.ttf")
    (project / "theme.yaml").write_text('colors:\n  accent: "00AA55"\nlogo: logo.png\n'
                                        "fonts:\n  title: title.ttf\n  body: body.ttf\n")
    from pptx import Presentation
    template = tmp_path / "org.pptx"
    Presentation().save(template)
    run = subprocess.run([sys.executable, "-c", SCRIPT, str(project), str(template)],
                         capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert run.returncode == 0, run.stderr
    report = json.loads(run.stdout.strip().splitlines()[-1])
    assert len(report["built"]) == 2 * len(all_kinds()) and all(report["built"].values()), \
        report["built"]
    allowed = allowed_dirs()
    bad = []
    for name in report["opened"]:
        p = Path(name).resolve()
        if any(p.is_relative_to(d) for d in allowed):
            continue  # the libraries' own resources (reportlab's font data, say)
        if p.suffix in (".py", ".pyc", ".so", ".pyd"):
            continue  # a module imported on first use
        bad.append(name)
    assert not bad, bad
    package = ROOT / "workshopkit"
    touched = [n for n in report["opened"] if n.lower().endswith((".ttf", ".otf"))
               or Path(n).resolve().is_relative_to(tmp_path)
               or (Path(n).resolve().is_relative_to(package) and not n.endswith((".py", ".pyc")))]
    assert not touched, touched  # no project file, no font, no workshopkit data file
