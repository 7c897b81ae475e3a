"""Dates as people read them, and as intervals every step compares the same way."""

from __future__ import annotations


def shown_publication_date(published: str | None, inferred: bool) -> str | None:
    """A publication date as shown to people: a guess is marked as one."""
    if published and inferred:
        return f"{published} (inferred)"
    return published
