"""Reading an input file: inside the project, a regular file, within a size cap.

Every file the tool opens because a project file names it or because of where it
sits (curricula, catalogues, ``workshopkit.yaml``, the theme and its logo and
fonts, PO catalogues, templates, images) is read through :func:`read_bounded`:

* with ``inside``, the path must resolve, after following symlinks, inside
  that folder (the project), or it is a located error and the file is not
  opened;
* it must be a regular file: a folder, a FIFO or a device is refused before
  anything is read (a FIFO would block, ``/dev/zero`` never ends);
* it must be no larger than its cap, and at most the cap is ever read.

:func:`read_text` adds UTF-8 decoding with a located error.
"""
from __future__ import annotations

import errno
import os
import stat
from pathlib import Path
from typing import Optional

from workshopkit.errors import ERROR, Diagnostic, Pos, WorkshopkitError

MAX_FILE_BYTES = 4 * 1024 * 1024
"""A YAML file (curriculum, catalogue, workshopkit.yaml, theme) larger than this is rejected."""
MAX_PO_BYTES = 4 * 1024 * 1024
"""A PO catalogue larger than this is rejected."""


class LoadError(WorkshopkitError):
    pass


def fail(path: str, line: int, col: int, message: str) -> LoadError:
    return LoadError(Diagnostic(ERROR, Pos(path, line, col), message))


def _kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"


def _the(what: str) -> str:
    return what if what == "file" else f"the {what}"


def inside(path: Path, root: Path) -> bool:
    """True when ``path`` resolves (symlinks followed) inside ``root``."""
    try:
        Path(path).resolve().relative_to(Path(root).resolve())
    except (ValueError, OSError, RuntimeError):
        return False
    return True


def loops(path: Path) -> bool:
    """Whether ``path`` is a loop of symbolic links."""
    try:
        Path(path).resolve()
    except RuntimeError:  # Python before 3.13: "Symlink loop from ..."
        return True
    except OSError as exc:
        return exc.errno == errno.ELOOP
    return False


def check_file(path: Path, limit: int, pos: Pos, what: str = "file",
               root: Optional[Path] = None) -> os.stat_result:
    """Stat ``path`` as :func:`read_bounded` would read it; a located error otherwise."""
    from workshopkit.source.project import display

    shown = display(Path(path))
    if root is not None and not inside(path, root):
        if loops(path):
            raise LoadError(Diagnostic(ERROR, pos, f"{what} {shown} is a loop of symbolic "
                                       "links; the file is not read"))
        raise LoadError(Diagnostic(ERROR, pos, f"{what} {shown} is outside the project folder "
                                   f"{Path(root).resolve()} (symbolic links are followed); "
                                   "the file is not read"))
    try:
        st = os.stat(path)
    except (OSError, ValueError) as exc:
        raise LoadError(Diagnostic(ERROR, pos, f"cannot read {_the(what)} {shown}: "
                                   f"{getattr(exc, 'strerror', None) or exc}")) from None
    if not stat.S_ISREG(st.st_mode):
        raise LoadError(Diagnostic(ERROR, pos, f"the {what} {shown} is {_kind(st.st_mode)}, "
                                   "not a regular file; the file is not read"))
    if st.st_size > limit:
        raise LoadError(Diagnostic(ERROR, pos, f"file is {st.st_size} bytes; the limit is "
                                   f"{limit} bytes"))
    return st


def read_bounded(path: Path, limit: int, pos: Pos, what: str = "file",
                 root: Optional[Path] = None) -> bytes:
    """The bytes of ``path``: checked by :func:`check_file`, at most ``limit`` bytes read."""
    from workshopkit.source.project import display

    check_file(path, limit, pos, what, root)
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) \
        | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags)
        try:
            st = os.fstat(fd)  # the file opened is the file checked
            if not stat.S_ISREG(st.st_mode):
                raise LoadError(Diagnostic(ERROR, pos, f"the {what} {display(Path(path))} is "
                                           f"{_kind(st.st_mode)}, not a regular file"))
            chunks, size = [], 0
            while size <= limit:
                chunk = os.read(fd, min(1 << 20, limit + 1 - size))
                if not chunk:
                    break
                chunks.append(chunk)
                size += len(chunk)
        finally:
            os.close(fd)
    except OSError as exc:
        raise LoadError(Diagnostic(ERROR, pos, f"cannot read {_the(what)} {display(Path(path))}: "
                                   f"{exc.strerror or exc}")) from None
    if size > limit:
        raise LoadError(Diagnostic(ERROR, pos, f"file is larger than the limit of {limit} bytes"))
    return b"".join(chunks)


def read_text(path: Path, display: str | None = None, limit: int = MAX_FILE_BYTES,
              root: Optional[Path] = None) -> str:
    """Read a UTF-8 file, with located errors for place, kind, size and encoding."""
    name = display or str(path)
    return decode(read_bounded(Path(path), limit, Pos(name, 1, 1), "file", root), name)


def decode(data: bytes, name: str) -> str:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        before = data[: exc.start]
        line = before.count(b"\n") + 1
        line_start = before.rfind(b"\n") + 1
        col = len(before[line_start:].decode("utf-8", errors="replace")) + 1
        raise fail(name, line, col,
                   f"the file is not UTF-8 (byte 0x{data[exc.start]:02x}); save it as UTF-8") from None
    return text
