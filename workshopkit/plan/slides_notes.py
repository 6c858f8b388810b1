"""The speaker notes of the deck: what the facilitator reads under each slide (steps,
notes, online variants, care and security notes), in the deck's languages. A mixin of
:class:`workshopkit.plan.slides_words.Words` (``cur``, ``lang``, ``langs``, ``text``,
``ui`` and ``first_ui`` come from it)."""
from __future__ import annotations

from typing import Optional

from workshopkit.i18n import N_
from workshopkit.model import Activity, Session, Slide
from workshopkit.model.text import Text
from workshopkit.plan.markup import plain
from workshopkit.plan.schedule import clock, hm
from workshopkit.plan.slides_text import Line, Span, spans


class NoteWords:
    """Speaker notes."""

    def _notes(self, sections: list[tuple[str, object]]) -> list[Line]:
        """Headed sections in every build language, one language after the other."""
        out: list[Line] = []
        for i, lang in enumerate(self.langs):
            _ = self._[i]
            for head, body in sections:
                if isinstance(head, tuple):  # (msgid, its fields)
                    out.append(Line((Span(_(head[0]).format(**head[1]), bold=True),), lang))
                elif head:
                    out.append(Line((Span(_(head), bold=True),), lang))
                if isinstance(body, Text):
                    out.append(Line(spans(body.get(lang)), lang))
                elif isinstance(body, tuple):  # (numbered?, [Text])
                    numbered, texts = body
                    for n, t in enumerate(texts, 1):
                        mark = f"{n}. " if numbered else "• "
                        out.append(Line((Span(mark),) + spans(t.get(lang)), lang))
                else:
                    out.append(Line((Span(body),), lang))
        return out

    def slide_notes(self, sl: Slide, a: Optional[Activity] = None) -> list[Line]:
        sec: list[tuple[str, object]] = [("", sl.notes)] if sl.notes is not None else []
        if sl.question is not None and a is not None:
            n = asking_step(sl.question.get(self.lang), [s.get(self.lang) for s in a.steps])
            if n is not None:
                sec.append((self.step_head(n), a.steps[n - 1]))
        return self._notes(sec)

    @staticmethod
    def step_head(n: int) -> tuple[str, dict]:
        return (N_("Asked in step {n}"), {"n": n})

    def activity_notes(self, s: Session, a: Activity) -> list[Line]:
        sl = next(x for x in self.slots.values() if x.activity is a)
        sec: list[tuple[str, object]] = [
            ("", f"{clock(sl.start)}–{clock(sl.end)} · {hm(a.minutes)}")]
        if a.steps:
            sec.append((N_("Steps"), (True, a.steps)))
        if a.notes is not None:
            sec.append((N_("Facilitator notes"), a.notes))
        if a.materials:
            sec.append((N_("Materials"), (False, a.materials)))
        sec += self._online(a)
        sec += _care(a)
        return self._notes(sec)

    def _online(self, a: Activity) -> list[tuple[str, object]]:
        """An activity's online variant in its speaker notes (hybrid: the online steps too)."""
        on = a.online
        if on is None or self.cur.delivery == "in-person":
            return []
        sec: list[tuple[str, object]] = []
        if self.cur.delivery == "hybrid" and on.steps:
            sec.append((N_("Online steps"), (True, on.steps)))
        facts = []
        if on.minutes is not None and self.cur.delivery == "hybrid":
            facts.append(("online", hm(on.minutes)))
        if on.breakout:
            sec.append((N_("Breakout rooms"), str(on.breakout)))
        if on.tools:
            sec.append((N_("Tools"), (False, on.tools)))
        if on.notes is not None:
            sec.append((N_("Online notes"), on.notes))
        return sec

    def session_notes(self, s: Session) -> list[Line]:
        sec: list[tuple[str, object]] = []
        if s.notes is not None:
            sec.append((N_("Facilitator notes"), s.notes))
        return self._notes(sec + _care(s))

    def curriculum_notes(self) -> list[Line]:
        cur = self.cur
        sec: list[tuple[str, object]] = []
        if cur.materials:
            sec.append((N_("Materials"), (False, cur.materials)))
        return self._notes(sec + _care(cur))


def asking_step(question: str, steps: list[str]) -> Optional[int]:
    """The number (from 1) of the step that asks ``question``: the step holding its words
    (punctuation and case aside), else the step most like it, if any is close."""
    import difflib
    import re

    def norm(s: str) -> str:
        return " ".join(re.findall(r"\w+", plain(s).lower()))

    q = norm(question)
    if not q:
        return None
    for n, s in enumerate(steps, 1):
        if q in norm(s):
            return n
    best, score = None, 0.6
    for n, s in enumerate(steps, 1):
        r = difflib.SequenceMatcher(None, q, norm(s)).ratio()
        if r > score:
            best, score = n, r
    return best


def _care(x) -> list[tuple[str, object]]:
    out: list[tuple[str, object]] = []
    if x.wellbeing is not None:
        out.append((N_("Wellbeing"), x.wellbeing))
    if x.opsec is not None:
        out.append((N_("Opsec"), x.opsec))
    return out


