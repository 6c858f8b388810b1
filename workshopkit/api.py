"""The library façade: everything the command line does, as plain function calls.

Each function takes plain values (or a :class:`BuildRequest`), does its work
and returns what happened, diagnostics included; nothing here prints.  A
request that makes no sense raises :class:`~workshopkit.errors.UsageError`
(exit status 2); every exception carries its exit status (``exit_code``), and
every result has the ``exit_code`` its diagnostics call for.

    from workshopkit import api
    result = api.build(api.BuildRequest(paths=(Path("curricula"),), out_dir=Path("out")))
    for d in result.problems.sorted():
        print(d)

Loading modules and writers are imported on first use: importing this module
is cheap.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Optional

from workshopkit.build.request import BuildRequest, BuildResult, KitRequest, split_list
from workshopkit.errors import Diagnostic, Pos, Problems, UsageError, WorkshopkitError

__all__ = ["display", "BuildRequest", "BuildResult", "KitRequest", "Loaded", "build", "validate",
           "list_curricula", "list_activities", "new", "schema", "tally", "tally_template",
           "translate_export", "translate_status", "watch",
           "split_list"]


@dataclass
class Loaded:
    """Curricula loaded from some paths, the files that failed, and what was found."""

    curricula: list = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    problems: Problems = field(default_factory=Problems)
    strict: bool = False
    notes: dict = field(default_factory=dict)  # a written file -> what it is, when not plain

    @property
    def exit_code(self) -> int:
        return 1 if self.failed or self.problems.failed(self.strict) else 0


def load(paths: Iterable[Path], strict: bool = False,
         languages: Optional[set[str]] = None, freshness: bool = True) -> Loaded:
    """``freshness``: report old and missing 'reviewed' dates (validate and build do;
    listing and translating do not)."""
    from workshopkit.build.targets import load_all

    out = Loaded(strict=strict)
    out.curricula, out.failed = load_all([Path(p) for p in paths], out.problems, languages,
                                         strict, freshness)
    return out


# ------------------------------------------------------------------------ build
def build(request: BuildRequest, *, progress: Optional[Callable[[object], None]] = None,
          on_plan: Optional[Callable[[int], None]] = None) -> BuildResult:
    """Build what is out of date (and kits, when ``request.kit`` is set).

    ``on_plan`` hears how many targets will be rendered, ``progress`` each one
    rendered.  Raises UsageError for a request that makes no sense.
    """
    from workshopkit.build.runner import build as run

    return run(request.checked(), progress=progress, on_plan=on_plan)


def watch(request: BuildRequest, rebuild: Callable[[BuildRequest], int],
          echo: Callable[[str], None], *, quiet: bool = False, stop_event=None,
          ready: Optional[Callable[[], None]] = None) -> None:
    """Build with ``rebuild(request)`` (which builds and reports, returning the exit status),
    then again each time a file it reads is saved, until Ctrl-C or ``stop_event``."""
    from workshopkit.build.watch import Watcher

    checked = request.checked()
    Watcher(checked, lambda: rebuild(checked), echo, quiet).run(stop_event, ready)


# --------------------------------------------------------------------- curricula
def validate(paths: Iterable[Path], strict: bool = False) -> Loaded:
    """Load and check every curriculum under ``paths``, and what building it would read
    besides: the theme, template and images its project's workshopkit.yaml gives (or
    theme.yaml beside it).  A curriculum whose settings cannot be read has failed."""
    from workshopkit.source.project_catalogs import report

    loaded = load(paths, strict)
    _check_settings(loaded)
    report(loaded.curricula, loaded.problems, loaded.failed)  # also catalogues none uses yet
    return loaded


def _check_settings(loaded: Loaded) -> None:
    from workshopkit.build.targets import options_for
    from workshopkit.source.project import display
    from workshopkit.source.settings import resolve

    seen = set(loaded.problems.items)  # a project's theme is reported once, not per curriculum
    for cur in list(loaded.curricula):
        options = options_for(cur, {})
        try:
            resolve(cur, options.theme, options.template)
        except WorkshopkitError as exc:
            loaded.curricula.remove(cur)
            loaded.failed.append(display(cur.path))
            for d in exc.diagnostics:
                if d not in seen:
                    seen.add(d)
                    loaded.problems.items.append(d)


@dataclass(frozen=True)
class Row:
    id: str
    languages: str
    duration: str
    sessions: str
    file: str


def list_curricula(paths: Iterable[Path]) -> tuple[list[Row], Loaded]:
    """One row per curriculum that loads: id, languages, total duration, sessions, file."""
    from workshopkit.plan.schedule import hm
    from workshopkit.source.project import display

    loaded = load(paths, freshness=False)
    rows = [Row(c.id, ",".join(c.all_languages), hm(c.minutes), str(len(c.sessions)),
                display(c.path)) for c in loaded.curricula
            if getattr(c, "document", "curriculum") == "curriculum"]  # surveys: no sessions
    return rows, loaded


@dataclass(frozen=True)
class ActivityRow:
    """An activity another curriculum can take with ``from: <ref>``."""

    ref: str  # <curriculum>/<session>/<activity>
    phase: str
    minutes: int
    duration: str
    languages: tuple[str, ...]  # those it has every text in
    title: str
    file: str
    line: int


def list_activities(paths: Iterable[Path], phase: Optional[str] = None,
                    lang: Optional[str] = None) -> tuple[list[ActivityRow], Loaded]:
    """Every activity (breaks aside) of the curricula under ``paths``, with its phase,
    duration, the languages it is complete in and its title (in ``lang``, else its
    curriculum's source language); only those of ``phase`` and complete in ``lang``."""
    from workshopkit.model import PHASES
    from workshopkit.model.text import iter_texts
    from workshopkit.plan.schedule import hm
    from workshopkit.source.project import display

    if phase is not None and phase not in PHASES:
        raise UsageError(f"'{phase}' is not a phase ({', '.join(PHASES)})", "--phase")
    if lang is not None:
        translation_languages(lang)
    loaded = load(paths)
    rows = []
    for cur in loaded.curricula:
        for s, a in cur.activities():
            texts = list(iter_texts(a))
            langs = tuple(l for l in cur.all_languages
                          if not any(t.resolve(l)[1] for t in texts))
            if a.is_break or (phase and a.phase != phase) or (lang and lang not in langs):
                continue
            rows.append(ActivityRow(f"{cur.id}/{s.id}/{a.id}", a.phase or "", a.minutes,
                                    hm(a.minutes), langs,
                                    a.title.get(lang or cur.source_lang) if a.title else "",
                                    display(a.pos.file and Path(a.pos.file)), a.pos.line))
    return rows, loaded


def new(cid: str, languages: Iterable[str] | str, folder: Path) -> Path:
    """Write a starting curriculum ``folder/cid.yaml`` that validates and builds."""
    from workshopkit.build.scaffold import scaffold

    try:
        return scaffold(cid, split_list(languages), Path(folder))
    except ValueError as exc:
        raise UsageError(str(exc)) from None
    except FileExistsError as exc:
        raise WorkshopkitError(Diagnostic("error", Pos(str(exc)),
                                          "file exists; choose another id or remove it")) from None


def icons(lang: str = "en") -> list[tuple[str, str]]:
    """Every shipped icon as (name, label in ``lang``), sorted by name."""
    from workshopkit.i18n import ui
    from workshopkit.plan import icons as shipped

    _ = ui(lang)
    return [(name, _(shipped.label(name))) for name in shipped.names()]


def schema(kind: str = "curriculum") -> dict:
    """The JSON Schema (draft-07) of curriculum, catalogue ('catalog'), project or theme files."""
    from workshopkit.source.schema import json_schema

    return json_schema(kind)


# --------------------------------------------------------------------- translate
def translation_languages(values: Iterable[str] | str | None) -> list[str]:
    """Language tags, checked (UsageError naming --lang when one is not a tag)."""
    from workshopkit.i18n.po_catalog import check_lang

    langs = split_list(values)
    wrong = [l for l in langs if not check_lang(l)]
    if wrong:
        raise UsageError(f"'{wrong[0]}' is not a language tag (such as pt, pt-BR)", "--lang")
    return langs


def _documents(paths: Iterable[Path]):
    from workshopkit.i18n.documents import documents

    loaded = load(paths, languages=set(), freshness=False)
    return documents(loaded.curricula), loaded


def translate_export(paths: Iterable[Path], languages: Iterable[str] | str | None,
                     pot: bool = False) -> tuple[list[Path], Loaded]:
    """Write <stem>.<lang>.po (and <stem>.pot) beside each curriculum and catalogue;
    returns the files written."""
    from workshopkit.i18n.export import export

    wanted = translation_languages(languages)
    if not wanted and not pot:
        raise UsageError("give --lang (such as --lang pt) or --pot")
    from workshopkit.source.project import display

    docs, loaded = _documents(paths)
    written = export(docs, wanted, pot, loaded.problems)
    for doc in docs:  # a catalogue's PO is written too: say whose it is
        if doc.kind == "catalogue":
            users = [display(c.path) for c in loaded.curricula
                     if any(cat.path == doc.path for cat in c.catalogs.values())]
            for path in written:
                if path.parent == doc.path.parent and path.name.startswith(doc.path.stem + "."):
                    loaded.notes[path] = (f"the catalogue '{doc.id}'"
                                          + (f", used by {', '.join(users)}" if users else ""))
    return written, loaded


def display(path: Path) -> str:
    """A path as printed: relative to the current folder when it is inside it."""
    from workshopkit.source.project import display as shown

    return shown(Path(path))


def translate_status(paths: Iterable[Path], languages: Iterable[str] | str | None = None):
    """How much of each document is translated, per language: (status rows, Loaded)."""
    from workshopkit.i18n.status import status

    wanted = translation_languages(languages)
    docs, loaded = _documents(paths)
    return status(docs, wanted or None), loaded



# --------------------------------------------------------------------- surveys
def tally(survey: str, paths: Iterable[Path], out_dir: Path = Path("tally"),
          include_text: bool = False, paper: Optional[str] = None, jobs: int = 1):
    """Count filled forms and typed CSVs of ``survey`` (an id or a survey file) into
    ``out_dir``: ``<id>-tally.csv`` and a report per language.  Returns a TallyResult.
    ``jobs`` > 1 reads many files in that many processes."""
    from workshopkit.build.tally import run

    return run(survey, paths, Path(out_dir), include_text, paper, jobs)


def tally_template(survey: str) -> str:
    """The CSV header line for typing up paper forms of ``survey``."""
    from workshopkit.build.tally import template

    return template(survey)
# --------------------------------------------------------------------- online rooms
def room_name(words: Optional[int] = None) -> str:
    """An unguessable meeting room name (random words, at least 80 bits); UsageError when
    ``words`` is too few for that."""
    from workshopkit.source import rooms

    try:
        return rooms.room_name(words)
    except ValueError as exc:
        raise UsageError(str(exc), "--words") from None


def room_min_words() -> int:
    from workshopkit.source.rooms import min_words

    return min_words()
