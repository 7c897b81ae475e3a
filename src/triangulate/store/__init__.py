"""The embedded store: one SQLite file a user can open with any SQLite tool."""

from triangulate.store.db import Store, open_store

__all__ = ["Store", "open_store"]
