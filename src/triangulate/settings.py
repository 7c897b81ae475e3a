"""All options in one place, checked once when the settings are made."""

from __future__ import annotations

import os
from dataclasses import dataclass, replace
from pathlib import Path

from platformdirs import user_data_dir

from triangulate.errors import SettingsError

USER_AGENT = "triangulate/0.1 (+https://github.com/triangulate-news/triangulate)"


def default_db_path() -> Path:
    """The store used when ``--db`` is not given (``TRIANGULATE_DB`` overrides)."""
    override = os.environ.get("TRIANGULATE_DB")
    if override:
        return Path(override)
    return Path(user_data_dir("triangulate", appauthor=False)) / "triangulate.db"


@dataclass(frozen=True)
class Settings:
    db_path: Path | None = None
    max_input_bytes: int = 20 * 1024 * 1024
    fetch_timeout: float = 20.0
    fetch_retries: int = 2
    fetch_max_bytes: int = 20 * 1024 * 1024
    user_agent: str = USER_AGENT
    workers: int = 0  # 0: one per core
    favor_precision: bool = True
    near_duplicate_threshold: float = 0.8

    def __post_init__(self) -> None:
        positive = {
            "max_input_bytes": self.max_input_bytes,
            "fetch_timeout": self.fetch_timeout,
            "fetch_max_bytes": self.fetch_max_bytes,
        }
        for name, value in positive.items():
            if value <= 0:
                raise SettingsError(f"{name} must be positive, not {value}")
        if self.fetch_retries < 0 or self.workers < 0:
            raise SettingsError("fetch_retries and workers cannot be negative")
        if not 0.0 < self.near_duplicate_threshold <= 1.0:
            raise SettingsError("near_duplicate_threshold must be in (0, 1]")

    @property
    def db(self) -> Path:
        return self.db_path if self.db_path is not None else default_db_path()

    @property
    def worker_count(self) -> int:
        return self.workers or (os.cpu_count() or 1)

    def with_(self, **changes: object) -> Settings:
        return replace(self, **changes)  # type: ignore[arg-type]
