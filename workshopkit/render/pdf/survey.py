"""The survey form (PDF): a printable questionnaire that is also a fillable PDF form.

The title, the intro and the anonymity statement on top, then every question numbered,
with boxes big enough for a pen and lines to write on; never a name field.  Each box and
line carries a form field named as FORMAT.md fixes, so the same file is printed for
paper or filled on a phone, and ``workshopkit tally`` reads both back.  Bilingual forms
print each text in the first language with the second beneath, lighter.
A booklet is for paper only: imposing its pages drops the form fields.
"""
from __future__ import annotations

from reportlab.platypus import Spacer

from workshopkit.i18n import N_
from workshopkit.model.options import Options
from workshopkit.model.settings import Settings
from workshopkit.model.survey import Survey
from workshopkit.render.pdf import base as pb
from workshopkit.render.pdf.base import words
from workshopkit.render.pdf.blocks import Ctx
from workshopkit.render.pdf.survey_form import anonymity, questions


def story(sv: Survey, languages: tuple[str, ...], options: Options, faces: pb.Faces) -> list:
    ctx = Ctx(sv, languages, options, pb.styles(options, faces), pb.palette(options),
              pb.frame_width(options), faces)
    out: list = ctx.t(sv.title, "title", "subtitle")
    out += anonymity(ctx, sv) + [Spacer(1, 12)]
    thanks = ctx.w(N_("Thank you. Fold this sheet and put it in the closed box."), "body")
    return out + questions(ctx, sv, tail=(Spacer(1, 10), thanks))  # never on a page alone


def write(sv: Survey, settings: Settings, languages: tuple[str, ...],
          options: Options) -> bytes:
    faces = pb.register(settings.fonts)
    return pb.render(story(sv, languages, options, faces), cur=sv, languages=languages,
                     options=options, faces=faces, kind_title=words("Survey", languages))
