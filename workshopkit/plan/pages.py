"""Layout decisions for the printed PDFs, as plain data (no reportlab here).

What goes on the participant worksheets and in the facilitator guide, which
comparison layout fits the page, the gathered materials list: all decided here
and tested without rendering.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

from workshopkit.i18n import N_, NC_, quoted
from workshopkit.model.text import Text
from workshopkit.plan.markup import plain
from workshopkit.model import Activity, Catalog, ComparisonRow, Curriculum, Session


RISK_LEVELS = (N_("Low"), N_("Medium"), N_("High"))
"""The likelihood and impact scale of the risk matrix, lowest first."""
LIKELIHOOD_LEVELS = (NC_("likelihood", "Low"), NC_("likelihood", "Medium"),
                     NC_("likelihood", "High"))
IMPACT_LEVELS = (NC_("impact", "Low"), NC_("impact", "Medium"), NC_("impact", "High"))
"""The same scale as said of each noun (msgctxt): in Spanish a likelihood is "Alta",
an impact "Alto"."""

COMPARISON_FIELDS = (
    ("need", N_("Need")),
    ("free", N_("Free tool")),
    ("hosted_by", N_("Hosted by")),
    ("free_license", N_("Licence")),
    ("commercial", N_("Instead of")),
    ("commercial_license", N_("Its licence")),
    ("notes", N_("Notes")),
)
"""Comparison row fields in column order, with their column headings."""

MIN_COLUMN_PT = 68.0
"""Narrowest comparison column that still reads well at normal size."""


def worksheet_activities(cur: Curriculum) -> list[tuple[Session, Activity]]:
    """Activities that have participant worksheet items, in workshop order."""
    return [(s, a) for s, a in cur.activities() if a.worksheet and not a.is_break]


def comparison_columns(catalog: Catalog) -> list[tuple[str, str]]:
    """The (field, heading msgid) columns that at least one row fills."""
    return [(name, head) for name, head in COMPARISON_FIELDS
            if any(getattr(r, name) is not None for r in catalog.rows)]


def fit_columns(min_w: list[float], natural_w: list[float], total: float) -> Optional[list[float]]:
    """Column widths summing to ``total``: each at least its longest word (``min_w``), the
    rest shared out by how much more each needs to show its text on one line
    (``natural_w``). ``None`` when even the longest words do not fit side by side."""
    if not min_w or sum(min_w) > total:
        return None
    extra = total - sum(min_w)
    want = [max(0.0, n - m) for n, m in zip(natural_w, min_w)]
    if sum(want) <= extra:
        spare = (extra - sum(want)) / len(min_w)
        return [m + w + spare for m, w in zip(min_w, want)]
    return [m + extra * w / sum(want) for m, w in zip(min_w, want)]


def comparison_layout(widths: Optional[list[float]], large_print: bool) -> str:
    """"table" when every column gets a readable width, else "cards" (one card per row).

    Large print always uses cards: 16 pt text in seven columns does not fit a portrait page.
    """
    if large_print or not widths or min(widths) < MIN_COLUMN_PT * 0.75:
        return "cards"
    return "table"


def row_values(row: ComparisonRow, columns: list[tuple[str, str]]) -> list[Optional[Text]]:
    return [getattr(row, name) for name, _ in columns]


@dataclass
class Material:
    """One line of the gathered materials checklist."""

    texts: list[str]  # the material in each language (first language first)
    used_by: list[Text] = field(default_factory=list)  # activity titles; empty = the whole workshop
    whole_workshop: bool = False


def materials(cur: Curriculum, languages: tuple[str, ...]) -> list[Material]:
    """Curriculum and activity materials, deduplicated by their first-language wording
    (case and markup ignored), each with the activities it is for."""
    out: dict[str, Material] = {}

    def add(text: Text, activity: Optional[Activity]) -> None:
        key = " ".join(plain(text.get(languages[0])).casefold().split())
        m = out.get(key)
        if m is None:
            shown: list[str] = []
            for lang in languages:
                s = text.get(lang)
                if s not in shown:
                    shown.append(s)
            m = out[key] = Material(shown)
        if activity is None:
            m.whole_workshop = True
        elif activity.title is not None and all(t is not activity.title for t in m.used_by):
            m.used_by.append(activity.title)

    for t in cur.materials:
        add(t, None)
    for _s, a in cur.activities():
        for t in a.materials:
            add(t, a)
    return list(out.values())


def min_font_size(styles: dict, exclude: tuple[str, ...] = ("footer",)) -> float:
    """The smallest font size among ``styles`` (name -> object with ``fontSize``)."""
    return min(s.fontSize for name, s in styles.items() if name not in exclude)


def borrowed_from(cur: Curriculum, lang: str, anonymous: bool = False) -> list[str]:
    """One credit line per curriculum that ``cur`` takes sessions or activities from with
    ``from:`` (at any depth): its title in quotes, its authors, its licence. A licence such
    as CC-BY asks that the people whose work is reused be named where the work is."""
    out = []
    for src in cur.sources.values():
        who = "" if anonymous else ", ".join(
            plain(a.name.get(lang)) + (f" ({plain(a.org.get(lang))})" if a.org else "")
            for a in src.authors)
        out.append(" · ".join(w for w in (quoted(plain(src.title.get(lang)), lang), who,
                                          src.license or "") if w))
    return out
