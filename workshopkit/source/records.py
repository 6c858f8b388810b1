"""One builder per record of the spec: typed fields in, a model object out.

The converter hands each builder a record's :class:`Fields` (the values it
typed, with where each key and value stands) and the document's
:class:`Context`.  A builder checks what spans the record's keys (a break has
no phase, an image credit needs its licence, a table row has as many cells as
the table has columns), records what can only be checked once the document is
read (references to videos and catalogues), and returns the model object, or
None when a key it cannot do without was missing or wrong (already reported).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable, Optional

from workshopkit.errors import Pos
from workshopkit.model import (Activity, Author, CaseStudy, Catalog, Choice, ComparisonRow,
                               Curriculum, Image, Quote, Resource, RiskMatrix, Session, Slide,
                               Table, Term, Video, WorksheetItem)
from workshopkit.model.settings import Theme
from workshopkit.source.checks import IdAt, check_answer, check_days, declared_duration, unique_ids
from workshopkit.source.fields import Context, Fields, Ref
from workshopkit.source import online as online_checks
from workshopkit.source.fonts import FAMILY
from workshopkit.source.online_records import ONLINE_BUILDERS
from workshopkit.source.project import ProjectConfig, display
from workshopkit.source.reuse import activity_ref, session_ref
from workshopkit.source.survey_records import SURVEY_BUILDERS
from workshopkit.source.values import Located

RESERVED_IDS = ("kits", "survey")
"""Curriculum ids that would clash with an output folder."""


# ------------------------------------------------------------------ documents

def curriculum(f: Fields, c: Context) -> Optional[Curriculum]:
    if c.path is None or c.root is None or not f.has("id", "title", "sessions"):
        return None
    if f.values["id"] in RESERVED_IDS:
        c.problems.error(f.at["id"], f"'{f.values['id']}' is reserved; choose another id")
    sessions = f.values["sessions"]
    unique_ids(sessions, "session", c.problems)
    unique_ids(c.found.activity_ids, "activity", c.problems)
    check_days(sessions, c.problems)
    cur = Curriculum(pos=f.pos, path=c.path, project=c.root, languages=c.languages,
                     translations=c.owner,
                     **f.attrs({"duration": "declared_minutes"}, skip=("workshopkit", "languages")))
    declared_duration(cur, f.at.get("duration"), "", c.problems)
    online_checks.check(cur, cur.delivery, c.problems, f.at.get("delivery", f.pos))
    return cur


def catalog(f: Fields, c: Context) -> Optional[Catalog]:
    if c.path is None or not f.has("rows"):
        return None
    if "id" in f.values and f.values["id"] != c.path.stem:
        c.problems.error(f.at["id"], f"catalogue id '{f.values['id']}' must equal the file name "
                         f"'{c.path.stem}'")
        return None
    return Catalog(f.pos, c.path.stem, c.path, c.languages, c.owner, f.values["rows"],
                   f.get("title"))


def project(f: Fields, c: Context) -> ProjectConfig:
    cfg = ProjectConfig(Pos(f.pos.file), keys=set(f.keys),
                        **f.attrs(skip=("theme", "template")))
    for key in ("theme", "template"):
        if key in f.values and c.files is not None:
            setattr(cfg, key, c.files.project_file(key, f.values[key][0].path, f.at[key]))
            cfg.at[key] = f.at[key]
    return cfg


# ------------------------------------------------------------------ the workshop

def session(f: Fields, c: Context) -> Session:
    s = Session(f.pos, **{"id": "", "title": None, "activities": [],
                          **f.attrs({"duration": "declared_minutes"})})
    declared_duration(s, f.at.get("duration"), f"session '{s.id}': ", c.problems)
    return s


_NOT_IN_A_BREAK = ("phase", "slides", "worksheet", "steps", "materials", "page_break")


def activity(f: Fields, c: Context) -> Optional[Activity]:
    if "break" in f.keys and "break" not in f.values:
        pass  # 'break' was reported as invalid: whether title and phase are needed is unknown
    elif f.get("break", False):
        for k in _NOT_IN_A_BREAK:
            if k in f.keys:
                c.problems.error(f.keys[k], f"a break has no '{k}' (it takes id, duration, "
                                 "title, summary, notes, wellbeing and opsec)")
    else:
        for k in ("title", "phase"):
            if k not in f.keys:
                c.problems.error(f.pos, f"missing required key '{k}' in an activity "
                                 "(only a break, 'break: true', may leave it out)")
    if "duration" in f.values and f.values["duration"] <= 0:
        c.problems.error(f.at["duration"], "an activity lasts at least one minute")
    if "id" in f.values:
        c.found.activity_ids.append(IdAt(f.values["id"], f.pos))
    if not f.has("id", "duration"):
        return None
    return Activity(f.pos, **f.attrs({"duration": "minutes", "break": "is_break"}))


def video(f: Fields, c: Context) -> Video:
    assert f.named_by is not None, "a video is named by its id in 'videos'"
    v = Video(f.named_by.pos, f.named_by.value,
              **{"url": None, **f.attrs({"duration": "duration_seconds"})})
    v.captions = tuple(v.captions)
    return v


def _refer(f: Fields, c: Context, key: str, kind: str) -> None:
    if key in f.values:
        c.found.refs.append(Ref(kind, f.values[key], f.at[key]))


@dataclass(frozen=True)
class Selection:
    """``comparison: {catalog, needs}``: some rows of a catalogue, by their ids, in order."""

    catalog: str
    at: Pos
    needs: tuple[Located, ...]


def catalog_selection(f: Fields, c: Context) -> Optional[Selection]:
    if not f.has("catalog", "needs"):
        return None
    seen: set[str] = set()
    for row in f.values["needs"]:
        if row.value in seen:
            c.problems.error(row.pos, f"row '{row.value}' is chosen twice")
        seen.add(row.value)
    return Selection(f.values["catalog"], f.at["catalog"], tuple(f.values["needs"]))


def _comparison(f: Fields, c: Context) -> dict[str, Any]:
    """The catalogue id and the row ids a comparison names, each to be checked."""
    comp = f.values.get("comparison")
    if not isinstance(comp, Selection):  # a catalogue id, or nothing
        _refer(f, c, "comparison", "catalog")
        return {}
    c.found.refs.append(Ref("catalog", comp.catalog, comp.at))
    c.found.refs += [Ref("row", r.value, r.pos, comp.catalog) for r in comp.needs]
    return {"comparison": comp.catalog, "comparison_rows": tuple(r.value for r in comp.needs)}


def slide(f: Fields, c: Context) -> Slide:
    _refer(f, c, "video", "video")
    if "source" in f.keys and "statement" not in f.keys:
        c.problems.error(f.keys["source"], "'source' goes with 'statement' (a quote takes "
                         "its own: quote: {text: …, source: …})")
    return Slide(f.pos, **{**f.attrs(), **_comparison(f, c)})


def image(f: Fields, c: Context) -> Optional[Image]:
    if ("credit" in f.values) != ("license" in f.values):
        have, lack = ("credit", "license") if "credit" in f.values else ("license", "credit")
        c.problems.error(f.keys[have], f"an image with '{have}' also needs '{lack}' "
                         "(both go on the credits page)")
    if not f.has("src", "alt") or c.files is None:
        return None
    src = {}
    for p in f.values["src"]:
        found = c.files.image(p.path, p.pos)
        if found is not None:
            src[p.lang] = found
    if not src:
        return None
    return Image(f.pos, src, **f.attrs(skip=("src",)))


def table(f: Fields, c: Context) -> Table:
    cols, rows = f.get("columns", []), f.get("rows", [])
    if isinstance(rows, int):
        return Table(f.pos, cols, [], rows)
    for row in rows:
        if len(row) != len(cols):
            c.problems.error(row[0].pos if row else f.keys["rows"],
                             f"table row has {len(row)} cells; the table has {len(cols)} columns")
    return Table(f.pos, cols, rows)


def worksheet_item(f: Fields, c: Context) -> WorksheetItem:
    if "lines" in f.keys and "prompt" not in f.keys:
        c.problems.error(f.keys["lines"], "'lines' goes with 'prompt'")
    _refer(f, c, "survey", "survey")
    return WorksheetItem(f.pos, **{**f.attrs(), **_comparison(f, c)})


def choice(f: Fields, c: Context) -> Optional[Choice]:
    if not f.has("options"):
        return None
    answer = f.get("answer")
    if answer is not None and ("multiple" in f.values or "multiple" not in f.keys):
        check_answer(answer, f.at["answer"], len(f.values["options"]), f.get("multiple", False),
                     c.problems)
    given = answer if isinstance(answer, list) else [answer] if answer is not None else []
    return Choice(f.pos, **{"prompt": None, **f.attrs(skip=("answer",))},
                  answer=tuple(a.value for a in given))


# ------------------------------------------------------------------ theme.yaml

def theme(f: Fields, c: Context) -> Theme:
    values = {**f.get("colors", {}), **f.get("fonts", {})}
    slides = f.get("slides", {})
    if "number" in slides:
        values["number_place"] = slides["number"]
    if "text_max" in slides:
        values["text_max_pt"] = slides["text_max"]
    if "logo" in f.values and c.files is not None:
        logo = c.files.logo(f.values["logo"], f.at["logo"])
        if logo is not None:
            values["logo"] = logo
    return Theme(source=display(c.path) if c.path else None, **values)


def theme_fonts(f: Fields, c: Context) -> dict[str, str]:
    """The family of each font the theme gives as a .ttf file (the bundled one otherwise)."""
    out = {}
    for role, name in f.values.items():
        family = c.files.font(name, f.at[role], role) if name != FAMILY and c.files else None
        if family is not None:
            out[f"{role}_font"] = family
    return out


def _reviewed(build: Callable[[Fields, Context], Any]) -> Callable[[Fields, Context], Any]:
    """``build``, keeping where a 'reviewed' date stands (freshness is reported there)."""
    def with_position(f: Fields, c: Context) -> Any:
        made = build(f, c)
        if made is not None and "reviewed" in f.at:
            made.reviewed_at = f.at["reviewed"]
        return made
    return with_position


def _plain(cls: type, *needs: str, **defaults: Any) -> Callable[[Fields, Context], Any]:
    """The builder of a record whose keys are ``cls``'s fields: None unless ``needs`` are valid."""
    def build(f: Fields, c: Context) -> Any:
        return cls(f.pos, **{**defaults, **f.attrs()}) if f.has(*needs) else None
    return build


BUILDERS: dict[str, Callable[[Fields, Context], Any]] = {
    "curriculum": _reviewed(curriculum),
    "author": _plain(Author, "name"),
    "video": _reviewed(video),
    "session": session,
    "activity": activity,
    "session_ref": session_ref,
    "activity_ref": activity_ref,
    "slide": slide,
    "catalog_selection": catalog_selection,
    "image": image,
    "quote": _plain(Quote, "text"),
    "slide_table": table,
    "worksheet_item": worksheet_item,
    "choice": choice,
    "worksheet_table": table,
    "risk_matrix": _plain(RiskMatrix, "threats"),
    "case_study": _plain(CaseStudy, "story"),
    "term": _plain(Term, "term"),
    "resource": _reviewed(_plain(Resource, "title")),
    "catalog": catalog,
    "catalog_row": _reviewed(_plain(ComparisonRow, "need", "free")),
    "project": project,
    "theme": theme,
    "theme_colors": lambda f, c: f.values,
    "theme_fonts": theme_fonts,
    "theme_slides": lambda f, c: f.values,
}
"""The builder of each record of the spec."""
BUILDERS.update(SURVEY_BUILDERS)
BUILDERS.update(ONLINE_BUILDERS)
