"""Small text helpers the readers share."""

from __future__ import annotations


def word_set(words: str) -> frozenset[str]:
    """A set of words written as one string, one or more per line."""
    return frozenset(words.split())


def lower_same_length(text: str) -> str:
    """``text.lower()`` with every offset kept (a few characters lower-case to two)."""
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    return "".join(ch.lower() if len(ch.lower()) == 1 else ch for ch in text)
