"""The Ray engine: the same featurize stage as the local engine, run as Ray tasks.

Each batch of articles is split into one part per CPU Ray offers; each part is one task
calling :func:`triangulate.stories.cluster.featurize` on its articles, and the results
are gathered in order.  Clustering itself stays on the driver (it is sequential by nature
and cheap), so the stories are exactly those of the local engine.

Ray is optional (``pip install 'triangulate[ray]'``).  With no address a local Ray is
started with ``workers`` CPUs; ``address="auto"`` (or ``ray://host:10001``) joins a cluster,
see docs/ray.md.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, TypeVar

from triangulate.errors import SettingsError

T = TypeVar("T")
R = TypeVar("R")


def apply_part(func: Callable[[T], R], items: Sequence[T]) -> list[R]:
    """One Ray task's work (a plain function, so it is tested without Ray)."""
    return [func(item) for item in items]


def _ray() -> Any:
    try:
        import ray
    except ImportError as error:
        raise SettingsError(
            "the ray engine needs Ray: pip install 'triangulate[ray]' (or use --engine local)"
        ) from error
    return ray


class RayRunner:
    """Maps step functions over batches as Ray tasks; starts (and stops) a local Ray if needed."""

    def __init__(self, workers: int | None = None, address: str | None = None) -> None:
        self._ray = _ray()
        self._started = False
        if not self._ray.is_initialized():
            options: dict[str, Any] = {"include_dashboard": False, "log_to_driver": False}
            if address:
                options["address"] = address
            else:
                options["num_cpus"] = workers
            self._ray.init(**options)
            self._started = True
        self._task = self._ray.remote(apply_part)
        self.parallelism = max(1, int(self._ray.available_resources().get("CPU", 1)))

    def map(self, func: Callable[[T], R], items: Sequence[T]) -> list[R]:
        if not items:
            return []
        size = -(-len(items) // self.parallelism)
        parts = [list(items[i : i + size]) for i in range(0, len(items), size)]
        results = self._ray.get([self._task.remote(func, part) for part in parts])
        return [result for part in results for result in part]

    def close(self) -> None:
        """Stop Ray only when this engine started it."""
        if self._started:
            self._ray.shutdown()
            self._started = False
