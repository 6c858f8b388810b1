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

from workshopkit.i18n import N_, language_name, ui
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
    printed: bool = False  # meant for paper (not a projected deck, not the cover itself)
    booklet: bool = False  # imposed as a fold-and-staple booklet


@dataclass(frozen=True)
class PlanRow:
    name: str
    kind: str
    pages: int
    copies: int
    single: int  # sheets printed on one side (a booklet: the same as double)
    double: int  # sheets printed on both sides
    sides: int = 2  # how the cover says to print it: 1 or 2 sides
    booklet: bool = False
    sheets: int = 0  # sheets of paper printed as the cover says (``sides``)


@dataclass(frozen=True)
class Contents:
    files: tuple[Entry, ...]
    plan: Optional[tuple[PlanRow, ...]] = None  # None: no number of participants given
    participants: Optional[int] = None
    facilitators: int = 1


def sides(pages: int, booklet: bool) -> int:
    """How to print a file: both sides of the paper, unless it has one page."""
    return 2 if booklet or pages > 1 else 1


PAPER_NAMES = {"letter": N_("Letter"), "a4": N_("A4")}


def how_to_print(entry: Entry, paper: str, languages: tuple[str, ...]) -> str:
    """The printing instruction for one file, in the cover's languages."""
    from workshopkit.render.pdf.meta import words

    if not entry.printed:
        return words("Not printed", languages)
    if entry.booklet:
        msgid = N_("{paper}, double-sided, flip on short edge, fold, staple")
    elif sides(entry.pages or 0, False) == 1:
        msgid = N_("{paper}, single-sided")
    else:
        msgid = N_("{paper}, double-sided")
    # each language names the paper in its own words: "Letter, … / Carta, …"
    return " / ".join(dict.fromkeys(words(msgid, (lang,), paper=words(
        PAPER_NAMES.get(paper, paper), (lang,))) for lang in languages))


def file_name_lines(name: str, width: float, measure) -> str:
    """A file name as cover-cell markup: lines broken only after '-' or '+', never inside
    a word or at the extension's dot (a part wider than the cell is left whole)."""
    import re
    from xml.sax.saxutils import escape

    parts = re.findall(r"[^-+]*[-+]|[^-+]+$", name)
    lines, line = [], ""
    for part in parts:
        if line and measure(line + part) > width:
            lines.append(line)
            line = part
        else:
            line += part
    lines.append(line)
    return "<br/>".join(escape(x) for x in lines)


def heading_width(heading: list[str], measure, room: float) -> float:
    """The width a column heading's words need: all on one line if that fits ``room``,
    else the narrowest split into two lines (a single word: its own width)."""
    one = measure(" ".join(heading))
    if one <= room or len(heading) < 2:
        return one
    return min(max(measure(" ".join(heading[:i])), measure(" ".join(heading[i:])))
               for i in range(1, len(heading)))


def write(cur: Curriculum, settings: Settings, languages: tuple[str, ...], options: Options,
          contents: Contents) -> bytes:
    from reportlab.pdfbase.pdfmetrics import stringWidth
    from reportlab.platypus import CondPageBreak, Paragraph, Spacer, Table, TableStyle

    from workshopkit.render.pdf.base import (Rows, frame_width, para, register, render,
                                             styles, table_style, texts, words)
    from workshopkit.render.pdf.meta import draft_notes, nwords

    options = dataclasses.replace(options, booklet=False)
    faces = register(settings.fonts)
    st = styles(options, faces, languages[0])
    kind_title = words("Printable kit", languages)
    story = [para(" / ".join(plain(t) for t in texts(cur.title, languages)), st["title"]),
             para(kind_title + (f" · {cur.version}" if cur.version else "") + " · "
                  + " + ".join(language_name(l, languages[0]) for l in languages),
                  st["subtitle"])]
    story += [para(line, st["body"]) for line in draft_notes(cur, languages)]
    width = frame_width(options)

    def table(rows, widths):
        tb = Table(rows, colWidths=widths, repeatRows=1)
        tb.setStyle(TableStyle(table_style(options, faces)))
        return tb

    def name_cell(name: str, room: float, style: str = "cell") -> Paragraph:
        s = st[style]
        return Paragraph(file_name_lines(name, room - 12, lambda t: stringWidth(  # padding
            t, s.fontName, s.fontSize)), s)

    def narrow(msgid: str, least: str = "999") -> float:
        """A column wide enough for its heading on one line when that takes at most a
        sixth of the page, else on two balanced lines (never a word a line), and for
        ``least``."""
        s = st["cellhead"]
        return max(heading_width(words(msgid, languages).split(), lambda t: stringWidth(
            t, s.fontName, s.fontSize), width / 6),
            stringWidth(least, s.fontName, s.fontSize)) + 14

    def longest(texts_: list[str], style: str = "cell") -> float:
        s = st[style]
        return max([stringWidth(w, s.fontName, s.fontSize) for t in texts_ for w in t.split()]
                   + [0]) + 14

    def shares(fixed: list[float], parts: tuple[float, ...],
               least: tuple[float, ...] = ()) -> list[float]:
        """``parts`` of the width left by ``fixed`` columns, each at least ``least`` (its
        longest word), the first (file names, which break after hyphens) giving way."""
        rest = width - sum(fixed)
        out = [rest * p for p in parts]
        for i, low in enumerate(least):
            if i and out[i] < low:
                out[0] -= low - out[i]
                out[i] = low
        return out + fixed

    inside = para(words("What is inside", languages), st["h1"])
    heads = (N_("File"), N_("Contents"), N_("How to print"), N_("Pages"))
    cols = shares([narrow("Pages")], (0.4, 0.26, 0.34), (
        0, longest([words(f.title, languages) for f in contents.files]),
        longest([how_to_print(f, options.paper, languages) for f in contents.files])))
    rows = [[para(words(h, languages), st["cellhead"]) for h in heads]]
    for f in contents.files:
        pages = "" if f.pages is None else f.pages
        rows.append([name_cell(f.name, cols[0]), para(words(f.title, languages), st["cell"]),
                     para(how_to_print(f, options.paper, languages), st["cell"]),
                     para(str(pages), st["cell"])])
    rows.append([name_cell(MANIFEST, cols[0]),
                 para(words("The list of files with their SHA-256 checksums", languages),
                      st["cell"]), para("", st["cell"]), para("", st["cell"])])
    # the list of files starts under the title and runs over when it must (its heading
    # and first rows together): a cover page never holds the title alone
    listing = Rows(rows, colWidths=cols, repeatRows=1, rowSplitRange=(2, -2))
    listing.setStyle(TableStyle(table_style(options, faces)))
    inside.keepWithNext = 0
    first = inside.wrap(width, 1e6)[1] + inside.getSpaceBefore() + inside.getSpaceAfter()
    listing.wrap(width, 1e6)
    story += [CondPageBreak(first + sum(listing._rowHeights[:3]) + 6), inside, listing]
    story.append(para(words("What to print", languages), st["h1"]))
    plan = contents.plan
    if plan is None:
        for msgid in (N_("Participant worksheets and the video handout: one copy per participant."),
                      N_("Facilitator guide: one copy per facilitator."),
                      N_("Slide deck: projected; no printed copies needed.")):
            story.append(para(words(msgid, languages), st["body"]))
    else:
        who = []
        for lang in languages:
            _ = ui(lang)
            line = _("For {participants} and {facilitators}:").format(
                participants=nwords("{n} participant", "{n} participants",
                                    contents.participants, (lang,), n=contents.participants),
                facilitators=nwords("{n} facilitator", "{n} facilitators",
                                    contents.facilitators, (lang,), n=contents.facilitators))
            if line not in who:
                who.append(line)
        lead = para(" / ".join(who), st["body"])
        lead.keepWithNext = 1  # never alone at the foot of a page
        story.append(lead)
        heads = (N_("File"), N_("Copies"), N_("Pages"), N_("Sheets of paper"))
        fixed = [narrow("Pages"), narrow("Sheets of paper", least="99999")]
        # "No printed copies needed" on one line while the file names keep half the room
        s = st["cell"]
        whole = stringWidth(words("No printed copies needed", languages), s.fontName,
                            s.fontSize) + 14
        cols = shares(fixed, (0.62, 0.38), (0, max(
            min(whole, (width - sum(fixed)) / 2),
            longest([words("No printed copies needed", languages), "9999"]))))
        rows = [[para(words(h, languages), st["cellhead"]) for h in heads]]
        for r in plan:
            if r.copies:
                cells = [r.copies, r.pages, r.sheets]
            else:
                cells = [words("No printed copies needed", languages), r.pages or "", ""]
            rows.append([name_cell(r.name, cols[0])] + [para(str(c), st["cell"]) for c in cells])
        rows.append([para(str(c), st["cellhead"]) for c in
                     (words("Total", languages), "", "", sum(r.sheets for r in plan))])
        story.append(table(rows, cols))
        if any(r.booklet and r.copies for r in plan):
            story.append(Spacer(1, 4))
            story.append(para(words("A booklet's sheets are counted as printed: each sheet "
                                    "holds four of its pages.", languages), st["small"]))
    story += [Spacer(1, 8), para(words("Check the files against manifest.json: it lists the "
                                       "size and SHA-256 checksum of each one.", languages),
                                 st["small"])]
    return render(story, cur=cur, languages=languages, options=options, faces=faces,
                  kind_title=kind_title)
