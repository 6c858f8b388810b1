"""Checks that span records of a loaded document.

Unique ids, the order of days, a choice's answer against its options, declared
durations against the sum of their activities, characters the output fonts
cannot draw, translation gaps and stale catalogue entries, and the note for
every URL printed without its tracking parameters.  Each reports into a :class:`~workshopkit.errors.Problems`.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Iterable, Optional, Protocol

from workshopkit.errors import Pos, Problems
from workshopkit.model.text import Translations, gaps, iter_texts
from workshopkit.source.fonts import missing_chars


class _HasId(Protocol):
    id: Optional[str]
    pos: Pos


@dataclass(frozen=True)
class IdAt:
    """An id as written, and where its record starts."""

    id: str
    pos: Pos


def unique_ids(items: Iterable[_HasId], what: str, problems: Problems) -> None:
    seen: dict[str, Pos] = {}
    for it in items:
        if it.id is None:
            continue
        if it.id in seen:
            problems.error(it.pos, f"duplicate {what} id '{it.id}' (first at line {seen[it.id].line})")
        else:
            seen[it.id] = it.pos


def check_answer(answer: Any, pos: Pos, options: int, multiple: bool, problems: Problems) -> None:
    """A choice's ``answer`` (located option numbers) fits its options: a list exactly when
    several may be ticked, each number one of the options, none twice."""
    if multiple and not isinstance(answer, list):
        problems.error(pos, "with 'multiple: true', 'answer' is a list of option numbers, "
                       f"such as [{answer.value}]")
    elif not multiple and isinstance(answer, list):
        problems.error(pos, "'answer' is a list only with 'multiple: true'; a single choice "
                       "has one answer, such as 'answer: 2'")
    seen: set[int] = set()
    for a in answer if isinstance(answer, list) else [answer]:
        if a.value > options:
            problems.error(a.pos, f"'answer' {a.value} is out of range: the choice has "
                           f"{options} option" + ("s" if options > 1 else ""))
        elif a.value in seen:
            problems.error(a.pos, f"option {a.value} is given twice in 'answer'")
        seen.add(a.value)


def check_days(sessions: list, problems: Problems) -> None:
    """Sessions go forward in days: 'day' never goes back."""
    day = 1
    for s in sessions:
        if s.day is not None:
            if s.day < day:
                problems.error(s.pos, f"session '{s.id}' is on day {s.day}, "
                               f"before the day {day} of the session above it")
            day = s.day


def hm(minutes: int) -> str:
    h, m = divmod(minutes, 60)
    return f"{h}h{m:02d}m" if h else f"{m}m"


def declared_duration(part: Any, pos: Optional[Pos], what: str, problems: Problems) -> None:
    """Warn at ``pos`` when ``part`` (a session, a curriculum) declares another length than it sums."""
    if pos is not None and part.declared_minutes is not None \
            and part.declared_minutes != part.minutes:
        problems.warning(pos, f"{what}declared duration {hm(part.declared_minutes)} differs "
                         f"from the sum of its activities, {hm(part.minutes)}")


def undrawable(doc: Any, problems: Problems) -> None:
    """Warn at every Text with characters the output fonts cannot draw."""
    for t in iter_texts(doc):
        strings = [t.plain] if t.plain is not None else list(t.values.values())
        missing = sorted({c for s in strings for c in missing_chars(s)})
        if missing:
            shown = " ".join(f"{c} (U+{ord(c):04X})" for c in missing[:5])
            problems.warning(t.pos, f"the output fonts cannot draw {shown}; "
                             "they would print as blanks")


def translation_gaps(doc: Any, langs: Iterable[str], owner: Translations,
                     problems: Problems) -> None:
    """Translation gaps and stale catalogue entries of ``doc`` in ``langs``, in the Texts
    ``owner`` translates (those taken from other curricula are reported where they are
    taken: :func:`workshopkit.source.assemble.borrowed_gaps`)."""
    for lang in langs:
        if lang == owner.source_lang:
            continue
        for g in gaps(doc, lang, owner):
            problems.warning(g.pos, f"no '{lang}' translation; the "
                             f"'{owner.source_lang}' text is used ({g.path})")
        for t in iter_texts(doc):
            if t.owner is not owner:
                continue
            for e in owner.stale(lang, t.path, t.source):
                problems.warning(e.pos, f"stale translation for {t.path}: the "
                                 f"source text changed (now at {t.pos}); not used")


def url_notes(notes: Iterable, problems: Problems) -> None:
    """A note for every URL printed without the tracking parameters written."""
    for n in notes:
        problems.note(n.pos, f"removed tracking parameter{'s' if len(n.removed) > 1 else ''} "
                      f"{', '.join(n.removed)}: the printed URL is {n.cleaned}")


NAME_FIELDS = frozenset({"name", "org", "credit", "license", "source", "free", "commercial",
                         "free_license", "commercial_license", "hosted_by", "url"})
"""Fields that hold names (people, organisations, tools, licences, sources): a plain string
there is meant to read the same in every language."""


def _sentence(s: str) -> bool:
    words = s.split()
    return len(words) >= 4 or (len(words) >= 2 and s.rstrip()[-1:] in ".!?…:")


def _po_translated(t, languages: tuple[str, ...]) -> bool:
    """Whether a catalogue (.po) translates plain string ``t`` into every other language."""
    owner = getattr(t, "owner", None)
    return owner is not None and all(owner.lookup(lang, t.path, t.plain)
                                     for lang in languages if lang != owner.source_lang)


def plain_prose(doc, languages: tuple[str, ...], problems: Problems) -> None:
    """Note, once per file, the plain-string sentences of a document built in several
    languages: they print the same in every language, which is seldom what was meant."""
    if len(languages) < 2:
        return
    found = [t for t in iter_texts(doc) if t.plain is not None
             and t.path.rsplit(".", 1)[-1] not in NAME_FIELDS and t.path != "resources.title"
             and _sentence(t.plain)  # a resource's title is the name of what it links to
             and not _po_translated(t, languages)]
    if found:
        first = found[0]
        more = f" and {len(found) - 1} more" if len(found) > 1 else ""
        problems.note(first.pos, f"'{first.plain[:40]}{'…' if len(first.plain) > 40 else ''}'"
                      f"{more} {'is a plain string' if not more else 'are plain strings'}, "
                      f"printed the same in {', '.join(languages)}; to translate, write "
                      f"{{{languages[0]}: …, {languages[1]}: …}} or translate in a .po catalogue")


MAX_SLIDES = 2000
"""The most slides a curriculum may author, once every alias is expanded."""
MAX_BULLETS = 10_000
"""The most bullets (and column items) a curriculum's slides may hold, all together."""
MAX_CHARACTERS = 1_000_000
"""The most characters a curriculum's texts may hold, every language written counted."""
MAX_VIDEOS = 1000
"""The most videos a curriculum may define (each is a card with a QR code on the handout)."""
MAX_SLIDE_CHARACTERS = 4000
"""The most characters one slide may show in one language (its notes not counted)."""


def expansion(cur: Any, problems: Problems) -> bool:
    """Errors where the expanded document is larger than its caps; True when it is not.

    Aliases and merge keys can make a small file a huge document; these caps bound
    what a build can be asked to lay out, whatever the file's size.
    """
    before = len(problems.errors)
    top = Pos(cur.pos.file, 1, 1)
    chars = 0
    for t in iter_texts(cur):
        chars += len(t.plain) if t.plain is not None else sum(len(v) for v in t.values.values())
    if chars > MAX_CHARACTERS:
        problems.error(top, f"the curriculum's texts hold {chars} characters once aliases are "
                       f"expanded; the limit is {MAX_CHARACTERS}")
    slides = [s for se in cur.sessions for a in se.activities for s in a.slides]
    if len(slides) > MAX_SLIDES:
        problems.error(top, f"the curriculum has {len(slides)} slides once aliases are expanded; "
                       f"the limit is {MAX_SLIDES}")
    bullets = sum(len(s.bullets or ()) + sum(len(c) for c in s.columns or ()) for s in slides)
    if bullets > MAX_BULLETS:
        problems.error(top, f"the curriculum's slides hold {bullets} bullets once aliases are "
                       f"expanded; the limit is {MAX_BULLETS}")
    if len(cur.videos) > MAX_VIDEOS:
        problems.error(top, f"the curriculum defines {len(cur.videos)} videos; the limit is "
                       f"{MAX_VIDEOS}")
    if len(problems.errors) > before:
        return False
    for s in slides:
        shown = [t for name in ("title", "bullets", "quote", "table", "columns")
                 for t in iter_texts(getattr(s, name))]
        for lang in cur.all_languages:
            n = sum(len(t.get(lang)) for t in shown)
            if n > MAX_SLIDE_CHARACTERS:
                problems.error(s.pos, f"this slide shows {n} characters in '{lang}'; the limit "
                               f"is {MAX_SLIDE_CHARACTERS} (split it into several slides)")
                break
    return len(problems.errors) == before
