"""URL rules: http(s) only, no user name or password; tracking parameters removed
before printing or encoding."""
from __future__ import annotations

import re
from urllib.parse import unquote, urlsplit, urlunsplit

TRACKING_EXACT = frozenset({"fbclid", "gclid", "dclid", "msclkid", "yclid", "mc_cid", "mc_eid",
                            "igshid", "_hsenc", "_hsmi", "si"})
_SEPARATOR = re.compile(r"([&;])")


def is_tracking(name: str) -> bool:
    """True for a tracking parameter, however its name is written: ``UTM_Source``,
    ``utm%5Fsource`` and ``FBCLID`` are all trackers."""
    name = unquote(name.replace("+", " ")).strip().lower()
    return name.startswith("utm_") or name in TRACKING_EXACT


def clean_url(url: str) -> tuple[str, list[str], str | None]:
    """Return (cleaned URL, removed parameter names, problem or None).

    The query string is split on '&' and ';' and kept byte for byte except for
    the removed parameters, so encodings and meaningful parameters such as a
    video timestamp ``t=`` survive unchanged.
    """
    if any(c.isspace() for c in url):
        return url, [], "a URL cannot contain spaces; encode them as %20"
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - raises ValueError for a port that is not a number
    except ValueError as exc:
        return url, [], f"not a valid URL: {exc}"
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https"):
        shown = f"'{parts.scheme}:'" if parts.scheme else "no scheme"
        return url, [], f"URL must start with https:// or http:// ({shown} found)"
    if not parts.netloc:
        return url, [], "URL has no host name"
    if "@" in parts.netloc:
        userinfo, _, host = parts.netloc.rpartition("@")
        if ":" in userinfo:
            return url, [], ("a URL cannot hold a user name and password (before '@'); "
                             "remove them, they would be printed for everyone")
        return url, [], (f"the host of this URL is '{host[:60]}', hidden behind "
                         f"'{userinfo[:60]}@'; write the address without the part before '@'")
    if not parts.hostname:
        return url, [], "URL has no host name"
    if not parts.query:
        return url, [], None
    pieces = _SEPARATOR.split(parts.query)  # value, separator, value, …
    kept: list[str] = []
    removed: list[str] = []
    for i in range(0, len(pieces), 2):
        piece = pieces[i]
        name = piece.split("=", 1)[0]
        if name and is_tracking(name):
            removed.append(name)
            continue
        if not piece:
            continue
        if kept:
            kept.append(pieces[i - 1])  # the separator written before this parameter
        kept.append(piece)
    if not removed:
        return url, [], None
    return urlunsplit((parts.scheme, parts.netloc, parts.path, "".join(kept),
                       parts.fragment)), removed, None
