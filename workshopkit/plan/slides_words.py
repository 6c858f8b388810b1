"""What the deck says, in one or two languages: every string of the plan.

A "words" value is a list with one string per build language.  ``item``
turns it into paragraphs: the first language, then (bilingual decks) the
second language smaller, grey and italic beneath it, unless both are equal.
"""
from __future__ import annotations

from typing import Optional

from workshopkit.i18n import N_, PHASE_NAMES, colon, labels, language_name, quoted, ui
from workshopkit.model.text import Text
from workshopkit.plan.markup import plain
from workshopkit.model import Activity, Catalog, Curriculum, Image, Quote, Session, Video
from workshopkit.model.options import Options
from workshopkit.plan.schedule import clock, hm, slots, video_length
from workshopkit.plan.slides_credits import CreditWords, author_name
from workshopkit.plan.slides_notes import NoteWords
from workshopkit.plan.slides_text import SECOND, Item, Line, Span, spans

META = 0.8
"""Metadata lines under a cover title (audience, times...), relative to its subtitle."""
SMALL = 0.8
"""A licence under a tool's name in a comparison cell."""


class Words(NoteWords, CreditWords):
    def __init__(self, cur: Curriculum, languages: tuple[str, ...], options: Options):
        self.cur, self.langs, self.options = cur, languages, options
        self.lang = languages[0]
        self._ = [ui(l) for l in languages]
        self.slots = {(s.session.id, s.activity.id): s for s in slots(cur, options.start)}

    # ------------------------------------------------------------ primitives
    def text(self, t: Optional[Text]) -> list[str]:
        return [t.get(l) if t is not None else "" for l in self.langs]

    def ui(self, msgid: str, **fmt) -> list[str]:
        return [_(msgid).format(**fmt) for _ in self._]

    def first_ui(self, msgid: str) -> str:
        return self._[0](msgid)

    def plain(self, t: Text) -> str:
        return plain(t.get(self.lang))

    def cont(self, title: list[str]) -> list[str]:
        return [_( "{title} (cont.)").format(title=w) for _, w in zip(self._, title)]

    def item(self, words: list[str], *, bullet: bool = False, role: str = "text",
             bold: bool = False, italic: bool = False, align: str = "l", level: int = 0,
             space_before: float = 0.3, raw: Optional[list[tuple[Span, ...]]] = None,
             scale: float = 1.0, hang: str = "") -> Item:
        runs = raw if raw is not None else [spans(w) for w in words]
        out = [Line(runs[0], self.langs[0], scale, role, bullet, level, align, italic, bold,
                    space_before, hang=hang)]
        if len(self.langs) > 1 and runs[1] != runs[0]:
            out.append(Line(runs[1], self.langs[1], scale * SECOND, "muted", False, level,
                            align, True, bold, 0.05, True, bullet, hang))
        return out

    def per_lang(self, build) -> list:
        """``build(i, lang, _)`` for each language."""
        return [build(i, l, self._[i]) for i, l in enumerate(self.langs)]

    # ------------------------------------------------------------ cover slides
    def cover_lines(self) -> list[Item]:
        cur, out = self.cur, []
        if cur.summary:
            out.append(self.item(self.text(cur.summary), align="ctr"))
        meta = []
        if cur.audience:
            meta.append(self.labelled(N_("Audience"), N_("Audience: {audience}"), "audience",
                                      [cur.audience.get(l) for l in self.langs]))
        meta.append(self.labelled(N_("Duration"), N_("Duration: {duration}"), "duration",
                                  [hm(cur.minutes)] * len(self.langs)))
        if cur.authors:
            meta.append(self.labelled(N_("Authors"), N_("Authors: {names}"), "names", [
                ", ".join(author_name(a, l) for a in cur.authors) for l in self.langs]))
        if cur.license:
            meta.append(self.labelled(N_("Licence"), N_("Licence: {license}"), "license",
                                      [cur.license] * len(self.langs)))
        for w in meta:
            out.append(self.item(w, role="muted", align="ctr", scale=META,
                                 space_before=0.8 if w is meta[0] else 0.2))
        return out

    def labelled(self, label: str, phrase: str, key: str, values: list[str]) -> list[str]:
        """``Duration: 2 h 35`` in each language; one line when the value is the same in
        both (``Duración / Duration: 2 h 35``): a bilingual cover slide stays one slide."""
        if len(self.langs) > 1 and len(set(values)) == 1:
            return [f"{labels(label, self.langs)} {values[0]}"] * len(self.langs)
        return [_(phrase).format(**{key: v}) for _, v in zip(self._, values)]

    def join_lines(self, j) -> list[Item]:
        """How to join (the title slide of an online or hybrid workshop): the link and the
        dial-in, in words the same in every language (one line each, even bilingual); the
        QR code stands beside them, the interpretation channels are in the printouts."""
        if j is None:
            return []
        n = len(self.langs)
        out = [self.item([j.url] * n, scale=META, space_before=0, raw=[(Span(j.url),)] * n)]
        if j.dial_number:
            dial = f"\u260e {j.dial_number}" + (f" · PIN {j.dial_pin}" if j.dial_pin else "")
            out.append(self.item([dial] * n, role="muted", scale=META, space_before=0.2,
                                 raw=[(Span(dial),)] * n))
        return out

    def session_lines(self, s: Session, n: int) -> list[Item]:
        times = [sl for sl in self.slots.values() if sl.session is s]
        out = [self.item(self.ui("Session {n} of {total}", n=n, total=len(self.cur.sessions)),
                         role="muted", align="ctr", scale=META)]
        if times:
            span = f"{clock(times[0].start)}–{clock(times[-1].end)} · {hm(s.minutes)}"
            if any(x.day != 1 for x in self.slots.values()):
                out.append(self.item(self.ui("Day {day}", day=times[0].day), role="muted",
                                     align="ctr", scale=META))
            out.append(self.item([span] * len(self.langs), role="muted", align="ctr",
                                 scale=META))
        if s.summary:
            out.append(self.item(self.text(s.summary), align="ctr", space_before=0.8))
        return out

    def activity_lines(self, a: Activity) -> list[Item]:
        sl = next(x for x in self.slots.values() if x.activity is a)
        when = f"{clock(sl.start)}–{clock(sl.end)}"
        if a.is_break:
            first = [f"{hm(a.minutes)} · {when}"] * len(self.langs)
        else:
            first = self.per_lang(lambda i, l, _: f"{_(PHASE_NAMES[a.phase])} · {hm(a.minutes)} · "
                                                  f"{when}")
        out = [self.item(first, role="muted", align="ctr", scale=META)]
        if a.summary:
            out.append(self.item(self.text(a.summary), align="ctr", space_before=0.8))
        return out

    # ------------------------------------------------------------ content slides
    def agenda(self) -> list[Item]:
        out: list[Item] = []
        several_days = any(x.day != 1 for x in self.slots.values())
        day, session = None, None
        heads: Item = []  # a day's and a session's headings go with the first row under them
        for sl in self.slots.values():
            if several_days and sl.day != day:
                day = sl.day
                heads += self.item(self.ui("Day {day}", day=day), role="title", bold=True,
                                   space_before=0.6)
            if sl.session is not session:
                session = sl.session
                heads += self.item(self.text(session.title), bold=True, space_before=0.5)
            lead = f"{clock(sl.start)}–{clock(sl.end)}  "
            a = sl.activity
            name = self.text(a.title) if a.title else self.ui("Break")
            # the times once, on the first language's line; names aligned past them
            first = spans(lead + f"{name[0]} ({hm(a.minutes)})")
            runs = [first] + [first if w == name[0] else spans(w) for w in name[1:]]
            out.append(heads + self.item([], level=1, role="muted" if a.is_break else "text",
                                         italic=a.is_break, space_before=0.15, raw=runs,
                                         hang=lead))
            heads = []
        return out

    def quote(self, q: Quote) -> list[Item]:
        out = [self.item([quoted(w, l) for w, l in zip(self.text(q.text), self.langs)],
                         italic=True)]
        if q.source is not None:
            out.append(self.item([f"— {w}" for w in self.text(q.source)], role="muted",
                                 align="r", space_before=0.6))
        return out

    def statement(self, t: Text) -> list[Item]:
        return [self.item(self.text(t), role="title", bold=True, align="ctr", space_before=0)]

    def question(self, t: Text) -> list[Item]:
        return [self.item(self.text(t), role="title", bold=True, align="ctr", space_before=0)]

    def source(self, t: Text) -> list[Item]:
        return [self.item([f"— {w}" for w in self.text(t)], role="muted", align="r",
                          italic=True, space_before=0)]

    def icon_label(self, label: str) -> str:
        """An icon's alt text: its label in each language, once when they agree."""
        return " / ".join(dict.fromkeys(_(label) for _ in self._))

    def video_lines(self, v: Video) -> list[Item]:
        out = []
        if v.title is not None:
            out.append(self.item(self.text(v.title), bold=True))
        if v.duration_seconds is not None:
            out.append(self.item(self.ui("Duration: {time}", time=video_length(v.duration_seconds)),
                                 role="muted"))
        if v.captions:
            out.append(self.item([_("Captions: {languages}").format(languages=", ".join(
                language_name(c, lang) for c in v.captions)) for _, lang in zip(self._, self.langs)],
                role="muted"))
        if v.summary is not None:
            out.append(self.item(self.text(v.summary), space_before=0.6))
        urls = self.video_urls(v)
        for lang, url in urls:
            lead = (Span(language_name(lang, self.lang) + colon(self.lang) + " "),) \
                if len(urls) > 1 else ()
            out.append(self.item([url] * len(self.langs), space_before=0.6 if lang == urls[0][0]
                                 else 0.2, raw=[lead + (Span(url),)] * len(self.langs)))
        return out

    def video_urls(self, v: Video) -> list[tuple[str, str]]:
        """(language, URL) of each distinct URL the deck's languages watch, first language
        first: one for most videos, one per language for a video with a URL per language."""
        out: list[tuple[str, str]] = []
        for lang in self.langs:
            url = v.url.get(lang)
            if url and url not in (u for _, u in out):
                out.append((lang, url))
        return out

    def qr_label(self, lang: str) -> list[Item]:
        return [self.item([language_name(lang, l) for l in self.langs], align="ctr",
                          role="muted")]

    def qr_descr(self, url: str) -> str:
        return self.first_ui("QR code: {url}").format(url=url)

    def image_caption(self, img: Image) -> list[Item]:
        if img.credit is None and img.license is None:
            return []
        parts = [w for w in (self.plain(img.credit) if img.credit else "",
                             self.plain(img.license) if img.license else "") if w]
        return [self.item(self.ui("Image: {credit}", credit=" · ".join(parts)), role="muted",
                          italic=True)]

    def comparison(self, cat: Optional[Catalog]) -> tuple[list[Item], list[list[Item]]]:
        """Need | Free tool (its licence beneath, small) | Instead of (the
        commercial tool, its licence beneath) | Hosted by | Notes; a column
        empty in every row is left out."""
        rows = cat.rows if cat is not None else []
        cols = [(N_("Need"), lambda r: self._cell(r.need, bold=True)),
                (N_("Free tool"), lambda r: self._cell(r.free, r.free_license, bold=True)),
                (N_("Instead of"), lambda r: self._cell(r.commercial, r.commercial_license)),
                (N_("Hosted by"), lambda r: self._cell(r.hosted_by)),
                (N_("Notes"), lambda r: self._cell(r.notes))]
        body = [[cell(r) for _, cell in cols] for r in rows]
        keep = [i for i, (h, _) in enumerate(cols) if i < 2 or any(b[i] for b in body)]
        head = [self.item(self.ui(cols[i][0]), bold=True) for i in keep]
        return head, [[b[i] for i in keep] for b in body]

    def _cell(self, main: Optional[Text], small: Optional[Text] = None, *,
              bold: bool = False) -> Item:
        out: Item = self.item(self.text(main), bold=bold) if main is not None else []
        if small is not None:
            out += self.item(self.text(small), role="muted", scale=SMALL, space_before=0.1)
        return out

    def glossary(self) -> list[Item]:
        out = []
        for term in self.cur.glossary:
            def runs(i, l, _):
                t = tuple(Span(s.text, True, s.italic) for s in spans(term.term.get(l)))
                d = spans(term.definition.get(l)) if term.definition else ()
                return t + ((Span(" — "),) + d if d else ())
            raw = self.per_lang(runs)
            out.append(self.item([""] * len(self.langs), bullet=True, raw=raw))
        return out

    def resources(self) -> list[Item]:
        out = []
        for r in self.cur.resources:
            def head(l):
                t = tuple(Span(s.text, True, s.italic) for s in spans(r.title.get(l)))
                return t + (spans(" — " + r.summary.get(l)) if r.summary else ())

            def runs(i, l, _):
                url = (Span("\n" + r.url.get(l)),) if r.url else ()
                if i and r.url and r.url.get(l) == r.url.get(self.lang):
                    if head(l) == head(self.lang):  # nothing new in the second language
                        return runs(0, self.lang, _)
                    url = ()  # the same URL is printed once, under the first language
                return head(l) + url
            out.append(self.item([""] * len(self.langs), bullet=True, raw=self.per_lang(runs)))
        return out
