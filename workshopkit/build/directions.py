"""Right-to-left languages and the outputs that cannot draw them.

The PDF writers (reportlab) have no bidirectional layout and no Arabic shaping here:
Arabic or Hebrew would come out reversed and unjoined.  Reversed text is never
printed, so a PDF kind refuses a right-to-left language: an error when the kind was
asked for by name (``--only``), otherwise a warning and the kind is left out, while
the web editions and the deck (right-to-left paragraphs, alignment and table order)
are built.  :func:`workshopkit.build.kinds.render` refuses too, for library callers.
"""
from __future__ import annotations

from pathlib import Path
from typing import Mapping

from workshopkit.errors import Diagnostic, Pos, Problems
from workshopkit.i18n import is_rtl, language_name


def refuses(ext: str, languages: tuple[str, ...]) -> str:
    """The right-to-left language an output with extension ``ext`` cannot draw, or ''."""
    if ext != "pdf":
        return ""
    return next((lang for lang in languages if is_rtl(lang)), "")


WEB_INSTEAD = "give readers the web edition (--only web,web-guide) and the deck (slides) instead"


def message(kind_name: str, lang: str, instead: str = WEB_INSTEAD) -> str:
    return (f"the '{kind_name}' output cannot be made in {language_name(lang, 'en')} ('{lang}'): "
            "the PDF writer has no right-to-left layout or Arabic shaping, and reversed text "
            f"is never printed; {instead}")


def diagnostic(severity: str, cur, kind_name: str, lang: str) -> Diagnostic:
    from workshopkit.source.project import display

    where = cur.translations.files.get(lang) or cur.path
    instead = WEB_INSTEAD if kind_name != "survey" else (
        f"print the form in another of the survey's languages, or type the answers into a "
        f"CSV (workshopkit tally {cur.id} --template prints its header)")
    return Diagnostic(severity, Pos(display(Path(where))), message(kind_name, lang, instead))


def refuse(targets: list, exts: Mapping[str, str], explicit: bool, problems: Problems,
           failed: list[str]) -> list:
    """``targets`` without the PDFs of right-to-left languages (see the module's notes);
    a curriculum with a refused, explicitly asked-for kind builds nothing."""
    from workshopkit.source.project import display

    bad: set[int] = set()
    for t in targets:
        lang = refuses(exts[t.kind], t.languages)
        if not lang:
            continue
        problems.extend([diagnostic("error" if explicit else "warning", t.curriculum, t.kind,
                                    lang)])
        if explicit:
            bad.add(id(t.curriculum))
    for t in targets:
        if id(t.curriculum) in bad and display(t.curriculum.path) not in failed:
            failed.append(display(t.curriculum.path))
    return [t for t in targets
            if id(t.curriculum) not in bad and not refuses(exts[t.kind], t.languages)]
