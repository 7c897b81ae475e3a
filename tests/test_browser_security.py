"""DNS rebinding and server-side request forgery, in a real browser (headless Chromium).

Chromium is told that ``rebind.test`` resolves to 127.0.0.1, as an attacker's DNS would answer
once a victim has loaded the attacker's page: requests to the app then carry that name as their
Host. The attacker's page itself is served by Playwright at the same origin.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from test_browser import ARGS, CHROMIUM, Server, playwright_api
from test_web import build_store

pytestmark = pytest.mark.browser
EVIL = "rebind.test"
ATTACK = """<!doctype html><html><body><p id="out">…</p><script>
(async () => {
  const results = {};
  for (const path of ["/", "/index.json", "/articles/xss.json", "/add"]) {
    try { results[path] = (await fetch(path)).status; } catch (e) { results[path] = "blocked"; }
  }
  const form = new FormData();
  form.append("text", "Injected through a rebound name.");
  try { results["POST /add"] = (await fetch("/add", {method: "POST", body: form})).status; }
  catch (e) { results["POST /add"] = "blocked"; }
  document.getElementById("out").textContent = JSON.stringify(results);
})();
</script></body></html>"""


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    db = tmp_path_factory.mktemp("rebinding") / "store.db"
    build_store(db)
    with Server(db) as running:
        yield running


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    rules = f"--host-resolver-rules=MAP {EVIL} 127.0.0.1"
    # Chromium's own guard for local addresses is switched off: the app must refuse by itself,
    # as it must for browsers that have no such guard
    unguarded = (
        "--disable-features=LocalNetworkAccessChecks,BlockInsecurePrivateNetworkRequests,"
        "PrivateNetworkAccessSendPreflights,PrivateNetworkAccessRespectPreflightResults"
    )
    with playwright_api.sync_playwright() as driver:
        launched = driver.chromium.launch(
            executable_path=str(CHROMIUM), args=[*ARGS, rules, unguarded]
        )
        yield launched
        launched.close()


def test_the_app_is_not_served_under_another_name(server: Server, browser: Any) -> None:
    page = browser.new_page()
    for path in ("/", "/index.json", "/articles/xss", "/add", "/static/app.js"):
        response = page.goto(f"http://{EVIL}:{server.port}{path}")
        assert response is not None and response.status == 403, path
        assert "this app answers only at 127.0.0.1" in page.content()
    page.close()


def test_a_rebound_page_can_neither_read_nor_write(server: Server, browser: Any) -> None:
    context = browser.new_context()
    page = context.new_page()
    attack_url = f"http://{EVIL}:{server.port}/attack.html"
    page.route(attack_url, lambda route: route.fulfill(content_type="text/html", body=ATTACK))
    page.goto(attack_url)
    page.wait_for_function("document.getElementById('out').textContent.startsWith('{')")
    results = json.loads(page.inner_text("#out"))
    assert results == {"/": 403, "/index.json": 403, "/articles/xss.json": 403, "/add": 403,
                       "POST /add": 403}  # fmt: skip
    context.close()
    home = browser.new_page()
    home.goto(f"{server.url}/index.json")
    assert "Injected" not in home.content()
    home.close()


def test_a_loopback_url_added_in_the_browser_is_refused(
    server: Server, browser: Any, http_root: tuple[str, Path]
) -> None:
    base, root = http_root
    (root / "internal.html").write_text(
        "<html><body><article><p>Only for this machine.</p></article></body></html>"
    )
    page = browser.new_page()
    page.goto(f"{server.url}/add")
    page.fill("textarea[name=urls]", f"{base}/internal.html")
    page.click("form.add button[type=submit]")
    page.wait_for_selector("#job-result", timeout=60_000)
    result = page.inner_text("#job-result")
    assert "0 stored" in result and "1 failed" in result
    assert "leads to a private or loopback address" in result
    page.close()
