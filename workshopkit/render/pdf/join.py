"""Join information in PDFs: the meeting URL with its QR code, the dial-in, the
interpretation channels and the recording policy (guide cover, agenda, video handout)."""
from __future__ import annotations

from reportlab.platypus import Flowable, Table, TableStyle

from workshopkit.i18n import language_name
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


def block(j: Join, languages: tuple[str, ...], st: dict, width: float, faces,
          heading: str = "How to join") -> list[Flowable]:
    """A code on the left, the URL and the rest beside it; ``heading`` above."""
    side = width * QR_SHARE
    code = qr_code(j.url, side)
    text: list[Flowable] = [pb.para(words("Meeting link", languages), st["label"]),
                            UrlText(j.url, st["body"].fontSize, faces.regular)]
    text += [pb.para(s, st["body"]) for s in lines(j, languages)]
    t = Table([[code, text]], colWidths=[code.side + 12, width - code.side - 12], hAlign="LEFT")
    t.setStyle(TableStyle(pb.cell_font(faces) + [
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"), ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (0, 0), 12), ("TOPPADDING", (0, 0), (-1, -1), 0),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 0)]))
    out = [pb.para(words(heading, languages), st["h2"])] if heading else []
    return out + [t]
