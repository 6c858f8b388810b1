"""URL rules: http(s) only; tracking parameters removed before printing or encoding."""
from __future__ import annotations

from urllib.parse import urlsplit, urlunsplit

TRACKING_EXACT = frozenset({"fbclid", "gclid", "dclid", "msclkid", "yclid", "mc_cid", "mc_eid",
                            "igshid", "_hsenc", "_hsmi", "si"})


def is_tracking(name: str) -> bool:
    return name.lower().startswith("utm_") or name in TRACKING_EXACT


def clean_url(url: str) -> tuple[str, list[str], str | None]:
    """Return (cleaned URL, removed parameter names, problem or None).

    The query string is split on '&' and kept byte for byte except for the
    removed parameters, so encodings and meaningful parameters such as a video
    timestamp ``t=`` survive unchanged.
    """
    if any(c.isspace() for c in url):
        return url, [], "a URL cannot contain spaces; encode them as %20"
    try:
        parts = urlsplit(url)
    except ValueError as exc:
        return url, [], f"not a valid URL: {exc}"
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https"):
        shown = f"'{parts.scheme}:'" if parts.scheme else "no scheme"
        return url, [], f"URL must start with https:// or http:// ({shown} found)"
    if not parts.netloc:
        return url, [], "URL has no host name"
    if not parts.query:
        return url, [], None
    kept, removed = [], []
    for piece in parts.query.split("&"):
        name = piece.split("=", 1)[0]
        if name and is_tracking(name):
            removed.append(name)
        elif piece:
            kept.append(piece)
    if not removed:
        return url, [], None
    return urlunsplit((parts.scheme, parts.netloc, parts.path, "&".join(kept), parts.fragment)), removed, None
