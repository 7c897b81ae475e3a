"""The local runner: a process pool over the machine's cores, started only when it pays.

Runners know nothing of the steps: they run the step functions they are given, in order.
What they do know is how processes fail, and they keep a failure to its own item:

- an item that kills its worker (out of memory, a segfault, ``kill -9``) is found by running
  the items the crash interrupted again one at a time; the one that kills its worker again
  becomes a failure result for that item alone, the others are computed as usual;
- an item over the time limit is stopped (a timer in the worker; a worker that does not
  return to Python in time is killed) and becomes a failure result;
- workers end when their parent ends, even when it is killed with ``kill -9``.
"""

from __future__ import annotations

import contextlib
import gc
import multiprocessing
import os
import signal
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import CancelledError, Future, ProcessPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from itertools import islice
from types import FrameType
from typing import Any, Generic, TypeVar

from triangulate.errors import TriangulateError

T = TypeVar("T")
R = TypeVar("R")

# How long a pool may go without finishing any item beyond the time limit before its workers
# are killed: the timer inside a worker fires only when it runs Python code again.
HARD_LIMIT_GRACE = 30.0
PARENT_CHECK_SECONDS = 1.0
# How much lower a pool working beside a busy caller runs (see LocalRunner): enough that the
# caller takes a core whenever it is ready to run (the kernel then weighs it about ten times
# a worker), and the workers everything it leaves.
BESIDE_CALLER_NICENESS = 10

Failure = Callable[[T, str], R]


class ItemTimeLimit(BaseException):
    """Raised inside a step that ran over its time limit.

    A BaseException, so that a step's own ``except Exception`` (kept there to turn parser
    crashes into one line) does not swallow it.
    """

    def __init__(self, seconds: float) -> None:
        super().__init__(seconds)
        self.seconds = seconds


class WorkerFailed(TriangulateError):
    """An item stopped its worker and the caller gave no way to report it per item."""


def chunked(items: Iterable[T], size: int) -> Iterator[list[T]]:
    return growing_chunks(items, size, size)


def growing_chunks(items: Iterable[T], first: int, most: int) -> Iterator[list[T]]:
    """``items`` in lists of ``first`` items, then each twice as long as the last, at most
    ``most``."""
    iterator = iter(items)
    size = first
    while chunk := list(islice(iterator, size)):
        yield chunk
        size = min(size * 2, most)


@contextmanager
def time_limit(seconds: float | None) -> Iterator[None]:
    """Raise :class:`ItemTimeLimit` in this block after ``seconds`` (main thread only:
    elsewhere signals cannot be delivered, and the block runs unbounded)."""
    if not seconds or threading.current_thread() is not threading.main_thread():
        yield
        return

    def expire(signum: int, frame: FrameType | None) -> None:
        raise ItemTimeLimit(seconds)

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _limited_call(func: Callable[[T], R], seconds: float | None, item: T) -> R:
    with time_limit(seconds):
        return func(item)


def _start_worker(niceness: int = 0) -> None:
    """In each worker, first: what it inherited from its parent is left out of garbage
    collection (it stays alive for the worker's life; scanning it in every full collection
    cost a worker tens of milliseconds per hundred pages and copied its memory pages), the
    worker ends with its parent, and runs ``niceness`` lower than it."""
    gc.freeze()
    _end_with_parent()
    # where lowering is not allowed, the worker runs at its parent's priority
    with contextlib.suppress(OSError):
        if niceness:
            os.nice(niceness)


def _end_with_parent() -> None:
    """In each worker: exit as soon as the parent is gone (reparented workers would
    otherwise wait forever on a queue whose other end is held by their siblings)."""
    parent = os.getppid()  # the pool's process, or the fork server that started this one

    def watch() -> None:
        while True:
            time.sleep(PARENT_CHECK_SECONDS)
            if os.getppid() != parent:
                os._exit(1)

    threading.Thread(target=watch, name="parent-watch", daemon=True).start()


def _module_of(func: object) -> str:
    inner = getattr(func, "func", func)  # through functools.partial
    return str(getattr(inner, "__module__", "triangulate"))


def describe_exit(code: int | None) -> str:
    """How a worker process ended, in words."""
    if code is None:
        return "its worker process died"
    if code < 0:
        try:
            name = signal.Signals(-code).name
        except ValueError:
            name = f"signal {-code}"
        hint = " (often: out of memory)" if -code == signal.SIGKILL else ""
        return f"its worker process was killed by {name}{hint}"
    return f"its worker process exited with code {code}"


def _reason(error: BaseException, seconds: float | None) -> str:
    if isinstance(error, ItemTimeLimit):
        return f"took longer than the time limit of {error.seconds:g} s"
    return f"stopped its worker ({type(error).__name__}: {error})"


class _Failed(Generic[T]):
    """An item whose run ended its worker, waiting to be run again on its own."""

    def __init__(self, item: T) -> None:
        self.item = item


class LazyPool:
    """A process pool started only when there is enough work to share.

    ``map`` starts every item at once and yields the results in order; an item that
    stops its worker or runs over ``time_limit`` becomes ``on_failure(item, reason)``.
    """

    def __init__(
        self,
        workers: int,
        minimum_items: int = 4,
        time_limit: float | None = None,
        isolate: bool = False,
        niceness: int = 0,
    ) -> None:
        self.workers = max(1, workers)
        self.niceness = niceness  # how much lower than this process the workers run
        self.minimum_items = minimum_items
        self.time_limit = time_limit
        # every item in a worker started by a fork server: in a threaded server, where forking
        # is unsafe and the time limit cannot be kept in-process (signals need the main thread)
        self.isolate = isolate
        self._executor: ProcessPoolExecutor | None = None

    # ------------------------------------------------------------------ the pool

    def _pool(self, workers: int | None = None, func: object = None) -> ProcessPoolExecutor:
        if self._executor is None:
            context = multiprocessing.get_context("forkserver" if self.isolate else None)
            if self.isolate and func is not None:
                # the fork server imports the step's module once; its workers start ready
                context.set_forkserver_preload([_module_of(func)])
            self._executor = ProcessPoolExecutor(
                workers or self.workers,
                mp_context=context,
                initializer=_start_worker,
                initargs=(self.niceness,),
            )
        return self._executor

    def _discard(self, kill: bool = False) -> list[int | None]:
        """Drop the pool (killing its workers when asked); the exit codes of its workers."""
        executor, self._executor = self._executor, None
        if executor is None:
            return []
        processes = list(getattr(executor, "_processes", {}).values())
        if kill:
            for process in processes:
                process.kill()
        executor.shutdown(wait=True, cancel_futures=True)
        return [process.exitcode for process in processes]

    def uses_processes(self, items: int) -> bool:
        if self.isolate:
            return items > 0
        return self._executor is not None or (self.workers >= 2 and items >= self.minimum_items)

    # ------------------------------------------------------------------ mapping

    def map(
        self,
        func: Callable[[T], R],
        items: Sequence[T],
        on_failure: Failure[T, R] | None = None,
    ) -> Iterator[R]:
        """Results of ``func`` over ``items``, in order (work starts now, in a pool)."""
        failure: Failure[T, R] = on_failure if on_failure is not None else _raise_failure
        if not self.uses_processes(len(items)) or (len(items) < 2 and not self.isolate):
            return self._in_process(func, items, failure)
        futures = [self._submit(func, item) for item in items]
        return self._collect(func, items, futures, failure)

    def _in_process(
        self, func: Callable[[T], R], items: Sequence[T], failure: Failure[T, R]
    ) -> Iterator[R]:
        for item in items:
            try:
                with time_limit(self.time_limit):
                    result = func(item)
            except ItemTimeLimit as error:
                result = failure(item, _reason(error, self.time_limit))
            except Exception as error:  # one item's fault is its own, when failures are told
                result = _failed_on(error, item, failure)
            yield result

    def _submit(self, func: Callable[[T], R], item: T) -> Future[R]:
        try:
            return self._pool(func=func).submit(_limited_call, func, self.time_limit, item)
        except BrokenProcessPool:  # broke while submitting: a fresh pool takes the rest
            self._discard()
            return self._pool(func=func).submit(_limited_call, func, self.time_limit, item)

    def _collect(
        self,
        func: Callable[[T], R],
        items: Sequence[T],
        futures: list[Future[R]],
        failure: Failure[T, R],
    ) -> Iterator[R]:
        """Each result as soon as it and those before it are in (the caller stores the first
        while workers compute the rest); from a crash on, the rest are collected, and those the
        crash interrupted are run again one at a time."""
        pairs = zip(items, futures, strict=True)
        for item, future in pairs:
            outcome = self._outcome(item, future, failure)
            if isinstance(outcome, _Failed):
                yield from self._after_crash(func, outcome, pairs, failure)
                return
            yield outcome

    def _after_crash(
        self,
        func: Callable[[T], R],
        crashed: _Failed[T],
        pairs: Iterator[tuple[T, Future[R]]],
        failure: Failure[T, R],
    ) -> list[R]:
        """The results from a crash on: the items it interrupted run again one at a time."""
        outcomes: list[R | _Failed[T]] = [crashed]
        for item, future in pairs:
            outcome: R | _Failed[T] = self._outcome(item, future, failure)
            outcomes.append(outcome)
        self._discard(kill=True)
        results = [
            self._alone(func, r.item, failure) if isinstance(r, _Failed) else r for r in outcomes
        ]
        self._discard()  # the next batch gets the full pool again
        return results

    def _outcome(self, item: T, future: Future[R], failure: Failure[T, R]) -> R | _Failed[T]:
        """The item's result; a crash of the pool (or no progress in time) marks it."""
        try:
            return future.result(timeout=self._patience())
        except (BrokenProcessPool, CancelledError):
            return _Failed(item)
        except FutureTimeout:
            self._discard(kill=True)  # every item still running is run again alone
            return _Failed(item)
        except ItemTimeLimit as error:
            return failure(item, _reason(error, self.time_limit))
        except Exception as error:
            return _failed_on(error, item, failure)

    def _patience(self) -> float | None:
        return None if not self.time_limit else self.time_limit + HARD_LIMIT_GRACE

    def _alone(self, func: Callable[[T], R], item: T, failure: Failure[T, R]) -> R:
        """Run one item alone in a one-worker pool: a second crash is its own."""
        future = self._pool(workers=1).submit(_limited_call, func, self.time_limit, item)
        try:
            result = future.result(timeout=self._patience())
        except ItemTimeLimit as error:
            return failure(item, _reason(error, self.time_limit))
        except FutureTimeout:
            self._discard(kill=True)
            return failure(item, f"took longer than the time limit of {self.time_limit:g} s")
        except (BrokenProcessPool, CancelledError):
            codes = self._discard()
            return failure(item, describe_exit(next((c for c in codes if c), None)))
        except Exception as error:
            return _failed_on(error, item, failure)
        return result

    def close(self) -> None:
        self._discard()

    def __enter__(self) -> LazyPool:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _failed_on(error: Exception, item: T, failure: Failure[T, R]) -> R:
    """An error ``func`` raised on one item: that item's failure when the caller tells
    failures item by item (one line, the batch goes on), else raised as it was."""
    if failure is _raise_failure:
        raise error
    return failure(item, f"stopped on an error ({type(error).__name__}: {error})")


def _raise_failure(item: Any, reason: str) -> Any:
    raise WorkerFailed(f"an item could not be processed: {reason}")


class LocalRunner:
    """Maps a step function over batches in a process pool of ``workers`` (in-process for one).

    ``beside_caller``: the caller keeps busy while the pool works (the stories' clusterer
    takes one batch while the next is featurized), and it is what bounds the run: the workers
    run at a lower priority, so that it has a core whenever it is ready, and they take what
    it leaves (on two cores, a clusterer and two workers at one priority made three busy
    processes sharing two, and the run slower: docs/benchmarks.md, "A core for the
    clusterer").
    """

    def __init__(self, workers: int, minimum_items: int = 64, beside_caller: bool = False) -> None:
        niceness = BESIDE_CALLER_NICENESS if beside_caller else 0
        self._pool = LazyPool(workers, minimum_items=minimum_items, niceness=niceness)

    def map(self, func: Callable[[T], R], items: Sequence[T]) -> list[R]:
        return list(self._pool.map(func, items))

    def close(self) -> None:
        self._pool.close()

    def __enter__(self) -> LocalRunner:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
