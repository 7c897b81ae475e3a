"""The local runner: a process pool over the machine's cores, started only when it pays.

Runners know nothing of the steps: they run the step functions they are given, in order.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Executor, ProcessPoolExecutor
from itertools import islice
from typing import TypeVar

T = TypeVar("T")
R = TypeVar("R")


def chunked(items: Iterable[T], size: int) -> Iterator[list[T]]:
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk


def parallel_map(func: Callable[[T], R], items: Sequence[T], executor: Executor | None) -> list[R]:
    """``map`` in the pool when there is one and enough work, else in-process."""
    return list(lazy_map(func, items, executor))


def lazy_map(func: Callable[[T], R], items: Sequence[T], executor: Executor | None) -> Iterator[R]:
    """Results in order; with a pool, every task is submitted at once and runs meanwhile."""
    if executor is None or len(items) < 2:
        return (func(item) for item in items)
    return executor.map(func, items, chunksize=max(1, len(items) // 8))


class LazyPool:
    """A process pool started only when there is enough work to share."""

    def __init__(self, workers: int, minimum_items: int = 4) -> None:
        self.workers = workers
        self.minimum_items = minimum_items
        self._executor: ProcessPoolExecutor | None = None

    def get(self, items: int) -> Executor | None:
        if self.workers < 2 or items < self.minimum_items:
            return self._executor
        if self._executor is None:
            self._executor = ProcessPoolExecutor(self.workers)
        return self._executor

    def __enter__(self) -> LazyPool:
        return self

    def __exit__(self, *exc: object) -> None:
        if self._executor is not None:
            self._executor.shutdown()


class LocalRunner:
    """Maps a step function over batches in a process pool of ``workers`` (in-process for one)."""

    def __init__(self, workers: int, minimum_items: int = 64) -> None:
        self._pool = LazyPool(workers, minimum_items=minimum_items)

    def map(self, func: Callable[[T], R], items: Sequence[T]) -> list[R]:
        return parallel_map(func, items, self._pool.get(len(items)))

    def close(self) -> None:
        self._pool.__exit__()

    def __enter__(self) -> LocalRunner:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
