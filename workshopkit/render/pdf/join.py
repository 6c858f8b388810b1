"""Join information in PDFs: the meeting URL with its QR code, the dial-in, the
interpretation channels and the recording policy (guide cover, agenda, video handout)."""
from __future__ import annotations

from reportlab.platypus import Flowable, Spacer, Table, TableStyle

from workshopkit.i18n import language_name
from workshopkit.plan.breaks import url_breaks
from workshopkit.plan.delivery import RECORDING_PLAIN, Join
from workshopkit.plan.handout import MIN_MODULE, Code, qr_module
from workshopkit.plan import qr
from workshopkit.render.pdf import base as pb
from workshopkit.render.pdf.base import words
from workshopkit.render.pdf.handout_cards import QRCode, UrlText

QR_SHARE = 0.3
"""Most of the frame width a join QR code takes."""
MODULE = 72 / 600 * 20
"""Target module size: 2.4 pt (5 px at 150 dpi)."""
MIN_URL_PT = 6.5
"""The smallest size a printed meeting URL is shrunk to so that no piece of it is cut."""
CELL_PAD = 6
"""reportlab's right padding of the text cell."""
STACK_AFTER = 1.6
"""Text beside the code taller than this many times the code: the rest goes beneath."""


def qr_code(url: str, width: float) -> QRCode:
    module = qr_module(qr.size(url), width, MODULE) or MIN_MODULE
    return QRCode(Code(url), module)


def lines(j: Join, languages: tuple[str, ...], plain_recording: bool = True) -> list[str]:
    """The join information as lines of text (no URL: it is printed under the code)."""
    out = []
    if j.dial_number:
        out.append(words("Dial-in: {number}", languages, number=j.dial_number)
                   + (" · " + words("PIN: {pin}", languages, pin=j.dial_pin) if j.dial_pin else ""))
    for tag, channel in j.interpretation:
        out.append(words("Interpretation into {language}: channel “{channel}”", languages[:1],
                         language=language_name(tag, languages[0]),
                         channel=channel.get(languages[0])))
    if plain_recording:
        out.append(words(RECORDING_PLAIN[j.recording], languages))
    return out


def url_size(url: str, width: float, size: float, font: str, floor: float = MIN_URL_PT) -> float:
    """The size at which every piece of ``url`` between its break points (after
    ``/ . - _ ? & =``) fits ``width``: ``size``, or smaller down to ``floor``, so the URL
    is never cut inside a piece (a long meeting room name on a booklet page)."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    first, second = url_breaks(url)
    cuts = [0] + sorted(set(first) | set(second)) + [len(url)]
    widest = max(stringWidth(url[a:b], font, size) for a, b in zip(cuts, cuts[1:]) if b > a)
    if widest <= width:
        return size
    return max(floor, int(size * width / widest * 4) / 4)  # to the quarter point, below


def block(j: Join, languages: tuple[str, ...], st: dict, width: float, faces,
          heading: str = "How to join") -> list[Flowable]:
    """A code on the left, the URL and the rest beside it; ``heading`` above.  When the
    text beside the code would run far below it (a narrow page), the dial-in,
    interpretation and recording lines go beneath, across the whole width, and may
    continue on the next page."""
    side = width * QR_SHARE
    code = qr_code(j.url, side)
    col = width - code.side - 12 - CELL_PAD
    body = st["body"].fontSize
    text: list[Flowable] = [pb.para(words("Meeting link", languages), st["label"])]
    rest = [pb.para(s, st["body"]) for s in lines(j, languages)]
    below: list[Flowable] = []
    if url_size(j.url, col, body, faces.regular) == body:
        text.append(UrlText(j.url, body, faces.regular))
    else:  # a piece too wide beside the code: the URL beneath, across the page
        below.append(UrlText(j.url, url_size(j.url, width, body, faces.regular), faces.regular))
    if sum(f.wrap(col, 10_000)[1] for f in text + rest) > code.side * STACK_AFTER:
        below += [Spacer(1, 4)] + rest
    else:
        text += rest
    below = ([Spacer(1, 4)] + below) if below and not isinstance(below[0], Spacer) else below
    t = Table([[code, text]], colWidths=[code.side + 12, col + CELL_PAD], hAlign="LEFT")
    t.setStyle(TableStyle(pb.cell_font(faces) + [
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"), ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (0, 0), 12), ("TOPPADDING", (0, 0), (-1, -1), 0),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 0)]))
    out = [pb.para(words(heading, languages), st["h2"])] if heading else []
    return out + [t] + below
