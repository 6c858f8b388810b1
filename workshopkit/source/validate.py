"""From files to a validated model: every problem collected, then one verdict.

``Workspace.load(path)`` reads a curriculum, the catalogues it references, its
translation catalogues and its project's defaults, and returns a
:class:`~workshopkit.model.Curriculum` when there is no error.  Every problem,
errors and warnings alike, lands in ``Workspace.problems``.
"""
from __future__ import annotations

import contextlib
import io
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Optional

from workshopkit.source.convert import Converter
from workshopkit.errors import Pos, Problems, WorkshopkitError
from workshopkit.source.fonts import missing_chars
from workshopkit.model.text import PoEntry, Translations, gaps, iter_texts
from workshopkit.source.po import read_po
from workshopkit.source.nodes import Mapping, Scalar, Sequence, load_file
from workshopkit.model import (Activity, Author, CaseStudy, Catalog, Choice, ComparisonRow,
                               Curriculum, Image, Quote, Resource, RiskMatrix, Session, Slide,
                               Table, Term, Url, Video, WorksheetItem)
from workshopkit.source.project import CONFIG_NAME, ProjectConfig, display, find_root
from workshopkit.source.spec import LANG_RE

MAX_IMAGE_BYTES = 20 * 1024 * 1024
MAX_IMAGE_PIXELS = 50_000_000
RESERVED_IDS = ("kits",)


class Workspace:
    """Loads curricula, sharing project defaults and catalogues between them."""

    def __init__(self, problems: Optional[Problems] = None,
                 languages: Optional[set[str]] = None):
        self.problems = problems if problems is not None else Problems()
        self.languages = languages  # check translation gaps only in these (None: all)
        self._configs: dict[Path, ProjectConfig] = {}
        self._catalogs: dict[Path, Optional[Catalog]] = {}

    # ----------------------------------------------------------------- project
    def config(self, root: Path) -> ProjectConfig:
        if root not in self._configs:
            self._configs[root] = self._load_config(root)
        return self._configs[root]

    def _load_config(self, root: Path) -> ProjectConfig:
        path = root / CONFIG_NAME
        cfg = ProjectConfig(Pos(display(path)))
        if not path.is_file():
            return cfg
        try:
            node = load_file(path, display(path))
        except WorkshopkitError as exc:
            self.problems.extend(exc.diagnostics)
            return cfg
        conv = Converter(self.problems, ("en",), Translations("en"))
        if isinstance(node, Scalar) and node.is_null:
            return cfg
        data = conv.record(node, "project", "")
        if not data:
            return cfg
        cfg.keys = set(data["_keys"])
        cfg.paper = data.get("paper", cfg.paper)
        cfg.start = data.get("start", cfg.start)
        cfg.anonymous = data.get("anonymous", cfg.anonymous)
        for key in ("theme", "template"):
            if key in data:
                f = (root / data[key][1][""]).resolve()
                if not f.is_file():
                    self.problems.error(data["_vals"][key], f"{key} file not found: {display(f)}")
                else:
                    setattr(cfg, key, f)
        return cfg

    def catalog(self, root: Path, cid: str) -> Optional[Catalog]:
        path = root / "curricula" / "catalog" / f"{cid}.yaml"
        if not path.is_file():
            alt = path.with_suffix(".yml")
            path = alt if alt.is_file() else path
        if path not in self._catalogs:
            self._catalogs[path] = self._load_catalog(path) if path.is_file() else None
        return self._catalogs[path]

    def _load_catalog(self, path: Path) -> Optional[Catalog]:
        before = len(self.problems.errors)
        name = display(path)
        try:
            node = load_file(path, name)
        except WorkshopkitError as exc:
            self.problems.extend(exc.diagnostics)
            return None
        langs = _languages(node, self.problems, Pos(name, 1, 1))
        if langs is None:
            if isinstance(node, Mapping):  # still report what else is wrong
                Converter(self.problems, (), Translations("und")).record(node, "catalog", "")
            return None
        owner, po_files = self._translations(path, langs)
        conv = Converter(self.problems, langs, owner)
        data = conv.record(node, "catalog", "")
        _url_notes(conv, self.problems)
        if data is None or len(self.problems.errors) > before:
            return None
        if "id" in data and data["id"] != path.stem:
            self.problems.error(data["_vals"]["id"],
                                f"catalogue id '{data['id']}' must equal the file name '{path.stem}'")
            return None
        rows = [ComparisonRow(r["_pos"], **_fields(r)) for r in data["rows"]]
        _unique_ids(rows, "row", self.problems)
        cat = Catalog(data["_pos"], path.stem, path, langs, owner, rows, data.get("title"),
                      inputs=(path, *po_files))
        self._text_checks(cat, langs, owner)
        return cat

    # ----------------------------------------------------------------- curricula
    def load(self, path: Path) -> Optional[Curriculum]:
        """Load and validate one curriculum; None when it has errors."""
        before = len(self.problems.errors)
        name = display(path)
        try:
            node = load_file(path, name)
        except WorkshopkitError as exc:
            self.problems.extend(exc.diagnostics)
            return None
        langs = _languages(node, self.problems, Pos(name, 1, 1))
        if langs is None:
            if isinstance(node, Mapping):  # still report what else is wrong
                Converter(self.problems, (), Translations("und")).record(node, "curriculum", "")
            return None
        root = find_root(path)
        cfg = self.config(root)
        owner, po_files = self._translations(path, langs)
        conv = Converter(self.problems, langs, owner)
        data = conv.record(node, "curriculum", "")
        _url_notes(conv, self.problems)
        if data is None:
            return None
        builder = _Builder(self, path, root, langs, owner)
        cur = builder.curriculum(data)
        if cur is None or len(self.problems.errors) > before:
            return None
        cur.inputs = tuple(dict.fromkeys((path, *po_files, *builder.inputs,
                                          *(f for c in cur.catalogs.values() for f in c.inputs),
                                          *([root / CONFIG_NAME] if cfg.keys else []))))
        cur.config = cfg
        self._text_checks(cur, cur.all_languages, owner)
        for cat in cur.catalogs.values():  # a comparison shown in a language its catalogue lacks
            self._gaps(cat, tuple(l for l in cur.all_languages if l not in cat.languages),
                       cat.translations)
        return cur if len(self.problems.errors) == before else None

    def _translations(self, path: Path, langs: tuple[str, ...]) -> tuple[Translations, list[Path]]:
        owner = Translations(langs[0])
        files = []
        for po in sorted(path.parent.glob(f"{path.stem}.*.po")):
            lang = po.name[len(path.stem) + 1: -3]
            if not re.match(LANG_RE, lang) or lang == langs[0]:
                continue
            files.append(po)
            owner.files[lang] = po
            try:
                with contextlib.redirect_stdout(io.StringIO()) as said:  # babel prints warnings
                    entries = read_po(po, display(po))
            except Exception as exc:  # babel raises several kinds on broken files
                self.problems.error(Pos(display(po), 1, 1), f"cannot read catalogue: {exc}")
                continue
            for m in re.finditer(r"^WARNING: Problem on line (\d+): (.*)$", said.getvalue(), re.M):
                self.problems.warning(Pos(display(po), int(m.group(1)), 1),
                                      f"catalogue line not understood, ignored: {m.group(2)}")
            for ctx, msgid, msgstr, fuzzy, line in entries:
                owner.add(lang, ctx, msgid, PoEntry(msgstr, Pos(display(po), line, 1), fuzzy))
        return owner, files

    def _text_checks(self, doc: Any, langs: tuple[str, ...], owner: Translations) -> None:
        """Font coverage, translation gaps and stale catalogue entries."""
        for t in iter_texts(doc):
            strings = [t.plain] if t.plain is not None else list(t.values.values())
            missing = sorted({c for s in strings for c in missing_chars(s)})
            if missing:
                shown = " ".join(f"{c} (U+{ord(c):04X})" for c in missing[:5])
                self.problems.warning(t.pos, f"the output fonts cannot draw {shown}; "
                                      "they would print as blanks")
        self._gaps(doc, langs, owner)

    def _gaps(self, doc: Any, langs: tuple[str, ...], owner: Translations) -> None:
        """Translation gaps and stale catalogue entries of ``doc`` in ``langs``."""
        for lang in langs:
            if lang == owner.source_lang or (self.languages is not None
                                              and lang not in self.languages):
                continue
            for g in gaps(doc, lang):
                self.problems.warning(g.pos, f"no '{lang}' translation; the "
                                      f"'{owner.source_lang}' text is used ({g.path})")
            for t in iter_texts(doc):
                for e in owner.stale(lang, t.path, t.source):
                    self.problems.warning(e.pos, f"stale translation for {t.path}: the "
                                          f"source text changed (now at {t.pos}); not used")


def _languages(node, problems: Problems, pos: Pos) -> Optional[tuple[str, ...]]:
    """Read ``languages`` first: every Text mapping is checked against it."""
    if not isinstance(node, Mapping):
        problems.error(node.pos if hasattr(node, "pos") else pos,
                       "a curriculum must be a mapping of keys (workshopkit: 1, id: …, …)")
        return None
    lnode = node.get("languages")
    if lnode is None:  # the record check reports the missing key
        return None
    if not isinstance(lnode, Sequence) or not lnode.items:
        if isinstance(lnode, Sequence):  # otherwise the record check reports the wrong type
            problems.error(lnode.pos, "'languages' needs at least 1 item")
        return None
    langs, bad = [], False
    for item in lnode.items:
        if not isinstance(item, Scalar) or not re.match(LANG_RE, item.value):
            problems.error(item.pos, f"'{getattr(item, 'value', '')}' is not a BCP 47 language tag "
                           "(such as es, en, pt-BR)")
            bad = True
        elif item.value in langs:
            problems.error(item.pos, f"language '{item.value}' is listed twice")
            bad = True
        else:
            langs.append(item.value)
    return None if bad else tuple(langs)


def _url_notes(conv: Converter, problems: Problems) -> None:
    for pos, cleaned, removed in conv.urls:
        problems.note(pos, f"removed tracking parameter{'s' if len(removed) > 1 else ''} "
                      f"{', '.join(removed)}: the printed URL is {cleaned}")


def _fields(d: dict) -> dict:
    return {k: v for k, v in d.items() if not k.startswith("_")}


def _unique_ids(items: list, what: str, problems: Problems) -> None:
    seen: dict[str, Pos] = {}
    for it in items:
        if it.id is None:
            continue
        if it.id in seen:
            problems.error(it.pos, f"duplicate {what} id '{it.id}' (first at line {seen[it.id].line})")
        else:
            seen[it.id] = it.pos


@dataclass(frozen=True)
class _IdAt:
    id: str
    pos: Pos


class _Builder:
    """Turns converted dictionaries into model objects, checking what spans records."""

    def __init__(self, ws: Workspace, path: Path, root: Path, langs: tuple[str, ...],
                 owner: Translations):
        self.ws, self.path, self.root, self.langs, self.owner = ws, path, root, langs, owner
        self.problems = ws.problems
        self.inputs: list[Path] = []
        self.catalogs: dict[str, Catalog] = {}
        self.videos: dict[str, Video] = {}

    def url(self, raw, pos: Pos) -> Url:
        kind, values, where = raw
        if kind == "":
            return Url(pos, plain=values[""])
        return Url(pos, values=values, source_lang=self.langs[0])

    def curriculum(self, d: dict) -> Optional[Curriculum]:
        if any(k not in d for k in ("id", "title", "sessions")):
            return None
        if d["id"] in RESERVED_IDS:
            self.problems.error(d["_vals"]["id"], f"'{d['id']}' is reserved; choose another id")
        for vid, v in d.get("videos", {}).items():
            self.videos[vid] = Video(
                v["_idpos"], vid, self.url(v["url"], v["_keys"]["url"]) if "url" in v else None,
                v.get("title"), v.get("duration"), tuple(v.get("captions", ())), v.get("summary"))
        sessions = [self.session(s) for s in d["sessions"]]
        _unique_ids(sessions, "session", self.problems)
        _unique_ids([_IdAt(a["id"], a["_pos"]) for s in d["sessions"]
                     for a in s.get("activities", []) if "id" in a], "activity", self.problems)
        self.check_days(sessions)
        cur = Curriculum(
            pos=d["_pos"], path=self.path, project=self.root, id=d["id"], languages=self.langs,
            title=d["title"], sessions=sessions, translations=self.owner,
            summary=d.get("summary"), audience=d.get("audience"), level=d.get("level"),
            declared_minutes=d.get("duration"), license=d.get("license"),
            version=d.get("version"), updated=d.get("updated"),
            authors=[Author(a["_pos"], a["name"], a.get("org"),
                            self.url(a["url"], a["_keys"]["url"]) if "url" in a else None)
                     for a in d.get("authors", []) if "name" in a],
            objectives=d.get("objectives", []), materials=d.get("materials", []),
            wellbeing=d.get("wellbeing"), opsec=d.get("opsec"), videos=self.videos,
            glossary=[Term(t["_pos"], t["term"], t.get("definition"))
                      for t in d.get("glossary", []) if "term" in t],
            resources=[Resource(r["_pos"], r["title"],
                                self.url(r["url"], r["_keys"]["url"]) if "url" in r else None,
                                r.get("summary"))
                       for r in d.get("resources", []) if "title" in r],
            catalogs=self.catalogs)
        if cur.declared_minutes is not None and cur.declared_minutes != cur.minutes:
            self.problems.warning(d["_vals"]["duration"],
                                  f"declared duration {_hm(cur.declared_minutes)} differs from the "
                                  f"sum of its activities, {_hm(cur.minutes)}")
        return cur

    def check_days(self, sessions: list[Session]) -> None:
        day = 1
        for s in sessions:
            if s.day is not None:
                if s.day < day:
                    self.problems.error(s.pos, f"session '{s.id}' is on day {s.day}, "
                                        f"before the day {day} of the session above it")
                day = s.day

    def session(self, d: dict) -> Session:
        acts = [self.activity(a) for a in d.get("activities", [])]
        s = Session(d["_pos"], d.get("id", ""), d.get("title"), [a for a in acts if a],
                    d.get("summary"), d.get("notes"), d.get("day"), d.get("duration"),
                    d.get("wellbeing"), d.get("opsec"))
        if s.declared_minutes is not None and s.declared_minutes != s.minutes:
            self.problems.warning(d["_vals"]["duration"],
                                  f"session '{s.id}': declared duration {_hm(s.declared_minutes)} "
                                  f"differs from the sum of its activities, {_hm(s.minutes)}")
        return s

    def activity(self, d: dict) -> Optional[Activity]:
        keys = d["_keys"]
        is_break = d.get("break", False)
        if "break" in keys and "break" not in d:
            pass  # 'break' was reported as invalid: whether title and phase are needed is unknown
        elif is_break:
            for k in ("phase", "slides", "worksheet", "steps", "materials"):
                if k in keys:
                    self.problems.error(keys[k], f"a break has no '{k}' (it takes id, duration, "
                                        "title, summary, notes, wellbeing and opsec)")
        else:
            for k in ("title", "phase"):
                if k not in keys:
                    self.problems.error(d["_pos"], f"missing required key '{k}' in an activity "
                                        "(only a break, 'break: true', may leave it out)")
        if "duration" in d and d["duration"] <= 0:
            self.problems.error(d["_vals"]["duration"], "an activity lasts at least one minute")
        if "id" not in d or "duration" not in d:
            return None
        return Activity(
            d["_pos"], d["id"], d["duration"], d.get("title"), d.get("phase"), is_break,
            d.get("summary"), d.get("materials", []), d.get("steps", []), d.get("notes"),
            [self.slide(s) for s in d.get("slides", [])],
            [self.item(w) for w in d.get("worksheet", [])],
            d.get("wellbeing"), d.get("opsec"))

    def ref_video(self, vid: str, pos: Pos) -> None:
        if vid not in self.videos:
            known = ", ".join(sorted(self.videos)) or "none are defined under 'videos'"
            from workshopkit.source.convert import suggest
            self.problems.error(pos, f"unknown video '{vid}' (known: {known})"
                                + suggest(vid, self.videos))

    def ref_catalog(self, cid: str, pos: Pos) -> None:
        cat = self.ws.catalog(self.root, cid)
        if cat is None:
            where = display(self.root / "curricula" / "catalog" / f"{cid}.yaml")
            self.problems.error(pos, f"unknown catalogue '{cid}': {where} is missing or invalid")
        else:
            self.catalogs[cid] = cat

    def table(self, d: dict) -> Table:
        cols = d.get("columns", [])
        rows = d.get("rows", [])
        if isinstance(rows, int):
            return Table(d["_pos"], cols, [], rows)
        for row, rnode_pos in zip(rows, [d["_pos"]] * len(rows)):
            if len(row) != len(cols):
                pos = row[0].pos if row else d["_keys"].get("rows", rnode_pos)
                self.problems.error(pos, f"table row has {len(row)} cells; the table has "
                                    f"{len(cols)} columns")
        return Table(d["_pos"], cols, rows)

    def slide(self, d: dict) -> Slide:
        s = Slide(d["_pos"], d.get("title"), d.get("notes"), bullets=d.get("bullets"),
                  video=d.get("video"), columns=d.get("columns"), comparison=d.get("comparison"))
        if "video" in d:
            self.ref_video(d["video"], d["_vals"]["video"])
        if "comparison" in d:
            self.ref_catalog(d["comparison"], d["_vals"]["comparison"])
        if "quote" in d and "text" in d["quote"]:
            q = d["quote"]
            s.quote = Quote(q["_pos"], q["text"], q.get("source"))
        if "table" in d:
            s.table = self.table(d["table"])
        if "image" in d:
            s.image = self.image(d["image"])
        return s

    def image(self, d: dict) -> Optional[Image]:
        keys = d["_keys"]
        if ("credit" in d) != ("license" in d):
            have, lack = ("credit", "license") if "credit" in d else ("license", "credit")
            self.problems.error(keys[have], f"an image with '{have}' also needs '{lack}' "
                                "(both go on the credits page)")
        if "src" not in d or "alt" not in d:
            return None
        _, values, where = d["src"]
        src = {}
        for lang, rel in values.items():
            f = self.check_image(rel, where[lang])
            if f is not None:
                src[lang] = f
        if not src:
            return None
        return Image(d["_pos"], src, d["alt"], d.get("credit"), d.get("license"))

    def check_image(self, rel: str, pos: Pos) -> Optional[Path]:
        f = (self.path.parent / rel).resolve()
        try:
            f.relative_to(self.root.resolve())
        except ValueError:
            self.problems.error(pos, f"image '{rel}' is outside the project folder "
                                f"{display(self.root)}")
            return None
        if not f.is_file():
            self.problems.error(pos, f"image file not found: {display(f)}")
            return None
        size = f.stat().st_size
        if size > MAX_IMAGE_BYTES:
            self.problems.error(pos, f"image is {size} bytes; the limit is {MAX_IMAGE_BYTES}")
            return None
        head = f.read_bytes()[:8]
        if not (head.startswith(b"\x89PNG\r\n\x1a\n") or head.startswith(b"\xff\xd8\xff")):
            self.problems.error(pos, f"image '{rel}' is not a PNG or JPEG file")
            return None
        from PIL import Image as PILImage

        try:
            with PILImage.open(f) as im:
                w, h = im.size
        except Exception:
            self.problems.error(pos, f"image '{rel}' cannot be read (damaged file?)")
            return None
        if w * h > MAX_IMAGE_PIXELS:
            self.problems.error(pos, f"image is {w}×{h} pixels; the limit is "
                                f"{MAX_IMAGE_PIXELS} pixels")
            return None
        self.inputs.append(f)
        return f

    def item(self, d: dict) -> WorksheetItem:
        keys = d["_keys"]
        if "lines" in keys and "prompt" not in keys:
            self.problems.error(keys["lines"], "'lines' goes with 'prompt'")
        w = WorksheetItem(d["_pos"], prompt=d.get("prompt"), lines=d.get("lines", 3),
                          checklist=d.get("checklist"), comparison=d.get("comparison"),
                          text=d.get("text"))
        if "comparison" in d:
            self.ref_catalog(d["comparison"], d["_vals"]["comparison"])
        if "choice" in d and "options" in d["choice"]:
            c = d["choice"]
            w.choice = Choice(c["_pos"], c.get("prompt"), c["options"], c.get("multiple", False))
        if "table" in d:
            w.table = self.table(d["table"])
        if "risk_matrix" in d and "threats" in d["risk_matrix"]:
            w.risk_matrix = RiskMatrix(d["risk_matrix"]["_pos"], d["risk_matrix"]["threats"])
        if "case_study" in d and "story" in d["case_study"]:
            c = d["case_study"]
            w.case_study = CaseStudy(c["_pos"], c["story"], c.get("title"),
                                     c.get("questions", []), c.get("lines", 3))
        return w


def _hm(minutes: int) -> str:
    h, m = divmod(minutes, 60)
    return f"{h}h{m:02d}m" if h else f"{m}m"
