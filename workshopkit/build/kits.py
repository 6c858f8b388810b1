"""Printable kits: one zip per curriculum and language with everything to run it.

A kit holds the built outputs, a cover PDF that lists what is inside and what
to print, and ``manifest.json`` (files, sizes, SHA-256 checksums, curriculum id
and version, languages, workshopkit version).  With a number of participants
the cover carries a print plan: copies of each file and sheets of paper,
single- and double-sided, from the real page counts.  The zip is deterministic:
sorted entries, fixed timestamps and permissions.
"""
from __future__ import annotations

import dataclasses
import io
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

from workshopkit import __version__
from workshopkit.i18n import N_
from workshopkit.plan.markup import plain
from workshopkit.model import Curriculum
from workshopkit.model.options import Options
from workshopkit.render.archive import write_zip

COVER = "cover.pdf"
MANIFEST = "manifest.json"
KIND_NAMES = {"slides": N_("Slide deck"), "worksheets": N_("Participant worksheets"),
              "guide": N_("Facilitator guide"), "videos": N_("Video handout"),
              "cover": N_("This cover")}
PER_PARTICIPANT = ("worksheets", "videos")
PER_FACILITATOR = ("guide",)


@dataclass(frozen=True)
class KitFile:
    name: str  # name inside the kit
    kind: str  # an output kind, or "cover"
    data: bytes
    pages: int = 0  # PDFs only, read with pypdf


@dataclass(frozen=True)
class PlanRow:
    name: str
    kind: str
    pages: int
    copies: int
    single: int  # sheets printed on one side
    double: int  # sheets printed on both sides


def copies(kind: str, participants: int, facilitators: int) -> int:
    if kind in PER_PARTICIPANT:
        return participants
    if kind in PER_FACILITATOR:
        return facilitators
    return 0  # the deck is projected; the cover is read on screen


def print_plan(files: list[KitFile], participants: int, facilitators: int) -> list[PlanRow]:
    """Copies and sheets of paper for every printable file (pure data)."""
    rows = []
    for f in files:
        if f.kind == "cover":
            continue
        n = copies(f.kind, participants, facilitators)
        rows.append(PlanRow(f.name, f.kind, f.pages, n, f.pages * n, -(-f.pages // 2) * n))
    return rows


def page_count(data: bytes) -> int:
    from pypdf import PdfReader

    return len(PdfReader(io.BytesIO(data)).pages)


def manifest(cur: Curriculum, languages: tuple[str, ...], options: Options,
             files: list[KitFile], plan: Optional[list[PlanRow]],
             participants: Optional[int], facilitators: int) -> bytes:
    import hashlib

    data = {
        "curriculum": {"id": cur.id, "version": cur.version or "",
                       "title": plain(cur.title.get(languages[0]))},
        "languages": list(languages),
        "date": options.date.date().isoformat(),
        "workshopkit": __version__,
        "files": [{"name": f.name, "kind": f.kind, "size": len(f.data),
                   "sha256": hashlib.sha256(f.data).hexdigest(),
                   **({"pages": f.pages} if f.name.endswith(".pdf") else {})}
                  for f in sorted(files, key=lambda f: f.name)],
    }
    if plan is not None:
        data["print_plan"] = {
            "participants": participants, "facilitators": facilitators,
            "files": [dataclasses.asdict(r) for r in plan],
            "sheets_single_sided": sum(r.single for r in plan),
            "sheets_double_sided": sum(r.double for r in plan)}
    return (json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False) + "\n").encode("utf-8")


def make_kit(cur: Curriculum, languages: tuple[str, ...], options: Options,
             outputs: list[tuple[str, Path]], participants: Optional[int] = None,
             facilitators: int = 1) -> bytes:
    """The kit zip for ``outputs`` (kind, built file), in one language or a pair."""
    files = []
    for kind, path in outputs:
        data = path.read_bytes()
        files.append(KitFile(path.name, kind, data,
                             page_count(data) if path.suffix == ".pdf" else 0))
    plan = print_plan(files, participants, facilitators) if participants is not None else None
    cover = cover_pdf(cur, languages, options, files, plan, participants, facilitators)
    files.append(KitFile(COVER, "cover", cover, page_count(cover)))
    folder = f"{cur.id}-{'+'.join(languages)}"
    entries = {f"{folder}/{f.name}": f.data for f in files}
    entries[f"{folder}/{MANIFEST}"] = manifest(cur, languages, options, files, plan,
                                               participants, facilitators)
    return write_zip(entries, options.date)


def cover_pdf(cur: Curriculum, languages: tuple[str, ...], options: Options,
              files: list[KitFile], plan: Optional[list[PlanRow]],
              participants: Optional[int], facilitators: int) -> bytes:
    """The kit's cover: what is inside, and what to print (localised)."""
    from reportlab.platypus import Spacer, Table, TableStyle

    from workshopkit.render.pdf.base import (frame_width, para, register, render, styles,
                                             table_style, texts, words)
    from workshopkit.source.settings import bundled_fonts

    options = dataclasses.replace(options, booklet=False)
    faces = register(bundled_fonts())
    st = styles(options, faces)
    kind_title = words("Printable kit", languages)
    story = [para(" / ".join(plain(t) for t in texts(cur.title, languages)), st["title"]),
             para(kind_title + (f" · {cur.version}" if cur.version else "") + " · "
                  + " + ".join(languages), st["subtitle"])]

    def table(rows, widths):
        tb = Table(rows, colWidths=[w * frame_width(options) for w in widths], repeatRows=1)
        tb.setStyle(TableStyle(table_style(options, faces)))
        return tb

    story.append(para(words("What is inside", languages), st["h1"]))
    rows = [[para(words(h, languages), st["cellhead"]) for h in (N_("File"), N_("Contents"),
                                                                  N_("Pages"))]]
    for f in files:
        pages = f.pages if f.name.endswith(".pdf") else ""
        rows.append([para(f.name, st["cell"]), para(words(KIND_NAMES[f.kind], languages),
                                                    st["cell"]), para(str(pages), st["cell"])])
    rows.append([para(MANIFEST, st["cell"]),
                 para(words("The list of files with their SHA-256 checksums", languages),
                      st["cell"]), para("", st["cell"])])
    story.append(table(rows, (0.45, 0.4, 0.15)))
    story.append(para(words("What to print", languages), st["h1"]))
    if plan is None:
        for msgid in (N_("Participant worksheets and the video handout: one copy per participant."),
                      N_("Facilitator guide: one copy per facilitator."),
                      N_("Slide deck: projected; no printed copies needed.")):
            story.append(para(words(msgid, languages), st["body"]))
    else:
        story.append(para(words("For {participants} participants and {facilitators} "
                                "facilitators:", languages, participants=participants,
                                facilitators=facilitators), st["body"]))
        heads = (N_("File"), N_("Pages"), N_("Copies"), N_("Sheets, single-sided"),
                 N_("Sheets, double-sided"))
        rows = [[para(words(h, languages), st["cellhead"]) for h in heads]]
        for r in plan:
            if r.copies:
                cells = [r.name, r.pages, r.copies, r.single, r.double]
            else:
                cells = [r.name, r.pages or "", words("No printed copies needed", languages), "", ""]
            rows.append([para(str(c), st["cell"]) for c in cells])
        rows.append([para(str(c), st["cellhead"]) for c in
                     (words("Total", languages), "", "", sum(r.single for r in plan),
                      sum(r.double for r in plan))])
        story.append(table(rows, (0.36, 0.1, 0.14, 0.2, 0.2)))
    story += [Spacer(1, 8), para(words("Check the files against manifest.json: it lists the "
                                       "size and SHA-256 checksum of each one.", languages),
                                 st["small"])]
    return render(story, cur=cur, languages=languages, options=options, faces=faces,
                  kind_title=kind_title)


def write_kits(targets, result, cache, out_dir: Path, request, env: dict) -> None:
    """Write (or keep) the kit of every curriculum and language set that built."""
    from workshopkit.build.runner import kit_path
    from workshopkit.build.cache import atomic_write, digest_bytes, key_of
    from workshopkit.source.project import display

    groups: dict[tuple, list] = {}
    for t in targets:
        if display(t.curriculum.path) not in result.failed:
            groups.setdefault((id(t.curriculum), t.languages), []).append(t)
    for (_cid, langs), ts in groups.items():
        cur = ts[0].curriculum
        path = kit_path(out_dir, cur.id, langs)
        recs = [cache.targets.get(str(t.path), {}) for t in ts]
        key = key_of({"kit": [request.participants, request.facilitators], "env": env,
                      "targets": [[t.kind, r.get("key", ""), r.get("sha256", "")]
                                  for t, r in zip(ts, recs)]})
        result.kits.append(path)
        if all(r.get("key") for r in recs) and cache.target_fresh(path, key):
            result.up_to_date.append(path)
            continue
        data = make_kit(cur, langs, ts[0].options, [(t.kind, t.path) for t in ts],
                        request.participants, request.facilitators)
        atomic_write(path, data)
        cache.record_target(path, key if all(r.get("key") for r in recs) else "",
                            digest_bytes(data))
        result.written.append(path)
