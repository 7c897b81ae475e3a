"""Background ingest jobs: uploads, pasted text and URLs go into the store off the request."""

from __future__ import annotations

import hashlib
import threading
import uuid
from collections import OrderedDict
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath, PureWindowsPath
from typing import Any

from triangulate.errors import InputError
from triangulate.ingest.ingester import (
    Ingester,
    IngestEvent,
)
from triangulate.ingest.inputs import (
    KNOWN_SUFFIXES,
    Item,
    documents_from_bytes,
    iter_documents,
)
from triangulate.settings import Settings
from triangulate.store import open_store

UPLOAD_SUFFIXES = KNOWN_SUFFIXES | {".warc"}
KEPT_JOBS = 100


@dataclass(frozen=True)
class Upload:
    """One input sent through the form: a file, pasted text or a URL."""

    name: str
    data: bytes = b""
    url: str | None = None


def safe_name(filename: str) -> str:
    """The bare file name of an upload: folders (either slash) dropped, never used as a path."""
    name = PureWindowsPath(PurePosixPath(filename).name).name.strip()
    return name or "upload.txt"


def pasted(text: str) -> Upload:
    data = text.encode("utf-8")
    return Upload(f"pasted-{hashlib.sha1(data).hexdigest()[:10]}.txt", data)


def upload_items(uploads: list[Upload], settings: Settings) -> Iterator[Item]:
    """Documents of every upload, in order; problems come as InputError items."""
    for upload in uploads:
        if upload.url is not None:
            yield from _url_items(upload.url, settings)
        else:
            yield from _file_items(upload, settings)


def _url_items(url: str, settings: Settings) -> Iterator[Item]:
    # Only web addresses: a local path typed in the URL box must never be read.
    if not url.lower().startswith(("http://", "https://")):
        yield InputError(url, "is not a web address", "URLs start with http:// or https://")
        return
    yield from iter_documents([url], settings)


def _file_items(upload: Upload, settings: Settings) -> Iterator[Item]:
    suffixes = [s.lower() for s in Path(upload.name).suffixes if s.lower() != ".gz"]
    if not suffixes or suffixes[-1] not in UPLOAD_SUFFIXES:
        yield InputError(upload.name, "is not a supported file type", "txt, html, warc or jsonl")
        return
    if len(upload.data) > settings.max_input_bytes:
        limit = f"{settings.max_input_bytes:,}"
        yield InputError(upload.name, f"is over the size limit of {limit} bytes", "split it")
        return
    try:
        yield from documents_from_bytes(upload.name, upload.data, settings)
    except InputError as error:
        yield error


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

    def __init__(self, db_path: Path, settings: Settings) -> None:
        self.db_path = db_path
        # A process pool forked from a threaded server is fragile: jobs run in-process.
        self.settings = settings.with_(workers=1)
        self._jobs: OrderedDict[str, Job] = OrderedDict()
        self._lock = threading.Lock()
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="ingest")

    def submit(self, uploads: list[Upload]) -> Job:
        job = Job(uuid.uuid4().hex[:16])
        with self._lock:
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
            with open_store(self.db_path) as store:
                ingester = Ingester(store, self.settings)
                ingester.run_items(upload_items(uploads, self.settings), _recorder(job))
        except Exception as error:  # a crash must end the job visibly, not leave it "running"
            job.message = f"ingest stopped: {error}"
            job.state = "failed"
            return
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
