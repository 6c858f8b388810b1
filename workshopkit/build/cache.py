"""Staleness records: what each output was built from, so a rebuild can skip it.

The record lives under the output folder (``.workshopkit-cache.json``, written
atomically).  It holds

* ``files``: every input and output seen, as (size, mtime_ns, sha256).  A file
  whose size and modification time are unchanged is trusted without being read;
  otherwise it is hashed again and compared by content.  A file recorded within
  a second of being modified is never trusted by stat alone (a same-size edit
  in the same clock tick would otherwise go unnoticed);
* ``targets``: per output file, the key it was built with (a hash of what its
  kind reads, and the environment: see :mod:`workshopkit.build.fingerprint`);
* ``requests``: per build request (paths, options), the inputs, folder listings
  and outputs of its last successful run, and the diagnostics it printed (with
  absolute paths, shown relative to the working folder when replayed).  A
  rebuild whose request is unchanged is a stat check: no YAML is parsed and no
  writer is imported.

This module is imported before anything heavy; keep it to the standard library.
"""
from __future__ import annotations

import json
import os
import stat
import time
from pathlib import Path
from typing import Iterable, Optional

from workshopkit.build import fingerprint, kinds
from workshopkit.build.files import atomic_write, clean_stray
from workshopkit.build.fingerprint import digest_file, key_of, listing
from workshopkit.build.request import BuildRequest
from workshopkit.errors import Diagnostic, Pos

CACHE_NAME = ".workshopkit-cache.json"
FORMAT = 2
MAX_REQUESTS = 16
RACY_NS = 1_000_000_000
MAX_RECORD_BYTES = 64 * 1024 * 1024
"""A record larger than this is not ours: the build starts afresh."""


class Cache:
    """The record under one output folder."""

    def __init__(self, out_dir: Path):
        self.path = Path(out_dir) / CACHE_NAME
        self.files: dict[str, list] = {}
        self.targets: dict[str, dict] = {}
        self.requests: dict[str, dict] = {}
        self.keep: set[str] = set()  # files to remember though no record names them
        self.dirty = False
        self._env: Optional[dict] = None
        try:
            st = os.stat(self.path)
        except OSError:
            st = None  # no record yet (or no folder): start afresh
        if st is not None and not stat.S_ISREG(st.st_mode):  # it could never be replaced
            raise IsADirectoryError(21, "the build record is not a regular file; remove it",
                                    str(self.path))
        try:
            if st is None or st.st_size > MAX_RECORD_BYTES:
                raise ValueError("no record, or too large to be ours")
            data = json.loads(self.path.read_text("utf-8"))
            if data.get("format") == FORMAT:
                files, targets, requests = data["files"], data["targets"], data["requests"]
                if _well_formed(files, targets, requests):
                    self.files, self.targets, self.requests = files, targets, requests
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            pass  # no record, or not ours: start afresh

    def environment(self) -> dict:
        """The build environment (see :func:`fingerprint.environment`), fonts hashed once."""
        if self._env is None:
            fonts = fingerprint.bundled_fonts()
            self.keep.update(str(p) for p in fonts)
            dirty = self.dirty  # remembered with the next write, never a write of their own
            self._env = fingerprint.environment({p.name: self.digest(p) for p in fonts})
            self.dirty = dirty
        return self._env

    # -- files
    def digest(self, path: Path | str) -> Optional[str]:
        """Content hash of ``path`` (None when missing), trusting an unchanged stat."""
        name = str(path)
        try:
            st = os.stat(name)
        except OSError:
            return None
        known = self.files.get(name)
        if known and known[0] == st.st_size and known[1] == st.st_mtime_ns and known[3]:
            return known[2]
        sha = digest_file(Path(name))
        self.remember(name, st, sha)
        return sha

    def remember(self, name: str, st: os.stat_result, sha: str) -> None:
        trusted = time.time_ns() - st.st_mtime_ns > RACY_NS
        entry = [st.st_size, st.st_mtime_ns, sha, trusted]
        old = self.files.get(name)
        self.files[name] = entry
        if not old or old[:3] != entry[:3]:  # newly trusted alone is not worth a write
            self.dirty = True

    # -- targets
    def target_fresh(self, path: Path, key: str) -> bool:
        rec = self.targets.get(str(path))
        return bool(rec) and rec.get("key") == key and self.digest(path) == rec.get("sha256")

    def record_target(self, path: Path, key: str, sha: str, **counts) -> None:
        try:
            self.remember(str(path), os.stat(path), sha)
        except OSError:
            return
        self.targets[str(path)] = {"key": key, "sha256": sha, **counts}
        self.dirty = True

    # -- requests
    def fresh_request(self, rkey: str, sources: list[Path]) -> Optional[dict]:
        """The record of an identical earlier run, if nothing it read or wrote changed."""
        req = self.requests.get(rkey)
        if not req:
            return None
        if listing(sources, req["inputs"]) != req["listing"]:
            return None
        for name, sha in req["inputs"].items():
            if self.digest(name) != sha:
                return None
        for name in req["outputs"]:
            rec = self.targets.get(name)
            if not rec or self.digest(name) != rec.get("sha256"):
                return None
        return req

    def record_request(self, rkey: str, sources: list[Path], inputs: Iterable[Path],
                       outputs: Iterable[Path], diagnostics: Iterable[Diagnostic],
                       summary: dict) -> None:
        names = sorted({str(Path(p).resolve()) for p in inputs})
        shas = {n: self.digest(n) for n in names}
        self.requests.pop(rkey, None)
        self.requests[rkey] = {"inputs": shas, "listing": listing(sources, names),
                               "outputs": sorted(str(p) for p in outputs),
                               "diagnostics": [freeze(d) for d in diagnostics],
                               "summary": summary}
        while len(self.requests) > MAX_REQUESTS:
            self.requests.pop(next(iter(self.requests)))
        self.dirty = True

    def forget_request(self, rkey: str) -> None:
        if self.requests.pop(rkey, None) is not None:
            self.dirty = True

    def save(self) -> None:
        if not self.dirty:
            return
        live = set(self.targets) | self.keep
        for req in self.requests.values():
            live.update(req["inputs"])
        self.files = {k: v for k, v in self.files.items() if k in live}
        data = {"format": FORMAT, "files": self.files, "targets": self.targets,
                "requests": self.requests}
        blob = json.dumps(data, sort_keys=True, indent=0, ensure_ascii=False).encode("utf-8")
        atomic_write(self.path, blob)
        self.dirty = False


def _well_formed(files, targets, requests) -> bool:
    """True when a record read from disk has the shape this module writes, to the
    types of its leaves (a record edited or damaged by hand is not trusted)."""
    def strs(v) -> bool:
        return isinstance(v, str)

    def ints(v) -> bool:
        return isinstance(v, int) and not isinstance(v, bool)

    def request(v) -> bool:
        return (isinstance(v, dict) and isinstance(v.get("inputs"), dict)
                and all(strs(k) and (v2 is None or strs(v2)) for k, v2 in v["inputs"].items())
                and isinstance(v.get("outputs"), list) and all(map(strs, v["outputs"]))
                and isinstance(v.get("diagnostics"), list)
                and all(isinstance(d, list) and len(d) == 5 and all(map(strs, d[:2]))
                        and ints(d[2]) and ints(d[3]) and strs(d[4]) for d in v["diagnostics"])
                and isinstance(v.get("summary"), dict)
                and ints(v["summary"].get("slides")) and ints(v["summary"].get("pages"))
                and "listing" in v)

    return (isinstance(files, dict) and isinstance(targets, dict) and isinstance(requests, dict)
            and all(strs(k) and isinstance(v, list) and len(v) == 4 and ints(v[0]) and ints(v[1])
                    and (v[2] is None or strs(v[2])) and isinstance(v[3], bool)
                    for k, v in files.items())
            and all(strs(k) and isinstance(v, dict) and strs(v.get("key", ""))
                    and strs(v.get("sha256", "")) and ints(v.get("slides", 0))
                    and ints(v.get("pages", 0)) for k, v in targets.items())
            and all(request(v) for v in requests.values()))


def freeze(d: Diagnostic) -> list:
    """A diagnostic as the record keeps it: its file as an absolute path."""
    return [d.severity, os.path.abspath(d.pos.file) if d.pos.file else "", d.pos.line,
            d.pos.col, d.message]


def thaw(row: list) -> Diagnostic:
    """A recorded diagnostic, its file shown as a fresh run from here would show it."""
    from workshopkit.source.project import display

    sev, file, line, col, message = row
    return Diagnostic(sev, Pos(display(Path(file)) if file else file, line, col), message)


def request_fields(request: BuildRequest) -> dict:
    """What a build request asks for, as JSON-able data (paths made absolute)."""
    def norm(v):
        return str(Path(v).resolve()) if isinstance(v, Path) else str(v)

    kit = request.kit
    return {"paths": [str(Path(p).resolve()) for p in request.paths],
            "out": str(Path(request.out_dir).resolve()),
            "overrides": {k: norm(v) for k, v in sorted(request.overrides.items())
                          if v is not None},
            "kinds": list(request.kinds or kinds.available()), "languages": list(request.languages or []),
            "strict": bool(request.strict), "bilingual": list(request.bilingual or []),
            "kit": None if kit is None else [kit.participants, kit.facilitators]}


def up_to_date(request: BuildRequest) -> tuple[Cache, str, list[Path], Optional[dict]]:
    """Check a (checked) build request against the record without loading any curriculum.

    Returns the cache, the request key, the curriculum files found, and the
    earlier run's record when nothing it read or wrote has changed (else None).
    Stray temporary files of killed builds are removed on the way.
    """
    from workshopkit.source import freshness
    from workshopkit.source.project import find_sources

    out_dir = Path(request.out_dir)
    cache = Cache(out_dir)
    clean_stray({out_dir, out_dir / "kits", *(Path(t).parent for t in cache.targets)})
    sources = find_sources(list(request.paths))
    # freshness warnings depend on the day (workshopkit.source.freshness): a record is
    # replayed on the day it was made only
    rkey = key_of({**request_fields(request), "env": cache.environment(),
                   "day": freshness.today().isoformat()})
    return cache, rkey, sources, cache.fresh_request(rkey, sources)
