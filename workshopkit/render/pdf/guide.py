"""The facilitator guide (PDF): everything needed to run the workshop.

Cover, schedule with clock times, objectives, one gathered materials checklist,
care (wellbeing) and operational-security boxes, then every session and activity
with its phase, timing, steps, notes, slides and worksheet items for orientation,
and finally videos, glossary and resources.  Bilingual guides interleave both
languages like the worksheets.  With ``--anonymous`` the cover names no authors.
"""
from __future__ import annotations

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import CondPageBreak, PageBreak, Paragraph, Spacer

from workshopkit.i18n import N_, PHASE_NAMES, colon, language_name
from workshopkit.model import Activity, Curriculum, Slide, WorksheetItem
from workshopkit.model.options import Options
from workshopkit.model.settings import Settings
from workshopkit.plan.markup import plain
from workshopkit.plan.slides import plan, slide_ranges
from workshopkit.plan.schedule import clock, days, hm, session_span, slots, video_length
from workshopkit.render.pdf import base as pb
from workshopkit.render.pdf.base import words
from workshopkit.render.pdf.blocks import Ctx
from workshopkit.render.pdf.hyphen import in_language
from workshopkit.render.pdf.keep import SectionBreak
from workshopkit.render.pptx.size import slide_size
from workshopkit.render.pdf.guide_answers import answer_key
from workshopkit.render.pdf.guide_online import (activity_online, cover_join, facilitation,
                                                 steps_heading, time_zones)
from workshopkit.render.pdf.guide_front import (bullet, care_boxes, care_units, cover, materials,
                                                schedule)

SLIDE_KINDS = {"bullets": N_("Bullets"), "image": N_("Image"), "video": N_("Video"),
               "quote": N_("Quote"), "table": N_("Table"), "columns": N_("Two columns"),
               "comparison": N_("Comparison"), "statement": N_("Statement"),
               "question": N_("Question to the room"), "title": N_("Title slide")}
ITEM_KINDS = {"prompt": N_("Question"), "checklist": N_("Checklist"), "choice": N_("Choice"),
              "table": N_("Table"), "risk_matrix": N_("Risk matrix"),
              "case_study": N_("Case study"), "comparison": N_("Comparison"), "text": N_("Text"),
              "image": N_("Image"), "survey": N_("Survey")}
SNIPPET = 90


def _short(s: str) -> str:
    """``s`` on one line, cut after a whole word when longer than SNIPPET characters."""
    s = " ".join(plain(s).split())
    if len(s) <= SNIPPET:
        return s
    cut = s.rfind(" ", 0, SNIPPET)
    return (s[:cut] if cut > SNIPPET // 2 else s[:SNIPPET - 1]).rstrip(" ,;:·|") + "…"


def _labelled(ctx: Ctx, kind: str, what: str) -> str:
    return words("{kind}: {what}", ctx.languages[:1], kind=kind, what=_short(what))


def slide_line(ctx: Ctx, slide: Slide) -> str:
    lang = ctx.languages[0]
    kind = words(SLIDE_KINDS[slide.kind], ctx.languages[:1])
    if slide.title:
        return _chosen(ctx, slide, words("{title} ({kind})", ctx.languages[:1],
                                         title=_short(slide.title.get(lang)), kind=kind))
    if slide.video and slide.video in ctx.cur.videos and ctx.cur.videos[slide.video].title:
        return _labelled(ctx, kind, ctx.cur.videos[slide.video].title.get(lang))
    if slide.quote:
        return _labelled(ctx, kind, slide.quote.text.get(lang))
    if slide.statement or slide.question:
        return _labelled(ctx, kind, (slide.statement or slide.question).get(lang))
    if slide.image:
        return _labelled(ctx, kind, slide.image.alt.get(lang))
    if slide.comparison and slide.comparison in ctx.cur.catalogs:
        return _chosen(ctx, slide, _labelled(ctx, kind, _catalog_title(ctx, slide)))
    return kind


def _catalog_title(ctx: Ctx, x) -> str:
    cat = ctx.cur.catalogs.get(x.comparison)
    return cat.title.get(ctx.languages[0]) if cat and cat.title else x.comparison


def _chosen(ctx: Ctx, x, line: str) -> str:
    """A comparison's line, with the needs of its chosen rows in full (if it chose)."""
    if not x.comparison_rows:
        return line
    rows = ctx.cur.comparison(x).rows
    return f"{line}{colon(ctx.languages[0])} " + "; ".join(plain(r.need.get(ctx.languages[0]))
                                                       for r in rows)


def item_line(ctx: Ctx, item: WorksheetItem) -> str:
    lang = ctx.languages[0]
    kind = words(ITEM_KINDS[item.kind], ctx.languages[:1])
    k = item.kind
    what = ""
    if k == "prompt":
        what = item.prompt.get(lang)
    elif k == "checklist":
        what = "; ".join(t.get(lang) for t in item.checklist)
    elif k == "choice":
        what = item.choice.prompt.get(lang) if item.choice.prompt else \
            "; ".join(t.get(lang) for t in item.choice.options)
    elif k == "table":
        what = " | ".join(t.get(lang) for t in item.table.columns)
    elif k == "risk_matrix":
        what = "; ".join(t.get(lang) for t in item.risk_matrix.threats)
    elif k == "case_study":
        cs = item.case_study
        what = cs.title.get(lang) if cs.title else cs.story.get(lang)
    elif k == "comparison":
        return _chosen(ctx, item, _labelled(ctx, kind, _catalog_title(ctx, item)))
    elif k == "text":
        what = item.text.get(lang)
    elif k == "image":
        what = item.image.alt.get(lang)
    elif k == "survey":
        sv = ctx.cur.surveys.get(item.survey)
        what = sv.title.get(lang) if sv else item.survey
    return _labelled(ctx, kind, what)


def slide_unit(ctx: Ctx, slide: Slide) -> list:
    """A slide's line, and its speaker notes beneath (a facilitator who prints the guide
    and projects from a borrowed laptop still has them)."""
    out: list = [Paragraph(pb.escape(slide_line(ctx, slide)), ctx.st["small"], bulletText="▸")]
    if slide.notes:
        ind = ctx.st["small"].fontSize * 1.6
        for i, (lang, text) in enumerate(_by_language(slide.notes, ctx.languages)):
            style = ParagraphStyle(f"slidenote{i}", parent=ctx.st["body" if i == 0 else "second"],
                                   leftIndent=ind)
            label = (words("Notes", ctx.languages[:1]) + colon(ctx.languages[0]) + " "
                     if i == 0 else "")
            out.append(Paragraph(f"<i>{pb.escape(label)}</i>{pb.markup(text)}",
                                 in_language(style, lang)))
    return [pb.together(out)] if len(out) > 1 else out


def _by_language(text, languages) -> list[tuple[str, str]]:
    """(language, text) for each language, once when the texts are the same."""
    out: list[tuple[str, str]] = []
    for lang in languages:
        if all(text.get(lang) != t for _, t in out):
            out.append((lang, text.get(lang)))
    return out


def slide_numbers(ctx: Ctx, sl) -> str:
    """" · Slides 12–15" (or " · Slide 12"): where the activity is in the deck."""
    first, last = ctx.slides.get((sl.session.id, sl.activity.id), (0, 0))
    if not first:
        return ""
    if first == last:
        return " · " + words("Slide {number}", ctx.languages, number=first)
    return " · " + words("Slides {first}–{last}", ctx.languages, first=first, last=last)


def activity(ctx: Ctx, sl) -> list:
    a: Activity = sl.activity
    st = ctx.st
    time = f"{clock(sl.start)}–{clock(sl.end)}"
    if a.is_break:
        name = " / ".join(pb.texts(a.title, ctx.languages)) if a.title else words("Break", ctx.languages)
        return [Paragraph(f"<b>{pb.escape(time)}</b>  {pb.markup(name)} · {hm(a.minutes)}",
                          st["body"]), Spacer(1, 6)]
    head = ctx.t(a.title, "h2", "second")
    meta = f"{words(PHASE_NAMES[a.phase], ctx.languages)} · {hm(a.minutes)} · {time}"
    meta += slide_numbers(ctx, sl)
    head += [pb.para(meta, st["label"]), Spacer(1, 3)] + (ctx.t(a.summary) if a.summary else [])
    sections: list[tuple[list, list[list]]] = []  # (heading, list items)
    if a.steps:
        sections.append(([pb.para(steps_heading(ctx, a), st["h3"])],
                         [bullet(ctx, step, f"{i}.") for i, step in enumerate(a.steps, 1)]))
    sections += activity_online(ctx, a)
    boxes = [[Spacer(1, 4), pb.note_box(words("Notes", ctx.languages), ctx.t(a.notes, "box"),
                                        ctx.options, ctx.faces)]] if a.notes else []
    boxes += care_units(ctx, a)
    if boxes:
        sections.append(([], boxes))
    if a.materials:
        sections.append(([ctx.w("Materials", "h3")], [bullet(ctx, m) for m in a.materials]))
    if a.slides:
        sections.append(([ctx.w("Slides", "h3")], [slide_unit(ctx, s) for s in a.slides]))
    if a.worksheet:
        sections.append(([ctx.w("Worksheet", "h3")],
                         [[Paragraph(pb.escape(item_line(ctx, i)), st["small"], bulletText="▸")]
                          for i in a.worksheet]))
    if answer_key(ctx, a):
        sections.append(([ctx.w("Answer key", "h3")], answer_key(ctx, a)))
    if not sections:
        return pb.keep_list(head, []) + [Spacer(1, 8)]
    out = []
    for i, (lead, units) in enumerate(sections):  # the activity's title never ends a page
        out += pb.keep_list((head if i == 0 else []) + lead, units)
    return out + [Spacer(1, 8)]


def sessions(ctx: Ctx) -> list:
    out = []
    spans = session_span(ctx.cur, ctx.options.start)
    by_activity = {id(sl.activity): sl for sl in slots(ctx.cur, ctx.options.start)}
    for s in ctx.cur.sessions:
        day, start, end = spans.get(s.id, (1, ctx.options.start, ctx.options.start))
        out.append(SectionBreak())
        out += ctx.t(s.title, "h1", "second")
        label = f"{clock(start)}–{clock(end)} · {hm(s.minutes)}"
        if days(ctx.cur) > 1:
            label = words("Day {day}", ctx.languages[:1], day=day) + " · " + label
        out.append(pb.para(label, ctx.st["label"]))
        out += ctx.t(s.summary) if s.summary else []
        if s.notes:
            out += [Spacer(1, 4), pb.note_box(words("Notes", ctx.languages), ctx.t(s.notes, "box"),
                                             ctx.options, ctx.faces)]
        out += care_boxes(ctx, s)
        for a in s.activities:
            out += activity(ctx, by_activity[id(a)])
    return out


def reviewed(ctx: Ctx, date) -> list:
    """"Reviewed: <date>" under a video or resource that carries one (facilitators only)."""
    if date is None:
        return []
    return [pb.para(words("Reviewed: {date}", ctx.languages[:1], date=date.isoformat()),
                    ctx.st["small"])]


def back_matter(ctx: Ctx) -> list:
    cur, st, lang = ctx.cur, ctx.st, ctx.languages[0]
    out = []
    if cur.videos:
        units = []
        for v in cur.videos.values():
            title = pb.texts(v.title, ctx.languages) if v.title else [v.id]
            line = f"<b>{pb.markup(title[0])}</b>"
            if v.duration_seconds is not None:
                line += f" · {video_length(v.duration_seconds)}"
            block = [Paragraph(line, st["body"])] + [pb.para(s, st["second"]) for s in title[1:]]
            block.append(pb.para(v.url.get(lang), st["small"]))
            if v.captions:
                block.append(pb.para(words("Captions: {tags}", ctx.languages[:1],
                                           tags=", ".join(language_name(c, lang)
                                                          for c in v.captions)), st["small"]))
            block += ctx.t(v.summary) if v.summary else []
            block += reviewed(ctx, v.reviewed)
            units.append([pb.Together(block), Spacer(1, 6)])
        out += pb.keep_list([ctx.w("Videos", "h1")], units)
    if cur.glossary:
        units = []
        for term in cur.glossary:
            t = pb.texts(term.term, ctx.languages)
            block = [Paragraph(f"<b>{pb.markup(' / '.join(t))}</b>", st["body"])]
            block += ctx.t(term.definition) if term.definition else []
            units.append([pb.Together(block), Spacer(1, 3)])
        out += pb.keep_list([ctx.w("Glossary", "h1")], units)
    if cur.resources:
        units = []
        for r in cur.resources:
            block = [Paragraph(f"<b>{pb.markup(' / '.join(pb.texts(r.title, ctx.languages)))}</b>",
                               st["body"])]
            if r.url:
                block.append(pb.para(r.url.get(lang), st["small"]))
            block += ctx.t(r.summary) if r.summary else []
            block += reviewed(ctx, r.reviewed)
            units.append([pb.Together(block), Spacer(1, 3)])
        out += pb.keep_list([ctx.w("Resources", "h1")], units)
    return ([SectionBreak()] + out) if out else []


def story(cur: Curriculum, languages: tuple[str, ...], options: Options,
          faces: pb.Faces, slides: dict | None = None) -> list:
    ctx = Ctx(cur, languages, options, pb.styles(options, faces, languages[0]), pb.palette(options),
              pb.frame_width(options), faces, slides=slides or {})
    # the schedule starts a page, unless the cover ran over onto a page it left mostly empty
    turn = CondPageBreak(pb.frame_height(options) * 0.5)
    out = cover(ctx, cover_join(ctx)) + [turn] + schedule(ctx) + time_zones(ctx)
    out += [Spacer(1, 10)] + materials(ctx)
    out += facilitation(ctx)
    return out + sessions(ctx) + back_matter(ctx)


def write(cur: Curriculum, settings: Settings, languages: tuple[str, ...],
          options: Options) -> bytes:
    faces = pb.register(settings.fonts)
    numbers = slide_ranges(plan(cur, settings, languages, options, *slide_size(settings.template)))
    return pb.render(story(cur, languages, options, faces, numbers), cur=cur,
                     languages=languages, options=options, faces=faces,
                     kind_title=words("Facilitator guide", languages))
