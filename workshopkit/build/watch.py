"""Rebuild on save: build once, then again each time a source file changes.

:class:`Watcher` keeps the build request and the function that builds it and
reports (the one ``workshopkit build`` runs, so both print alike);
:meth:`Watcher.changed` handles one set of changed paths (the unit a test
drives), and :meth:`Watcher.run` feeds it from ``watchfiles`` until Ctrl-C or
a stop event.  Every rebuild is the ordinary
incremental build, so only the targets a change affects are written.  Errors
are printed as FILE:LINE:COL and watching goes on.
"""
from __future__ import annotations

from pathlib import Path
from typing import Callable, Iterable, Optional

from workshopkit.build.request import BuildRequest
from workshopkit.source.project import find_root, find_sources

IGNORED_SUFFIXES = (".tmp", ".swp", ".swo", ".swx", "~", ".part", ".pyc", ".bak", ".orig",
                    ".kate-swp", "___jb_tmp___", "___jb_old___", ".crdownload")
"""Editors' swap, backup and save-in-progress files (vim, emacs, kate, JetBrains…)."""
IGNORED_NAMES = ("4913",)  # vim's probe that the folder is writable


class Watcher:
    def __init__(self, request: BuildRequest, rebuild: Callable[[], int],
                 echo: Callable[[str], None] = print, quiet: bool = False):
        """``rebuild``: one incremental build that reports what it did; returns the exit
        status (the command line passes the very function ``build`` runs)."""
        self.request = request
        self.build = rebuild
        self.echo = echo
        self.quiet = quiet
        self.out_dir = Path(request.out_dir).resolve()
        self.builds = 0

    # ------------------------------------------------------------ what to watch
    def roots(self) -> list[Path]:
        """Folders to watch: the given ones, the project folders of every curriculum
        found (catalogues, images, workshopkit.yaml), and those of theme and template."""
        folders: set[Path] = set()
        paths = [Path(p) for p in self.request.paths]
        for p in paths:
            folders.add((p if p.is_dir() else p.parent).resolve())
        for src in find_sources(paths):
            if src.exists():
                folders.add(find_root(src))
        for key in ("theme", "template"):
            value = self.request.overrides.get(key)
            if value:
                folders.add(Path(value).resolve().parent)
        folders = {f for f in folders if f.is_dir()}
        return sorted(f for f in folders if not any(o != f and o in f.parents for o in folders))

    def relevant(self, path: Path | str) -> bool:
        """False for our own outputs, hidden files, editors' and builds' temporary files."""
        p = Path(path).resolve()
        if p == self.out_dir or self.out_dir in p.parents:
            return False
        if p.name.startswith(".") or {".git", ".hg", ".svn", "__pycache__"} & set(p.parts):
            return False
        if p.name in IGNORED_NAMES or (p.name.startswith("#") and p.name.endswith("#")):
            return False  # emacs autosave: #file.yaml#
        return not p.name.endswith(IGNORED_SUFFIXES)

    # ------------------------------------------------------------------- build
    def rebuild(self) -> int:
        """One incremental build; returns its exit status."""
        self.builds += 1
        try:
            return self.build()
        except Exception as exc:  # a broken writer must not end the watch
            self.echo(f"error: build failed: {exc!r}")
            return 1

    def changed(self, paths: Iterable[Path | str]) -> Optional[int]:
        """Handle one batch of changed paths: rebuild if any matters (None if none did)."""
        mine = sorted({str(p) for p in paths if self.relevant(p)})
        if not mine:
            return None
        if not self.quiet:
            names = ", ".join(Path(p).name for p in mine[:3]) + (" …" if len(mine) > 3 else "")
            self.echo(f"changed: {names}")
        return self.rebuild()

    def run(self, stop_event=None, ready: Optional[Callable[[], None]] = None) -> None:
        """Build, then watch until Ctrl-C (KeyboardInterrupt) or ``stop_event`` is set."""
        import watchfiles

        self.rebuild()
        roots = self.roots()
        if not self.quiet:
            self.echo("watching " + ", ".join(str(r) for r in roots) + " (Ctrl-C stops)")
        if ready:
            ready()
        for changes in watchfiles.watch(*roots, stop_event=stop_event, debounce=300,
                                        watch_filter=lambda _c, p: self.relevant(p)):
            self.changed(p for _change, p in changes)
            if stop_event is not None and stop_event.is_set():
                break
