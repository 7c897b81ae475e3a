"""The Ray engine: the same featurize stage as the local engine, run as Ray tasks.

Each batch of articles is split into one part per CPU Ray offers; each part is one task
calling :func:`triangulate.pipeline.cluster.featurize` on its articles, and the results
are gathered in order.  Clustering itself stays on the driver (it is sequential by nature
and cheap), so the stories are exactly those of the local engine.

Ray is optional (``pip install 'triangulate[ray]'``).  With no address a local Ray is
started with ``workers`` CPUs; ``address="auto"`` (or ``ray://host:10001``) joins a cluster,
see docs/ray.md.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from triangulate.errors import SettingsError
from triangulate.models import Article
from triangulate.pipeline.cluster import ArticleFeatures, featurize


def featurize_part(articles: Sequence[Article]) -> list[ArticleFeatures]:
    """One Ray task's work (a plain function, so it is tested without Ray)."""
    return [featurize(article) for article in articles]


def _ray() -> Any:
    try:
        import ray
    except ImportError as error:
        raise SettingsError(
            "the ray engine needs Ray: pip install 'triangulate[ray]' (or use --engine local)"
        ) from error
    return ray


class RayEngine:
    """Featurizes batches as Ray tasks; starts (and later stops) a local Ray when needed."""

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
        self._task = self._ray.remote(featurize_part)
        self.parallelism = max(1, int(self._ray.available_resources().get("CPU", 1)))

    def featurize(self, articles: Sequence[Article]) -> list[ArticleFeatures]:
        if not articles:
            return []
        size = -(-len(articles) // self.parallelism)
        parts = [list(articles[i : i + size]) for i in range(0, len(articles), size)]
        results = self._ray.get([self._task.remote(part) for part in parts])
        return [features for part in results for features in part]

    def close(self) -> None:
        """Stop Ray only when this engine started it."""
        if self._started:
            self._ray.shutdown()
            self._started = False
