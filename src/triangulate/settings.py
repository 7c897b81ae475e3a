"""All options in one place, checked once when the settings are made."""

from __future__ import annotations

import os
from dataclasses import dataclass, fields, replace
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
    """Every option, with the limits that keep any input bounded in time and memory.

    The limits and their defaults are listed in the README ("Limits"); each has a CLI option.
    """

    db_path: Path | None = None
    # size: an input is refused once this many bytes were read (decompressed bytes for gzip)
    max_input_bytes: int = 20 * 1024 * 1024
    # the clean text of one article: longer is refused at ingest, and read only this far
    max_article_chars: int = 400_000
    # HTML elements and JSON values: counted before parsing, refused over these
    max_html_elements: int = 200_000
    max_json_depth: int = 32
    max_json_items: int = 100_000
    # time: one item's extraction or reading; one URL (all tries); standard input
    item_time_limit: float = 120.0
    fetch_timeout: float = 20.0  # each network wait
    fetch_deadline: float = 60.0
    fetch_retries: int = 2
    fetch_max_bytes: int = 20 * 1024 * 1024
    stream_timeout: float = 60.0
    # the web app fetches only public addresses unless this is set (the CLI allows all)
    allow_private_urls: bool = True
    # how long a write waits for another writer of the same store before retrying
    busy_timeout: float = 60.0
    user_agent: str = USER_AGENT
    workers: int = 0  # 0: one per core
    # every item in a worker process started by a fork server (the web app: a threaded server)
    isolate_workers: bool = False
    favor_precision: bool = True
    near_duplicate_threshold: float = 0.8

    def __post_init__(self) -> None:
        self._check_kinds()
        positive = {
            "max_input_bytes": self.max_input_bytes,
            "max_article_chars": self.max_article_chars,
            "max_html_elements": self.max_html_elements,
            "max_json_depth": self.max_json_depth,
            "max_json_items": self.max_json_items,
            "item_time_limit": self.item_time_limit,
            "fetch_timeout": self.fetch_timeout,
            "fetch_deadline": self.fetch_deadline,
            "fetch_max_bytes": self.fetch_max_bytes,
            "stream_timeout": self.stream_timeout,
            "busy_timeout": self.busy_timeout,
        }
        for name, value in positive.items():
            if value <= 0:
                raise SettingsError(f"{name} must be positive, not {value}")
        if self.fetch_retries < 0 or self.workers < 0:
            raise SettingsError("fetch_retries and workers cannot be negative")
        if not 0.0 < self.near_duplicate_threshold <= 1.0:
            raise SettingsError("near_duplicate_threshold must be in (0, 1]")

    def _check_kinds(self) -> None:
        """Each number and switch of the kind its default is ("x" or 1.5 workers, a string
        for a limit): one line naming the option, not an error from deep inside."""
        for option in fields(self):
            default, value = option.default, getattr(self, option.name)
            if isinstance(default, bool):
                wanted, fits = "true or false", isinstance(value, bool)
            elif isinstance(default, int):
                wanted = "a whole number"
                fits = isinstance(value, int) and not isinstance(value, bool)
            elif isinstance(default, float):
                wanted = "a number"
                fits = isinstance(value, (int, float)) and not isinstance(value, bool)
            else:
                continue
            if not fits:
                raise SettingsError(f"{option.name} must be {wanted}, not {value!r}")

    @property
    def db(self) -> Path:
        return self.db_path if self.db_path is not None else default_db_path()

    @property
    def worker_count(self) -> int:
        return self.workers or usable_cores()

    def with_(self, **changes: object) -> Settings:
        try:
            return replace(self, **changes)  # type: ignore[arg-type]
        except TypeError:
            unknown = sorted(set(changes) - set(self.__dataclass_fields__))
            raise SettingsError(f"unknown option {', '.join(unknown) or changes}") from None


def usable_cores() -> int:
    """The cores this process may run on (fewer than the machine's under a CPU affinity)."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0)) or 1
    return os.cpu_count() or 1
