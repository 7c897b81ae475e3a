"""The pages. Each has a JSON twin: the same path + ``.json``, or ``Accept: application/json``."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar
from urllib.parse import urlencode

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import FormData, UploadFile

from triangulate.api import ArticleFilter, Store, Upload, given_metadata
from triangulate.core.dates import DateInterval, publication_how_in_words
from triangulate.errors import NotFoundError, TriangulateError
from triangulate.ingest.uploads import pasted, safe_name
from triangulate.models import Article
from triangulate.render.view import DossierView, article_href, dates_in_words, path_part
from triangulate.web.context import WebContext, wants_json
from triangulate.web.highlight import cited_spans, highlight, reading_spans
from triangulate.web.security import check_post, csrf_token
from triangulate.web.story_view import StoryView, story_href, story_row

router = APIRouter()
MAX_FORM_FILES = 20
MIN_DOSSIER_ARTICLES = 2
# One dossier a request builds while its page waits: 200 articles took 30 s in a trial on two
# busy cores (a 50-article dossier 8 s, docs/benchmarks.md); more is the command line's work.
MAX_DOSSIER_ARTICLES = 200
Found = TypeVar("Found")


def _ctx(request: Request) -> WebContext:
    context: WebContext = request.app.state.ctx
    return context


def _find(value: str, fetch: Callable[[str], Found | None]) -> tuple[str, bool, Found | None]:
    """(id, json?, what ``fetch`` found for the id): ``x.json`` asks for the twin of ``x``
    unless ``x.json`` itself exists."""
    found = fetch(value)
    if found is None and value.endswith(".json"):
        value = value[: -len(".json")]
        return value, True, fetch(value)
    return value, False, found


def _page(request: Request, suffixed: bool, template: str, data: Any, **view: Any) -> Response:
    if wants_json(request, suffixed):
        return JSONResponse(data)
    return HTMLResponse(_ctx(request).render(request, template, **view))


# --- pages of long lists -----------------------------------------------------------------------

PAGE_SIZE = 100  # rows of one list on one page
MAX_OUTLETS = 1000  # outlets offered in the home page's filter


@dataclass(frozen=True)
class Pager:
    """Where one list of a page is: which rows, and links to the pages around it."""

    param: str
    page: int
    total: int
    size: int = PAGE_SIZE

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // self.size))

    @property
    def offset(self) -> int:
        return (self.page - 1) * self.size

    def link(self, request: Request, page: int) -> str | None:
        if not 1 <= page <= self.pages or page == self.page:
            return None
        params = {k: v for k, v in request.query_params.items() if k != self.param}
        if page > 1:
            params[self.param] = str(page)
        return f"{request.url.path}?{urlencode(params)}" if params else request.url.path

    def view(self, request: Request) -> dict[str, Any]:
        """What the pager template shows (and the JSON twins tell)."""
        return {
            "page": self.page, "pages": self.pages, "total": self.total, "size": self.size,
            "first": self.offset + 1 if self.total else 0,
            "last": min(self.offset + self.size, self.total),
            "previous": self.link(request, self.page - 1),
            "next": self.link(request, self.page + 1),
        }  # fmt: skip


Rows = list[dict[str, Any]]


def _paged(
    request: Request, param: str, fetch: Callable[[int], tuple[Rows, int]]
) -> tuple[Rows, Pager]:
    """The rows of the page asked for in ``param`` (the last page when it is past the end);
    ``fetch(offset)`` gives a page of rows and the total."""
    raw = request.query_params.get(param, "1")
    if not (raw.isascii() and raw.isdigit() and 0 < int(raw) < 10**9):
        raise TriangulateError(f"{param}: give a page number from 1, not {raw[:40]!r}")
    page = int(raw)  # past the last page: the last page
    rows, total = fetch((page - 1) * PAGE_SIZE)
    pager = Pager(param, page, total)
    if page > pager.pages:
        pager = Pager(param, pager.pages, total)
        rows, _ = fetch(pager.offset)
    return rows, pager


# --- home ------------------------------------------------------------------------------------


@router.get("/")
@router.get("/index.json")
def home(
    request: Request, q: str = "", outlet: str = "", since: str = "", until: str = ""
) -> Response:
    """Stories, dossiers and articles, a page of each (at most PAGE_SIZE rows per list)."""
    store = _ctx(request).stores.get()
    for name, value in (("since", since), ("until", until)):
        if value and not _is_date(value):
            wanted = "a date as 2025-06-12 (or 2025-06, 2025)"
            raise TriangulateError(f"{name}: give {wanted}, not {value[:40]!r}")
    kept = ArticleFilter(q, outlet, since, until)
    articles, article_pager = _article_list(request, store, kept)
    stories, story_pager = _story_list(request, store, kept or None)
    dossiers, dossier_pager = _paged(
        request, "dossiers_page", lambda offset: store.dossier_page(PAGE_SIZE, offset)
    )
    filters = {"q": q, "outlet": outlet, "since": since, "until": until}
    pages = {
        "articles": article_pager.view(request),
        "stories": story_pager.view(request),
        "dossiers": dossier_pager.view(request),
    }
    data = {
        "articles": articles, "dossiers": dossiers, "stories": stories,
        "filters": filters, "pages": pages,
    }  # fmt: skip
    total = store.article_count() if kept else article_pager.total
    view = {
        **data, "outlets": store.outlets(MAX_OUTLETS), "total": total, "filtered": bool(kept),
        "story_total": store.story_count(), "dossier_total": dossier_pager.total,
    }  # fmt: skip
    return _page(request, request.url.path.endswith(".json"), "home.html.j2", data, **view)


_DATE = re.compile(r"\d{4}(?:-\d{2}(?:-\d{2})?)?")


def _is_date(value: str) -> bool:
    """A year, a month or a day, as the stored dates are written (ISO 8601)."""
    return (
        value.isascii() and bool(_DATE.fullmatch(value)) and DateInterval.parse(value) is not None
    )


def _article_list(request: Request, store: Store, kept: ArticleFilter) -> tuple[Rows, Pager]:
    return _paged(request, "page", lambda offset: store.article_page(kept, PAGE_SIZE, offset))


def _story_list(request: Request, store: Store, kept: ArticleFilter | None) -> tuple[Rows, Pager]:
    """One page of stories, or under filters of those telling at least one kept article."""
    summaries, pager = _paged(
        request, "stories_page", lambda offset: store.story_page(kept, PAGE_SIZE, offset)
    )
    members = store.story_members([summary["id"] for summary in summaries])
    rows = [story_row(summary, members.get(summary["id"], [])) for summary in summaries]
    return rows, pager


# --- add: ingest, then build a dossier --------------------------------------------------------


@router.get("/add")
@router.get("/add.json")
def add_page(request: Request, job: str = "") -> Response:
    """The add form, and a page of articles to build a dossier from; a finished job's new
    articles come first, ticked."""
    ctx = _ctx(request)
    store = ctx.stores.get()
    found = ctx.jobs.get(job) if job else None
    selected = set(found.article_ids) if found else set()
    chosen = store.article_rows_of(found.article_ids[:PAGE_SIZE]) if found else []
    rows, pager = _article_list(request, store, ArticleFilter())
    data = {
        "articles": chosen + [row for row in rows if row["id"] not in selected],
        "max_input_bytes": ctx.settings.max_input_bytes,
        "job": found.as_json() if found else None,
        "csrf_token": csrf_token(ctx.secret, request),
        "pages": {"articles": pager.view(request)},
    }
    view = {**data, "selected": selected}
    return _page(request, request.url.path.endswith(".json"), "add.html.j2", data, **view)


@router.post("/add")
async def add_submit(request: Request) -> Response:
    ctx = _ctx(request)
    limit = ctx.settings.max_input_bytes
    async with request.form(max_files=MAX_FORM_FILES, max_part_size=limit) as form:
        check_post(ctx.secret, request, form)
        uploads = await _uploads(form, limit)
    if not uploads:
        raise TriangulateError("nothing to add: paste a text, choose files or enter URLs")
    job = ctx.jobs.submit(uploads)
    if wants_json(request):
        return JSONResponse(job.as_json(), status_code=202)
    return RedirectResponse(f"/jobs/{job.id}", status_code=303)


async def _uploads(form: FormData, limit: int) -> list[Upload]:
    uploads: list[Upload] = []
    # outlet, title and date typed in the form: for the pasted text and uploaded text files
    given = given_metadata(**{f: _field(form, f) for f in ("outlet", "title", "published")})
    text = form.get("text")
    if isinstance(text, str) and text.strip():
        uploads.append(pasted(text, given))
    for item in form.getlist("files"):
        if isinstance(item, UploadFile) and item.filename:
            # One byte over the limit is enough to report it as too large.
            data = await item.read(limit + 1)
            uploads.append(Upload(safe_name(item.filename), data, given=given))
    urls = form.get("urls")
    for line in urls.splitlines() if isinstance(urls, str) else []:
        if line.strip():
            uploads.append(Upload(line.strip(), url=line.strip()))
    return uploads


def _field(form: FormData, name: str) -> str | None:
    value = form.get(name)
    return value if isinstance(value, str) and value.strip() else None


@router.get("/jobs/{job_id}")
def job_page(request: Request, job_id: str) -> Response:
    job_id, suffixed, job = _find(job_id, _ctx(request).jobs.get)
    if job is None:
        raise NotFoundError(f"no ingest job {job_id!r} (jobs are forgotten when the server stops)")
    data = job.as_json()
    if job.finished and not wants_json(request, suffixed):
        return RedirectResponse(data["next"], status_code=303)
    return _page(request, suffixed, "job.html.j2", data, job=data)


# --- dossiers --------------------------------------------------------------------------------


@router.post("/dossiers")
async def dossier_create(request: Request) -> Response:
    ctx = _ctx(request)
    async with request.form(max_files=0) as form:
        check_post(ctx.secret, request, form)
        ids = [i for i in form.getlist("article") if isinstance(i, str) and i]
    ids = list(dict.fromkeys(ids))
    if len(ids) < MIN_DOSSIER_ARTICLES:
        raise TriangulateError("select at least two articles to compare")
    if len(ids) > MAX_DOSSIER_ARTICLES:
        raise TriangulateError(
            f"select at most {MAX_DOSSIER_ARTICLES} articles for one dossier here, not"
            f" {len(ids)} (the command line's `triangulate dossier` takes any number)"
        )
    dossier_id = await run_in_threadpool(_build_dossier, ctx, ids)
    if wants_json(request):
        return JSONResponse({"id": dossier_id, "url": f"/dossiers/{dossier_id}"}, 201)
    return RedirectResponse(f"/dossiers/{dossier_id}", status_code=303)


def _build_dossier(ctx: WebContext, ids: list[str]) -> str:
    store = ctx.stores.get()
    for article_id in ids:
        store.article(article_id)  # unknown ids: a clear 404 before the slow part
    return store.dossier(ids).id


@router.get("/dossiers/{dossier_id}")
def dossier_page(request: Request, dossier_id: str) -> Response:
    ctx = _ctx(request)
    store = ctx.stores.get()
    dossier_id, suffixed, meta = _find(dossier_id, store.dossier_meta)
    if meta is None:
        raise NotFoundError(f"no dossier with id {dossier_id!r}")
    if wants_json(request, suffixed):
        return JSONResponse(store.dossier_data(dossier_id))
    key = (dossier_id, str(meta["created_at"]), str(meta["size"]))
    page = ctx.cache.get(key)
    if page is None:
        view = DossierView(store.dossier_data(dossier_id), dossier_id, meta)
        page = ctx.render(request, "dossier.html.j2", d=view)
        ctx.cache.put(key, page)
    return HTMLResponse(page)


# --- stories ---------------------------------------------------------------------------------


@router.get("/stories/{story_id}")
def story_page(request: Request, story_id: str) -> Response:
    store = _ctx(request).stores.get()
    story_id, suffixed, story = _find(story_id, store.find_story)
    if story is None:
        raise NotFoundError(f"no story with id {story_id!r}")
    dossier = _story_dossier(store, story.get("dossier_id"))
    view = StoryView(story, dossier)
    data = {
        **story,
        "independent": view.independent(),
        "dossier_url": f"/dossiers/{path_part(dossier.id)}" if dossier else None,
    }
    return _page(request, suffixed, "story.html.j2", data, s=view)


def _story_dossier(store: Store, dossier_id: str | None) -> DossierView | None:
    """The story's dossier when it is still stored (dossiers can be deleted on their own)."""
    if not dossier_id or (meta := store.dossier_meta(dossier_id)) is None:
        return None
    return DossierView(store.dossier_data(dossier_id), dossier_id, meta)


# --- articles --------------------------------------------------------------------------------


@router.get("/articles/{article_id:path}")
def article_route(request: Request, article_id: str) -> Response:
    """An article by its id, whatever characters the id holds ("a/b" included): the exact id
    first, then the ``.json`` twin, then ``/original`` of an id."""
    store = _ctx(request).stores.get()
    if _article_or_none(store, article_id) is None and article_id.endswith("/original"):
        base = article_id[: -len("/original")]
        if _article_or_none(store, base) is not None:
            return article_original(request, base)
    return article_page(request, article_id)


def article_original(request: Request, article_id: str) -> Response:
    media_type, data = _ctx(request).stores.get().original(article_id)
    # Served as a text download, never as HTML: hostile pages must not run here.
    headers = {
        "Content-Disposition": 'attachment; filename="original.txt"',
        "X-Original-Media-Type": media_type.encode("ascii", "replace").decode("ascii"),
    }
    return Response(data, media_type="text/plain; charset=utf-8", headers=headers)


def article_page(request: Request, article_id: str) -> Response:
    store = _ctx(request).stores.get()
    article_id, suffixed, found = _find(article_id, lambda i: _article_or_none(store, i))
    article = found if found is not None else store.article(article_id)  # 404
    story = _article_story(store, article_id)
    if wants_json(request, suffixed):
        reading = store.stored_reading(article)
        return JSONResponse({**store.record(article), "reading": reading, "story": story})
    ctx = _ctx(request)
    # Parsing the reading and the citing dossiers and highlighting the text are most of a
    # page's cost; the stamp compares what the page is made from without parsing any of it.
    key = ("article", article_id, repr(story), store.article_stamp(article))
    page = ctx.cache.get(key)
    if page is None:
        page = _article_html(request, store, article, store.stored_reading(article), story)
        ctx.cache.put(key, page)
    return HTMLResponse(page)


def _article_html(
    request: Request,
    store: Store,
    article: Article,
    reading: dict[str, Any] | None,
    story: dict[str, Any] | None,
) -> str:
    article_id = article.id
    evidence = [ev for d in store.dossiers_with(article_id) for ev in _all_ev(d)]
    spans = cited_spans(article.text, article_id, evidence)
    spans += reading_spans(article.text, reading) if reading else []
    view = {
        "article": article,
        "body": highlight(article.text, spans),
        "published": dates_in_words(article.published) if article.published else None,
        "published_how": publication_how_in_words(article.published_how),
        "has_reading": reading is not None,
        "cited": sum(1 for s in spans if s.kind == "cited"),
        "original_href": article_href(article_id) + "/original",
        "duplicate_href": article_href(article.duplicate_of) if article.duplicate_of else None,
        "story": story,
    }
    return _ctx(request).render(request, "article.html.j2", **view)


def _article_or_none(store: Store, article_id: str) -> Article | None:
    try:
        return store.article(article_id)
    except NotFoundError:
        return None


def _article_story(store: Store, article_id: str) -> dict[str, Any] | None:
    """The story the article belongs to (id, title, url, article count), if clustered."""
    story = store.story_of(article_id)
    if story is None:
        return None
    return {
        "id": story["id"],
        "title": story["title"],
        "url": story_href(story["id"]),
        "article_count": story["article_count"],
    }


def _all_ev(dossier: dict[str, Any]) -> list[dict[str, Any]]:
    """Every evidence span a dossier cites, wherever it sits in the JSON."""
    found: list[dict[str, Any]] = []
    stack: list[Any] = [dossier.get(k) for k in ("claims", "timeline", "summary", "framing")]
    stack.append(dossier.get("quotes"))
    while stack:
        item = stack.pop()
        if isinstance(item, list):
            stack.extend(item)
        elif isinstance(item, dict):
            if {"article", "start", "end"} <= item.keys() and "text" in item:
                found.append(item)
            stack.extend(v for v in item.values() if isinstance(v, list | dict))
    return found
