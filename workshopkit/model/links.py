"""URLs as the model holds them: already cleaned of tracking parameters, plain or per
language."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

from workshopkit.errors import Pos


@dataclass
class Url:
    """A URL, or a per-language mapping of URLs, already cleaned of tracking parameters."""

    pos: Pos
    plain: Optional[str] = None
    values: dict[str, str] = field(default_factory=dict)
    source_lang: str = ""

    def get(self, lang: str) -> str:
        if self.plain is not None:
            return self.plain
        return self.values.get(lang) or self.values[self.source_lang]
