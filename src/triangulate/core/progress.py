"""Progress of a long step: what it is doing, how far it is, out of how many.

Steps call ``on_progress(stage, done, total)`` as they go (``total`` is None when it is not
known); the command line shows it on a terminal and nothing elsewhere.
"""

from __future__ import annotations

from collections.abc import Callable

Progress = Callable[[str, int, "int | None"], None]


def no_progress(stage: str, done: int, total: int | None) -> None:
    """The default: progress is not shown."""
