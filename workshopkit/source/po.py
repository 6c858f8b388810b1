"""Reading gettext catalogues (.po): plain entries, and a document's translations.

A curriculum or catalogue ``<stem>.yaml`` is translated by the ``<stem>.<lang>.po``
files beside it; :func:`translations` reads them into one
:class:`~workshopkit.model.text.Translations`, with located problems.

A PO file is data: it is read inside the project, as a regular file within
:data:`~workshopkit.source.files.MAX_PO_BYTES`; its header's ``Plural-Forms`` is
checked first (:mod:`workshopkit.source.po_plural`), then the entries;
``msgstr"…"`` without a space is read as
``msgfmt --check`` reads it.
"""
from __future__ import annotations

import contextlib
import io
import re
from pathlib import Path
from typing import Optional

from workshopkit.errors import Diagnostic, ERROR, Pos, Problems, WorkshopkitError
from workshopkit.model.text import PoEntry, Translations, illegal_char
from workshopkit.source.files import MAX_PO_BYTES, read_bounded
from workshopkit.source import langtags
from workshopkit.source.po_plural import check_header
from workshopkit.source.project import display
from workshopkit.source.spec import LANG_RE, MAX_TEXT

_KEYWORD_GLUED = re.compile(rb'^([ \t]*(?:#~[ \t]*)?(?:msgctxt|msgid_plural|msgid|msgstr(?:\[\d+\])?))"',
                            re.M)
_PO_LINE = re.compile(r"(msgctxt|msgid_plural|msgid|msgstr(?:\[\d+\])?)?\s*(.*)$")
_PO_STRING = re.compile(r'"[^"\\]*+(?:\\.[^"\\]*+)*+"')
"""A quoted PO string; possessive, so a 4 MiB line is matched in constant memory."""


def read_po_bytes(data: bytes, name: str) -> list[tuple[Optional[str], str, str, bool, int]]:
    """Entries of PO data as (msgctxt, msgid, msgstr, fuzzy, line)."""
    from babel.messages.pofile import read_po as _read

    check_header(data, name)
    data = glued(data)
    catalog = _read(io.BytesIO(data), abort_invalid=False)
    out = []
    for m in catalog:
        if not m.id or isinstance(m.id, tuple):
            continue
        msgstr = m.string if isinstance(m.string, str) else (m.string[0] if m.string else "")
        out.append((m.context, m.id, msgstr or "", m.fuzzy, getattr(m, "lineno", 0) or 0))
    return out


def glued(data: bytes) -> bytes:
    """PO data with ``msgstr"…"`` (no space, which msgfmt accepts) made ``msgstr "…"``."""
    return _KEYWORD_GLUED.sub(rb'\1 "', data)


def read_po(path: Path, display: str) -> list[tuple[Optional[str], str, str, bool, int]]:
    """Entries of a PO file as (msgctxt, msgid, msgstr, fuzzy, line)."""
    return read_po_bytes(read_bounded(Path(path), MAX_PO_BYTES, Pos(display, 1, 1), "catalogue"),
                         display)


def _not_in_charset(data: bytes, name: str) -> list[Diagnostic]:
    """Where PO data its header's charset cannot decode goes wrong, read as UTF-8."""
    from workshopkit.source.files import decode

    try:
        decode(data, name)
    except WorkshopkitError as exc:
        return list(exc.diagnostics)
    return [Diagnostic(ERROR, Pos(name, 1, 1), "cannot read catalogue: it is not in the "
                       "charset its header names; save it as UTF-8")]


def syntax(data: bytes, name: str) -> list[Diagnostic]:
    """Located errors for what ``msgfmt`` rejects and babel would read silently wrong.

    A line that is neither blank, a ``#`` comment, a keyword with a quoted string, nor a
    quoted string continuing the one above; a string not closed on its line (babel would
    drop its last character, so the entry would never match); and an entry (msgctxt,
    msgid) written twice (babel keeps the first one, the translator edits the second).
    """
    out: list[Diagnostic] = []
    seen: dict[tuple, int] = {}
    entry: dict[str, tuple[str, int]] = {}
    last = None

    def flush() -> None:
        if "msgid" in entry and entry["msgid"][0]:
            key = (entry.get("msgctxt", (None,))[0], entry["msgid"][0])
            line = entry["msgid"][1]
            if key in seen:
                out.append(Diagnostic(ERROR, Pos(name, line, 1), f"duplicate entry: this msgid "
                                      f"(and msgctxt) is already at line {seen[key]}; keep one"))
            else:
                seen[key] = line
        entry.clear()

    for no, raw in enumerate(data.decode("utf-8", errors="replace").split("\n"), 1):
        text = raw.rstrip("\r")
        body = text.lstrip()
        if not body or body.startswith("#"):
            continue
        col = len(text) - len(body) + 1
        kw, rest = _PO_LINE.match(body).groups()
        if kw is None and not rest.startswith('"'):
            out.append(Diagnostic(ERROR, Pos(name, no, col), "catalogue line not understood: "
                                  "expected msgctxt, msgid, msgstr, a quoted string or a # "
                                  f"comment, found '{body[:40]}'"))
            continue
        value = rest.rstrip()
        if not _PO_STRING.fullmatch(value):
            where = col + (len(body) - len(rest) if kw else 0)
            out.append(Diagnostic(ERROR, Pos(name, no, where), "this string is not closed on "
                                  'its line: end it with " (write \\" for a quote inside it)'))
            continue
        if kw is None:
            if last in entry:
                entry[last] = (entry[last][0] + value[1:-1], entry[last][1])
            continue
        base = kw.split("[")[0]
        if base in ("msgctxt", "msgid") and any(k.startswith("msgstr") for k in entry):
            flush()
        entry[base] = (value[1:-1], no)
        last = base
    flush()
    return out


def translations(path: Path, langs: tuple[str, ...], problems: Problems,
                 root: Optional[Path] = None) -> tuple[Translations, list[Path]]:
    """The translations of document ``path`` (source language ``langs[0]``), and the files read.

    With ``root``, a catalogue that resolves outside it (a symbolic link) is an error
    and is not read.
    """
    owner = Translations(langs[0])
    files = []
    for po in sorted(path.parent.glob(f"{path.stem}.*.po")):
        lang = po.name[len(path.stem) + 1: -3]
        name = display(po)
        if "." not in lang and not re.match(LANG_RE, lang):  # (a.b.es.po belongs to a.b.yaml)
            tag = lang.replace("_", "-")
            hint = (f"; rename it {path.stem}.{tag}.po" if re.match(LANG_RE, tag) else
                    f"; name it {path.stem}.<language>.po, such as {path.stem}.es.po")
            problems.error(Pos(name, 1, 1), f"'{lang}' in the catalogue's file name is not a "
                           f"BCP 47 language tag, so the catalogue is not used{hint}")
            continue
        if not re.match(LANG_RE, lang) or lang == langs[0]:
            continue
        if langtags.problem(lang):
            problems.error(Pos(name, 1, 1), f"{langtags.problem(lang)} (in the catalogue's "
                           "file name; the catalogue is not used)")
            continue
        try:
            data = read_bounded(po, MAX_PO_BYTES, Pos(name, 1, 1), "catalogue",
                                root or path.parent)
            with contextlib.redirect_stdout(io.StringIO()) as said:  # babel prints warnings
                entries = read_po_bytes(data, name)
        except WorkshopkitError as exc:
            problems.extend(exc.diagnostics)
            continue
        except UnicodeDecodeError:  # where, as for a YAML file (a charset the header names
            problems.extend(_not_in_charset(data, name))  # is honoured)
            continue
        except Exception as exc:  # babel raises several kinds on broken files
            problems.error(Pos(name, 1, 1), f"cannot read catalogue: {str(exc)[:200]}")
            continue
        files.append(po)
        owner.files[lang] = po
        bad = syntax(data, name)
        problems.extend(bad)
        bad_lines = {d.pos.line for d in bad}
        for m in re.finditer(r"^WARNING: Problem on line (\d+): (.*)$", said.getvalue(), re.M):
            if int(m.group(1)) in bad_lines:
                continue
            problems.warning(Pos(name, int(m.group(1)), 1),
                             f"catalogue line not understood, ignored: {m.group(2)[:80]}")
        for ctx, msgid, msgstr, fuzzy, line in entries:
            bad = illegal_char(msgstr)
            if bad:
                problems.error(Pos(name, line, 1), f"the translation contains the control "
                               f"character {bad}, which no document can hold; remove it")
                continue
            if len(msgstr) > MAX_TEXT:  # as a text written in the YAML
                problems.error(Pos(name, line, 1), f"the translation is {len(msgstr)} "
                               f"characters long; the limit is {MAX_TEXT}")
                continue
            owner.add(lang, ctx, msgid, PoEntry(msgstr, Pos(name, line, 1), fuzzy))
    return owner, files
