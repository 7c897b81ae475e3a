"""The web app answers only at its own names, fetches only public addresses, caps what it
reads, reaches every stored id and pages every long list."""

from __future__ import annotations

import html
import http.client
import re
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from hostile_corpus import good_article
from test_web import wait_for_job
from triangulate.models import Article, Story
from triangulate.settings import Settings
from triangulate.store import open_store, writes
from triangulate.store import stories as story_store
from triangulate.web import create_app

LOCAL = "http://127.0.0.1"
ROUTES = [
    ("GET", "/"), ("GET", "/index.json"), ("GET", "/add"), ("GET", "/add.json"),
    ("GET", "/articles/a00001"), ("GET", "/articles/a00001.json"),
    ("GET", "/articles/a00001/original"), ("GET", "/dossiers/d1"), ("GET", "/stories/s1"),
    ("GET", "/jobs/x"), ("GET", "/static/style.css"), ("GET", "/no/such/page"),
    ("POST", "/add"), ("POST", "/dossiers"),
]  # fmt: skip


def fill(db: Path, articles: int, stories: int = 0, dossiers: int = 0) -> None:
    with open_store(db) as store, writes.batch(store):
        for n in range(articles):
            article = Article(
                id=f"a{n:05d}", source=f"a{n}.txt", text=f"Invented note number {n} on the harbour.",
                title=f"Note {n}", outlet=f"Outlet {n % 3}", content_hash=str(n),
                published=f"2025-01-{n % 28 + 1:02d}" if n % 5 else None,
            )  # fmt: skip
            writes.save_article(store, article, original=article.text.encode())
        for n in range(dossiers):
            writes.save_dossier(store, f"d{n}", f"Dossier {n}", ["a00000"], {"articles": []})
    with open_store(db) as store:
        made = [Story(f"s{n}", f"Story {n}", (f"a{n:05d}",), 1, None, None) for n in range(stories)]
        story_store.replace_stories(store, made)


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "web.db"
    fill(path, 250, stories=130, dossiers=120)
    return path


@pytest.fixture
def client(db: Path) -> Iterator[TestClient]:
    app = create_app(db, Settings(db_path=db, workers=1, max_input_bytes=100_000))
    with TestClient(app, base_url=LOCAL) as test_client:
        yield test_client


def token(client: TestClient) -> str:
    match = re.search(r'name="csrf_token" value="([0-9a-f]+)"', client.get("/add").text)
    assert match
    return match.group(1)


# --- Host ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(("method", "path"), ROUTES)
@pytest.mark.parametrize("host", ["evil.example", "evil.example:8000", "127.0.0.1.nip.io", "[::2]"])
def test_a_foreign_host_is_refused_on_every_route(
    client: TestClient, method: str, path: str, host: str
) -> None:
    response = client.request(method, path, headers={"Host": host})
    assert response.status_code == 403
    assert response.text.startswith("error: this app answers only at 127.0.0.1, ::1, localhost")
    assert response.headers["content-security-policy"].startswith("default-src 'self'")


@pytest.mark.parametrize(
    "host", ["127.0.0.1", "127.0.0.1:8000", "localhost:1", "[::1]:8000", "LOCALHOST"]
)
def test_loopback_names_are_served(client: TestClient, host: str) -> None:
    assert client.get("/", headers={"Host": host}).status_code == 200


def test_more_names_can_be_allowed(db: Path) -> None:
    app = create_app(db, allowed_hosts={"news.lan"})
    with TestClient(app, base_url="http://news.lan") as client:
        assert client.get("/").status_code == 200
        assert client.get("/", headers={"Host": "other.lan"}).status_code == 403


def test_a_rebinding_style_post_is_refused(client: TestClient, db: Path) -> None:
    """A page on evil.example whose name now points at 127.0.0.1 posts with its own Host
    (and Origin): refused before anything is read or stored, even with a valid token."""
    data = {"text": "Injected text from another site.", "csrf_token": token(client)}
    headers = {"Host": "evil.example:8000", "Origin": "http://evil.example:8000"}
    response = client.post("/add", data=data, headers=headers)
    assert response.status_code == 403
    with open_store(db) as store:
        assert "Injected" not in " ".join(r["title"] or "" for r in store.conn.execute(
            "SELECT title FROM articles"))  # fmt: skip


def test_an_oversized_host_or_header_set_is_refused(client: TestClient) -> None:
    assert client.get("/", headers={"Host": "a" * 300}).status_code == 400
    assert client.get("/", headers={"Host": "a" * 70_000}).status_code == 431
    assert client.get("/", headers={"X-Filler": "b" * 20_000}).status_code == 431


# --- fetching from the web ----------------------------------------------------------------------


def test_a_loopback_url_submitted_through_the_web_is_refused(
    client: TestClient, http_root: tuple[str, Path]
) -> None:
    base, root = http_root
    (root / "secret.html").write_text(
        "<html><body><article><p>Internal only.</p></article></body></html>"
    )
    response = client.post(
        "/add", data={"urls": f"{base}/secret.html\nhttp://localhost:1/x", "csrf_token": token(client)},
        follow_redirects=False,
    )  # fmt: skip
    job = wait_for_job(client, response.headers["location"])
    assert [event["kind"] for event in job["events"]] == ["error", "error"]
    assert "leads to a private or loopback address" in job["events"][0]["message"]
    assert "leads to a private or loopback address" in job["events"][1]["message"]


def test_private_urls_can_be_allowed(db: Path, http_root: tuple[str, Path]) -> None:
    base, root = http_root
    (root / "page.html").write_text(
        f"<html><body><article><p>{good_article(7)[1]}</p></article></body></html>"
    )
    app = create_app(db, Settings(db_path=db, workers=1), allow_private_urls=True)
    with TestClient(app, base_url=LOCAL) as client:
        response = client.post(
            "/add", data={"urls": f"{base}/page.html", "csrf_token": token(client)},
            follow_redirects=False,
        )  # fmt: skip
        job = wait_for_job(client, response.headers["location"])
    assert [event["kind"] for event in job["events"]] == ["stored"]


# --- sizes while reading ------------------------------------------------------------------------


class Server:
    """uvicorn as `triangulate serve` runs it (h11, capped headers), in a thread."""

    def __init__(self, db: Path) -> None:
        import uvicorn

        from triangulate.web.security import MAX_HEADER_BYTES

        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            self.port = int(probe.getsockname()[1])
        app = create_app(db, Settings(db_path=db, workers=1, max_input_bytes=100_000))
        config = uvicorn.Config(
            app, host="127.0.0.1", port=self.port, log_level="critical", http="h11",
            h11_max_incomplete_event_size=MAX_HEADER_BYTES,
        )  # fmt: skip
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    def __enter__(self) -> Server:
        self.thread.start()
        while not self.server.started:
            time.sleep(0.05)
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)


def chunked_upload(port: int, megabytes: int) -> tuple[int, int]:
    """(status, bytes sent before the answer) for a chunked upload of ``megabytes``."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    boundary = "xyzboundary"
    connection.putrequest("POST", "/add")
    connection.putheader("Content-Type", f"multipart/form-data; boundary={boundary}")
    connection.putheader("Transfer-Encoding", "chunked")
    connection.endheaders()
    head = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"files\"; "
            'filename="big.txt"\r\nContent-Type: text/plain\r\n\r\n').encode()  # fmt: skip
    sent = 0
    chunk = b"word " * 13_000
    try:
        for piece in [head, *[chunk] * (megabytes * 1024 * 1024 // len(chunk))]:
            connection.send(f"{len(piece):x}\r\n".encode() + piece + b"\r\n")
            sent += len(piece)
    except (BrokenPipeError, ConnectionResetError):
        pass
    response = connection.getresponse()
    return response.status, sent


def test_a_huge_chunked_upload_is_refused_while_it_is_read(db: Path) -> None:
    with Server(db) as server:
        status, sent = chunked_upload(server.port, 150)
    assert status == 413
    assert sent < 150 * 1024 * 1024


def test_a_huge_header_is_refused_by_the_server(db: Path) -> None:
    with Server(db) as server, socket.create_connection(("127.0.0.1", server.port)) as raw:
        raw.sendall(b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: " + b"h" * 70_000 + b"\r\n\r\n")
        answer = raw.recv(200)
    assert answer.startswith(b"HTTP/1.1 4")


# --- every id, every page -----------------------------------------------------------------------


def test_ids_with_slashes_and_odd_characters_are_reachable(tmp_path: Path) -> None:
    db = tmp_path / "ids.db"
    odd = ["a/b", "a/b/original", "x y?#%", "slash/", "ends.json/x"]
    with open_store(db) as store, writes.batch(store):
        for n, article_id in enumerate(odd):
            article = Article(id=article_id, source="s", text=f"Note {n} about the quay.",
                              content_hash=str(n))  # fmt: skip
            writes.save_article(store, article, original=f"original {n}".encode())
    from urllib.parse import quote

    with TestClient(create_app(db), base_url=LOCAL) as client:
        for article_id in odd:
            href = f"/articles/{quote(article_id, safe='')}"
            assert client.get(href).status_code == 200, article_id
            assert client.get(href + ".json").json()["id"] == article_id
        assert client.get("/articles/x%20y%3F%23%25/original").text == "original 2"
        assert client.get("/articles/slash%2F/original").text == "original 3"
        page = client.get("/articles/a%2Fb%2Foriginal")
        assert "Note 1" in page.text  # the id "a/b/original" itself, not the original of a/b
        home = client.get("/").text
        for article_id in odd:  # each link names its own article, never another route
            assert f'href="/articles/{quote(article_id, safe="")}"' in home, article_id
        assert 'href="/articles/a/b' not in home


def pages_of(data: dict[str, Any], key: str) -> dict[str, Any]:
    pages: dict[str, Any] = data["pages"][key]
    return pages


def test_every_home_list_is_paged(client: TestClient) -> None:
    data = client.get("/index.json").json()
    assert len(data["articles"]) == 100 and len(data["stories"]) == 100
    assert len(data["dossiers"]) == 100
    assert pages_of(data, "articles") == {
        "page": 1, "pages": 3, "total": 250, "size": 100, "first": 1, "last": 100,
        "previous": None, "next": "/index.json?page=2",
    }  # fmt: skip
    last = client.get("/index.json?page=3").json()
    assert len(last["articles"]) == 50 and pages_of(last, "articles")["next"] is None
    assert client.get("/index.json?page=99").json()["articles"] == last["articles"]
    seen = [
        row["id"]
        for n in (1, 2, 3)
        for row in client.get(f"/index.json?page={n}").json()["articles"]
    ]
    assert len(seen) == len(set(seen)) == 250
    assert len(client.get("/index.json?stories_page=2").json()["stories"]) == 30
    assert len(client.get("/index.json?dossiers_page=2").json()["dossiers"]) == 20


def test_pages_keep_the_filters(client: TestClient) -> None:
    data = client.get("/index.json", params={"since": "2025-01-01"}).json()
    assert pages_of(data, "articles")["total"] == 200  # the undated fifth is left out
    assert pages_of(data, "articles")["next"] == "/index.json?since=2025-01-01&page=2"
    second = client.get("/index.json", params={"since": "2025-01-01", "page": "2"}).json()
    assert pages_of(second, "articles")["previous"] == "/index.json?since=2025-01-01"
    page = client.get("/", params={"since": "2025-01-01"}).text
    assert 'href="/?since=2025-01-01&amp;page=2" rel="next"' in page
    assert "Articles 1–100 of 200, page 1 of 2" in page
    assert "Articles 1–100 of 250, page 1 of 3" in client.get("/").text


def test_a_lists_json_link_keeps_its_filters_and_a_nul_search_is_answered(
    client: TestClient,
) -> None:
    page = client.get("/", params={"since": "2025-01-01", "page": "2"}).text
    assert 'href="/index.json?since=2025-01-01&amp;page=2">this page as JSON' in page
    assert 'href="/index.json">this page as JSON' in client.get("/").text
    for params in ({"q": "\x00"}, {"q": '"\x00"'}, {"q": "Invented\x00note"}):
        assert client.get("/", params=params).status_code == 200
        assert client.get("/index.json", params=params).status_code == 200


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("page=abc", "page: give a page number from 1, not 'abc'"),
        ("page=0", "page: give a page number from 1, not '0'"),
        ("page=-1", "page: give a page number from 1, not '-1'"),
        ("stories_page=1e3", "stories_page: give a page number from 1, not '1e3'"),
        ("dossiers_page=%EF%BC%92", "dossiers_page: give a page number from 1"),
        ("since=abc", "since: give a date as 2025-06-12 (or 2025-06, 2025), not 'abc'"),
        ("until=2025-13-45", "until: give a date as 2025-06-12"),
    ],
)
def test_a_query_value_of_the_wrong_kind_is_a_400_naming_it(
    client: TestClient, query: str, message: str
) -> None:
    for path in ("/", "/index.json"):
        response = client.get(f"{path}?{query}")
        shown = html.unescape(response.text)  # the page escapes the quotes
        assert response.status_code == 400 and message in shown, (path, query)
    assert client.get("/index.json?since=2025&until=2025-01").status_code == 200


def test_a_dossier_of_more_articles_than_a_request_builds_is_refused_at_once(
    client: TestClient,
) -> None:
    ids = [f"a{n:05d}" for n in range(201)]
    response = client.post(
        "/dossiers", data={"article": ids, "csrf_token": token(client)},
        headers={"Accept": "application/json"},
    )  # fmt: skip
    assert response.status_code == 400
    assert "select at most 200 articles for one dossier here, not 201" in response.text


def test_uploads_past_what_the_server_holds_waiting_are_told_to_wait(db: Path) -> None:
    from triangulate.api import Upload
    from triangulate.web.jobs import BusyError, JobRegistry

    jobs = JobRegistry(db, Settings(db_path=db, workers=1), waiting_bytes=1000)
    texts = [Upload(f"n{n}.txt", f"Invented note {n} on the harbour. ".encode() * 20)
             for n in range(3)]  # fmt: skip
    first = jobs.submit(texts[:1])  # whatever its size, a job is taken when none waits
    try:
        with pytest.raises(BusyError, match="still ingesting 1 earlier upload"):
            for upload in texts[1:]:
                jobs.submit([upload])
    finally:
        jobs.shutdown()
    assert first.finished and first.counts()["stored"] == 1
    again = JobRegistry(db, Settings(db_path=db, workers=1), waiting_bytes=1000)
    try:
        assert again.submit(texts[1:2]) is not None  # nothing waits: taken
    finally:
        again.shutdown()


def test_the_add_page_is_paged_with_a_jobs_articles_first(client: TestClient) -> None:
    data = client.get("/add.json").json()
    assert len(data["articles"]) == 100 and pages_of(data, "articles")["pages"] == 3
    response = client.post(
        "/add", data={"text": good_article(9)[1], "csrf_token": token(client)}, follow_redirects=False
    )  # fmt: skip
    job = wait_for_job(client, response.headers["location"])
    new = job["article_ids"][0]
    form = client.get(f"/add?job={job['id']}&page=3").text
    assert re.search(rf'value="{re.escape(new)}" id="pick-1" checked', form)
