"""Named exceptions. The CLI and the web layer turn each into one clear line.

Every one of them pickles with its fields intact: errors raised in a worker process come
back to the parent as they were raised (a test raises each one in a worker).
"""

from __future__ import annotations

from typing import Any


class TriangulateError(Exception):
    """Base class: ``str(error)`` is a complete one-line message for a user."""


class InputError(TriangulateError):
    """An input could not be read or turned into an article."""

    def __init__(self, source: str, problem: str, hint: str = "") -> None:
        self.source = source
        self.problem = problem
        self.hint = hint
        message = f"{source}: {problem}"
        if hint:
            message += f" ({hint})"
        super().__init__(message)

    def __reduce__(self) -> tuple[Any, ...]:
        # Exception pickles its message only; a worker's error must come back whole
        return (type(self), (self.source, self.problem, self.hint))


class FetchError(InputError):
    """A URL could not be fetched."""


class LimitError(InputError):
    """An input is over one of the documented limits (size, time, nesting, elements)."""


class StoreError(TriangulateError):
    """The store could not be opened, migrated or written."""


class NotFoundError(TriangulateError):
    """A requested record is not in the store."""


class SettingsError(TriangulateError):
    """An option or an argument has a value the tool cannot use."""
