"""End to end in a real headless Chromium: ``sayso serve`` in a subprocess, pages driven
by Playwright. Screenshots go to ``artifacts/screenshots/`` (set SAYSO_UPDATE_DOCS_IMG=1
to refresh ``docs/img/explorer-article.png`` too).

Needs Debian's chromium at /usr/bin/chromium and the ``playwright`` Python package
(``scripts/install_browser.sh`` installs both); never ``playwright install``.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from .stores import build_hostile_store, build_store

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
ROOT = Path(__file__).resolve().parents[3]
SHOTS = ROOT / "artifacts" / "screenshots"
DOCS_IMG = ROOT / "docs" / "img" / "explorer-article.png"

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(
        not CHROMIUM.exists(), reason="no /usr/bin/chromium (run scripts/install_browser.sh)"
    ),
]
sync_api = pytest.importorskip(
    "playwright.sync_api", reason="no playwright package (run scripts/install_browser.sh)"
)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def serve(db: Path) -> Iterator[str]:
    """Run ``sayso serve`` on a free loopback port until the test module is done."""
    port = free_port()
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "sayso.faces.cli",
            "serve",
            str(db),
            "--port",
            str(port),
            "--model",
            "sm",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                urllib.request.urlopen(url + "/api/stats", timeout=2).close()
                break
            except OSError:
                if proc.poll() is not None or time.monotonic() > deadline:
                    err = proc.stderr.read().decode() if proc.stderr else ""
                    pytest.fail(f"sayso serve did not start: {err[-2000:]}")
                time.sleep(0.2)
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    yield from serve(build_store(tmp_path_factory.mktemp("e2e") / "corpus.db"))


@pytest.fixture(scope="module")
def hostile_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    yield from serve(build_hostile_store(tmp_path_factory.mktemp("e2e-evil") / "evil.db"))


@pytest.fixture(scope="module")
def browser():
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture()
def page(browser):
    """A page that records console errors (a CSP violation would show up here)."""
    context = browser.new_context(viewport={"width": 1280, "height": 860})
    pg = context.new_page()
    pg.errors = []
    pg.on("console", lambda m: pg.errors.append(m.text) if m.type == "error" else None)
    pg.on("pageerror", lambda e: pg.errors.append(str(e)))
    yield pg
    context.close()


def shot(page, name: str) -> Path:
    SHOTS.mkdir(parents=True, exist_ok=True)
    path = SHOTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    assert path.stat().st_size > 1000
    return path


def test_home_page(server: str, page) -> None:
    page.goto(server + "/")
    assert page.locator(".figures div").first.inner_text().startswith("3")
    assert page.locator("svg.chart rect.bar").count() == 3  # 2024-03, -04 (empty), -05
    assert page.locator(".top-speakers a").first.inner_text() == "Jane Doe"
    shot(page, "home")
    assert page.errors == []


def test_article_page_highlights_and_speaker_links(server: str, page) -> None:
    page.goto(server + "/articles/lakeport%2Fferry-1")
    text = page.locator("#article-text")
    assert text.locator(".hl-content").count() == 4
    quote = text.locator(".hl-content", has_text="We will win the ferry vote")
    assert "sp-0" in quote.get_attribute("class")
    # The stylesheet is applied: a content highlight has a background, a source an outline.
    background = quote.evaluate("el => getComputedStyle(el).backgroundColor")
    assert background not in ("rgba(0, 0, 0, 0)", "transparent")
    source = text.locator(".hl-source", has_text="Jane Doe")
    assert source.evaluate("el => getComputedStyle(el).outlineStyle") == "solid"
    assert "boilerplate" in text.locator(".boilerplate").get_attribute("class")
    assert "Jane Doe · direct" in quote.get_attribute("title")

    quote.click()  # shows the details panel and selects the whole attribution
    details = page.locator("#details")
    assert details.is_visible()
    assert details.locator('[data-field="speaker"]').inner_text() == "Jane Doe"
    assert details.locator('[data-field="cue"]').inner_text() == "said"
    assert page.locator("#article-text .hl.active").count() == 3  # content, source, cue
    assert "active" in page.locator("#attr-0").get_attribute("class")
    path = shot(page, "article")
    if os.environ.get("SAYSO_UPDATE_DOCS_IMG"):
        DOCS_IMG.parent.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(DOCS_IMG))
    assert path.exists()

    page.locator("#attr-2").click()  # a row of the list selects its attribution too
    assert details.locator('[data-field="speaker"]').inner_text() == "Tom Reyes"
    assert page.locator("#article-text .hl.active").count() == 3

    links = page.locator(".who-spoke a.speaker-link")
    assert sorted(links.all_inner_texts()) == ["Harbor Council", "Jane Doe", "Tom Reyes"]
    page.locator(".who-spoke a.speaker-link", has_text="Tom Reyes").click()
    page.wait_for_url("**/speakers/3")
    assert "Tom Reyes" in page.locator("h1").inner_text()
    assert page.locator("td.quote").count() == 2
    shot(page, "speaker")
    assert page.errors == []


def test_search_with_a_filter(server: str, page) -> None:
    page.goto(server + "/search")
    page.fill("form.search-form input[name=q]", "ferry")
    page.select_option("select[name=outlet]", "Harbor Times")
    page.click("form.search-form button[type=submit]")
    page.wait_for_url("**/search?*")
    assert page.url.endswith("/search?q=ferry&outlet=Harbor+Times")  # short, shareable
    rows = page.locator("table.attributions tbody tr")
    assert rows.count() == 1
    assert rows.first.locator("mark").inner_text() == "ferry"
    assert "change the town for good" in rows.first.inner_text()
    assert page.locator("select[name=outlet]").input_value() == "Harbor Times"
    shot(page, "search")
    assert page.errors == []


@pytest.mark.slow
def test_try_it_highlights_pasted_text(server: str, page) -> None:
    page.goto(server + "/try")
    page.fill("textarea[name=text]", "“We will win,” Jane Doe said.")
    page.click("form.try button[type=submit]")
    page.wait_for_selector("#article-text", timeout=60_000)
    content = page.locator("#article-text .hl-content")
    assert content.count() >= 1
    assert "We will win" in content.first.inner_text()
    assert "Jane Doe" in page.locator(".who-spoke").inner_text()
    shot(page, "try")
    assert page.errors == []


def test_hostile_store_runs_no_script(hostile_server: str, page) -> None:
    for path in ["/", "/articles/evil%2F%3Cscript%3E%22id", "/speakers/66", "/search?q=script"]:
        page.goto(hostile_server + path)
        assert page.evaluate("() => window.__pwned === undefined"), path
        assert page.locator("main img").count() == 0
    page.goto(hostile_server + "/articles/evil%2F%3Cscript%3E%22id")
    assert "<script>window.__pwned = 1</script>" in page.locator("#article-text").inner_text()
    shot(page, "hostile-article")
