"""The local web app: ``create_app(db_path)`` builds it, ``triangulate serve`` runs it."""

from __future__ import annotations

import secrets
import threading
from collections import OrderedDict
from collections.abc import AsyncIterator, Mapping
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from jinja2 import Environment
from starlette.exceptions import HTTPException

from triangulate import __version__
from triangulate.errors import NotFoundError, TriangulateError
from triangulate.render.templates import environment
from triangulate.settings import Settings
from triangulate.store import Store, open_store
from triangulate.web.jobs import JobRegistry
from triangulate.web.security import ForbiddenError, SecurityMiddleware, csrf_token

HERE = Path(__file__).resolve().parent
PAGE_CACHE_SIZE = 64
UPLOAD_FILES = 5  # the body limit allows this many inputs at the size limit


class ThreadStores:
    """One store connection per server thread (SQLite connections are not shared)."""

    def __init__(self, db_path: Path) -> None:
        self.db_path = db_path
        self._local = threading.local()
        self._opened: list[Store] = []
        self._lock = threading.Lock()

    def get(self) -> Store:
        store: Store | None = getattr(self._local, "store", None)
        if store is None:
            store = open_store(self.db_path)
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
    """Rendered pages keyed by what they were made from (a dossier id and its creation time)."""

    def __init__(self, size: int = PAGE_CACHE_SIZE) -> None:
        self.size = size
        self._pages: OrderedDict[tuple[str, ...], str] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: tuple[str, ...]) -> str | None:
        with self._lock:
            page = self._pages.get(key)
            if page is not None:
                self._pages.move_to_end(key)
            return page

    def put(self, key: tuple[str, ...], page: str) -> None:
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


def create_app(db_path: Path, settings: Settings | None = None) -> FastAPI:
    """The web app over the store at ``db_path``."""
    settings = settings or Settings(db_path=db_path)
    open_store(db_path).close()  # fail early, with one clear line, on a bad store
    context = WebContext(
        db_path=db_path,
        settings=settings,
        env=make_environment(),
        stores=ThreadStores(db_path),
        jobs=JobRegistry(db_path, settings),
    )

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        yield
        context.jobs.shutdown()
        context.stores.close_all()

    app = FastAPI(
        title="triangulate", version=__version__, lifespan=lifespan,
        docs_url=None, redoc_url=None, openapi_url=None,
    )  # fmt: skip
    app.state.ctx = context
    body_limit = settings.max_input_bytes * UPLOAD_FILES + 1024 * 1024
    app.add_middleware(SecurityMiddleware, max_body_bytes=body_limit)
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    _add_error_handlers(app)
    from triangulate.web.pages import router

    app.include_router(router)
    return app


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


def _add_error_handlers(app: FastAPI) -> None:
    statuses: Mapping[type[Exception], int] = {
        NotFoundError: 404,
        ForbiddenError: 403,
        TriangulateError: 400,
    }
    for kind, status in statuses.items():

        async def handle(request: Request, error: Exception, status: int = status) -> Response:
            return error_response(request, status, str(error))

        app.add_exception_handler(kind, handle)

    async def http_error(request: Request, error: Exception) -> Response:
        assert isinstance(error, HTTPException)
        messages = {404: "no such page", 405: "this page does not accept that method"}
        message = messages.get(error.status_code, str(error.detail))
        return error_response(request, error.status_code, message)

    async def invalid(request: Request, error: Exception) -> Response:
        return error_response(request, 400, "the request is missing a field or has a bad value")

    app.add_exception_handler(HTTPException, http_error)
    app.add_exception_handler(RequestValidationError, invalid)
