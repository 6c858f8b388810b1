"""Page breaks that read well, for every printed PDF.

A heading, an instruction or a lead-in is kept on the page of what it introduces;
a list or a table leaves no single item or row alone at the foot or the top of a
page; a block that fits on a page moves whole to the next page, and one taller
than a page starts where it is; a table row taller than a page splits inside.  reportlab's own ``keepWithNext`` does not group
a flowable with a following ``KeepTogether``, and its ``KeepTogether`` measures a
nested one as endlessly tall and forgets ``rowSplitRange`` after the first page
break: the helpers here work around all three.
"""
from __future__ import annotations

from reportlab.platypus import CondPageBreak, KeepTogether, Table


def keep_list(lead: list, units: list[list]) -> list:
    """A heading (or any lead-in) and the list that follows it, laid out so that the
    heading never ends a page alone and the list never leaves one item alone at the
    top of the next page: ``lead`` is kept with the first unit, the last two units
    are kept together (a list of three or fewer stays whole).  A unit is the
    flowables of one list item.

    reportlab's ``keepWithNext`` cannot do this: it does not group a flowable with a
    following ``KeepTogether``, which is what most items here are.
    """
    lead, units = list(lead), [list(u) for u in units if u]
    if not units:
        return [together(lead)] if lead else []
    if len(units) <= 3:
        return [together(lead + [f for u in units for f in u])]
    head = [together(lead + units[0])]
    middle = [u[0] if len(u) == 1 else together(u) for u in units[1:-2]]  # an item whole
    tail = [f for u in units[max(1, len(units) - 2):] for f in u]
    return head + middle + [together(tail)]


class Rows(Table):
    """A table that keeps its ``rowSplitRange`` on every page it runs over (reportlab
    applies it to the first break only): ``(2, -2)`` means a header and a row before
    any page break, two rows after it."""

    def __init__(self, *args, rowSplitRange=None, whole: bool = False, **kwargs):
        super().__init__(*args, rowSplitRange=rowSplitRange, **kwargs)
        self._keep_rows = rowSplitRange
        self._whole = whole  # one item (a card): moves whole; splits only from a page's top

    def split(self, aW, aH):
        frame = getattr(self, "_frame", None)
        at_top = frame is not None and (frame._atTop or aH >= frame._height - 24)
        if self._whole and not at_top:
            return []
        parts = super().split(aW, aH)
        if not parts and not self.splitInRow and at_top:
            # a row taller than a whole page: split inside it rather than fail (a header
            # row that tall is not repeated)
            repeat = self.repeatRows
            tall_head = repeat and sum(self._rowHeights[:repeat]) > aH / 2
            self.splitInRow, self._rowSplitRange = 1, None
            self.repeatRows = 0 if tall_head else repeat
            try:
                parts = super().split(aW, aH)
            finally:
                self.splitInRow, self._rowSplitRange, self.repeatRows = 0, self._keep_rows, repeat
        for part in parts:
            part._keep_rows = part._rowSplitRange = self._keep_rows
            part.splitInRow = 0
            part._whole = self._whole
        return parts


class Together(KeepTogether):
    """Flowables kept on one page, moved to the next page when they do not fit here;
    unlike reportlab's ``KeepTogether``, content taller than a whole page does not
    leave the rest of this page empty: it starts here and splits."""

    START_HERE = 0.5
    """Content taller than a page starts on this page only when this share of a page
    is left: a heading is never left at the foot of a page with a line under it."""

    def split(self, aW, aH):
        parts = super().split(aW, aH)
        frame = getattr(self, "_frame", None)
        if (frame is not None and self._H > frame._height and parts
                and isinstance(parts[0], type(self.FrameBreak))
                and aH >= frame._height * self.START_HERE):
            parts[0] = self.NullActionFlowable()
        return parts


def together(flows: list) -> Together:
    """:class:`Together` of ``flows`` with any ``KeepTogether`` among them opened up:
    reportlab measures a nested one as endlessly tall and would start a new page."""
    flat: list = []
    for f in flows:
        flat.extend(f._content if isinstance(f, KeepTogether) else [f])
    return Together(flat)


def keep_first(lead: list, flows: list) -> list:
    """``lead`` on the same page as the first of ``flows``; the rest flows on."""
    return keep_list(lead, [flows[:1]]) + list(flows[1:]) if flows else keep_list(lead, [])


class SectionBreak(CondPageBreak):
    """A new page for a new section, unless the page holds little so far (under
    ``share`` of its height): then the section follows on, and no page is left holding
    two short lines."""

    def __init__(self, share: float = 0.25):
        super().__init__(0)
        self.share = share

    def wrap(self, aw, ah):
        frame = getattr(self, "_frame", None)
        total = frame._height if frame is not None else ah
        self.height = ah + 1 if total - ah > self.share * total else 0
        return super().wrap(aw, ah)
