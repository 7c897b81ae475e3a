"""triangulate: how different outlets report the same news event.

The public API (see the README's "Python API" section)::

    import triangulate

    with triangulate.Store("news.db") as store:
        articles = store.ingest(["coverage/"])
        d = store.dossier(articles)
        print(d.claims, d.to_json())

Names are loaded on first use, so ``import triangulate`` stays light.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from triangulate.version import __version__

__all__ = [
    "Dossier",
    "FetchError",
    "IngestEvent",
    "Ingested",
    "InputError",
    "NotFoundError",
    "Settings",
    "SettingsError",
    "Store",
    "StoreError",
    "TriangulateError",
    "Upload",
    "__version__",
    "dossier",
    "read",
]
_API = frozenset(("Store", "Dossier", "Ingested", "IngestEvent", "Upload", "dossier", "read"))
_ERRORS = frozenset(n for n in __all__ if n.endswith("Error"))

if TYPE_CHECKING:
    from triangulate.api import Dossier, Ingested, IngestEvent, Store, Upload, dossier, read
    from triangulate.errors import (
        FetchError,
        InputError,
        NotFoundError,
        SettingsError,
        StoreError,
        TriangulateError,
    )
    from triangulate.settings import Settings


def __getattr__(name: str) -> Any:
    if name in _API:
        from triangulate import api

        return getattr(api, name)
    if name in _ERRORS:
        from triangulate import errors

        return getattr(errors, name)
    if name == "Settings":
        from triangulate.settings import Settings

        return Settings
    raise AttributeError(f"module 'triangulate' has no attribute {name!r}")
