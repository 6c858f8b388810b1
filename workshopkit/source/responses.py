"""Reading survey answers: filled PDF forms and CSV files typed from paper.

Each form (a PDF, or a CSV row) becomes a mapping field name -> cell text, checked
against the survey by :func:`workshopkit.plan.tally.check`.  Nothing else of a file is
read: no metadata (author, dates), and file names are used only in messages.  A file
that cannot be used is reported (with its name, and the line of a CSV row) and skipped;
the caller counts what was skipped.
"""
from __future__ import annotations

import csv
import io
import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator, Optional

from workshopkit.errors import Pos, Problems
from workshopkit.model.survey import SURVEY_FIELD, Survey
from workshopkit.source.pdffields import scan
from workshopkit.source.project import display
from workshopkit.source.values import suggest

MAX_FILE_BYTES = 20 * 1024 * 1024
"""A filled form is tens of kilobytes; a typed CSV of thousands of rows, a few megabytes."""


@dataclass
class Form:
    """One form's cells, and where it came from (for messages only)."""

    cells: dict[str, str]
    pos: Pos
    bad: bool = False  # a row that could not be read (reported): a skipped form


@dataclass
class Read:
    forms: list[Form] = field(default_factory=list)
    skipped_files: list[str] = field(default_factory=list)


PARALLEL_FROM = 64
"""Files read in worker processes from this many on (a process pool costs a fraction of a
second to start)."""


def read(sv: Survey, paths: list[Path], problems: Problems, jobs: int = 1) -> Read:
    """Every form in ``paths``; a file that is not one of ``sv`` is reported and skipped."""
    out = Read()
    key = (sv.id, tuple(sv.fields()))
    names = [display(p) for p in paths]
    if jobs > 1 and len(paths) >= PARALLEL_FROM:
        from concurrent.futures import ProcessPoolExecutor

        with ProcessPoolExecutor(max_workers=jobs) as pool:
            results = list(pool.map(read_file, [key] * len(paths), paths, names,
                                    chunksize=16))
    else:
        results = [read_file(key, p, n) for p, n in zip(paths, names)]
    for name, (forms, diagnostics) in zip(names, results):
        problems.extend(diagnostics)
        if forms is None:
            out.skipped_files.append(name)
        else:
            out.forms += forms
    return out


def read_file(key: tuple[str, tuple[str, ...]], path: Path,
              name: str) -> tuple[Optional[list[Form]], list]:
    """The forms of one file (None: the file is skipped) and what was found wrong."""
    problems = Problems()
    forms = list(_read_one(key, path, name, problems))
    return (None if None in forms else forms), problems.items


def _read_one(key: tuple[str, tuple[str, ...]], path: Path, name: str,
              problems: Problems) -> Iterator:
    def skip(msg: str) -> Iterator:
        problems.error(Pos(name), f"{msg}; file skipped")
        yield None

    try:
        size = path.stat().st_size
        if not path.is_file():
            return (yield from skip("not a file"))
        if size > MAX_FILE_BYTES:
            return (yield from skip(f"{size} bytes; the limit is {MAX_FILE_BYTES}"))
        data = path.read_bytes()
    except OSError as exc:
        return (yield from skip(f"cannot read: {exc.strerror}"))
    if not data.strip():
        return (yield from skip("empty file"))
    if data.lstrip()[:5] == b"%PDF-" or path.suffix.lower() == ".pdf":
        cells, msg = pdf_cells(key[0], data)
        if msg:
            return (yield from skip(msg))
        yield Form(cells, Pos(name))
        return
    if path.suffix.lower() != ".csv":
        return (yield from skip("not a PDF form or a .csv file"))
    yield from csv_forms(list(key[1]), data, name, problems)


def _fields(reader) -> dict:
    """Field name -> field dictionary: the top-level fields of the form (every field of a
    survey form is one), else every field as pypdf finds them."""
    try:
        top = [f.get_object() for f in reader.trailer["/Root"]["/AcroForm"]["/Fields"]]
    except (KeyError, TypeError, AttributeError):
        return reader.get_fields() or {}
    out = {}
    for f in top:
        name = f.get("/T")
        if name is None or "/FT" not in f or any("/T" in k.get_object()
                                                  for k in f.get("/Kids", ())):
            return reader.get_fields() or {}
        out[str(name)] = f
    return out


def pdf_fields(data: bytes) -> tuple[dict[str, tuple[str, Optional[str]]], str]:
    """Field name -> (type, value) of a PDF form (see :func:`.pdffields.scan`), or an
    error message: the fast scan when it can read the file, else pypdf."""
    fast = scan(data)
    if fast is not None:
        return fast, ""
    from pypdf import PdfReader

    logging.getLogger("pypdf").setLevel(logging.ERROR)  # messages about damaged files
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            return {}, "encrypted PDF (save the form without a password)"
        fields = _fields(reader)
    except Exception as exc:  # pypdf raises many kinds for a damaged file
        return {}, f"not a readable PDF ({type(exc).__name__})"
    return {name: (str(f.get("/FT") or "").lstrip("/"),
                   None if f.get("/V") is None else str(f.get("/V")))
            for name, f in fields.items()}, ""


def pdf_cells(sid: str, data: bytes) -> tuple[dict[str, str], str]:
    """The fields of a filled form of survey ``sid`` as cell texts, or an error message."""
    fields, msg = pdf_fields(data)
    if msg:
        return {}, msg
    if SURVEY_FIELD not in fields:
        return {}, f"not a form of survey '{sid}' (no survey form fields)"
    mark = fields[SURVEY_FIELD][1] or ""
    if mark != sid:
        return {}, f"a form of survey '{mark[:60]}', not of '{sid}'"
    cells: dict[str, str] = {}
    for fname, (ftype, v) in fields.items():
        if fname == SURVEY_FIELD:
            continue
        if ftype == "Btn":
            v = "" if v in (None, "/Off", "Off") else v.lstrip("/")
            if "." in fname:  # a check box of a multiple choice: ticked or not
                v = "1" if v else ""
        cells[fname] = "" if v is None else v
    if not any(v.strip() for v in cells.values()):
        return {}, "nothing filled in (an empty form)"
    return cells, ""


def _delimiter(text: str) -> str:
    """The header's separator: a comma, or the semicolon (or tab) that spreadsheets in
    Spanish, Portuguese or French settings write (field names never contain either)."""
    head = text.split("\n", 1)[0]
    return next((d for d in (",", ";", "\t") if d in head), ",")


def csv_forms(known: list[str], data: bytes, name: str, problems: Problems) -> Iterator:
    """The rows of a typed CSV; a file with unknown columns is skipped whole."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        problems.error(Pos(name), "not UTF-8 text (save the CSV as UTF-8); file skipped")
        yield None
        return
    rows = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(text))
    try:
        header = [h.strip() for h in next(rows)]
    except (StopIteration, csv.Error):
        problems.error(Pos(name), "no header row; file skipped")
        yield None
        return
    bad = [h for h in header if h not in known]
    if bad or len(set(header)) != len(header):
        for h in bad:
            col = header.index(h) + 1
            problems.error(Pos(name, 1, col), f"unknown column '{h}'" + suggest(h, known)
                           + " (workshopkit tally --template prints the header)")
        if not bad:
            col = next(i for i, h in enumerate(header) if h in header[:i])
            problems.error(Pos(name, 1, col + 1), f"column '{header[col]}' is named twice "
                           f"(first in column {header.index(header[col]) + 1})")
        problems.error(Pos(name), "file skipped")
        yield None
        return
    try:
        for row in rows:
            if not any(c.strip() for c in row):
                continue  # a blank line
            line = rows.line_num
            if len(row) != len(header):
                problems.error(Pos(name, line, 1), f"{len(row)} cells; the header has "
                               f"{len(header)}; row skipped")
                yield Form({}, Pos(name, line, 1), bad=True)
                continue
            yield Form(dict(zip(header, row)), Pos(name, line, 1))
    except csv.Error as exc:
        problems.error(Pos(name, max(rows.line_num, 1), 1), f"not a CSV file: {exc}; "
                       "file skipped")
        yield None
