"""The local web app: ``create_app(db_path)`` builds it, ``triangulate serve`` runs it."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterable, Mapping
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException

from triangulate.api import Store
from triangulate.errors import NotFoundError, TriangulateError
from triangulate.settings import Settings
from triangulate.version import __version__
from triangulate.web.context import (
    HERE,
    ThreadStores,
    WebContext,
    error_response,
    make_environment,
)
from triangulate.web.jobs import BusyError, JobRegistry
from triangulate.web.pages import router
from triangulate.web.security import LOOPBACK_HOSTS, ForbiddenError, SecurityMiddleware

UPLOAD_FILES = 5  # the body limit allows this many inputs at the size limit


def create_app(
    db_path: Path,
    settings: Settings | None = None,
    *,
    allowed_hosts: Iterable[str] = (),
    allow_private_urls: bool = False,
    create: bool = True,
) -> FastAPI:
    """The web app over the store at ``db_path``.

    It answers requests addressed to loopback names and to ``allowed_hosts`` (``"*"``: any);
    URLs submitted through it are fetched only from public addresses unless
    ``allow_private_urls``.
    """
    settings = (settings or Settings(db_path=db_path)).with_(
        allow_private_urls=allow_private_urls, isolate_workers=True
    )
    # fail early, in one clear line, on a bad (or, without ``create``, missing) store
    Store(db_path, settings=settings, create=create).close()
    body_limit = settings.max_input_bytes * UPLOAD_FILES + 1024 * 1024
    context = WebContext(
        db_path=db_path,
        settings=settings,
        env=make_environment(),
        stores=ThreadStores(db_path, settings),
        jobs=JobRegistry(db_path, settings, waiting_bytes=body_limit),
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
    hosts = LOOPBACK_HOSTS | frozenset(allowed_hosts)
    app.add_middleware(SecurityMiddleware, max_body_bytes=body_limit, allowed_hosts=hosts)
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    _add_error_handlers(app)
    app.include_router(router)
    return app


def _add_error_handlers(app: FastAPI) -> None:
    statuses: Mapping[type[Exception], int] = {
        NotFoundError: 404,
        ForbiddenError: 403,
        BusyError: 429,
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
