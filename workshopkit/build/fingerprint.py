"""Fingerprints: content hashes, stable keys, and the environment a build ran in.

The environment is everything outside a target's inputs and options that
changes output bytes: the package (version and code), the versions of the
libraries that draw outputs, the bundled fonts and SOURCE_DATE_EPOCH.
Standard library only, and no library is imported to learn its version.
"""
from __future__ import annotations

import hashlib
import json
import os
from importlib import util
from pathlib import Path
from typing import Iterable, Optional

from workshopkit import __version__

PACKAGE_DIR = Path(__file__).resolve().parent.parent
LIBRARIES = {"pptx": "python-pptx", "reportlab": "reportlab", "_rl_accel": "rl_accel",
             "pypdf": "pypdf", "PIL": "Pillow"}
"""Libraries whose version changes output bytes: import name -> distribution name."""


def digest_bytes(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def digest_file(path: Path) -> str:
    """The SHA-256 of a regular file; a FIFO, a device or a folder is never read (its
    digest names its kind: loading reports it)."""
    import stat

    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    with os.fdopen(fd, "rb") as fh:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            return f"not-a-regular-file:{stat.S_IFMT(mode):o}"
        h = hashlib.sha256()
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


def _normal(name: str) -> str:
    return name.lower().replace("-", "_").replace(".", "_")


def library_version(module: str, dist: str) -> Optional[str]:
    """The installed version of ``dist`` (whose import name is ``module``), read from the
    name of its metadata folder beside the module: nothing is imported."""
    spec = util.find_spec(module)
    if spec is None:
        return None
    where = Path(spec.origin or next(iter(spec.submodule_search_locations or []), ""))
    site = where.parent.parent if where.name == "__init__.py" else where.parent
    try:
        names = os.listdir(site)
    except OSError:
        names = []
    for name in names:
        stem, sep, version = name.rpartition(".dist-info")[0].partition("-")
        if name.endswith(".dist-info") and sep and _normal(stem) == _normal(dist):
            return version
    from importlib import metadata  # slower; for unusual layouts

    try:
        return metadata.version(dist)
    except metadata.PackageNotFoundError:
        return None


def library_versions() -> dict[str, Optional[str]]:
    return {dist: library_version(module, dist) for module, dist in LIBRARIES.items()}


def bundled_fonts() -> list[Path]:
    from workshopkit.source.fonts import FILES, font_dir

    return [font_dir() / name for name in sorted(FILES.values())]


def environment(fonts: dict[str, Optional[str]]) -> dict:
    """Everything outside the inputs and options that changes output bytes; ``fonts``:
    the content hash of each bundled font file."""
    return {"version": __version__, "code": code_fingerprint(), "libraries": library_versions(),
            "fonts": fonts, "SOURCE_DATE_EPOCH": os.environ.get("SOURCE_DATE_EPOCH", "").strip()}


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
