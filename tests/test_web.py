"""The web app in-process: every route, the JSON twins, escaping, CSRF, limits and errors."""

from __future__ import annotations

import copy
import html
import re
import shutil
import time
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient
from hypothesis import given
from hypothesis import settings as hsettings
from hypothesis import strategies as st

from triangulate.cli import cli
from triangulate.ingest.ingester import ingest
from triangulate.models import Story
from triangulate.settings import Settings
from triangulate.store import open_store, queries, writes
from triangulate.store import stories as story_store
from triangulate.store.export import article_record
from triangulate.stories.run import run_stories
from triangulate.web import create_app
from triangulate.web.highlight import Span, highlight

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
DOSSIER_ID = "dtest"
STORY_ID = "s-dam"
HOSTILE_STORY = '<script>alert("story")</script> Ferry'
DAM_ARTICLES = ("ledger-2025-06-10", "wire-2025-06-11", "gazette-2025-06-12",
                "observer-2025-06-13", "courier-undated")  # fmt: skip
CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'"
)
LIMIT = 200_000  # max_input_bytes of the test apps
LOCAL = "http://127.0.0.1"  # the app answers loopback names only


def evidence(texts: dict[str, str], article: str, phrase: str) -> dict[str, Any]:
    start = texts[article].index(phrase)
    return {"article": article, "start": start, "end": start + len(phrase), "text": phrase}


def side(texts: dict[str, str], display: str, *found: tuple[str, str]) -> dict[str, Any]:
    spans = [evidence(texts, a, p) for a, p in found]
    return {
        "value": display,
        "display": display,
        "articles": [a for a, _ in found],
        "evidence": spans,
    }


def hand_dossier(store_path: Path) -> dict[str, Any]:
    """A dossier of the examples written by hand, with real spans into the stored texts."""
    with open_store(store_path) as store:
        articles = [article_record(a) for a in queries.iter_articles(store)]
    articles = [a for a in articles if a["id"] != "xss"]
    texts = {a["id"]: a["text"] for a in articles}
    residents = {
        "id": "c1", "about": "number of residents evacuated", "status": "conflict",
        "difference": "contradiction", "reason": "24,000 and 11,000-odd cannot both be true", "confidence": 0.9,
        "sides": [
            side(texts, "around 24,000", ("ledger-2025-06-10", "around 24,000 residents")),
            side(texts, "11,000-odd", ("courier-undated", "11,000-odd residents")),
        ],
    }  # fmt: skip
    closure = {
        "id": "c2", "about": "plans for the smelter", "status": "conflict", "difference": "update",
        "reason": "the later report supersedes the earlier one", "confidence": 1.0,
        "sides": [
            side(texts, "closing for good", ("observer-2025-06-13", "will close its Brenholt smelter permanently")),
            side(texts, "no plans to close", ("ledger-2025-06-10", "The company has no plans to close the plant")),
        ],
    }  # fmt: skip
    deaths = {
        "id": "c3", "about": "workers killed", "status": "agreed", "reason": "two outlets agree",
        "confidence": 1.0,
        "sides": [side(texts, "three", ("wire-2025-06-11", "three workers were killed"),
                       ("gazette-2025-06-12", "three workers were killed"),
                       ("courier-undated", "Three workers were killed"))],
    }  # fmt: skip
    samples = {
        "id": "c4", "about": "water samples taken", "status": "single", "reason": "one source",
        "confidence": 1.0, "sides": [side(texts, "3,200", ("ledger-2025-06-10", "3,200"))],
    }  # fmt: skip
    named = {
        "id": "c5", "about": "Who Halina Orzel is", "status": "agreed", "kind": "who",
        "reason": "2 independent sources name Halina Orzel", "confidence": 0.7,
        "sides": [side(texts, "Halina Orzel", ("courier-undated", "Halina Orzel"),
                       ("observer-2025-06-13", "Halina Orzel"))],
    }  # fmt: skip
    protocol = evidence(texts, "ledger-2025-06-10", "signed on 14 November 2024")
    timeline = [
        {"date": "2024-11-14", "end": None, "granularity": "day", "event": "Dravell Protocol signed",
         "articles": ["ledger-2025-06-10"], "evidence": [protocol],
         "reported": [{"article": "ledger-2025-06-10", "published": "2025-06-10"}], "dates_given": []},
        {"date": "2025-01", "end": None, "granularity": "month", "event": "Inspection mission began",
         "articles": ["observer-2025-06-13"], "evidence": [evidence(texts, "observer-2025-06-13", "began in January")],
         "reported": [{"article": "observer-2025-06-13", "published": "2025-06-13"}], "dates_given": []},
    ]  # fmt: skip
    botched = evidence(texts, "observer-2025-06-13", "botched")
    quote = evidence(texts, "courier-undated", "They counted fish. We counted our losses")
    return {
        "articles": articles,
        "claims": [residents, closure, deaths, samples, named],
        "conflicts": [residents, closure],
        "timeline": timeline,
        "framing": [{"article": "observer-2025-06-13", "kind": "loaded_word", "text": "botched",
                     "note": "failure", "evidence": botched}],
        "quotes": [{"article": "courier-undated", "speaker": "Halina Orzel", "kind": "direct",
                    "text": quote["text"], "evidence": quote}],
        "summary": [{"text": "Some 24,000 residents were evacuated after the dam burst.",
                     "articles": ["ledger-2025-06-10"],
                     "evidence": [evidence(texts, "ledger-2025-06-10", "around 24,000 residents")]}],
        "omissions": ["The Sella Valley Courier does not mention the protocol."],
        "labels": {},
        "generated": "test",
    }  # fmt: skip


def build_store(path: Path) -> dict[str, Any]:
    settings = Settings(db_path=path, workers=1)
    with open_store(path) as store:
        inputs = [str(EXAMPLES / "text"), str(EXAMPLES / "hostile" / "xss.txt")]
        report = ingest(store, inputs, settings)
        assert not report.failed
    dossier = hand_dossier(path)
    with open_store(path) as store:
        ids = [a["id"] for a in dossier["articles"]]
        writes.save_dossier(store, DOSSIER_ID, "The Brenholt dam story", ids, dossier)
        xss = queries.get_article(store, "xss")
        start = xss.text.index("Ivo Marsh")
        reading: dict[str, object] = {"id": "xss", "version": "1", "sentences": [], "times": [], "quantities": [],
                   "quotes": [], "framing": [], "facts": [],
                   "entities": [{"text": "Ivo Marsh", "start": start, "end": start + 9,
                                 "label": "PERSON", "canonical": "Ivo Marsh"}]}  # fmt: skip
        writes.save_reading(store, "xss", "1", xss.content_hash, reading)
        add_stories(store)
    return dossier


def add_stories(store: Any) -> None:
    """The dam story (linked to the hand dossier) and a one-article story with a hostile title."""
    dam = Story(STORY_ID, "The Brenholt dam story", DAM_ARTICLES, 4, "2025-06-10", "2025-06-13")
    hostile = Story("s-xss", HOSTILE_STORY, ("xss",), 1, None, None)
    story_store.replace_stories(store, [dam, hostile])
    story_store.link_dossier(store, STORY_ID, DOSSIER_ID)


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, Any]]:
    path = tmp_path_factory.mktemp("web") / "store.db"
    return path, build_store(path)


@pytest.fixture
def db(built: tuple[Path, dict[str, Any]], tmp_path: Path) -> Path:
    """A private copy of the example store, so writes in one test do not leak into another."""
    copy = tmp_path / "store.db"
    shutil.copy(built[0], copy)
    return copy


@pytest.fixture
def client(db: Path) -> Any:
    app = create_app(db, Settings(db_path=db, workers=1, max_input_bytes=LIMIT))
    with TestClient(app, base_url=LOCAL) as test_client:
        yield test_client


def token(client: TestClient) -> str:
    page = client.get("/add").text
    match = re.search(r'name="csrf_token" value="([0-9a-f]+)"', page)
    assert match
    return match.group(1)


def wait_for_job(client: TestClient, location: str) -> dict[str, Any]:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        job: dict[str, Any] = client.get(location + ".json").json()
        if job["finished"]:
            return job
        time.sleep(0.1)
    raise AssertionError("ingest job did not finish")


# --- home --------------------------------------------------------------------------------------


def test_home_lists_articles_and_dossiers(client: TestClient) -> None:
    page = client.get("/")
    assert page.status_code == 200
    assert "The Kestran Observer" in page.text
    assert 'href="/articles/ledger-2025-06-10"' in page.text
    assert 'href="/dossiers/dtest"' in page.text and "The Brenholt dam story" in page.text


def test_home_json_twin_holds_the_cli_data(client: TestClient, db: Path) -> None:
    with open_store(db) as store:
        expected = queries.article_summaries(store)
    for response in (
        client.get("/index.json"),
        client.get("/", headers={"Accept": "application/json"}),
    ):
        data = response.json()
        assert data["articles"] == expected
        assert [d["id"] for d in data["dossiers"]] == ["dtest"]
        assert [story["id"] for story in data["stories"]] == [STORY_ID, "s-xss"]


def test_home_filters_by_text_outlet_and_date(client: TestClient) -> None:
    def ids(query: dict[str, str]) -> set[str]:
        rows = client.get("/index.json", params=query).json()["articles"]
        return {row["id"] for row in rows}

    assert ids({"q": "passengers"}) == {"xss"}
    assert ids({"q": "cadmium"}) >= {"courier-undated", "observer-2025-06-13"}
    assert ids({"outlet": "The Kestran Observer"}) == {"observer-2025-06-13"}
    dated = ids({"since": "2025-06-11", "until": "2025-06-12"})
    assert "wire-2025-06-11" in dated and "observer-2025-06-13" not in dated
    assert ids({"q": "passengers", "outlet": "The Kestran Observer"}) == set()
    assert "No article matches" in client.get("/", params={"q": "zzzznotthere"}).text


def test_home_lists_stories_with_dates_counts_and_links(client: TestClient) -> None:
    page = client.get("/").text
    stories = page[page.index('<section id="stories">') : page.index('<section id="articles">')]
    row = stories[
        stories.index("<tr>", stories.index("<tbody>")) : stories.index(
            "</tr>", stories.index("<tbody>")
        )
    ]
    assert '<a href="/stories/s-dam">The Brenholt dam story</a>' in row
    assert "10–13 Jun 2025" in row and '<a href="/dossiers/dtest">dossier</a>' in row
    # five articles; the gazette copies the wire, so four independent sources
    assert re.findall(r'<td class="num"[^>]*>(\d+)</td>', row) == ["5", "4"]
    assert "&lt;script&gt;alert(&#34;story&#34;)&lt;/script&gt; Ferry" in stories
    assert "<script>alert(" not in page


def test_home_json_lists_stories_with_independent_sources(client: TestClient) -> None:
    dam = client.get("/index.json").json()["stories"][0]
    assert dam["title"] == "The Brenholt dam story" and dam["url"] == "/stories/s-dam"
    assert (dam["article_count"], dam["independent"], dam["dossier_id"]) == (5, 4, "dtest")
    assert (dam["first_seen"], dam["last_seen"]) == ("2025-06-10", "2025-06-13")


def test_home_filters_stories_by_their_articles(client: TestClient) -> None:
    def ids(query: dict[str, str]) -> list[str]:
        rows = client.get("/index.json", params=query).json()["stories"]
        return [row["id"] for row in rows]

    assert ids({}) == [STORY_ID, "s-xss"]
    assert ids({"q": "passengers"}) == ["s-xss"]
    assert ids({"q": "cadmium"}) == [STORY_ID]
    assert ids({"outlet": "The Kestran Observer"}) == [STORY_ID]
    assert ids({"since": "2025-06-11", "until": "2025-06-12"}) == [STORY_ID]
    assert ids({"q": "zzzznotthere"}) == []
    assert "No story matches these filters." in client.get("/", params={"q": "zzzzz"}).text


# --- headers and errors ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "path",
    ["/", "/index.json", "/add", "/dossiers/dtest", "/articles/xss", "/articles/xss/original",
     "/stories/s-dam", "/stories/s-xss.json", "/stories/nope",
     "/static/style.css", "/static/app.js", "/no/such/page", "/articles/nope.json"],
)  # fmt: skip
def test_every_response_has_the_strict_csp(client: TestClient, path: str) -> None:
    response = client.get(path)
    assert response.headers["content-security-policy"] == CSP
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.headers["x-frame-options"] == "DENY"


def test_pages_have_no_inline_script_or_style(client: TestClient) -> None:
    for path in ("/", "/add", "/dossiers/dtest", "/articles/observer-2025-06-13", "/stories/s-dam"):
        page = client.get(path).text
        assert not re.search(r"<script(?![^>]*\ssrc=)", page), path
        assert "<style" not in page and " style=" not in page and "onclick" not in page, path


@pytest.mark.parametrize("path", ["/", "/index.json", "/add", "/dossiers/no-such-dossier"])
def test_head_answers_as_get_without_the_body(client: TestClient, path: str) -> None:
    got, head = client.get(path), client.head(path)
    assert head.status_code == got.status_code
    assert head.content == b""
    assert head.headers["content-type"] == got.headers["content-type"]
    assert head.headers["content-length"] == str(len(got.content))
    assert head.headers["content-security-policy"] == got.headers["content-security-policy"]


def test_not_found_is_one_clear_line_in_html_and_json(client: TestClient) -> None:
    page = client.get("/articles/nope")
    assert page.status_code == 404
    assert re.search(
        r'<p class="error-line" id="error">no article with id \'nope\'[^<\n]*</p>',
        html.unescape(page.text),
    )
    twin = client.get("/articles/nope.json")
    assert twin.status_code == 404 and set(twin.json()) == {"error"}
    assert client.get("/dossiers/nope", headers={"Accept": "application/json"}).json()["error"]
    assert client.get("/nowhere").status_code == 404


def test_ids_are_looked_up_never_used_as_paths(client: TestClient) -> None:
    for path in (
        "/articles/..%2F..%2Fetc%2Fpasswd",
        "/articles/%2e%2e/original",
        "/dossiers/..%2Fstore.db",
        "/stories/..%2Fstore.db",
    ):
        response = client.get(path)
        assert response.status_code == 404, path
        assert "root:" not in response.text


# --- article -----------------------------------------------------------------------------------


def test_article_text_is_escaped_and_highlighted(client: TestClient) -> None:
    page = client.get("/articles/xss").text
    body = page[page.index('<div class="article-text"') :]
    assert "<script>alert(1)" not in page and "<img src=x" not in page and "<iframe" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in body
    assert "&lt;svg onload=alert(1)&gt;" in body
    assert '<mark class="hl ent ent-person" title="PERSON: Ivo Marsh">Ivo Marsh</mark>' in body


def test_article_marks_every_cited_span(
    client: TestClient, built: tuple[Path, dict[str, Any]]
) -> None:
    page = client.get("/articles/ledger-2025-06-10").text
    text = queries_text(built[1], "ledger-2025-06-10")
    for phrase in ("around 24,000 residents", "The company has no plans to close the plant"):
        start = text.index(phrase)
        mark = re.search(
            rf'<mark class="hl cited" id="span-{start}-{start + len(phrase)}"[^>]*>(.*?)</mark>',
            page,
        )
        assert mark and html.unescape(mark.group(1)) == phrase


def test_article_page_follows_new_dossiers_readings_and_text(client: TestClient, db: Path) -> None:
    """The page is kept once rendered: a dossier, a reading or a text stored after it shows."""
    url = "/articles/courier-undated"
    phrase = "11,000-odd residents"
    assert 'class="hl cited"' in client.get(url).text  # the hand dossier cites it
    with open_store(db) as store:
        writes.save_dossier(store, DOSSIER_ID, "The Brenholt dam story", ["ledger-2025-06-10"], {})
        article = queries.get_article(store, "courier-undated")
    assert 'class="hl cited"' not in client.get(url).text
    start = article.text.index(phrase)
    cites = {"claims": [{"evidence": [{"article": article.id, "start": start,
                                       "end": start + len(phrase), "text": phrase}]}]}  # fmt: skip
    with open_store(db) as store:
        writes.save_dossier(store, "dnew", None, [article.id, "ledger-2025-06-10"], cites)
    assert f'id="span-{start}-{start + len(phrase)}"' in client.get(url).text
    reading: dict[str, object] = {"id": article.id, "version": "1", "entities": [
        {"text": phrase, "start": start, "end": start + len(phrase), "label": "CARDINAL"}]}  # fmt: skip
    with open_store(db) as store:
        writes.save_reading(store, article.id, "1", article.content_hash, reading)
    assert 'class="legend">Highlighted:' in client.get(url).text
    with open_store(db) as store:
        store.conn.execute(
            "UPDATE articles SET title = ? WHERE id = ?", ("A new title", article.id)
        )
        store.conn.commit()
    assert "<h1>A new title</h1>" in client.get(url).text


def queries_text(dossier: dict[str, Any], article_id: str) -> str:
    return str(next(a["text"] for a in dossier["articles"] if a["id"] == article_id))


def test_article_shows_removed_lines_on_demand(client: TestClient, db: Path) -> None:
    with open_store(db) as store:
        removed = queries.get_article(store, "wire-2025-06-11").removed
    assert removed
    page = client.get("/articles/wire-2025-06-11").text
    details = page[page.index('<details class="removed">') :]
    assert f"{len(removed)} lines removed by cleaning" in details
    assert html.escape(removed[0].text, quote=False) in details


def test_article_json_twin(client: TestClient, db: Path) -> None:
    with open_store(db) as store:
        expected = article_record(queries.get_article(store, "xss"))
    data = client.get("/articles/xss.json").json()
    assert {k: v for k, v in data.items() if k not in ("reading", "story")} == expected
    assert data["story"] == {"id": "s-xss", "title": HOSTILE_STORY, "url": "/stories/s-xss",
                             "article_count": 1}  # fmt: skip
    assert data["reading"]["entities"][0]["canonical"] == "Ivo Marsh"
    assert client.get("/articles/xss", headers={"Accept": "application/json"}).json() == data


def test_original_is_a_plain_text_download(client: TestClient, db: Path) -> None:
    with open_store(db) as store:
        _, original = queries.original(store, "xss")
    response = client.get("/articles/xss/original")
    assert response.status_code == 200
    assert response.content == original
    assert response.headers["content-type"] == "text/plain; charset=utf-8"
    assert response.headers["content-disposition"].startswith("attachment")
    assert response.headers["x-content-type-options"] == "nosniff"
    assert client.get("/articles/nope/original").status_code == 404


# --- dossier -----------------------------------------------------------------------------------


def test_dossier_page_puts_conflicts_first_with_both_sides_quoted(client: TestClient) -> None:
    page = client.get("/dossiers/dtest").text
    sections = [
        page.index(f'<section id="{s}">')
        for s in ("conflicts", "agreements", "updates", "timeline", "single", "framing")
    ]
    assert sections == sorted(sections)
    conflicts = page[sections[0] : sections[1]]
    sides = conflicts[conflicts.index('<div class="sides') :]
    assert sides.index("around 24,000") < sides.index("11,000-odd")
    assert "<mark>around 24,000 residents</mark>" in conflicts
    assert "<mark>11,000-odd residents</mark>" in conflicts
    assert "24,000 and 11,000-odd cannot both be true" in conflicts


def test_dossier_page_counts_independent_sources(client: TestClient) -> None:
    page = client.get("/dossiers/dtest").text
    agreements = page[
        page.index('<section id="agreements">') : page.index('<section id="updates">')
    ]
    # wire, gazette (a copy of wire) and courier: two independent sources, three articles.
    assert "2 independent sources" in agreements and "3 articles" in agreements


def test_dossier_page_lists_a_person_several_sources_name_among_agreements(
    client: TestClient,
) -> None:
    page = client.get("/dossiers/dtest").text
    agreements = page[
        page.index('<section id="agreements">') : page.index('<section id="updates">')
    ]
    assert "Who Halina Orzel is" in agreements and "<mark>Halina Orzel</mark>" in agreements


def test_dossier_page_counts_only_sources_cited_surely(
    client: TestClient, db: Path, built: tuple[Path, dict[str, Any]]
) -> None:
    dossier = copy.deepcopy(built[1])
    (deaths,) = [c for c in dossier["claims"] if c["id"] == "c3"]
    for cited in deaths["sides"][0]["evidence"]:
        cited["tentative"] = cited["article"] == "courier-undated"
    with open_store(db) as store:
        ids = [a["id"] for a in dossier["articles"]]
        writes.save_dossier(store, "dsure", "The dam story, one source less sure", ids, dossier)
    page = client.get("/dossiers/dsure").text
    agreements = page[
        page.index('<section id="agreements">') : page.index('<section id="updates">')
    ]
    # the wire and its copy surely; the courier's sentence only less surely
    assert "1 independent source<" in agreements
    assert "+ less surely courier-undated" in agreements
    assert agreements.count(">less sure</span>") == 1
    # one source stating it is no agreement: it is counted and listed apart
    assert '<h2>Agreements <span class="count">1</span>' in agreements
    perhaps = agreements[agreements.index('<details id="perhaps-shared">') :]
    assert "Perhaps shared: 1 point" in perhaps and "workers killed" in perhaps


def test_dossier_page_orders_updates_and_lists_single_facts(client: TestClient) -> None:
    page = client.get("/dossiers/dtest").text
    updates = page[page.index('<section id="updates">') : page.index('<section id="timeline">')]
    assert updates.index("no plans to close") < updates.index("closing for good")
    # a conflict whose difference is an update is listed among the updates, not the conflicts
    conflicts = page[page.index('<section id="conflicts">') : page.index('<section id="summary">')]
    assert "closing for good" not in conflicts and "11,000-odd" in conflicts
    single = page[page.index('<section id="single">') : page.index('<section id="framing">')]
    assert "water samples taken" in single and "3,200" in single


def test_dossier_timeline_is_an_svg_with_event_and_report_marks(client: TestClient) -> None:
    page = client.get("/dossiers/dtest").text
    svg = page[page.index("<svg") : page.index("</svg>")]
    assert svg.count('<circle class="event') == 2
    assert svg.count('<rect class="report') == 2
    assert "14 Nov 2024" in svg and "Jan 2025" in svg and "13 Jun 2025" in svg
    assert "Dravell Protocol signed" in svg


def test_dossier_summary_cites_link_to_article_spans(
    client: TestClient, built: tuple[Path, dict[str, Any]]
) -> None:
    page = client.get("/dossiers/dtest").text
    text = queries_text(built[1], "ledger-2025-06-10")
    start = text.index("around 24,000 residents")
    summary = page[page.index('<section id="summary">') : page.index('<section id="agreements">')]
    assert f'href="/articles/ledger-2025-06-10#span-{start}-{start + 23}"' in summary


def test_dossier_framing_and_quotes_per_outlet(client: TestClient) -> None:
    framing = client.get("/dossiers/dtest").text.split('<section id="framing">')[1]
    assert "botched" in framing and "loaded word" in framing
    assert "Halina Orzel" in framing and "They counted fish" in framing


def test_dossier_json_twin_is_the_stored_dossier(
    client: TestClient, built: tuple[Path, dict[str, Any]]
) -> None:
    assert client.get("/dossiers/dtest.json").json() == built[1]
    assert client.get("/dossiers/dtest", headers={"Accept": "application/json"}).json() == built[1]


def test_dossier_page_cache_follows_a_rebuilt_dossier(
    client: TestClient, db: Path, built: tuple[Path, dict[str, Any]]
) -> None:
    assert "The Brenholt dam story" in client.get("/dossiers/dtest").text
    changed = {**built[1], "omissions": ["A brand new omission."]}
    with open_store(db) as store:
        writes.save_dossier(store, "dtest", "Renamed story", ["ledger-2025-06-10"], changed)
    page = client.get("/dossiers/dtest").text
    assert "Renamed story" in page and "A brand new omission." in page


# --- stories -----------------------------------------------------------------------------------


def story_section(page: str, section: str) -> str:
    start = page.index(f'<section id="{section}">')
    return page[start : page.index("</section>", start)]


def test_story_page_lists_articles_with_outlets_dates_and_copy_marks(client: TestClient) -> None:
    page = client.get("/stories/s-dam").text
    assert "<h1>The Brenholt dam story</h1>" in page
    assert (
        "<strong>5</strong> articles" in page and "<strong>4</strong> independent sources" in page
    )
    table = story_section(page, "articles")
    rows = re.findall(r"<tr(?: class=\"copy-row\")?>.*?</tr>", table, re.S)[1:]
    assert [re.search(r'href="/articles/([^"#]+)"', r).group(1) for r in rows] == list(DAM_ARTICLES)  # type: ignore[union-attr]
    assert "10 Jun 2025" in rows[0] and "The Northgate Ledger" in rows[0]
    assert "The Kestran Observer" in rows[3] and "undated" in rows[4]
    copy = '<a class="tag" href="/articles/wire-2025-06-11" title="copy of wire-2025-06-11">copy of Meridian Wire</a>'
    assert copy in rows[2] and 'class="copy-row"' in rows[2]
    assert "copy of" not in "".join(rows[:2] + rows[3:])


def test_story_page_links_and_summarises_its_dossier(
    client: TestClient, built: tuple[Path, dict[str, Any]]
) -> None:
    dossier = story_section(client.get("/stories/s-dam").text, "dossier")
    assert '<a class="button" href="/dossiers/dtest">Open the dossier</a>' in dossier
    assert "Some 24,000 residents were evacuated after the dam burst." in dossier
    start = queries_text(built[1], "ledger-2025-06-10").index("around 24,000 residents")
    assert f'href="/articles/ledger-2025-06-10#span-{start}-{start + 23}"' in dossier


def test_story_strip_puts_one_dot_per_dated_article_on_a_time_axis(client: TestClient) -> None:
    strip = story_section(client.get("/stories/s-dam").text, "strip")
    dots = re.findall(
        r'<a href="/articles/([^"]+)"><circle class="dot src-fill-\d+[^"]*" cx="([\d.]+)"', strip
    )
    # the gazette's date is its file name's (inferred): it has a dot too
    assert [d[0] for d in dots] == [
        "ledger-2025-06-10",
        "wire-2025-06-11",
        "gazette-2025-06-12",
        "observer-2025-06-13",
    ]
    xs = [float(d[1]) for d in dots]
    # proportional to days: 10, 11, 12 and 13 June
    assert xs[0] < xs[1] < xs[2] < xs[3] and abs((xs[1] - xs[0]) * 3 - (xs[3] - xs[0])) < 1
    assert "10 Jun 2025" in strip and "13 Jun 2025" in strip
    assert "1 undated article is not shown." in strip


def test_story_without_dossier_escapes_its_title(client: TestClient) -> None:
    page = client.get("/stories/s-xss").text
    assert "<script>alert(" not in page
    assert "&lt;script&gt;alert(&#34;story&#34;)&lt;/script&gt; Ferry</h1>" in page
    assert "No dossier yet: run <code>triangulate stories</code> to build one.</p>" in page
    assert "None of these articles has a publication date." in page


def test_story_json_twin_is_the_stored_story(client: TestClient, db: Path) -> None:
    with open_store(db) as store:
        expected = story_store.get_story(store, STORY_ID)
    for response in (
        client.get("/stories/s-dam.json"),
        client.get("/stories/s-dam", headers={"Accept": "application/json"}),
    ):
        data = response.json()
        assert {
            k: v for k, v in data.items() if k not in ("independent", "dossier_url")
        } == expected
        assert data["independent"] == 4 and data["dossier_url"] == "/dossiers/dtest"
    assert client.get("/stories/s-xss.json").json()["dossier_url"] is None


def test_unknown_story_is_a_clear_404(client: TestClient) -> None:
    assert client.get("/stories/nope").status_code == 404
    missing = client.get("/stories/nope.json")
    assert missing.status_code == 404 and missing.json() == {"error": "no story with id 'nope'"}


def test_article_page_links_back_to_its_story(client: TestClient, db: Path) -> None:
    page = client.get("/articles/ledger-2025-06-10").text
    assert '<a href="/stories/s-dam" id="story-link">The Brenholt dam story</a>' in page
    assert "(5 articles)" in page
    with open_store(db) as store:
        story_store.replace_stories(store, [])
    assert 'id="story-link"' not in client.get("/articles/ledger-2025-06-10").text
    assert client.get("/articles/ledger-2025-06-10.json").json()["story"] is None


def test_stories_from_the_real_pipeline_show_on_home_and_story_pages(tmp_path: Path) -> None:
    path = tmp_path / "stories.db"
    settings = Settings(db_path=path, workers=1)
    with open_store(path) as store:
        run_stories(store, [str(EXAMPLES / "html")], settings, "local", 1, tmp_path, dossiers=False)
        story_id = story_store.story_of_article(store, "ledger-2025-06-10")
        assert story_id is not None
        stored = story_store.get_story(store, story_id)
    with TestClient(create_app(path, settings), base_url=LOCAL) as client:
        listed = {row["id"]: row for row in client.get("/index.json").json()["stories"]}
        assert listed[story_id]["article_count"] == len(stored["articles"])
        page = client.get(f"/stories/{story_id}").text
        for article in stored["articles"]:
            assert f'href="/articles/{article["id"]}"' in page
            assert html.escape(article["outlet"]) in page
        members = {a["id"]: a for a in stored["articles"]}
        copies = [a for a in members.values() if a["duplicate_of"] in members]
        for copy in copies:
            original = members[copy["duplicate_of"]]
            assert f"copy of {html.escape(original['outlet'])}</a>" in page
        assert listed[story_id]["independent"] == len(members) - len(copies)
        assert page.count('<circle class="dot') == sum(
            1 for a in members.values() if a["published"]
        )


# --- adding articles ---------------------------------------------------------------------------


def test_add_paste_runs_a_job_then_preselects_the_new_article(client: TestClient) -> None:
    text = "Bridge reopens in Lisk\n\nThe old bridge in the fictional town of Lisk reopened on Monday after repairs, the council said."
    response = client.post(
        "/add", data={"text": text, "csrf_token": token(client)}, follow_redirects=False
    )
    assert response.status_code == 303 and response.headers["location"].startswith("/jobs/")
    job = wait_for_job(client, response.headers["location"])
    assert job["state"] == "done" and job["counts"]["stored"] == 1
    new_id = job["article_ids"][0]
    assert client.get(f"/articles/{new_id}.json").json()["title"] == "Bridge reopens in Lisk"
    done = client.get(response.headers["location"], follow_redirects=False)
    assert done.status_code == 303 and done.headers["location"] == f"/add?job={job['id']}#build"
    form = client.get(f"/add?job={job['id']}").text
    assert re.search(rf'value="{re.escape(new_id)}" id="pick-\d+" checked', form)


def test_add_uploads_files_and_reports_bad_ones(client: TestClient) -> None:
    files = [
        (
            "files",
            (
                "observer.html",
                (EXAMPLES / "html" / "observer-2025-06-13.html").read_bytes(),
                "text/html",
            ),
        ),
        ("files", ("../../evil.exe", b"MZ binary", "application/octet-stream")),
        ("files", ("big.txt", b"word " * (LIMIT // 5 + 10), "text/plain")),
        ("files", ("binary.txt", (EXAMPLES / "hostile" / "binary.txt").read_bytes(), "text/plain")),
    ]
    response = client.post(
        "/add", data={"csrf_token": token(client)}, files=files, follow_redirects=False
    )
    job = wait_for_job(client, response.headers["location"])
    kinds = [e["kind"] for e in job["events"]]
    assert kinds[0] in ("stored", "duplicate", "unchanged") and kinds[1:] == ["error"] * 3
    messages = " ".join(e["message"] for e in job["events"][1:])
    assert "evil.exe: is not a supported file type" in messages
    assert "over the size limit" in messages and "binary" in messages
    assert "../" not in messages


def test_add_urls_accepts_only_web_addresses(client: TestClient) -> None:
    urls = "/etc/passwd\nfile:///etc/passwd\n" + str(EXAMPLES / "text")
    response = client.post(
        "/add", data={"urls": urls, "csrf_token": token(client)}, follow_redirects=False
    )
    job = wait_for_job(client, response.headers["location"])
    assert [e["kind"] for e in job["events"]] == ["error"] * 3
    assert all("is not a web address" in e["message"] for e in job["events"])


def test_add_with_nothing_is_a_clear_400(client: TestClient) -> None:
    response = client.post("/add", data={"text": "  ", "csrf_token": token(client)})
    assert response.status_code == 400 and "nothing to add" in response.text


def test_body_over_the_limit_is_refused(client: TestClient) -> None:
    huge = b"x" * (LIMIT * 5 + 2 * 1024 * 1024)
    response = client.post("/add", files=[("files", ("huge.txt", huge, "text/plain"))])
    assert response.status_code == 413
    assert response.headers["content-security-policy"] == CSP


def test_unknown_job_is_404(client: TestClient) -> None:
    assert client.get("/jobs/nope").status_code == 404
    assert client.get("/jobs/nope.json").json()["error"].startswith("no ingest job")


# --- cross-site protection ---------------------------------------------------------------------


def test_posts_without_the_token_are_refused(client: TestClient) -> None:
    for path, data in (
        ("/add", {"text": "Hello there"}),
        ("/dossiers", {"article": ["xss", "courier-undated"]}),
    ):
        assert client.post(path, data=data).status_code == 403
        assert client.post(path, data={**data, "csrf_token": "0" * 64}).status_code == 403


def test_posts_from_a_foreign_origin_are_refused(client: TestClient) -> None:
    data = {"text": "Hello there", "csrf_token": token(client)}
    response = client.post("/add", data=data, headers={"Origin": "https://evil.example"})
    assert response.status_code == 403 and "another site" in response.text
    response = client.post("/add", data=data, headers={"Sec-Fetch-Site": "cross-site"})
    assert response.status_code == 403


def test_a_token_only_works_with_its_own_cookie(client: TestClient, db: Path) -> None:
    stolen = token(client)
    other = TestClient(create_app(db, Settings(db_path=db, workers=1)), base_url=LOCAL)
    other.get("/")
    assert other.post("/add", data={"text": "Hello there", "csrf_token": stolen}).status_code == 403


# --- building a dossier ------------------------------------------------------------------------


def test_dossier_needs_two_known_articles(client: TestClient) -> None:
    one = client.post("/dossiers", data={"article": ["xss"], "csrf_token": token(client)})
    assert one.status_code == 400 and "at least two" in one.text
    unknown = client.post(
        "/dossiers", data={"article": ["xss", "nope"], "csrf_token": token(client)}
    )
    assert unknown.status_code == 404


@pytest.mark.slow
def test_building_a_dossier_redirects_to_its_page(client: TestClient) -> None:
    ids = ["ledger-2025-06-10", "observer-2025-06-13"]
    response = client.post(
        "/dossiers", data={"article": ids, "csrf_token": token(client)}, follow_redirects=False
    )
    assert response.status_code == 303, response.text
    page = client.get(response.headers["location"])
    assert page.status_code == 200 and "The Northgate Ledger" in page.text
    data = client.get(response.headers["location"] + ".json").json()
    assert sorted(a["id"] for a in data["articles"]) == ids


# --- highlighting ------------------------------------------------------------------------------


def test_crossing_spans_keep_the_cited_one_whole() -> None:
    text = "Alpha beta gamma delta"
    spans = [Span(6, 16, "ent", "ORG"), Span(0, 10, "cited", anchor="span-0-10")]
    out = str(highlight(text, spans))
    assert (
        '<mark class="hl cited" id="span-0-10">Alpha <mark class="hl ent ent-org">beta</mark></mark>'
        in out
    )
    assert out.endswith('<mark class="hl ent ent-org"> gamma</mark> delta')


def _strip(markup: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", markup))


@hsettings(max_examples=200, deadline=None)
@given(
    text=st.text(alphabet=st.sampled_from("ab <>&\"'\n"), min_size=1, max_size=40),
    raw=st.lists(st.tuples(st.integers(0, 40), st.integers(0, 40), st.sampled_from(["cited", "quote", "ent", "time"])), max_size=8),
)  # fmt: skip
def test_highlight_keeps_the_text_and_escapes_it(
    text: str, raw: list[tuple[int, int, str]]
) -> None:
    spans = [
        Span(
            min(a, b),
            max(a, b),
            kind,
            anchor=f"span-{min(a, b)}-{max(a, b)}" if kind == "cited" else None,
        )
        for a, b, kind in raw
    ]
    out = str(highlight(text, spans))
    assert _strip(out) == text
    assert "<" not in re.sub(r"</?mark[^>]*>", "", out)
    for span in spans:
        if span.anchor and 0 <= span.start < span.end <= len(text):
            match = re.search(rf'<mark class="hl cited" id="{span.anchor}"[^>]*>', out)
            assert match is not None
            # the anchored mark holds exactly its span: find its matching close tag
            depth, position = 1, match.end()
            for tag in re.finditer(r"<(/?)mark", out[position:]):
                depth += -1 if tag.group(1) else 1
                if depth == 0:
                    inner = out[position : position + tag.start()]
                    break
            if any(_cross(span, other) for other in spans if other.anchor):
                # two cited spans that cross cannot both be whole: the later one is cut,
                # its anchor still marks where it starts
                assert text[span.start : span.end].startswith(_strip(inner)) and inner
            else:
                assert _strip(inner) == text[span.start : span.end]


def _cross(one: Span, other: Span) -> bool:
    return one.start < other.start < one.end < other.end or (
        other.start < one.start < other.end < one.end
    )


# --- serve -------------------------------------------------------------------------------------


def test_serve_command_defaults_to_localhost() -> None:
    result = CliRunner().invoke(cli, ["serve", "--help"])
    assert result.exit_code == 0
    assert "127.0.0.1" in result.output and "--port" in result.output and "--db" in result.output


def test_bad_store_fails_with_one_line(tmp_path: Path) -> None:
    bad = tmp_path / "not.db"
    bad.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(Exception, match="cannot open the store"):
        create_app(bad)


def test_independent_sources_count_outlets_and_copies_once() -> None:
    from triangulate.render.view import DossierView

    articles = [
        {"id": "a", "outlet": "Harbour Herald", "text": "x"},
        {"id": "b", "outlet": "Harbour Herald", "text": "y"},
        {"id": "c", "outlet": "Meridian Wire", "text": "z"},
        {"id": "d", "outlet": "Eastbay Gazette", "text": "z", "duplicate_of": "c"},
        {"id": "e", "outlet": None, "text": "w"},
    ]
    view = DossierView({"articles": articles, "claims": []}, "d1")
    assert view.independent(["a", "b"]) == 1
    assert view.independent(["c", "d"]) == 1
    assert view.independent(["a", "c", "d", "e"]) == 3
