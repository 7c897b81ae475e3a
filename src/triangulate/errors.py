"""Named exceptions. The CLI and the web layer turn each into one clear line."""

from __future__ import annotations


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


class FetchError(InputError):
    """A URL could not be fetched."""


class StoreError(TriangulateError):
    """The store could not be opened, migrated or written."""


class NotFoundError(TriangulateError):
    """A requested record is not in the store."""


class SettingsError(TriangulateError):
    """An option has a value the tool cannot use."""
