"""The deck plan's data: a deck and its planned slides (shapes, speaker notes, number)."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

from workshopkit.plan.slides_fit import Shape, TextBox
from workshopkit.plan.slides_text import Line


@dataclass
class PlannedSlide:
    kind: str                   # title | objectives | agenda | section | activity | break |
    title: TextBox              # a slide body kind | glossary | resources | credits
    shapes: list[Shape] = field(default_factory=list)
    notes: list[Line] = field(default_factory=list)
    continued: int = 0          # 0 on a first slide, 1, 2... on "(cont.)" slides
    number: Optional[TextBox] = None   # the slide's number (none on the title slide)
    activity: Optional[tuple[str, str]] = None  # (session id, activity id) it belongs to

    def boxes(self) -> list[Shape]:
        return [self.title] + self.shapes + ([self.number] if self.number else [])


@dataclass
class Deck:
    width: int
    height: int
    languages: tuple[str, ...]
    slides: list[PlannedSlide] = field(default_factory=list)
