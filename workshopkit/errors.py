"""One hierarchy for every user-facing problem.

Every diagnostic carries the file, line and column it is about (1-based,
columns counted in characters).  The library raises or collects these; only
the command-line layer prints them and turns them into exit codes.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterator

ERROR = "error"
WARNING = "warning"
NOTE = "note"


@dataclass(frozen=True, order=True)
class Pos:
    """A position in a source file (1-based line and column)."""

    file: str
    line: int = 0
    col: int = 0

    def __str__(self) -> str:
        if self.line:
            return f"{self.file}:{self.line}:{self.col}"
        return self.file


@dataclass(frozen=True)
class Diagnostic:
    severity: str
    pos: Pos
    message: str

    def __str__(self) -> str:
        return f"{self.pos}: {self.severity}: {self.message}"


@dataclass
class Problems:
    """Collects every problem found, so a run reports them all at once."""

    items: list[Diagnostic] = field(default_factory=list)

    def error(self, pos: Pos, message: str) -> None:
        self.items.append(Diagnostic(ERROR, pos, message))

    def warning(self, pos: Pos, message: str) -> None:
        self.items.append(Diagnostic(WARNING, pos, message))

    def note(self, pos: Pos, message: str) -> None:
        self.items.append(Diagnostic(NOTE, pos, message))

    def extend(self, other: "Problems | list[Diagnostic]") -> None:
        self.items.extend(other.items if isinstance(other, Problems) else other)

    @property
    def errors(self) -> list[Diagnostic]:
        return [d for d in self.items if d.severity == ERROR]

    @property
    def warnings(self) -> list[Diagnostic]:
        return [d for d in self.items if d.severity == WARNING]

    def failed(self, strict: bool = False) -> bool:
        """True when the input must not be built (warnings count under strict)."""
        return bool(self.errors) or (strict and bool(self.warnings))

    def sorted(self) -> list[Diagnostic]:
        seen: set[Diagnostic] = set()
        out = []
        for d in sorted(self.items, key=lambda d: (d.pos.file, d.pos.line, d.pos.col)):
            if d not in seen:
                seen.add(d)
                out.append(d)
        return out

    def __iter__(self) -> Iterator[Diagnostic]:
        return iter(self.items)

    def __len__(self) -> int:
        return len(self.items)


class WorkshopkitError(Exception):
    """Raised when input cannot be used; carries every diagnostic found.

    Like click's exceptions, each class carries the exit status it calls for.
    """

    exit_code = 1

    def __init__(self, problems: Problems | list[Diagnostic] | Diagnostic):
        if isinstance(problems, Diagnostic):
            problems = [problems]
        if isinstance(problems, Problems):
            problems = problems.items
        self.diagnostics: list[Diagnostic] = list(problems)
        super().__init__("\n".join(str(d) for d in self.diagnostics))


class UsageError(WorkshopkitError):
    """A request that makes no sense (an unknown kind, a malformed time): exit status 2.

    ``param`` names the option at fault, as the command line spells it.
    """

    exit_code = 2

    def __init__(self, message: str, param: str | None = None):
        Exception.__init__(self, message)
        self.diagnostics = []
        self.message, self.param = message, param


class Interrupted(WorkshopkitError):
    """The user stopped the run (Ctrl-C): exit status 130, nothing half-written."""

    exit_code = 130

    def __init__(self, message: str = "interrupted"):
        Exception.__init__(self, message)
        self.diagnostics = []
