"""What every page needs: the store per thread, templates, jobs, a page cache, the secret."""

from __future__ import annotations

import secrets
import threading
from collections import OrderedDict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse, JSONResponse, Response
from jinja2 import Environment

from triangulate.api import Store
from triangulate.render.templates import environment
from triangulate.settings import Settings
from triangulate.version import __version__
from triangulate.web.jobs import JobRegistry
from triangulate.web.security import csrf_token

HERE = Path(__file__).resolve().parent
PAGE_CACHE_SIZE = 64


class ThreadStores:
    """One store connection per server thread (SQLite connections are not shared)."""

    def __init__(self, db_path: Path, settings: Settings) -> None:
        self.db_path = db_path
        self.settings = settings
        self._local = threading.local()
        self._opened: list[Store] = []
        self._lock = threading.Lock()

    def get(self) -> Store:
        store: Store | None = getattr(self._local, "store", None)
        if store is None:
            store = Store(self.db_path, settings=self.settings)
            self._local.store = store
            with self._lock:
                self._opened.append(store)
        return store

    def close_all(self) -> None:
        with self._lock:
            for store in self._opened:
                store.close()
            self._opened.clear()


class PageCache:
    """Rendered pages keyed by what they were made from (a dossier's id, creation time and
    size; an article's stamp): a changed input is a new key, so nothing is invalidated by hand."""

    def __init__(self, size: int = PAGE_CACHE_SIZE) -> None:
        self.size = size
        self._pages: OrderedDict[tuple[object, ...], str] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: tuple[object, ...]) -> str | None:
        with self._lock:
            page = self._pages.get(key)
            if page is not None:
                self._pages.move_to_end(key)
            return page

    def put(self, key: tuple[object, ...], page: str) -> None:
        with self._lock:
            self._pages[key] = page
            while len(self._pages) > self.size:
                self._pages.popitem(last=False)


@dataclass
class WebContext:
    db_path: Path
    settings: Settings
    env: Environment
    stores: ThreadStores
    jobs: JobRegistry
    cache: PageCache = field(default_factory=PageCache)
    secret: bytes = field(default_factory=lambda: secrets.token_bytes(32))

    def render(self, request: Request, template: str, **context: Any) -> str:
        context.setdefault("csrf_token", csrf_token(self.secret, request))
        context.setdefault("query", request.url.query)  # a list's JSON twin keeps its filters
        page = self.env.get_template(template)
        return page.render(version=__version__, **context)


def make_environment() -> Environment:
    env = environment(HERE / "templates")
    env.filters["when"] = when
    return env


def when(timestamp: object) -> str:
    """ "2025-06-12T09:30:00+00:00" -> "2025-06-12 09:30 UTC"."""
    text = str(timestamp or "")
    if len(text) >= 16 and text[10] == "T":
        zone = " UTC" if text.endswith(("+00:00", "Z")) else ""
        return f"{text[:10]} {text[11:16]}{zone}"
    return text


def wants_json(request: Request, suffixed: bool = False) -> bool:
    if suffixed:
        return True
    accept = request.headers.get("accept", "")
    return "application/json" in accept and "text/html" not in accept


def error_response(request: Request, status: int, message: str) -> Response:
    """One clear line, as JSON or as a small page."""
    if wants_json(request, request.url.path.endswith(".json")):
        return JSONResponse({"error": message}, status_code=status)
    ctx: WebContext = request.app.state.ctx
    page = ctx.render(request, "error.html.j2", status=status, message=message)
    return HTMLResponse(page, status_code=status)
