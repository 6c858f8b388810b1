"""The mark of a value reported as wrong: a reader returns it, the caller drops the value
and goes on (one run reports every problem of a file)."""
from typing import Any

INVALID: Any = object()
"""Marks a value that was reported as wrong (the caller just drops it)."""
