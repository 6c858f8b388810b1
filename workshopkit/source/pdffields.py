"""Reading the fields of a filled form fast: a scan of the file's objects for field
dictionaries (name, type, value), with no PDF object parsing.

A survey form has one flat level of fields, each its own object, and the files PDF
viewers and pypdf save keep those objects in plain text.  When a file is not like that
(object streams, encryption, nested field names, a string this scan does not read), the
scan gives up and the caller reads the file with pypdf: the scan is only ever a shortcut
to the same answer (tests compare both).
"""
from __future__ import annotations

import re
from typing import Optional

_OBJ = re.compile(rb"(\d+)\s+\d+\s+obj\b")
_STRING = rb"\((?:\\.|[^\\()])*\)|<[0-9A-Fa-f\s]*>"
_NAME = rb"/[^\s/<>\[\]()%{}]*"
_T = re.compile(rb"/T\s*(" + _STRING + rb")", re.S)
_V = re.compile(rb"/V\s*(" + _STRING + rb"|" + _NAME + rb")", re.S)
_FT = re.compile(rb"/FT\s*/(\w+)")
_ESC = re.compile(rb"\\([0-7]{1,3}|\r\n|[\s\S])")
_SIMPLE = {b"n": b"\n", b"r": b"\r", b"t": b"\t", b"b": b"\b", b"f": b"\f"}


def _unescape(m: re.Match) -> bytes:
    c = m.group(1)
    if c[:1].isdigit():
        return bytes([int(c, 8) & 0xFF])
    if c in (b"\n", b"\r", b"\r\n"):
        return b""
    return _SIMPLE.get(c, c)


def _text(token: bytes) -> str:
    if token.startswith(b"<"):
        raw = bytes.fromhex(re.sub(rb"\s", b"", token[1:-1]).decode("ascii") + "0" * (
            len(re.sub(rb"\s", b"", token[1:-1])) % 2))
    else:
        raw = _ESC.sub(_unescape, token[1:-1])
    if raw.startswith(b"\xfe\xff"):
        return raw[2:].decode("utf-16-be", "replace")
    if raw.startswith(b"\xef\xbb\xbf"):
        return raw[3:].decode("utf-8", "replace")
    return raw.decode("latin-1")


def _name(token: bytes) -> str:
    return re.sub(rb"#([0-9A-Fa-f]{2})", lambda m: bytes([int(m.group(1), 16)]),
                  token[1:]).decode("utf-8", "replace")


def scan(data: bytes) -> Optional[dict[str, tuple[str, Optional[str]]]]:
    """Field name -> (type 'Btn' or 'Tx' or …, value: a name for buttons, text for text
    fields, None when unset); None when the file is not one this scan can read."""
    if b"/ObjStm" in data or b"/Encrypt" in data or b"/AcroForm" not in data:
        return None
    starts = list(_OBJ.finditer(data))
    objects: dict[bytes, tuple[str, tuple[str, Optional[str]]]] = {}
    for i, m in enumerate(starts):
        end = starts[i + 1].start() if i + 1 < len(starts) else len(data)
        body = data[m.end():end]
        if b"/T" not in body or b"stream" in body:
            continue
        t = _T.search(body)
        if t is None:
            continue
        if b"/Parent" in body or b"/Kids" in body and b"/FT" not in body:
            return None  # nested field names: leave it to pypdf
        ft = _FT.search(body)
        v = _V.search(body)
        value = None
        if v is not None:
            token = v.group(1)
            value = "/" + _name(token) if token.startswith(b"/") else _text(token)
        objects[m.group(1)] = (_text(t.group(1)), (ft.group(1).decode() if ft else "", value))
    if not objects:
        return None
    return dict(objects.values())
