"""Runners: the same step functions run in-process, in a process pool, or on Ray.

A runner maps a function over a batch and returns the results in order; it knows nothing
of the steps it runs, so every runner gives the same results.
"""

from __future__ import annotations

from typing import Any

from triangulate.errors import SettingsError

RUNNERS = ("local", "ray")


def make_runner(
    name: str, workers: int, address: str | None = None, *, beside_caller: bool = False
) -> Any:
    """``local`` (a process pool) or ``ray`` (Ray needs the ``triangulate[ray]`` extra);
    ``beside_caller``: the caller keeps busy while the engine works (see ``LocalRunner``)."""
    if name == "local":
        from triangulate.runners.local import LocalRunner

        return LocalRunner(workers, beside_caller=beside_caller)
    if name == "ray":
        from triangulate.runners.ray import RayRunner

        return RayRunner(workers, address=address)
    raise SettingsError(f"unknown engine {name!r}: use one of {', '.join(RUNNERS)}")
