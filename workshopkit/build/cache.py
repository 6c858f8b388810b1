"""Staleness records: what each output was built from, so a rebuild can skip it.

The record lives under the output folder (``.workshopkit-cache.json``, written
atomically).  It holds

* ``files``: every input and output seen, as (size, mtime_ns, sha256).  A file
  whose size and modification time are unchanged is trusted without being read;
  otherwise it is hashed again and compared by content.  A file recorded within
  a second of being modified is never trusted by stat alone (a same-size edit
  in the same clock tick would otherwise go unnoticed);
* ``targets``: per output file, the key it was built with (a hash of the
  inputs' contents, the options, the languages, the package and environment);
* ``requests``: per command line (paths, options), the inputs, folder listings
  and outputs of its last successful run, and the diagnostics it printed.  A
  rebuild whose request is unchanged is a stat check: no YAML is parsed and no
  writer is imported.

This module is imported before anything heavy; keep it to the standard library.
The atomic-write helpers live here for the same reason.
"""
from __future__ import annotations

import hashlib
import json
import os
import re
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Optional

from workshopkit import __version__

CACHE_NAME = ".workshopkit-cache.json"
FORMAT = 1
MAX_REQUESTS = 16
RACY_NS = 1_000_000_000
PACKAGE_DIR = Path(__file__).resolve().parent.parent
_TEMP_RE = re.compile(r"^\..+\.(\d+)\.[^.]+\.tmp$")


# ------------------------------------------------------------------ atomic files
def temp_beside(path: Path) -> Path:
    """A new empty temporary file in ``path``'s folder, named after this process."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.{os.getpid()}.", suffix=".tmp",
                               dir=path.parent)
    try:  # mkstemp makes private files; outputs get the usual permissions
        os.fchmod(fd, 0o666 & ~_umask())
    finally:
        os.close(fd)
    return Path(tmp)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def write_temp(path: Path, data: bytes) -> Path:
    """Write ``data`` to a temporary file beside ``path`` (flushed to disk)."""
    tmp = temp_beside(path)
    try:
        with open(tmp, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
    except BaseException:
        _unlink(tmp)
        raise
    return tmp


def atomic_write(path: Path, data: bytes) -> None:
    """Write ``data`` beside ``path`` and rename it into place."""
    tmp = write_temp(path, data)
    try:
        os.replace(tmp, path)
    except BaseException:
        _unlink(tmp)
        raise


def _unlink(path: Path) -> None:
    try:
        os.unlink(path)
    except OSError:
        pass


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def clean_stray(folders: Iterable[Path]) -> int:
    """Remove temporary files left by builds that were killed; return how many."""
    removed = 0
    for folder in folders:
        try:
            entries = list(os.scandir(folder))
        except OSError:
            continue
        for e in entries:
            m = _TEMP_RE.match(e.name)
            if m and e.is_file(follow_symlinks=False) and not _alive(int(m.group(1))):
                _unlink(Path(e.path))
                removed += 1
    return removed


# ------------------------------------------------------------------- fingerprints
def digest_bytes(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def digest_file(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def key_of(value) -> str:
    """A stable hash of JSON-able data."""
    blob = json.dumps(value, sort_keys=True, ensure_ascii=False, separators=(",", ":"), default=str)
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()


def code_fingerprint() -> str:
    """The package's version and the stat of its files (catches edited code and catalogues)."""
    rows = []
    for folder, dirs, files in os.walk(PACKAGE_DIR):
        dirs[:] = sorted(d for d in dirs if d != "__pycache__" and not d.startswith("."))
        for name in sorted(files):
            if name.endswith((".py", ".po", ".mo", ".pptx", ".ttf", ".yaml", ".json")):
                st = os.stat(os.path.join(folder, name))
                rows.append((os.path.relpath(os.path.join(folder, name), PACKAGE_DIR),
                             st.st_size, st.st_mtime_ns))
    return key_of([__version__, rows])


def environment() -> dict:
    """Everything outside the inputs and options that changes output bytes."""
    return {"version": __version__, "code": code_fingerprint(),
            "SOURCE_DATE_EPOCH": os.environ.get("SOURCE_DATE_EPOCH", "").strip()}


def listing(sources: Iterable[Path], inputs: Iterable[str]) -> list[str]:
    """Curriculum files found, and YAML/PO files in every folder an input lives in.

    A new curriculum, catalogue or translation catalogue changes the listing,
    so the next build looks again instead of trusting the record.
    """
    out = [f"src:{Path(s).resolve()}" for s in sources]
    for folder in sorted({str(Path(p).parent) for p in inputs}):
        try:
            names = sorted(n for n in os.listdir(folder) if n.endswith((".yaml", ".yml", ".po")))
        except OSError:
            names = ["<missing>"]
        out.append(f"dir:{folder}:" + "/".join(names))
    return out


# ----------------------------------------------------------------------- records
class Cache:
    """The record under one output folder."""

    def __init__(self, out_dir: Path):
        self.path = Path(out_dir) / CACHE_NAME
        self.files: dict[str, list] = {}
        self.targets: dict[str, dict] = {}
        self.requests: dict[str, dict] = {}
        self.dirty = False
        try:
            data = json.loads(self.path.read_text("utf-8"))
            if data.get("format") == FORMAT:
                self.files, self.targets = data["files"], data["targets"]
                self.requests = data["requests"]
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            pass

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
        return bool(rec) and rec["key"] == key and self.digest(path) == rec["sha256"]

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
            if not rec or self.digest(name) != rec["sha256"]:
                return None
        return req

    def record_request(self, rkey: str, sources: list[Path], inputs: Iterable[Path],
                       outputs: Iterable[Path], diagnostics: list, summary: dict) -> None:
        names = sorted({str(Path(p).resolve()) for p in inputs})
        shas = {n: self.digest(n) for n in names}
        self.requests.pop(rkey, None)
        self.requests[rkey] = {"inputs": shas, "listing": listing(sources, names),
                               "outputs": sorted(str(p) for p in outputs),
                               "diagnostics": diagnostics, "summary": summary}
        while len(self.requests) > MAX_REQUESTS:
            self.requests.pop(next(iter(self.requests)))
        self.dirty = True

    def forget_request(self, rkey: str) -> None:
        if self.requests.pop(rkey, None) is not None:
            self.dirty = True

    def save(self) -> None:
        if not self.dirty:
            return
        live = set(self.targets)
        for req in self.requests.values():
            live.update(req["inputs"])
        self.files = {k: v for k, v in self.files.items() if k in live}
        data = {"format": FORMAT, "files": self.files, "targets": self.targets,
                "requests": self.requests}
        blob = json.dumps(data, sort_keys=True, indent=0, ensure_ascii=False).encode("utf-8")
        atomic_write(self.path, blob)
        self.dirty = False


def request_key(fields: dict) -> str:
    """The key of one command line: what was asked, and the environment it ran in."""
    return key_of({**fields, "env": environment()})


def request_fields(paths, out_dir, overrides: dict, kinds, languages, strict: bool,
                   bilingual, kit) -> dict:
    """What a build command asked for, as JSON-able data (paths made absolute)."""
    def norm(v):
        return str(Path(v).resolve()) if isinstance(v, Path) else str(v)

    return {"paths": [str(Path(p).resolve()) for p in paths],
            "out": str(Path(out_dir).resolve()),
            "overrides": {k: norm(v) for k, v in sorted(overrides.items()) if v is not None},
            "kinds": list(kinds), "languages": list(languages or []), "strict": bool(strict),
            "bilingual": list(bilingual or []),
            "kit": None if kit is None else [kit.participants, kit.facilitators]}


@dataclass(frozen=True)
class KitRequest:
    """Kits wanted with a build: copies for the print plan (None: no plan)."""

    participants: Optional[int] = None
    facilitators: int = 1


def up_to_date(paths, out_dir, overrides: dict, kinds, languages, strict: bool, bilingual,
               kit: Optional[KitRequest]) -> tuple[Cache, str, list[Path], Optional[dict]]:
    """Check a build request against the record without loading any curriculum.

    Returns the cache, the request key, the curriculum files found, and the
    earlier run's record when nothing it read or wrote has changed (else None).
    Stray temporary files of killed builds are removed on the way.
    """
    from workshopkit.source.project import find_sources
    from workshopkit.build.kinds import KINDS, WRITERS

    out_dir = Path(out_dir)
    cache = Cache(out_dir)
    clean_stray({out_dir, out_dir / "kits", *(Path(t).parent for t in cache.targets)})
    kinds = tuple(k for k in (kinds or KINDS) if k in WRITERS)
    sources = find_sources([Path(p) for p in paths])
    rkey = request_key(request_fields(paths, out_dir, overrides, kinds, languages, strict,
                                      bilingual, kit))
    return cache, rkey, sources, cache.fresh_request(rkey, sources)
