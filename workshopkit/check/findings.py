"""What the layout check reports: one Finding per defect seen in an output."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

# rule id -> what it means, in the order reports list them
RULES = {
    "word-split": "a word broken across lines without a printed hyphen",
    "bad-hyphen": "a word hyphenated outside the language's hyphenation points",
    "url-split": "a URL broken anywhere but after / . - _ ? & =",
    "blank-page": "a page holding nothing but its footer (or nothing at all)",
    "underfull": "a page under 15 % full although the next page's first block would fit",
    "stranded-heading": "a heading as the last text of a page, apart from what it introduces",
    "off-page": "text outside its page or too close to the paper's edge",
    "text-overlap": "two pieces of text printed over each other (text outside its cell)",
    "running-header": "a worksheet page without the running header",
    "slide-overlap": "a slide element overlapping another",
    "slide-off": "a slide element leaving the slide",
    "video-qr": "a bilingual video slide without one QR code per language URL",
    "language-code": "a language code printed where a language name belongs",
}


@dataclass(frozen=True)
class Finding:
    file: Path
    page: int  # 1-based page (logical page for booklets) or slide number
    rule: str
    message: str

    def __str__(self) -> str:
        where = "slide" if self.file.suffix == ".pptx" else "p."
        return f"{self.file}:{where}{self.page}: {self.rule}: {self.message}"


def excerpt(text: str, limit: int = 70) -> str:
    """A short, one-line quotation of offending text."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
