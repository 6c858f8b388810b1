"""The cover of a printable kit: what is inside, and what to print (localised).

A pure writer: the curriculum, languages, options and the kit's contents (its
files with their page counts, and the print plan when there is one) in, PDF
bytes out.  reportlab is imported on first use, so the data types below are
cheap to import.
"""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Optional

from workshopkit.i18n import N_
from workshopkit.model import Curriculum
from workshopkit.model.options import Options
from workshopkit.model.settings import Settings
from workshopkit.plan.markup import plain

MANIFEST = "manifest.json"


@dataclass(frozen=True)
class Entry:
    """One file of the kit as the cover lists it."""

    name: str
    title: str  # what it is: an interface string, translated on the cover
    pages: Optional[int] = None  # PDFs only


@dataclass(frozen=True)
class PlanRow:
    name: str
    kind: str
    pages: int
    copies: int
    single: int  # sheets printed on one side
    double: int  # sheets printed on both sides


@dataclass(frozen=True)
class Contents:
    files: tuple[Entry, ...]
    plan: Optional[tuple[PlanRow, ...]] = None  # None: no number of participants given
    participants: Optional[int] = None
    facilitators: int = 1


def write(cur: Curriculum, settings: Settings, languages: tuple[str, ...], options: Options,
          contents: Contents) -> bytes:
    from reportlab.platypus import Spacer, Table, TableStyle

    from workshopkit.render.pdf.base import (frame_width, para, register, render, styles,
                                             table_style, texts, words)

    options = dataclasses.replace(options, booklet=False)
    faces = register(settings.fonts)
    st = styles(options, faces, languages[0])
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
    for f in contents.files:
        pages = "" if f.pages is None else f.pages
        rows.append([para(f.name, st["cell"]), para(words(f.title, languages), st["cell"]),
                     para(str(pages), st["cell"])])
    rows.append([para(MANIFEST, st["cell"]),
                 para(words("The list of files with their SHA-256 checksums", languages),
                      st["cell"]), para("", st["cell"])])
    story.append(table(rows, (0.45, 0.4, 0.15)))
    story.append(para(words("What to print", languages), st["h1"]))
    plan = contents.plan
    if plan is None:
        for msgid in (N_("Participant worksheets and the video handout: one copy per participant."),
                      N_("Facilitator guide: one copy per facilitator."),
                      N_("Slide deck: projected; no printed copies needed.")):
            story.append(para(words(msgid, languages), st["body"]))
    else:
        story.append(para(words("For {participants} participants and {facilitators} "
                                "facilitators:", languages, participants=contents.participants,
                                facilitators=contents.facilitators), st["body"]))
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
