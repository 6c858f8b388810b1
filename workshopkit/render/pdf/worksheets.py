"""Participant worksheets (PDF): every worksheet item of every activity, ready to write on.

Activities follow one another (``page_break: true`` on an activity starts a new
page), each headed by its title; every page carries a running header with the
curriculum and session titles, and the first page (and each page an activity's
``page_break`` starts) has Name/Date fields (left out with ``--anonymous``).  Nothing meant
for the facilitator (notes, steps, wellbeing, opsec) is printed here.  Bilingual
sheets print each text in the first language with the second beneath, lighter, and
share one writing space.
"""
from __future__ import annotations

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, PageBreak, Spacer, Table, TableStyle

from workshopkit.i18n import colon
from workshopkit.model import Curriculum
from workshopkit.model.options import Options
from workshopkit.model.settings import Settings
from workshopkit.plan import pages
from workshopkit.render.pdf import base as pb
from workshopkit.render.pdf.base import keep_first, words
from workshopkit.render.pdf.blocks import Ctx
from workshopkit.render.pdf.document import fit_line
from workshopkit.render.pdf.worksheet_items import RENDER


def name_date(ctx: Ctx) -> Table:
    st = ctx.st["label"]
    end = colon(ctx.languages[-1])  # after the last language's word
    labels = [words("Name", ctx.languages) + end, words("Date", ctx.languages) + end]
    lw = [stringWidth(s, st.fontName, st.fontSize) + 8 for s in labels]
    one_row = sum(lw) + 2 * 150 <= ctx.width
    if one_row:
        rest = ctx.width - sum(lw)
        data = [[pb.para(labels[0], st), "", pb.para(labels[1], st), ""]]
        widths = [lw[0], rest * 0.62, lw[1], rest * 0.38]
        lines = [("LINEBELOW", (1, 0), (1, 0), 0.8, ctx.pal.text),
                 ("LINEBELOW", (3, 0), (3, 0), 0.8, ctx.pal.text)]
    else:
        w0 = max(lw)
        data = [[pb.para(labels[0], st), ""], [pb.para(labels[1], st), ""]]
        widths = [w0, ctx.width - w0]
        lines = [("LINEBELOW", (1, 0), (1, 1), 0.8, ctx.pal.text)]
    t = Table(data, colWidths=widths, rowHeights=ctx.gap, hAlign="LEFT")
    t.setStyle(TableStyle(pb.cell_font(ctx.faces) + lines + [("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
                                   ("LEFTPADDING", (0, 0), (-1, -1), 0)]))
    return t


def activity_header(ctx: Ctx, session, activity, new_session: bool, name_fields: bool) -> list:
    """The activity's title (the session's first, when a new session starts), and the
    Name/Date fields at the top of a sheet set (the first page, after a page break)."""
    out: list = [SessionMark(running_header(ctx, session))]
    if new_session:
        out += ctx.t(session.title, "small", "small")
    out += ctx.t(activity.title, "h1", "second")
    if name_fields and not ctx.options.anonymous:
        out.append(name_date(ctx))
    out.append(Spacer(1, 10))
    for f in out:  # the title never ends a page apart from the first item
        f.keepWithNext = 1
    return out


def running_header(ctx: Ctx, session) -> str:
    """"Curriculum · Session", in the first language: printed at the top of every page."""
    lang = ctx.languages[0]
    return f"{pb.plain(ctx.cur.title.get(lang))} · {pb.plain(session.title.get(lang))}"


class SessionMark(Flowable):
    """Takes no room; tells the page's running header which session it is in."""

    def __init__(self, text: str):
        super().__init__()
        self.text, self.at_top = text, False

    def wrap(self, aw, ah):
        frame = getattr(self, "_frame", None)
        self.at_top = bool(frame is not None and frame._atTop)
        return 0, 0

    def draw(self):
        c = self.canv
        if not getattr(c, "_wk_seen", False):
            c._wk_seen = True
            if self.at_top:
                c._wk_top = self.text
        c._wk_last = self.text


def _page_header(options: Options, faces: pb.Faces, first: str):
    """(before each page, after each page, room taken): the running header."""
    size = 16.0 if options.large_print else pb.footer_size(options)  # large print: >= 16 pt
    left, right, top, _ = pb.margins(options)
    pal = pb.palette(options)

    def start(canv, doc):
        canv._wk_seen, canv._wk_top = False, None

    def end(canv, doc):
        text = canv._wk_top or getattr(canv, "_wk_carried", None) or first
        canv._wk_carried = getattr(canv, "_wk_last", text)
        w, h = canv._pagesize
        room = w - left - right
        canv.saveState()
        canv.setFont(faces["regular"], size)
        canv.setFillColor(pal.muted)
        canv.drawString(left, h - top - size, fit_line(text, faces["regular"], size, room))
        canv.setStrokeColor(pal.rule)
        canv.setLineWidth(0.5)
        canv.line(left, h - top - size * 1.45, w - right, h - top - size * 1.45)
        canv.restoreState()

    return start, end, size * 2.2


def story(cur: Curriculum, languages: tuple[str, ...], options: Options,
          faces: pb.Faces, images=None) -> list:
    """Activities follow one another on the same page when they fit; ``page_break: true``
    starts an activity's items on a new page.  An item never splits across pages unless
    it alone is taller than a page; the activity's title stays with its first item."""
    ctx = Ctx(cur, languages, options, pb.styles(options, faces, languages[0]), pb.palette(options),
              pb.frame_width(options), faces, images=images or {})
    out: list = []
    space = 12 if options.large_print else 9
    session = None
    for n, (sess, activity) in enumerate(pages.worksheet_activities(cur)):
        fresh = n == 0 or activity.page_break
        if n and activity.page_break:
            out.append(PageBreak())
        elif n:
            out.append(Spacer(1, 2 * space))
        head = activity_header(ctx, sess, activity, sess is not session, fresh)
        session = sess
        lead: list = []  # text items introduce the item after them: kept on its page
        for item in activity.worksheet:
            last = item is activity.worksheet[-1]
            flows = RENDER[item.kind](ctx, item)
            if not last:  # space after the last item could only spill onto an empty page
                flows.append(Spacer(1, space))
            if item.kind == "text" and not last:
                lead += flows
                continue
            lead, head = head + lead, []
            out += keep_first(lead, flows) if lead else flows
            lead = []
    if not out:
        out = ctx.t(cur.title, "h1") + [ctx.w("This workshop has no participant worksheets.", "body")]
    return out


def write(cur: Curriculum, settings: Settings, languages: tuple[str, ...],
          options: Options) -> bytes:
    faces = pb.register(settings.fonts)
    acts = pages.worksheet_activities(cur)
    first = f"{pb.plain(cur.title.get(languages[0]))}"
    if acts:
        first += f" · {pb.plain(acts[0][0].title.get(languages[0]))}"
    start, end, room = _page_header(options, faces, first)
    return pb.render(story(cur, languages, options, faces, settings.images), cur=cur,
                     languages=languages, options=options, faces=faces,
                     kind_title=words("Worksheets", languages), header=start, page_end=end,
                     header_room=room)
