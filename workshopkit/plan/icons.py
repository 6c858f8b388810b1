"""The shipped icon set as drawing instructions every writer can use.

The icons are Tabler's outline icons (MIT), shipped unchanged under
``workshopkit/assets/icons/`` with their licence. Each is a 24 x 24 box of stroked paths:
stroke 2 units wide, round caps and joins, no fill. This module is pure: it
takes an icon's SVG text and returns its outline as absolute segments, every
SVG path command (M L H V C S Q T A Z, absolute and relative) reduced to
moveTo, lineTo, cubic Bezier and close; quadratics are raised to cubics
exactly and elliptical arcs become cubics. Parsing the path data and
converting arcs is done by ``svgelements``.

Curricula name icons by workshopkit's own names (``ICONS``), which stay
stable whatever the source files are called; each carries an English label,
marked for translation, used as the icon's alt text.
"""
from __future__ import annotations

import difflib
import math
import re
import xml.etree.ElementTree as ET
from typing import NamedTuple, Sequence

from workshopkit.i18n import N_

BOX = 24.0
"""The side of the icons' square drawing box, in SVG units."""
STROKE = 2.0
"""The stroke width in the 24-unit box."""
CAP = "round"
JOIN = "round"

SOURCE = "@tabler/icons"
SOURCE_VERSION = "3.51.0"

# name -> (Tabler outline file without ".svg", label).  Names are lower-case
# slugs and stay stable; labels are the alt text, translated for the reader.
ICONS: dict[str, tuple[str, str]] = {
    # watching and being watched
    "camera": ("device-cctv", N_("Surveillance camera")),
    "eye": ("eye", N_("Eye")),
    "eye-off": ("eye-off", N_("Crossed-out eye")),
    "face-recognition": ("face-id", N_("Face recognition")),
    "fingerprint": ("fingerprint", N_("Fingerprint")),
    "police": ("urgent", N_("Police siren")),
    "spy": ("spy", N_("Spy")),
    # devices and networks
    "phone": ("device-mobile", N_("Mobile phone")),
    "laptop": ("device-laptop", N_("Laptop")),
    "server": ("server", N_("Server")),
    "cloud": ("cloud", N_("Cloud")),
    "database": ("database", N_("Database")),
    "wifi": ("wifi", N_("Wi-Fi")),
    "cell-tower": ("building-broadcast-tower", N_("Cell tower")),
    "printer": ("printer", N_("Printer")),
    "qr-code": ("qrcode", N_("QR code")),
    "link": ("link", N_("Link")),
    "code": ("code", N_("Program code")),
    "open-source": ("brand-open-source", N_("Open source")),
    # protection
    "lock": ("lock", N_("Lock")),
    "unlock": ("lock-open", N_("Open lock")),
    "key": ("key", N_("Key")),
    "password": ("password", N_("Password")),
    "shield": ("shield", N_("Shield")),
    "verified": ("shield-check", N_("Shield with a check mark")),
    "encrypted": ("shield-lock", N_("Shield with a lock")),
    "warning": ("alert-triangle", N_("Warning")),
    "stop": ("hand-stop", N_("Raised hand: stop")),
    # people and talk
    "person": ("user", N_("Person")),
    "people": ("users", N_("People")),
    "group": ("users-group", N_("Group of people")),
    "community": ("building-community", N_("Community")),
    "care": ("heart-handshake", N_("Care and mutual aid")),
    "chat": ("messages", N_("Chat messages")),
    "email": ("mail", N_("Email")),
    "video-call": ("video", N_("Video call")),
    "microphone": ("microphone", N_("Microphone")),
    "headphones": ("headphones", N_("Headphones")),
    "language": ("language", N_("Language")),
    "megaphone": ("speakerphone", N_("Megaphone")),
    "news": ("news", N_("News")),
    # places and movement
    "map": ("map", N_("Map")),
    "location": ("map-pin", N_("Location pin")),
    "route": ("route", N_("Route")),
    "walk": ("walk", N_("Person walking")),
    "car": ("car", N_("Car")),
    "barrier": ("barrier-block", N_("Roadblock")),
    "world": ("world", N_("World")),
    "home": ("home", N_("Home")),
    "school": ("school", N_("School")),
    "bank": ("building-bank", N_("Bank")),
    # papers, money, law
    "document": ("file-text", N_("Document")),
    "id-card": ("id", N_("ID card")),
    "money": ("cash", N_("Money")),
    "coin": ("coin", N_("Coin")),
    "law": ("scale", N_("Scales of justice")),
    "court": ("gavel", N_("Judge's gavel")),
    # the workshop itself
    "question": ("help", N_("Question")),
    "idea": ("bulb", N_("Idea")),
    "checklist": ("checklist", N_("Checklist")),
    "calendar": ("calendar", N_("Calendar")),
    "clock": ("clock", N_("Clock")),
    "first-aid": ("first-aid-kit", N_("First aid kit")),
    "support": ("lifebuoy", N_("Lifebuoy: support")),
}

NAME = re.compile(r"[a-z][a-z0-9]*(-[a-z0-9]+)*\Z")
"""What an icon name looks like: a lower-case slug."""


def names() -> list[str]:
    """Every icon name, sorted."""
    return sorted(ICONS)


def file_name(name: str) -> str:
    """The icon's SVG file under ``workshopkit/assets/icons/`` (KeyError for an unknown name)."""
    return ICONS[name][0] + ".svg"


def label(name: str) -> str:
    """The icon's English label (the msgid to translate for alt text)."""
    return ICONS[name][1]


def suggest(name: str) -> list[str]:
    """Known names close to an unknown one, best first (for "did you mean")."""
    key = name.strip().lower().replace("_", "-").replace(" ", "-")
    if key in ICONS:
        return [key]
    by_file = [n for n, (f, _) in ICONS.items() if f == key]
    return by_file or difflib.get_close_matches(key, list(ICONS), n=3, cutoff=0.6)


# ---------------------------------------------------------------- geometry

Point = tuple[float, float]


class Seg(NamedTuple):
    """One drawing instruction: ``op`` is "M" (move), "L" (line), "C" (cubic
    Bezier: two control points, then the end) or "Z" (close, no points)."""
    op: str
    pts: tuple[Point, ...] = ()


_DRAWN = {"path"}
_SHAPES = {"circle", "ellipse", "line", "polyline", "polygon", "rect"}


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def parse(svg: str) -> tuple[Seg, ...]:
    """The icon's visible outline as absolute segments in its 24 x 24 box.

    Only ``<path>`` elements are read; a path with ``stroke="none"`` (Tabler's
    invisible bounding box) is skipped. Any other drawing element raises
    ValueError, so an icon this reader would draw incompletely never ships.
    """
    root = ET.fromstring(svg)
    out: list[Seg] = []
    for el in root.iter():
        tag = _local(el.tag)
        if tag in _SHAPES:
            raise ValueError(f"unsupported SVG element <{tag}>")
        if el.get("transform"):
            raise ValueError("unsupported SVG transform")
        if tag not in _DRAWN or el.get("stroke") == "none":
            continue
        out.extend(path_segments(el.get("d", "")))
    return tuple(out)


def _pt(p) -> Point:
    return (float(p.x), float(p.y))


def path_segments(d: str) -> list[Seg]:
    """One SVG path's data as absolute M/L/C/Z segments."""
    from svgelements import Arc, Close, CubicBezier, Line, Move, QuadraticBezier
    from svgelements import Path as SvgPath

    out: list[Seg] = []
    start: Point | None = None   # the current subpath's first point
    closed = False               # the last segment closed a subpath
    for s in SvgPath(d):
        if isinstance(s, Move):
            start, closed = _pt(s.end), False
            out.append(Seg("M", (start,)))
            continue
        if closed:               # drawing on after Z starts a new subpath there
            out.append(Seg("M", (start,)))
            closed = False
        if isinstance(s, Close):
            out.append(Seg("Z"))
            closed = True
        elif isinstance(s, Line):
            out.append(Seg("L", (_pt(s.end),)))
        elif isinstance(s, CubicBezier):
            out.append(Seg("C", (_pt(s.control1), _pt(s.control2), _pt(s.end))))
        elif isinstance(s, QuadraticBezier):
            p0, q, p1 = _pt(s.start), _pt(s.control), _pt(s.end)
            out.append(Seg("C", ((p0[0] + 2 / 3 * (q[0] - p0[0]), p0[1] + 2 / 3 * (q[1] - p0[1])),
                                 (p1[0] + 2 / 3 * (q[0] - p1[0]), p1[1] + 2 / 3 * (q[1] - p1[1])),
                                 p1)))
        elif isinstance(s, Arc):
            if _pt(s.start) == _pt(s.end):
                continue         # a zero-length arc draws nothing
            if not s.rx or not s.ry:
                out.append(Seg("L", (_pt(s.end),)))   # zero radius: a straight line
                continue
            for c in s.as_cubic_curves():
                out.append(Seg("C", (_pt(c.control1), _pt(c.control2), _pt(c.end))))
        else:                    # pragma: no cover - svgelements yields only the above
            raise ValueError(f"unsupported path segment {type(s).__name__}")
    return out


def _cubic(p0: Point, c1: Point, c2: Point, p1: Point, t: float) -> Point:
    u = 1 - t
    a, b, c, e = u * u * u, 3 * u * u * t, 3 * u * t * t, t * t * t
    return (a * p0[0] + b * c1[0] + c * c2[0] + e * p1[0],
            a * p0[1] + b * c1[1] + c * c2[1] + e * p1[1])


def points(segs: Sequence[Seg], steps: int = 32) -> list[list[Point]]:
    """The outline as polylines (one per subpath), curves sampled in ``steps``."""
    lines: list[list[Point]] = []
    here: Point = (0.0, 0.0)
    start = here
    for s in segs:
        if s.op == "M":
            here = start = s.pts[0]
            lines.append([here])
        elif s.op == "L":
            here = s.pts[0]
            lines[-1].append(here)
        elif s.op == "C":
            lines[-1].extend(_cubic(here, *s.pts, t=i / steps) for i in range(1, steps + 1))
            here = s.pts[-1]
        elif s.op == "Z":
            lines[-1].append(start)
            here = start
    return lines


def bounds(segs: Sequence[Seg]) -> tuple[float, float, float, float]:
    """The outline's tight bounds (x0, y0, x1, y1), without the stroke's width."""
    pts = [p for line in points(segs, 64) for p in line]
    if not pts:
        raise ValueError("an icon with nothing to draw")
    xs, ys = [p[0] for p in pts], [p[1] for p in pts]
    return (min(xs), min(ys), max(xs), max(ys))


def stroke_width(size: float) -> float:
    """The stroke width for an icon drawn ``size`` wide, in the same unit."""
    return STROKE * size / BOX


def place(segs: Sequence[Seg], x: float, y: float, size: float, *,
          y_up: bool = False) -> tuple[Seg, ...]:
    """The segments scaled into the square ``x .. x+size``, ``y .. y+size``.

    With ``y_up`` (PDF pages) the icon's top lands at ``y + size``; otherwise
    (slides, SVG) y grows downwards and the top is at ``y``.
    """
    k = size / BOX

    def tr(p: Point) -> Point:
        return (x + p[0] * k, (y + size - p[1] * k) if y_up else (y + p[1] * k))

    return tuple(Seg(s.op, tuple(tr(p) for p in s.pts)) for s in segs)


def is_finite(segs: Sequence[Seg]) -> bool:
    """True when every coordinate is a finite number."""
    return all(math.isfinite(v) for s in segs for p in s.pts for v in p)
