"""End to end in headless Chromium (Debian's `chromium`, driven by Playwright; never downloads one).

Set TRIANGULATE_SCREENSHOTS=1 to also refresh docs/screenshots/*.png from the examples' real
dossier (=hand: from the hand-written test dossier, which has a conflict and an update).
"""

from __future__ import annotations

import os
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from test_web import DOSSIER_ID, EXAMPLES, build_store
from triangulate.settings import Settings
from triangulate.stories.run import run_stories

CHROMIUM = Path(os.environ.get("TRIANGULATE_CHROMIUM", "/usr/bin/chromium"))
ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run",
]  # fmt: skip
SCREENSHOTS = Path(__file__).resolve().parents[1] / "docs" / "screenshots"
TARGET_BACKGROUND = "rgb(255, 211, 61)"  # mark:target in style.css

pytestmark = pytest.mark.browser

playwright_api = pytest.importorskip("playwright.sync_api", reason="pip install playwright")
if not CHROMIUM.exists():
    pytest.skip(f"no Chromium at {CHROMIUM}: apt-get install chromium", allow_module_level=True)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def real_dossier(server: Server) -> str:
    """The examples' dossier as the pipeline builds it (the screenshots show real output)."""
    from triangulate.api import Store

    ids = ["ledger-2025-06-10", "wire-2025-06-11", "observer-2025-06-13", "courier-undated",
           "gazette-2025-06-12"]  # fmt: skip
    with Store(server.db, workers=1) as store:
        return store.dossier(ids).id


class Server:
    """uvicorn on 127.0.0.1 in a thread, stopped by the fixture."""

    def __init__(self, db: Path, allow_private_urls: bool = False) -> None:
        import uvicorn

        from triangulate.web import create_app

        self.db = db
        self.port = free_port()
        settings = Settings(db_path=db, workers=1)
        app = create_app(db, settings, allow_private_urls=allow_private_urls)
        config = uvicorn.Config(app, host="127.0.0.1", port=self.port, log_level="warning")
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def __enter__(self) -> Server:
        self.thread.start()
        deadline = time.monotonic() + 20
        while not self.server.started:
            if time.monotonic() > deadline or not self.thread.is_alive():
                raise RuntimeError("uvicorn did not start")
            time.sleep(0.05)
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    db = tmp_path_factory.mktemp("browser") / "store.db"
    build_store(db)
    with Server(db) as running:
        yield running


@pytest.fixture(scope="module")
def story_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """The examples' HTML pages through the real stories pipeline, dossiers included."""
    from triangulate.store import open_store

    folder = tmp_path_factory.mktemp("stories")
    db = folder / "store.db"
    with open_store(db) as store:
        run_stories(
            store, [str(EXAMPLES / "html")], Settings(db_path=db, workers=1), "local", 1, folder
        )
    with Server(db) as running:
        yield running


def ledger_story(server: Server) -> str:
    from triangulate.store import open_store
    from triangulate.store.stories import story_of_article

    with open_store(server.db) as store:
        story_id = story_of_article(store, "ledger-2025-06-10")
    assert story_id is not None
    return story_id


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with playwright_api.sync_playwright() as driver:
        launched = driver.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield launched
        launched.close()


class Watched:
    """A page that records dialogs (alert, confirm…) and console errors, e.g. CSP violations."""

    def __init__(self, browser: Any, javascript: bool = True) -> None:
        self.context = browser.new_context(
            java_script_enabled=javascript, viewport={"width": 1280, "height": 900}
        )
        self.page = self.context.new_page()
        self.dialogs: list[str] = []
        self.errors: list[str] = []
        self.page.on("dialog", self._dialog)
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))

    def _dialog(self, dialog: Any) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()


@pytest.fixture
def watched(browser: Any) -> Iterator[Watched]:
    page = Watched(browser)
    yield page
    page.context.close()


def test_hostile_article_shows_literally_and_runs_nothing(server: Server, watched: Watched) -> None:
    page = watched.page
    page.goto(f"{server.url}/articles/xss")
    page.wait_for_load_state("networkidle")
    text = page.inner_text("#text")
    assert "<script>alert(1)</script>" in text
    assert "<img src=x onerror=alert(1)>" in text
    assert '<a href="javascript:alert(document.cookie)">' in text
    assert (
        page.eval_on_selector_all(
            "#text script, #text img, #text iframe, #text svg, #text a", "els => els.length"
        )
        == 0
    )
    assert page.locator("h1").inner_text().endswith("<script>alert(1)</script>")
    assert watched.dialogs == [] and watched.errors == []


def test_citation_click_highlights_its_span(server: Server, watched: Watched) -> None:
    page = watched.page
    page.goto(f"{server.url}/dossiers/{DOSSIER_ID}")
    link = page.locator("#summary a.cite").first
    href = link.get_attribute("href")
    assert href and "#span-" in href
    link.click()
    page.wait_for_url(f"**{href}")
    target = page.locator(":target")
    assert target.get_attribute("id") == href.split("#", 1)[1]
    assert target.inner_text() == "around 24,000 residents"
    assert "is-target" in (target.get_attribute("class") or "")
    page.wait_for_timeout(1400)  # past the flash animation
    background = target.evaluate("el => getComputedStyle(el).backgroundColor")
    assert background == TARGET_BACKGROUND
    assert watched.dialogs == [] and watched.errors == []


def test_conflict_sides_sit_next_to_each_other(server: Server, watched: Watched) -> None:
    page = watched.page
    page.goto(f"{server.url}/dossiers/{DOSSIER_ID}")
    sides = page.locator("#conflicts .side")
    assert sides.count() == 2
    first, second = sides.nth(0).bounding_box(), sides.nth(1).bounding_box()
    assert first and second and abs(first["y"] - second["y"]) < 2 and second["x"] > first["x"]
    assert page.locator("#timeline svg.timeline-svg circle.event").count() == 2
    assert watched.errors == []


def test_add_through_the_form_then_build_selection(server: Server, watched: Watched) -> None:
    page = watched.page
    page.goto(f"{server.url}/add")
    page.fill(
        "textarea[name=text]",
        "Ferry strike ends in Dravell\n\nFerry crews in the invented port of Dravell went back to work on Friday, the union said.",
    )
    page.set_input_files("input[name=files]", str(EXAMPLES / "html" / "courier-undated.html"))
    page.click("form.add button[type=submit]")
    page.wait_for_url("**/add?job=*", timeout=60_000)
    checked = page.eval_on_selector_all(
        "input[name=article]:checked", "els => els.map(e => e.value)"
    )
    assert len(checked) == 2 and any(v.startswith("pasted-") for v in checked)
    assert "2 stored" in page.inner_text("#job-result") or "stored" in page.inner_text(
        "#job-result"
    )
    assert watched.dialogs == [] and watched.errors == []


def test_add_works_without_javascript(server: Server, browser: Any) -> None:
    watched = Watched(browser, javascript=False)
    try:
        page = watched.page
        page.goto(f"{server.url}/add")
        page.fill(
            "textarea[name=text]",
            "Library opens in Carrow Ford\n\nA new library opened in the invented town of Carrow Ford on Saturday.",
        )
        page.click("form.add button[type=submit]")
        page.wait_for_url("**/add?job=*", timeout=60_000)  # the job page refreshes itself
        assert page.locator("input[name=article]:checked").count() == 1
    finally:
        watched.context.close()


@pytest.mark.slow
def test_build_a_dossier_in_the_browser(server: Server, watched: Watched) -> None:
    page = watched.page
    page.goto(f"{server.url}/add")
    for article_id in ("ledger-2025-06-10", "observer-2025-06-13"):
        page.check(f"input[name=article][value='{article_id}']")
    page.click("form.build button[type=submit]")
    page.wait_for_url("**/dossiers/*", timeout=180_000)
    assert page.locator("h1").count() == 1 and page.locator("#conflicts").count() == 1
    assert watched.errors == []


def test_story_from_home_to_article_and_back(story_server: Server, watched: Watched) -> None:
    page = watched.page
    story = ledger_story(story_server)
    page.goto(story_server.url + "/")
    page.click(f"#stories a[href='/stories/{story}']")
    page.wait_for_url(f"**/stories/{story}")
    strip = page.locator("#strip svg.strip-svg").bounding_box()
    assert strip and strip["width"] > 900 and strip["height"] > 40
    dots = page.locator("#strip circle.dot")
    assert dots.count() >= 2
    boxes = [dots.nth(i).bounding_box() for i in range(dots.count())]
    assert all(b and b["width"] > 8 for b in boxes)  # drawn, sized by the stylesheet's viewBox
    assert page.locator("#dossier a.button").count() == 1
    page.locator("#strip a").first.click()
    page.wait_for_url("**/articles/*")
    page.click("#story-link")
    page.wait_for_url(f"**/stories/{story}")
    assert watched.dialogs == [] and watched.errors == []


@pytest.mark.skipif(
    not os.environ.get("TRIANGULATE_SCREENSHOTS"), reason="set TRIANGULATE_SCREENSHOTS=1"
)
def test_take_story_screenshot(story_server: Server, watched: Watched) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page = watched.page
    page.goto(f"{story_server.url}/stories/{ledger_story(story_server)}")
    page.screenshot(path=str(SCREENSHOTS / "story.png"), full_page=True)
    assert (SCREENSHOTS / "story.png").stat().st_size > 10_000


@pytest.mark.skipif(
    not os.environ.get("TRIANGULATE_SCREENSHOTS"), reason="set TRIANGULATE_SCREENSHOTS=1"
)
def test_take_screenshots(server: Server, watched: Watched) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page = watched.page
    dossier = (
        DOSSIER_ID if os.environ.get("TRIANGULATE_SCREENSHOTS") == "hand" else real_dossier(server)
    )
    shots = {
        "home": "/",
        "dossier": f"/dossiers/{dossier}",
        "article": "/articles/observer-2025-06-13",
    }
    for name, path in shots.items():
        page.goto(server.url + path)
        page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)
        assert (SCREENSHOTS / f"{name}.png").stat().st_size > 10_000
