"""What a build is asked to do, and what it did: plain data, cheap to import.

:class:`BuildRequest` is what the command line (or any caller of
:mod:`workshopkit.api`) fills in; :meth:`BuildRequest.checked` turns loosely
given values (``"es,en"``, ``"09:30"``) into checked ones and says what is wrong
with the rest.  :class:`BuildResult` carries the outcome and the one summary
line every command that builds prints.
"""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Optional

from workshopkit.errors import ERROR, Diagnostic, Pos, Problems, UsageError, WorkshopkitError

OVERRIDES = ("paper", "start", "ink", "large_print", "booklet", "cards", "anonymous", "theme",
             "template", "delivery")
"""Options a request may set over the project's workshopkit.yaml."""


def split_list(values: Iterable[str] | str | None) -> list[str]:
    """'es,en' or ('es,en', 'pt') -> ['es', 'en', 'pt']: blanks and repeats dropped."""
    if values is None:
        return []
    if isinstance(values, str):
        values = [values]
    out: list[str] = []
    for v in values:
        for part in v.split(","):
            part = part.strip()
            if part and part not in out:
                out.append(part)
    return out


def _is_tag(tag: str) -> bool:
    """Whether ``tag`` is written as a BCP 47 language tag (es, pt-BR)."""
    import re

    from workshopkit.source.spec import LANG_RE

    return bool(re.match(LANG_RE, tag))


@dataclass(frozen=True)
class KitRequest:
    """Kits wanted with a build: copies for the print plan (None: no plan)."""

    participants: Optional[int] = None
    facilitators: int = 1


@dataclass(frozen=True)
class BuildRequest:
    paths: tuple[Path, ...]
    out_dir: Path = Path("build")
    overrides: dict = field(default_factory=dict)  # Options fields over the project's
    kinds: Optional[tuple[str, ...]] = None  # None: every kind
    languages: Optional[tuple[str, ...]] = None  # None: every language
    strict: bool = False
    bilingual: Optional[tuple[str, ...]] = None  # a pair of languages
    jobs: int = 1
    kit: Optional[KitRequest] = None

    def checked(self) -> "BuildRequest":
        """This request with lists split, kinds, pair and times checked (UsageError if not)."""
        from workshopkit.build import kinds as registry
        from workshopkit.model.options import epoch_problem

        bad_epoch = epoch_problem()
        if bad_epoch:
            raise WorkshopkitError(Diagnostic(ERROR, Pos("SOURCE_DATE_EPOCH"), bad_epoch))
        kinds = None
        if self.kinds is not None:
            kinds = tuple(split_list(self.kinds))
            unknown = [k for k in kinds if k not in registry.available(None)]
            if unknown:
                raise UsageError(f"unknown kind {', '.join(unknown)}; choose from "
                                 f"{', '.join(registry.available(None))}", "--only")
        pair = None
        if self.bilingual:
            pair = tuple(split_list(self.bilingual))
            if len(pair) != 2 or pair[0] == pair[1]:
                raise UsageError("give two different languages, such as es,en", "--bilingual")
        languages = tuple(split_list(self.languages))
        for option, tags in (("--lang", languages), ("--bilingual", pair or ())):
            wrong = [t for t in tags if not _is_tag(t)]
            if wrong:
                raise UsageError(f"'{wrong[0]}' is not a language tag (such as pt, pt-BR)",
                                 option)
        unknown = set(self.overrides) - set(OVERRIDES)
        if unknown:
            raise UsageError(f"no such option: {', '.join(sorted(unknown))}")
        overrides = {k: v for k, v in self.overrides.items() if v is not None}
        for key in ("paper", "ink", "cards"):  # choices, in any case: --paper A4
            if isinstance(overrides.get(key), str):
                overrides[key] = overrides[key].strip().lower()
        if isinstance(overrides.get("start"), str):
            from workshopkit.model.options import parse_clock

            overrides["start"] = parse_clock(overrides["start"])
            if overrides["start"] is None:
                raise UsageError("use HH:MM, such as 09:30", "--start")
        for key in ("theme", "template"):
            if key in overrides:
                overrides[key] = Path(overrides[key])
        return dataclasses.replace(
            self, paths=tuple(Path(p) for p in self.paths), out_dir=Path(self.out_dir),
            overrides=overrides, kinds=kinds or None, bilingual=pair,
            languages=languages or None, jobs=max(1, int(self.jobs)))

    def wanted_languages(self) -> Optional[set[str]]:
        """Languages to load (None: all); the bilingual pair is always among them."""
        if not self.languages:
            return None
        return set(self.languages) | set(self.bilingual or ())


@dataclass
class BuildResult:
    out_dir: Path = Path("build")
    written: list[Path] = field(default_factory=list)
    up_to_date: list[Path] = field(default_factory=list)
    curricula: list = field(default_factory=list)
    failed: list[str] = field(default_factory=list)  # files with errors
    kits: list[Path] = field(default_factory=list)
    problems: Problems = field(default_factory=Problems)
    strict: bool = False
    slides: int = 0
    pages: int = 0
    from_record: bool = False  # nothing changed: answered from the staleness record

    @property
    def warnings(self) -> int:  # as printed: a problem several targets share, once
        return len(set(self.problems.warnings))

    @property
    def exit_code(self) -> int:
        return 1 if self.failed or self.problems.failed(self.strict) else 0

    @property
    def errors(self) -> int:
        return len(set(self.problems.errors))

    def summary(self) -> str:
        """The one line build, kit and watch print after building (errors, when any:
        a rebuild that failed says so)."""
        errors = f", {_count(self.errors, 'error')}" if self.errors else ""
        return (f"{self.out_dir}: {_count(len(self.written), 'file')} written, "
                f"{len(self.up_to_date)} up to date; {_count(self.slides, 'slide')}, "
                f"{_count(self.pages, 'page')}, {_count(self.warnings, 'warning')}{errors}")


def _count(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"
