"""Reading an input file as text, with located errors for its size and encoding.

Every YAML file of a project (curricula, catalogues, ``workshopkit.yaml``, the
theme) is read through :func:`read_text` before it is parsed.
"""
from __future__ import annotations

from pathlib import Path

from workshopkit.errors import ERROR, Diagnostic, Pos, WorkshopkitError

MAX_FILE_BYTES = 4 * 1024 * 1024
"""A file larger than this is rejected before parsing."""


class LoadError(WorkshopkitError):
    pass


def fail(path: str, line: int, col: int, message: str) -> LoadError:
    return LoadError(Diagnostic(ERROR, Pos(path, line, col), message))


def read_text(path: Path, display: str | None = None, limit: int = MAX_FILE_BYTES) -> str:
    """Read a UTF-8 file, with located errors for size and encoding."""
    name = display or str(path)
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise fail(name, 0, 0, f"cannot read file: {exc.strerror or exc}") from None
    if size > limit:
        raise fail(name, 1, 1, f"file is {size} bytes; the limit is {limit} bytes")
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise fail(name, 0, 0, f"cannot read file: {exc.strerror or exc}") from None
    return decode(data, name)


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
