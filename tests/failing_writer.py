"""A writer that fails as a bad --template would (used by test_build)."""
from workshopkit.errors import Pos, WorkshopkitError
from workshopkit.project import display


def write(cur, languages, options):
    raise WorkshopkitError(_diag(cur))


def _diag(cur):
    from workshopkit.errors import Diagnostic

    return Diagnostic("error", Pos(display(cur.path), 1, 1), "the video handout cannot be drawn")
