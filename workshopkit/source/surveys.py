"""Loading surveys: ``curricula/survey/<id>.yaml``, read like a curriculum.

A survey is validated like a curriculum (every problem located, did-you-mean on unknown
keys, translation catalogues ``<id>.<lang>.po`` beside it, gaps reported) and loaded
once per :class:`~workshopkit.source.validate.Workspace`, whether it was named on the
command line, found in a folder, or referenced by a worksheet item ``survey: <id>``.
"""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Optional

from workshopkit.model.survey import Survey
from workshopkit.model.text import register_sources
from workshopkit.source import checks
from workshopkit.source.convert import Converter
from workshopkit.source.po import translations
from workshopkit.source.project import CONFIG_NAME, SURVEY_DIR, display, find_root
from workshopkit.source.values import suggest

if TYPE_CHECKING:
    from workshopkit.errors import Pos
    from workshopkit.model import Curriculum


def survey_file(root: Path, sid: str) -> Path:
    """Where survey ``sid`` of the project ``root`` is (``.yaml``, else ``.yml``)."""
    path = root / "curricula" / SURVEY_DIR / f"{sid}.yaml"
    alt = path.with_suffix(".yml")
    return alt if not path.is_file() and alt.is_file() else path


def known_surveys(root: Path) -> list[str]:
    folder = root / "curricula" / SURVEY_DIR
    if not folder.is_dir():
        return []
    return sorted(p.stem for p in folder.iterdir() if p.suffix in (".yaml", ".yml"))


def load_survey(ws, path: Path, root: Optional[Path] = None) -> Optional[Survey]:
    """The survey in ``path`` (which must resolve inside ``root`` when given), validated
    (None when it has errors); loaded once per ``ws``, the
    :class:`~workshopkit.source.validate.Workspace` that reports its problems."""
    key = path.resolve()
    if key in ws.surveys:
        return ws.surveys[key]
    ws.surveys[key] = None  # a survey being loaded is not loaded again
    problems = ws.problems
    before = len(problems.errors)
    read = ws._read(path, "survey", root)
    if read is None:
        return None
    node, langs = read
    root = find_root(path)
    cfg = ws.config(root)
    owner, po_files = translations(path, langs, problems)
    conv = Converter(problems, langs, owner, path, root)
    sv = conv.record(node, "survey", "")
    if not isinstance(sv, Survey) or len(problems.errors) > before:
        return None
    sv.inputs = (path, *po_files, *([root / CONFIG_NAME] if cfg.keys else []))
    sv.config = cfg
    register_sources(sv)
    checks.undrawable(sv, problems)
    ws._gaps(sv, sv.all_languages, owner)
    ws.surveys[key] = sv
    return sv


def refer(ws, cur: "Curriculum", sid: str, pos: "Pos", root: Path) -> None:
    """Resolve a worksheet item ``survey: <id>`` of ``cur`` (an error at ``pos`` if unknown)."""
    path = survey_file(root, sid)
    if not path.is_file():
        known = known_surveys(root)
        where = display(root / "curricula" / SURVEY_DIR)
        ws.problems.error(pos, f"unknown survey '{sid}'"
                          + (suggest(sid, known) or (f" (surveys in {where}: {', '.join(known)})"
                                                     if known else f": {where} has none")))
        return
    sv = load_survey(ws, path, root)  # the project's own: a link out of it is not read
    if sv is None:
        ws.problems.error(pos, f"survey '{sid}' ({display(path)}) has errors")
        return
    cur.surveys[sid] = sv
