"""Background ingest jobs: uploads, pasted text and URLs go into the store off the request."""

from __future__ import annotations

import threading
import uuid
from collections import OrderedDict
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from triangulate.api import IngestEvent, Store, Upload
from triangulate.errors import TriangulateError
from triangulate.settings import Settings

KEPT_JOBS = 100


class BusyError(TriangulateError):
    """The server holds as many uploads waiting to be ingested as it takes (429)."""


@dataclass
class Job:
    id: str
    state: str = "queued"  # queued, running, done, failed
    events: list[dict[str, Any]] = field(default_factory=list)
    message: str = ""

    @property
    def finished(self) -> bool:
        return self.state in ("done", "failed")

    @property
    def article_ids(self) -> list[str]:
        ids = (e["article"] for e in self.events if e["article"] and e["kind"] != "error")
        return list(dict.fromkeys(ids))

    def counts(self) -> dict[str, int]:
        kinds = ("stored", "duplicate", "unchanged", "error")
        return {kind: sum(1 for e in self.events if e["kind"] == kind) for kind in kinds}

    def as_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "state": self.state,
            "finished": self.finished,
            "message": self.message,
            "counts": self.counts(),
            "article_ids": self.article_ids,
            "events": list(self.events),
            "next": f"/add?job={self.id}#build" if self.finished else None,
        }


class JobRegistry:
    """Runs ingest jobs one at a time in a worker thread and remembers the last few."""

    def __init__(self, db_path: Path, settings: Settings, waiting_bytes: int) -> None:
        self.db_path = db_path
        # the uploads of the jobs not yet done are held in memory: at most this many bytes
        # (one largest request's worth), so that a flood of uploads cannot exhaust memory
        self.waiting_bytes = waiting_bytes
        self._waiting: dict[str, int] = {}  # job id -> bytes of its uploads
        # Forking a threaded server is unsafe, and a time limit needs a process of its own:
        # each item runs in one worker started by a fork server.
        self.settings = settings.with_(workers=1, isolate_workers=True)
        self._jobs: OrderedDict[str, Job] = OrderedDict()
        self._lock = threading.Lock()
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="ingest")

    def submit(self, uploads: list[Upload]) -> Job:
        job = Job(uuid.uuid4().hex[:16])
        size = sum(len(upload.data) for upload in uploads)
        with self._lock:
            held = sum(self._waiting.values())
            if self._waiting and held + size > self.waiting_bytes:
                raise BusyError(
                    f"the server is still ingesting {len(self._waiting)} earlier upload(s)"
                    f" ({held / 1e6:.1f} MB): try again when they are done"
                )
            self._waiting[job.id] = size
            self._jobs[job.id] = job
            while len(self._jobs) > KEPT_JOBS:
                self._jobs.popitem(last=False)
        self._executor.submit(self._run, job, uploads)
        return job

    def get(self, job_id: str) -> Job | None:
        with self._lock:
            return self._jobs.get(job_id)

    def shutdown(self) -> None:
        self._executor.shutdown(wait=True, cancel_futures=True)

    def _run(self, job: Job, uploads: list[Upload]) -> None:
        job.state = "running"
        try:
            with Store(self.db_path, settings=self.settings) as store:
                store.ingest_uploads(uploads, _recorder(job))
        except Exception as error:  # a crash must end the job visibly, not leave it "running"
            job.message = f"ingest stopped: {error}"
            job.state = "failed"
            return
        finally:
            with self._lock:
                self._waiting.pop(job.id, None)
        job.state = "done"


def _recorder(job: Job) -> Callable[[IngestEvent], None]:
    def record(event: IngestEvent) -> None:
        job.events.append(
            {
                "kind": event.kind,
                "source": event.source,
                "article": event.article,
                "message": event.message,
            }
        )

    return record
