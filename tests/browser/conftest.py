"""Browser tests: Playwright driving Debian's Chromium against pytest-django's live server.

Every page fails its test on a JavaScript error or on a request to anything but the
app itself (no CDN, no outside calls). Screenshots go to test-output/screenshots/.
"""

import os
from pathlib import Path

import pytest
from playwright.sync_api import sync_playwright

# Playwright's sync API runs an event loop in the test thread; the ORM calls the
# tests make between browser steps are still plain synchronous calls.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = "/usr/bin/chromium"
SCREENSHOTS = Path(__file__).resolve().parents[2] / "test-output" / "screenshots"
DESKTOP = {"width": 1280, "height": 900}
TABLET = {"width": 820, "height": 1180}


@pytest.fixture(scope="session")
def browser():
    assert Path(CHROMIUM).exists(), "Browser tests need Debian's chromium (make test installs it)"
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
            ],
        )
        yield chromium
        chromium.close()


REFUSED = tuple(
    f"Failed to load resource: the server responded with a status of {status}"
    for status in (400, 429)
)


class Guard:
    """Collects what must not happen on a page: outside requests and script errors."""

    def __init__(self, origin: str, refusals: bool = False):
        self.origin = origin
        self.outside: list[str] = []
        self.errors: list[str] = []
        self.refusals = refusals  # a page that answers a form with 400 or 429 by design

    def route(self, route):
        if route.request.url.startswith(self.origin):
            route.continue_()
        else:
            self.outside.append(route.request.url)
            route.abort()

    def console(self, message):
        if self.refusals and message.text.startswith(REFUSED):
            return
        if message.type == "error":
            self.errors.append(message.text)

    def check(self):
        assert not self.outside, f"requests outside the app: {self.outside}"
        assert not self.errors, f"errors in the browser: {self.errors}"


@pytest.fixture
def open_page(browser, live_server, transactional_db):
    """open_page(viewport=DESKTOP, locale=None, refusals=False) → a page on the live
    server, checked at the end; `locale` is the browser's language (its Accept-Language);
    `refusals`: forms on it are refused with 400 or 429 on purpose."""
    opened = []

    def make(viewport=DESKTOP, locale=None, refusals=False):
        language = {"locale": locale} if locale else {}
        context = browser.new_context(viewport=viewport, base_url=live_server.url, **language)
        page = context.new_page()
        guard = Guard(live_server.url, refusals)
        page.route("**/*", guard.route)
        page.on("console", guard.console)
        page.on("pageerror", lambda error: guard.errors.append(str(error)))
        page.set_default_timeout(10_000)
        opened.append((context, guard))
        return page

    yield make
    # Close every page before judging any, so one failure does not leave a browser open.
    for context, _ in opened:
        context.close()
    for _, guard in opened:
        guard.check()


@pytest.fixture
def page(open_page):
    return open_page()


def shot(page, name: str) -> Path:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path


def board_ready(page):
    """The board's scripts are loaded (they are deferred): picking, dragging and htmx
    buttons work."""
    page.wait_for_function("document.documentElement.dataset.board === 'ready' && window.htmx")
