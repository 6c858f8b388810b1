"""The Workspace: from a project's files to a validated model, every problem collected.

``Workspace.load(path)`` reads a curriculum, the catalogues it references, its
translation catalogues and its project's defaults, and returns a
:class:`~workshopkit.model.Curriculum` when there is no error.  It reads the
files (the YAML through :mod:`workshopkit.source.nodes`, the PO files through
:mod:`workshopkit.source.po`, and checks the images and files the documents
name); the converter builds the model; the checks of
:mod:`workshopkit.source.checks` run on the result.  Every problem, errors and
warnings alike, lands in ``Workspace.problems``.
"""
from __future__ import annotations

from pathlib import Path
from typing import Optional

from workshopkit.errors import Diagnostic, Pos, Problems, WorkshopkitError
from workshopkit.model import Catalog, Curriculum
from workshopkit.model.text import Translations, register_sources
from workshopkit.source import assemble, checks, freshness, langtags, readers
from workshopkit.source.borrow import Chain, Finder
from workshopkit.source.convert import Converter
from workshopkit.source.files import check_file, inside, loops
from workshopkit.source.nodes import Mapping, Node, Scalar, load_file
from workshopkit.source.po import translations
from workshopkit.source.project import (CONFIG_NAME, ProjectConfig, display, find_root, is_survey,
                                         link_root)
from workshopkit.source.readers import MAX_IMAGE_BYTES, MAX_IMAGE_PIXELS, MAX_READ_BYTES
from workshopkit.source.surveys import load_survey, refer
from workshopkit.source.values import suggest

__all__ = ["Workspace", "MAX_IMAGE_BYTES", "MAX_IMAGE_PIXELS"]



class Workspace:
    """Loads curricula, sharing project defaults and catalogues between them."""

    def __init__(self, problems: Optional[Problems] = None,
                 languages: Optional[set[str]] = None, freshness: bool = True):
        self.problems = problems if problems is not None else Problems()
        self.languages = languages  # check translation gaps only in these (None: all)
        self._configs: dict[Path, ProjectConfig] = {}
        self._catalogs: dict[Path, Optional[Catalog]] = {}
        self.surveys: dict[Path, Optional[object]] = {}  # see source/surveys.py
        self._loaded: dict[tuple, tuple[Optional[Curriculum], list[Diagnostic]]] = {}
        self._chain = Chain()  # the curricula being loaded (from:), each taking from the next
        self.freshness = freshness  # report old and missing 'reviewed' dates

    # ----------------------------------------------------------------- project
    def config(self, root: Path) -> ProjectConfig:
        if root not in self._configs:
            self._configs[root] = self._load_config(root)
        return self._configs[root]

    def _load_config(self, root: Path) -> ProjectConfig:
        path = root / CONFIG_NAME
        cfg = ProjectConfig(Pos(display(path)))
        if not path.exists() and not path.is_symlink():  # anything else is checked when read
            return cfg
        try:
            node = load_file(path, display(path), root)
        except WorkshopkitError as exc:
            self.problems.extend(exc.diagnostics)
            return cfg
        if isinstance(node, Scalar) and node.is_null:
            return cfg
        conv = Converter(self.problems, ("en",), Translations("en"), path, root,
                         _Files(self, path, root))
        read = conv.record(node, "project", "")
        return read if isinstance(read, ProjectConfig) else cfg

    def catalog(self, root: Path, cid: str) -> Optional[Catalog]:
        path = root / "curricula" / "catalog" / f"{cid}.yaml"
        if not path.exists() and not path.is_symlink():
            alt = path.with_suffix(".yml")
            path = alt if alt.exists() or alt.is_symlink() else path
        if path not in self._catalogs:
            exists = path.exists() or path.is_symlink()  # checked when read
            self._catalogs[path] = self._load_catalog(path, root) if exists else None
        return self._catalogs[path]

    def _load_catalog(self, path: Path, root: Path) -> Optional[Catalog]:
        """The catalogue in ``path``, which must resolve inside ``root``."""
        before = len(self.problems.errors)
        read = self._read(path, "catalog", root)
        if read is None:
            return None
        node, langs = read
        owner, po_files = translations(path, langs, self.problems, root)
        conv = Converter(self.problems, langs, owner, path, root)
        cat = conv.record(node, "catalog", "")
        checks.url_notes(conv.url_notes, self.problems)
        if not isinstance(cat, Catalog) or len(self.problems.errors) > before:
            return None
        checks.unique_ids(cat.rows, "row", self.problems)
        cat.inputs = (path, *po_files)
        register_sources(cat)
        checks.undrawable(cat, self.problems)
        self._gaps(cat, langs, owner)
        return cat

    # ----------------------------------------------------------------- curricula
    def load(self, path: Path) -> Optional[Curriculum]:
        """Load and validate one curriculum (or a survey, in a survey/ folder); None when it
        has errors."""
        if is_survey(path):
            return load_survey(self, path)
        cur, diagnostics = self._load_once(path)
        self.problems.extend(diagnostics)
        return cur

    def _load_once(self, path: Path) -> tuple[Optional[Curriculum], list[Diagnostic]]:
        """A curriculum and its problems, loaded once per version of its file (a curriculum
        that others take from is loaded once however many take from it)."""
        key = path.resolve()
        try:
            st = key.stat()
            stamp = (key, st.st_mtime_ns, st.st_size)
        except OSError:
            stamp = (key,)
        if stamp not in self._loaded:
            saved, self.problems = self.problems, Problems()
            self._chain.paths.append(key)
            try:
                cur = self._load(path)
            finally:
                self._chain.paths.pop()
                mine, self.problems = self.problems, saved
            self._loaded[stamp] = (cur, mine.items)
        return self._loaded[stamp]

    def _load(self, path: Path) -> Optional[Curriculum]:
        before = len(self.problems.errors)
        read = self._read(path, "curriculum")
        if read is None:
            return None
        node, langs = read
        root = find_root(path)
        cfg = self.config(root)
        owner, po_files = translations(path, langs, self.problems, root)
        files = _Files(self, path, root)
        conv = Converter(self.problems, langs, owner, path, root, files)
        conv.context.borrow = Finder(self._chain, path, root, self.problems, self._load_once)
        cur = conv.record(node, "curriculum", "")
        checks.url_notes(conv.url_notes, self.problems)
        if not isinstance(cur, Curriculum) or not checks.expansion(cur, self.problems):
            return None
        taken = conv.found.taken
        assemble.bring_along(cur, taken)
        self._references(cur, conv, root)
        if len(self.problems.errors) > before:
            return None
        borrowed = (f for c in cur.sources.values() for f in (c.path, *c.translations.files.values()))
        cur.inputs = tuple(dict.fromkeys((path, *po_files, *files.read, *borrowed,
                                          *(f for i in cur.images() for f in i.src.values()),
                                          *(f for c in cur.catalogs.values() for f in c.inputs),
                                          *(f for s in cur.surveys.values() for f in s.inputs),
                                          *([root / CONFIG_NAME] if cfg.keys else []))))
        cur.config = cfg
        register_sources(cur)
        checks.undrawable(cur, self.problems)
        checks.plain_prose(cur, cur.all_languages, self.problems)
        if self.freshness:
            # each curriculum reports the old dates of everything it shows, what it takes
            # with from: included (a source's warnings stay with the source's own load);
            # the same warning reached twice is printed once
            freshness.check(cur, cfg.review_after, self.problems, set())
        self._gaps(cur, cur.all_languages, owner)
        if taken:
            assemble.borrowed_gaps(cur, taken, self._wanted(cur.all_languages), self.problems)
            assemble.adids_hints(cur, self.problems)
        for cat in cur.catalogs.values():  # a comparison shown in a language its catalogue lacks
            self._gaps(cat, tuple(l for l in cur.all_languages if l not in cat.languages),
                       cat.translations)
        for sv in cur.surveys.values():  # and a survey
            self._gaps(sv, tuple(l for l in cur.all_languages if l not in sv.all_languages),
                       sv.translations)
        return cur if len(self.problems.errors) == before else None

    def _read(self, path: Path, what: str,
              root: Optional[Path] = None) -> Optional[tuple[Node, tuple[str, ...]]]:
        """The nodes of document ``path`` (inside ``root`` when given) and its languages,
        when both can be read.

        A file that is a symbolic link must lead inside the project it sits in, whether it
        was found in a folder or named.  When the languages cannot be read, every other
        problem of the file is still reported.
        """
        if root is None and path.is_symlink():
            root = link_root(path)
        try:
            node = load_file(path, display(path), root)
        except WorkshopkitError as exc:
            self.problems.extend(exc.diagnostics)
            return None
        langs = langtags.declared(node, self.problems, Pos(display(path), 1, 1))
        if langs is not None:
            return node, langs
        if isinstance(node, Mapping):
            Converter(self.problems, (), Translations("und")).record(node, what, "")
        return None

    def _references(self, cur: Curriculum, conv: Converter, root: Path) -> None:
        """Check the video, catalogue and row ids the slides and worksheets name."""
        for ref in conv.found.refs:
            if ref.kind == "video" and ref.id not in cur.videos:
                known = ", ".join(sorted(cur.videos)) or "none are defined under 'videos'"
                self.problems.error(ref.pos, f"unknown video '{ref.id}' (known: {known})"
                                    + suggest(ref.id, cur.videos))
            elif ref.kind == "catalog":
                cat = self.catalog(root, ref.id)
                if cat is None:
                    where = display(root / "curricula" / "catalog" / f"{ref.id}.yaml")
                    folder = root / "curricula" / "catalog"
                    known = sorted(p.stem for p in folder.glob("*.y*ml")) if folder.is_dir() else []
                    if ref.id in known:  # the file is there: its own errors say what is wrong
                        self.problems.error(ref.pos, f"catalogue '{ref.id}' cannot be used: "
                                            f"{where} has errors")
                    else:
                        self.problems.error(ref.pos, f"unknown catalogue '{ref.id}': {where} "
                                            "is missing" + suggest(ref.id, known))
                else:
                    cur.catalogs[ref.id] = cat
            elif ref.kind == "survey":
                refer(self, cur, ref.id, ref.pos, root)
        for ref in conv.found.refs:  # rows of the catalogues found
            cat = cur.catalogs.get(ref.within)
            if ref.kind == "row" and cat is not None:
                ids = [r.id for r in cat.rows if r.id]
                if ref.id not in ids:
                    known = f"rows: {', '.join(ids)}" if ids else "its rows have no 'id'"
                    self.problems.error(ref.pos, f"catalogue '{cat.id}' has no row '{ref.id}'"
                                        + (suggest(ref.id, ids) or f" ({known})"))

    def _wanted(self, langs: tuple[str, ...]) -> list[str]:
        return [l for l in langs if self.languages is None or l in self.languages]

    def _gaps(self, doc, langs: tuple[str, ...], owner: Translations) -> None:
        checks.translation_gaps(doc, self._wanted(langs), owner, self.problems)


class _Files:
    """The file checks of one document: images beside it, files its project names."""

    def __init__(self, ws: Workspace, path: Path, root: Path):
        self.problems, self.path, self.root = ws.problems, path, root
        self.read: list[Path] = []  # every image accepted, for the inputs of the curriculum

    def project_file(self, key: str, rel: str, pos: Pos) -> Optional[Path]:
        f = self.root / rel
        if not f.is_file() and not f.is_symlink() and not f.exists():
            self.problems.error(pos, f"{key} file not found: {display(f)}")
            return None
        try:  # inside the project, a regular file (its own cap applies when it is read)
            check_file(f, MAX_READ_BYTES, pos, f"{key} file", self.root)
        except WorkshopkitError as exc:
            self.problems.extend(exc.diagnostics)
            return None
        return f.resolve()

    def image(self, rel: str, pos: Pos) -> Optional[Path]:
        f = (self.path.parent / rel)
        if not inside(f, self.root) and loops(f):
            self.problems.error(pos, f"image '{rel}' is a loop of symbolic links")
            return None
        if not inside(f, self.root):
            where = display(self.root)
            if where in (".", ""):  # name the folder, not '.'
                where = f"{self.root.resolve()} (the current folder)"
            self.problems.error(pos, f"image '{rel}' is outside the project folder {where}; "
                                "copy it into that folder")
            return None
        f = f.resolve()
        if not f.exists():
            self.problems.error(pos, f"image file not found: {display(f)}")
            return None
        try:
            readers.image(f, pos, "image", self.root, MAX_IMAGE_BYTES, rel)
        except WorkshopkitError as exc:
            self.problems.extend(exc.diagnostics)
            return None
        self.read.append(f)
        return f
