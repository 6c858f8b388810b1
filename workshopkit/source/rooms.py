"""Meeting room names: unguessable ones made here, guessable ones warned about.

On Jitsi anyone who knows a room's name can walk in, so a room name is as
secret as a password.  :func:`room_name` picks words at random (``secrets``)
from the EFF's large word list (``workshopkit/assets/words``), at least
:data:`MIN_BITS` bits; :func:`guessable` says why a room name in a URL is not.

The estimate is deliberately pessimistic: every run of letters counts as one
word of the list (about 12.9 bits), whatever its length and whether the list
holds it or not, since an attacker tries words of every language first; a
run mixing letters and digits counts as random characters, digits as digits.
"""
from __future__ import annotations

import functools
import math
import re
import secrets
from importlib import resources
from typing import Optional
from urllib.parse import unquote, urlsplit

MIN_BITS = 80
"""The least entropy a room name needs (an attacker guessing online cannot reach it)."""
MIN_LENGTH = 16
"""Room names shorter than this are short whatever they are made of."""


@functools.lru_cache(maxsize=1)
def words() -> tuple[str, ...]:
    text = resources.files("workshopkit.assets").joinpath("words/eff-large.txt").read_text("utf-8")
    return tuple(w for w in text.split() if w.isalpha())


def word_bits() -> float:
    return math.log2(len(words()))


def min_words() -> int:
    """The fewest words a room name from the list needs for :data:`MIN_BITS`."""
    return math.ceil(MIN_BITS / word_bits())


def room_name(count: Optional[int] = None) -> str:
    """``count`` random words (default: the fewest that reach MIN_BITS) joined by '-'."""
    n = count or min_words()
    if n < min_words():
        raise ValueError(f"{n} words give {n * word_bits():.0f} bits; at least {min_words()} "
                         f"are needed for {MIN_BITS}")
    pool = words()
    return "-".join(secrets.choice(pool) for _ in range(n))


_TOKEN = re.compile(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])|[0-9]+|[^\W_]+")


def tokens(room: str) -> list[str]:
    """Runs of letters (split at camelCase), digits, and other characters, separators dropped."""
    out = []
    for chunk in re.split(r"[^0-9A-Za-z\u00C0-\uFFFF]+", room):
        if not chunk:
            continue
        if re.search(r"[0-9]", chunk) and re.search(r"[^\W\d_]", chunk):
            out.append(chunk)  # letters and digits mixed: random characters
        else:
            out += _TOKEN.findall(chunk)
    return out


def bits(room: str) -> float:
    """A pessimistic estimate of the entropy of ``room`` (see the module's notes)."""
    total = 0.0
    for tok in tokens(room):
        if tok.isdigit():
            total += len(tok) * math.log2(10)
        elif tok.isalpha():
            total += word_bits()
        else:
            cased = tok != tok.lower() and tok != tok.upper()
            total += len(tok) * math.log2(62 if cased else 36)
    return total


def jitsi_room(url: str) -> str:
    """The room name of a Jitsi meeting URL: its last path segment."""
    path = urlsplit(url).path
    return unquote(path.rstrip("/").rsplit("/", 1)[-1])


def guessable(url: str) -> Optional[str]:
    """Why the room of Jitsi URL ``url`` can be guessed, or None."""
    room = jitsi_room(url)
    if not room:
        return "the URL names no room"
    estimate = bits(room)
    if len(room) < MIN_LENGTH:
        why = f"room name '{room}' is short ({len(room)} characters)"
    elif estimate < MIN_BITS and all(t.isalpha() for t in tokens(room)):
        why = f"room name '{room}' is made of words"
    elif estimate < MIN_BITS:
        why = f"room name '{room}' is easy to guess (about {estimate:.0f} bits; {MIN_BITS} needed)"
    else:
        return None
    return why
