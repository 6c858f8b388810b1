"""Atomic files: outputs appear whole or not at all.

An output is written to a temporary file beside it (named after the writing
process), flushed, then renamed into place.  Temporary files left by builds
that were killed are removed by the next build.  Standard library only: this
is imported before anything heavy.
"""
from __future__ import annotations

import os
import re
import tempfile
from pathlib import Path
from typing import Iterable, Optional  # noqa: F401

_TEMP_RE = re.compile(r"^\..+\.(\d+)\.[^.]+\.tmp$")


def temp_beside(path: Path) -> Path:
    """A new empty temporary file in ``path``'s folder, named after this process.

    An OSError names the folder that could not be made or written in."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        if not path.parent.is_dir():
            raise NotADirectoryError(20, "Not a directory", str(path.parent))
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.{os.getpid()}.", suffix=".tmp",
                                   dir=path.parent)
    except OSError as exc:
        where = exc.filename if exc.filename and not _is_temp(str(exc.filename)) else path.parent
        raise type(exc)(exc.errno, exc.strerror, str(where)) from None
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
    """Write ``data`` to a temporary file beside ``path`` (flushed to disk); nothing is
    left behind when that fails (a full disk: an OSError naming ``path``)."""
    tmp = temp_beside(path)
    try:
        with open(tmp, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
    except OSError as exc:
        _unlink(tmp)
        raise type(exc)(exc.errno, exc.strerror, str(path)) from None
    except BaseException:
        _unlink(tmp)
        raise
    return tmp


def _is_temp(name: str) -> bool:
    return bool(_TEMP_RE.match(os.path.basename(name)))


def write_problem(exc: OSError, path: Path | None = None):
    """A located one-line error for a file or folder that could not be written."""
    from workshopkit.errors import ERROR, Diagnostic, Pos
    from workshopkit.source.project import display

    where = exc.filename or path or ""
    if where and _is_temp(str(where)):
        where = os.path.dirname(str(where))
    return Diagnostic(ERROR, Pos(display(Path(where)) if where else ""),
                      f"cannot write here: {exc.strerror or exc}")


def atomic_write(path: Path, data: bytes) -> None:
    """Write ``data`` beside ``path`` and rename it into place."""
    tmp = write_temp(path, data)
    try:
        os.replace(tmp, path)
    except OSError as exc:
        _unlink(tmp)
        raise type(exc)(exc.errno, exc.strerror, str(path)) from None
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
    return not _zombie(pid)


def _zombie(pid: int) -> bool:
    """Whether ``pid`` has exited and only waits to be reaped (Linux): a build killed
    with its workers leaves them so until whoever adopted them reaps them, and their
    temporary files are stray all the same."""
    try:
        with open(f"/proc/{pid}/stat", "rb") as f:
            stat = f.read()
    except OSError:
        return False
    return stat[stat.rfind(b")") + 2:][:1] == b"Z"


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


def linked_folder(path: Path, out_dir: Path) -> Optional[Path]:
    """The first folder between ``out_dir`` (not included) and ``path`` that is a
    symbolic link: outputs are never written through one (a project may carry a
    ``build/<id>/<lang>`` link to a folder elsewhere)."""
    try:
        parts = Path(path).parent.relative_to(out_dir).parts
    except ValueError:
        return None
    folder = Path(out_dir)
    for part in parts:
        folder = folder / part
        if folder.is_symlink():
            return folder
    return None


def linked_problem(folder: Path):
    """The located error of an output folder that is a symbolic link."""
    from workshopkit.errors import ERROR, Diagnostic, Pos
    from workshopkit.source.project import display

    return Diagnostic(ERROR, Pos(display(folder)), f"the output folder is a symbolic link to "
                      f"{os.path.realpath(folder)}; nothing is written through it (remove "
                      "the link, or build into another folder)")


def mtime_ns(path: Path) -> int:
    """The modification time of ``path`` (0 when it is missing)."""
    try:
        return os.stat(path).st_mtime_ns
    except OSError:
        return 0
