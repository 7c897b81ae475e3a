"""Every page on a phone (390 px) and a laptop (1366 px), in headless Chromium: nothing wider
than the screen, and no critical or serious accessibility violation found by axe-core.

axe-core is vendored under tests/vendor/axe-core (MPL-2.0, see its README) and injected into
each page through the DevTools protocol, which the page's Content-Security-Policy does not
govern; the policy stays in force for the page's own code, and a violation shows as a console
error that fails the test.

Set TRIANGULATE_SCREENSHOTS=1 to also write docs/screenshots/web-NAME-1366.png and
web-NAME-390.png for every page (the top of the page, at most one and a half screens tall).
"""

from __future__ import annotations

import hashlib
import http.server
import os
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from test_browser import ARGS, CHROMIUM, SCREENSHOTS, Server, playwright_api
from test_web import DOSSIER_ID, STORY_ID, build_store
from test_web_safety import fill

pytestmark = pytest.mark.browser

AXE = Path(__file__).resolve().parent / "vendor" / "axe-core" / "axe.min.js"
AXE_SHA256 = "29348999450cdf2849a8e70b7912fc2da85a849da39c0d0d5394f51d4a9ed95c"
BLOCKING = ("critical", "serious")
PHONE = {"width": 390, "height": 844}
LAPTOP = {"width": 1366, "height": 768}
WIDTHS = {"phone": PHONE, "laptop": LAPTOP}
# An invented article whose file name, title and text have words far wider than a phone.
LONG_NAME = "harbour-timetable-" + "x" * 90
LONG_TEXT = (
    "Timetables_for_the_invented_Lisk_ferry_" + "and_its_river_islands_" * 6 + "\n\n"
    "FICTION: an invented test input. The port office of Lisk published its timetable at "
    "https://port.example.invalid/"
    + "timetables/"
    * 12
    + "ferry.html on Tuesday, the office said.\n\n"
    'Captain Ivo Marsh said: "The_islands_' + "ferry_" * 20 + 'runs daily."\n'
)
REAL_DOSSIER_ARTICLES = ["ledger-2025-06-10", "wire-2025-06-11", "observer-2025-06-13",
                         "courier-undated", "gazette-2025-06-12"]  # fmt: skip
SLOW_ARTICLE = b"""<html><head><title>Tram line reopens in Vell Harbour</title></head><body>
<article><h1>Tram line reopens in Vell Harbour</h1><p>The invented town of Vell Harbour reopened
its tram line on Monday after a winter of repairs, the council said.</p></article></body></html>"""

# What the page's own width is, and which elements stick out past the screen's right edge
# (outside any box that scrolls or clips them), to name them when a page is too wide.
WIDTH_PROBE = """() => {
  const screen = document.documentElement.clientWidth;
  const clipped = (el) => {
    for (let up = el.parentElement; up && up !== document.body; up = up.parentElement) {
      const overflow = getComputedStyle(up).overflowX;
      if (overflow !== "visible") { return true; }
    }
    return false;
  };
  const wide = [];
  for (const el of document.body.querySelectorAll("*")) {
    const box = el.getBoundingClientRect();
    if (box.width > 0 && box.right > screen + 1 && !clipped(el)) {
      const name = el.tagName.toLowerCase() + (el.id ? "#" + el.id : "")
        + (el.classList.length ? "." + [...el.classList].join(".") : "");
      wide.push(name + " right=" + Math.round(box.right));
    }
  }
  return {screen, page: document.documentElement.scrollWidth, wide: wide.slice(0, 8)};
}"""
# target-size (touch targets of at least 24 px, or spaced so) is off in axe by default: run it too.
AXE_RUN = """async () => {
  const result = await axe.run(document, {
    resultTypes: ["violations"], rules: {"target-size": {enabled: true}},
  });
  return result.violations.map((v) => ({
    id: v.id, impact: v.impact, help: v.help,
    nodes: v.nodes.map((n) => n.target.join(" ")).slice(0, 5), count: v.nodes.length,
  }));
}"""


@dataclass
class Site:
    """The browser tests' store behind a live server, with a real dossier built into it."""

    server: Server
    real_dossier: str
    dossier_file: Path

    @property
    def url(self) -> str:
        return self.server.url


class SlowSite:
    """An HTTP server on 127.0.0.1 whose one page answers only once released, so that an
    ingest job stays running (and its page is shown) for as long as a test needs."""

    def __init__(self) -> None:
        self.release = threading.Event()
        release = self.release

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                release.wait(timeout=60)
                self.send_response(200)
                self.send_header("Content-Type", "text/html; charset=utf-8")
                self.send_header("Content-Length", str(len(SLOW_ARTICLE)))
                self.end_headers()
                self.wfile.write(SLOW_ARTICLE)

            def log_message(self, format: str, *args: object) -> None:
                return

        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.httpd.server_address[1]}/tram.html"

    def __enter__(self) -> SlowSite:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.release.set()
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    import triangulate

    folder = tmp_path_factory.mktemp("layout")
    db = folder / "store.db"
    build_store(db)
    long_file = folder / f"{LONG_NAME}.txt"
    long_file.write_text(LONG_TEXT, encoding="utf-8")
    with triangulate.Store(db, workers=1) as store:
        assert not store.ingest([str(long_file)]).failed
        built = store.dossier(store.articles(REAL_DOSSIER_ARTICLES))
        dossier_file = built.write(folder / "dossier", ["html"])[0]
    # the job test adds a page from a server on 127.0.0.1, which the app fetches only when told
    with Server(db, allow_private_urls=True) as running:
        yield Site(running, built.id, dossier_file)


@pytest.fixture(scope="module")
def axe_source() -> str:
    source = AXE.read_bytes()
    assert hashlib.sha256(source).hexdigest() == AXE_SHA256, "tests/vendor/axe-core changed"
    return source.decode("utf-8")


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with playwright_api.sync_playwright() as driver:
        launched = driver.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield launched
        launched.close()


class Screen:
    """A page at one screen size (a phone is touch-only), recording console errors."""

    def __init__(self, browser: Any, width: str) -> None:
        phone = width == "phone"
        self.width = width
        self.context = browser.new_context(
            viewport=WIDTHS[width], is_mobile=phone, has_touch=phone, device_scale_factor=1
        )
        self.page = self.context.new_page()
        self.errors: list[str] = []
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))

    def open(self, url: str) -> Any:
        response = self.page.goto(url)
        self.page.wait_for_load_state("load")
        return response

    def widths(self) -> dict[str, Any]:
        return dict(self.page.evaluate(WIDTH_PROBE))

    def violations(self, axe_source: str) -> list[dict[str, Any]]:
        self.page.evaluate(axe_source)
        return list(self.page.evaluate(AXE_RUN))

    def screenshot(self, name: str) -> None:
        if os.environ.get("TRIANGULATE_SCREENSHOTS"):
            SCREENSHOTS.mkdir(parents=True, exist_ok=True)
            size = WIDTHS[self.width]
            path = SCREENSHOTS / f"web-{name}-{size['width']}.png"
            tall = int(self.page.evaluate("document.documentElement.scrollHeight"))
            # a taller window rather than a full-page capture: a long page is never drawn whole
            shown = {"width": size["width"], "height": min(tall, size["height"] * 3 // 2)}
            self.page.set_viewport_size(shown)
            self.page.evaluate("window.scrollTo(0, 0)")
            self.page.screenshot(path=str(path), timeout=120_000)
            self.page.set_viewport_size(size)
            assert path.stat().st_size > 5_000


@pytest.fixture(params=list(WIDTHS))
def screen(request: pytest.FixtureRequest, browser: Any) -> Iterator[Screen]:
    opened = Screen(browser, request.param)
    yield opened
    opened.context.close()


def check_fits_and_is_accessible(
    screen: Screen, axe_source: str, where: str, status: int = 200
) -> None:
    """The assertions every page must pass at every width (an error page's own status shows
    as a console error in Chromium: that one is expected)."""
    width = screen.widths()
    assert width["page"] <= width["screen"], f"{where} at {screen.width}: {width}"
    violations = [v for v in screen.violations(axe_source) if v["impact"] in BLOCKING]
    assert violations == [], f"{where} at {screen.width}: {violations}"
    own_status = f"the server responded with a status of {status} "
    errors = [e for e in screen.errors if status == 200 or own_status not in e]
    assert errors == [], f"{where} at {screen.width}: {errors}"


PAGES = {
    "home": "/",
    "search": "/?q=ferry&since=2000-01-01",
    "search-empty": "/?q=nothingmatchesthis",
    "add": "/add",
    "dossier-small": f"/dossiers/{DOSSIER_ID}",
    "article-hostile": "/articles/xss",
    "story": f"/stories/{STORY_ID}",
    "story-hostile": "/stories/s-xss",
    "article-long-words": f"/articles/{LONG_NAME}",
    "error": "/articles/no-such-article",
}
SHOWN = {"home", "search", "add", "story", "error"}  # the others are variants of a shown page


@pytest.mark.parametrize("name", list(PAGES))
def test_page_fits_and_passes_axe(site: Site, screen: Screen, axe_source: str, name: str) -> None:
    response = screen.open(site.url + PAGES[name])
    status = 404 if name == "error" else 200
    assert response is not None and response.status == status
    check_fits_and_is_accessible(screen, axe_source, name, status)
    if name in SHOWN:
        screen.screenshot(name)


@pytest.fixture(scope="module")
def paged_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """A store with more articles, stories and dossiers than one page of each list holds."""
    db = tmp_path_factory.mktemp("paged") / "store.db"
    fill(db, 130, stories=120, dossiers=110)
    with Server(db) as running:
        yield running


@pytest.mark.parametrize("path", ["/", "/?page=2&stories_page=2&dossiers_page=2"])
def test_paged_lists_fit_and_pass_axe(
    paged_server: Server, screen: Screen, axe_source: str, path: str
) -> None:
    screen.open(paged_server.url + path)
    assert screen.page.locator("nav.pager").count() == 3  # stories, dossiers, articles
    check_fits_and_is_accessible(screen, axe_source, f"paged {path}")


def test_real_dossier_fits_and_passes_axe(site: Site, screen: Screen, axe_source: str) -> None:
    screen.open(f"{site.url}/dossiers/{site.real_dossier}")
    assert screen.page.locator("#conflicts .claim.conflict").count() >= 1
    check_fits_and_is_accessible(screen, axe_source, "dossier")
    screen.screenshot("dossier")


def test_read_article_fits_and_passes_axe(site: Site, screen: Screen, axe_source: str) -> None:
    """An article the dossier read: every kind of highlight on the page."""
    screen.open(f"{site.url}/articles/observer-2025-06-13")
    assert screen.page.locator("#text mark.hl.ent").count() >= 1
    check_fits_and_is_accessible(screen, axe_source, "article")
    screen.screenshot("article")


def test_dossier_file_fits_and_passes_axe(site: Site, screen: Screen, axe_source: str) -> None:
    """The self-contained HTML file, opened from disk."""
    screen.open(site.dossier_file.as_uri())
    assert screen.page.locator("#conflicts .card.conflict").count() >= 1
    check_fits_and_is_accessible(screen, axe_source, "dossier file")
    screen.screenshot("dossier-file")


def test_job_page_and_its_result_fit_and_pass_axe(
    site: Site, screen: Screen, axe_source: str
) -> None:
    """An ingest job held open by a slow web page: the job page, then the add page's result."""
    page = screen.page
    with SlowSite() as slow:
        screen.open(site.url + "/add")
        page.fill("textarea[name=urls]", slow.url)
        page.click("form.add button[type=submit]")
        page.wait_for_url("**/jobs/*")
        assert page.locator("#job").count() == 1
        check_fits_and_is_accessible(screen, axe_source, "job")
        screen.screenshot("job")
        slow.release.set()
        page.wait_for_url("**/add?job=*", timeout=60_000)
    assert page.locator("#job-result").count() == 1
    check_fits_and_is_accessible(screen, axe_source, "add result")


def test_refused_form_error_page_fits_and_passes_axe(
    site: Site, screen: Screen, axe_source: str
) -> None:
    """A form whose token was tampered with lands on the 403 error page."""
    page = screen.page
    screen.open(site.url + "/add")
    page.eval_on_selector("form.add input[name=csrf_token]", "el => { el.value = 'forged'; }")
    page.fill(
        "textarea[name=text]", "Bridge repainted in Oskel\n\nThe invented bridge was repainted."
    )
    with page.expect_navigation():
        page.click("form.add button[type=submit]")
    assert page.locator("#error").count() == 1
    check_fits_and_is_accessible(screen, axe_source, "error 403", 403)


def test_skip_link_is_the_first_stop_and_leads_to_the_content(site: Site, browser: Any) -> None:
    screen = Screen(browser, "laptop")
    try:
        page = screen.page
        screen.open(site.url + "/")
        page.keyboard.press("Tab")
        focused = page.evaluate(
            "[document.activeElement.className, document.activeElement.textContent]"
        )
        assert focused == ["skip", "Skip to the content"]
        box = page.locator("a.skip").bounding_box()
        assert box is not None and box["y"] >= 0  # shown on screen once focused
        page.keyboard.press("Enter")
        assert page.evaluate("document.activeElement.id") == "main"
    finally:
        screen.context.close()


def test_upload_field_has_a_label(site: Site, browser: Any) -> None:
    screen = Screen(browser, "phone")
    try:
        screen.open(site.url + "/add")
        field = screen.page.get_by_label("Article files")
        assert field.get_attribute("type") == "file" and field.get_attribute("name") == "files"
    finally:
        screen.context.close()


def test_highlight_details_show_on_tap_and_on_focus(site: Site, browser: Any) -> None:
    """On a touch screen a title never shows: a tap, or keyboard focus, shows it in a box."""
    screen = Screen(browser, "phone")
    try:
        page = screen.page
        screen.open(f"{site.url}/articles/observer-2025-06-13")
        detail = page.locator("#hl-detail")
        assert detail.is_hidden()
        mark = page.locator("#text mark.hl.ent[title]").first
        title = mark.get_attribute("title")
        assert title
        mark.tap()
        assert detail.is_visible() and title in detail.inner_text()
        page.locator("#hl-detail button").tap()
        assert detail.is_hidden()
        other = page.locator("#text mark.hl.time[title]").first
        other.focus()
        assert detail.is_visible() and str(other.get_attribute("title")) in detail.inner_text()
        box = page.locator("#hl-detail button").bounding_box()
        assert box is not None and min(box["width"], box["height"]) >= 24
    finally:
        screen.context.close()


def test_timeline_is_readable_on_a_phone(site: Site, browser: Any) -> None:
    """At 390 px the chart keeps text of a readable size and scrolls inside its own box (the
    page does not), and the timeline as a list is open."""
    screen = Screen(browser, "phone")
    try:
        page = screen.page
        screen.open(f"{site.url}/dossiers/{site.real_dossier}")
        text_height = page.locator(".timeline-svg .row-event").first.bounding_box()
        assert text_height is not None and text_height["height"] >= 10
        chart = page.locator(".chart-scroll")
        assert chart.evaluate("el => el.scrollWidth > el.clientWidth")
        assert chart.get_attribute("tabindex") == "0"
        assert page.locator("details.timeline-list").evaluate("el => el.open")
        assert screen.widths()["page"] <= PHONE["width"]
    finally:
        screen.context.close()


def test_tables_become_one_card_per_row_on_a_phone(site: Site, browser: Any) -> None:
    for width in ("phone", "laptop"):
        screen = Screen(browser, width)
        try:
            screen.open(site.url + "/")
            cells = screen.page.locator("#articles table.articles tbody tr").first.locator("td")
            boxes = [cells.nth(i).bounding_box() for i in range(cells.count())]
            lefts = {round(b["x"]) for b in boxes if b}
            # A phone stacks a row's cells (one left edge); a laptop lays them side by side.
            assert (len(lefts) == 1) == (width == "phone"), (width, lefts)
        finally:
            screen.context.close()


def test_story_dates_chart_keeps_its_size_on_a_phone(site: Site, browser: Any) -> None:
    """The story's publication strip keeps dots and dates of a usable size on a phone: its
    box scrolls sideways, the page does not."""
    screen = Screen(browser, "phone")
    try:
        page = screen.page
        screen.open(f"{site.url}/stories/{STORY_ID}")
        dot = page.locator(".strip-svg circle.dot").first.bounding_box()
        assert dot is not None and dot["width"] >= 14
        box = page.locator("#strip .chart-scroll")
        assert box.evaluate("el => el.scrollWidth > el.clientWidth")
        assert screen.widths()["page"] <= PHONE["width"]
    finally:
        screen.context.close()


def test_outlet_table_scrolls_inside_its_box_on_a_phone(site: Site, browser: Any) -> None:
    """The actors-by-outlet table keeps its words whole and scrolls in its own focusable box."""
    screen = Screen(browser, "phone")
    try:
        page = screen.page
        screen.open(f"{site.url}/dossiers/{site.real_dossier}")
        box = page.locator("#framing .table-scroll")
        assert box.evaluate("el => el.scrollWidth > el.clientWidth")
        assert box.get_attribute("tabindex") == "0" and box.get_attribute("aria-label")
        assert screen.widths()["page"] <= PHONE["width"]
    finally:
        screen.context.close()
