"""Drive a teacher's path over HTTP against a running PartnerUp, as a school's proxy would.

    python tests/production_smoke.py http://127.0.0.1:8000 https://partnerup.example.org \
        [https://another-name.example.org]

The first address is where the app listens (gunicorn); the second is its public address
(PARTNERUP_PUBLIC_URL); a third, if given, is another name in CSRF_TRUSTED_ORIGINS, from
which the class is created. Every request goes to the first with the Host, Origin and
X-Forwarded-Proto: https headers a TLS-terminating proxy would pass on, so it shows the
proxy settings (PARTNERUP_BEHIND_PROXY, CSRF trusted origins) work. The path: health check,
sign up, new class, import the example roster, plan, save, Today; the page's htmx and
stylesheet are fetched as static files. CI runs it (.ci/run) against gunicorn on
PostgreSQL; tests/test_start_script.py runs it against gunicorn on SQLite.
Exits 1 with the step that failed.
"""

from __future__ import annotations

import re
import secrets
import sys
import time
import urllib.error
import urllib.request
import uuid
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlencode, urlsplit

EXAMPLE_ROSTER = Path(__file__).resolve().parents[1] / "partnerup" / "examples" / "room12.csv"


class Failed(Exception):
    pass


class _NoRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


class _Page(HTMLParser):
    """The CSRF token, the scripts and stylesheets of a page."""

    def __init__(self, html: str) -> None:
        super().__init__()
        self.csrf = ""
        self.assets: list[str] = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        found = dict(attrs)
        if tag == "input" and found.get("name") == "csrfmiddlewaretoken":
            self.csrf = found.get("value") or ""
        elif tag == "script" and found.get("src"):
            self.assets.append(found["src"])
        elif tag == "link" and found.get("rel") == "stylesheet" and found.get("href"):
            self.assets.append(found["href"])


class Browser:
    """A teacher's browser behind the school's TLS proxy: cookies kept by hand (they are
    Secure, which urllib's jar would not send over the proxy's plain-http hop)."""

    def __init__(self, base: str, public: str) -> None:
        self.base = base.rstrip("/")
        self.public = public.rstrip("/")
        self.cookies: dict[str, str] = {}
        self.opener = urllib.request.build_opener(_NoRedirects)

    def request(self, path, data=None, content_type=None, https=True, origin=None, extra=None):
        headers = {"Host": urlsplit(self.public).netloc, "X-Request-ID": uuid.uuid4().hex}
        headers |= extra or {}  # e.g. HX-Request for an htmx tap (benchmarks/load.py)
        if https:
            headers["X-Forwarded-Proto"] = "https"
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        if data is not None:
            headers["Origin"] = origin or self.public
            headers["Referer"] = self.public + path
            headers["Content-Type"] = content_type or "application/x-www-form-urlencoded"
            if isinstance(data, dict):
                data = urlencode(data, doseq=True).encode()
        request = urllib.request.Request(self.base + path, data=data, headers=headers)
        try:
            response = self.opener.open(request, timeout=60)
        except urllib.error.HTTPError as error:
            response = error
        with response:
            body = response.read()
        for cookie in response.headers.get_all("Set-Cookie") or []:
            name, _, value = cookie.split(";", 1)[0].partition("=")
            self.cookies[name.strip()] = value.strip()
        if response.headers.get("X-Request-ID") != headers["X-Request-ID"]:
            raise Failed(f"{path}: the response does not carry the request id")
        return response.status, response.headers, body

    def get(self, path, expect=200):
        status, headers, body = self.request(path)
        if status != expect:
            raise Failed(f"GET {path}: {status}, expected {expect}")
        return body.decode(), headers

    def post(self, path, values, expect=302, **kwargs):
        status, headers, body = self.request(path, values, **kwargs)
        if status != expect:
            raise Failed(f"POST {path}: {status}, expected {expect}\n{body[:2000]!r}")
        return headers.get("Location", ""), body.decode()

    def form(self, path):
        page, _ = self.get(path)
        token = _Page(page).csrf
        if not token:
            raise Failed(f"GET {path}: no CSRF token on the page")
        return token


def _multipart(fields: dict[str, str], files: dict[str, tuple[str, bytes]]) -> tuple[bytes, str]:
    boundary = secrets.token_hex(16)
    parts = []
    for name, value in fields.items():
        head = f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n'
        parts.append(f"{head}{value}\r\n".encode())
    for name, (filename, content) in files.items():
        parts.append(
            f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; '
            f'filename="{filename}"\r\nContent-Type: text/csv\r\n\r\n'.encode()
            + content
            + b"\r\n"
        )
    parts.append(f"--{boundary}--\r\n".encode())
    return b"".join(parts), f"multipart/form-data; boundary={boundary}"


def _pk(location: str, pattern: str) -> str:
    match = re.search(pattern, location)
    if not match:
        raise Failed(f"unexpected redirect to {location!r}")
    return match.group(1)


def teacher_path(base: str, public: str, trusted: str | None = None, say=print) -> None:
    browser = Browser(base, public)
    body, _ = browser.get("/healthz")
    if body.strip() != "ok":
        raise Failed(f"/healthz said {body!r}")
    say("health check: ok")

    status, headers, _ = browser.request("/accounts/login/", https=False)
    if status != 301 or not headers.get("Location", "").startswith("https://"):
        raise Failed(f"plain http is not redirected to https ({status})")
    say("plain http: redirected to https")

    token = browser.form("/accounts/signup/")
    status, _, _ = browser.request(
        "/accounts/signup/", {"csrfmiddlewaretoken": token}, origin="https://elsewhere.example"
    )
    if status != 403:
        raise Failed(f"a POST from another site was not refused ({status})")
    name, password = f"teacher{secrets.token_hex(4)}", secrets.token_urlsafe(16)
    browser.post(
        "/accounts/signup/",
        {
            "csrfmiddlewaretoken": token,
            "username": name,
            "email": f"{name}@example.org",
            "password1": password,
            "password2": password,
        },
    )
    say(f"signed up as {name} (a POST from another site: 403)")

    page, _ = browser.get("/classes/")
    assets = _Page(page).assets
    if not any("htmx" in a for a in assets):
        raise Failed("the class list does not load htmx")
    for asset in assets:
        body, headers = browser.get(asset)
        if len(body) < 100 or "max-age" not in headers.get("Cache-Control", ""):
            raise Failed(f"static file {asset}: {len(body)} bytes, {headers.get('Cache-Control')}")
    say(f"static files: {', '.join(assets)}")

    token = browser.form("/classes/new/")
    location, _ = browser.post(
        "/classes/new/", {"csrfmiddlewaretoken": token, "name": "Room 7"}, origin=trusted
    )
    pk = _pk(location, r"/classes/(\d+)/$")
    token = browser.form(f"/classes/{pk}/import/")
    data, content_type = _multipart(
        {"csrfmiddlewaretoken": token, "sheet": ""},
        {"roster": ("room12.csv", EXAMPLE_ROSTER.read_bytes())},
    )
    _, preview = browser.post(f"/classes/{pk}/import/", data, 200, content_type=content_type)
    token = _Page(preview).csrf
    browser.post(f"/classes/{pk}/import/confirm/", {"csrfmiddlewaretoken": token})
    say(f"class {pk}: made{f' from {trusted}' if trusted else ''}, example roster imported")

    token = browser.form(f"/classes/{pk}/plans/")
    weights = ("choices", "interests", "same_goal", "strength_meets_goal", "level", "talk")
    location, _ = browser.post(
        f"/classes/{pk}/plans/generate/",
        {
            "csrfmiddlewaretoken": token,
            "strategy": "purposeful",
            "level": "similar",
            "talk": "complement",
            "threes": "on",
            "floaters": 0,
            **{f"w_{w}": 2 for w in (*weights, "language")},
        },
    )
    plan = _pk(location, rf"/classes/{pk}/plans/(\d+)/board/$")
    token = browser.form(location)
    browser.post(
        f"/classes/{pk}/plans/{plan}/save/", {"csrfmiddlewaretoken": token, "name": "Unit 1"}
    )
    say(f"plan {plan}: made and saved")

    today, _ = browser.get(f"/classes/{pk}/today/")
    if "Ana" not in today or not _Page(today).csrf:
        raise Failed("Today does not show the class")
    say("Today: open")


def wait_until_healthy(base: str, seconds: float = 90) -> None:
    """Until /healthz answers ok (the start script migrates first)."""
    deadline = time.monotonic() + seconds
    while True:
        try:
            with urllib.request.urlopen(base.rstrip("/") + "/healthz", timeout=5) as response:
                if response.read().decode().strip() == "ok":
                    return
        except OSError:
            pass
        if time.monotonic() > deadline:
            raise Failed(f"{base}/healthz did not answer ok within {seconds:.0f} s")
        time.sleep(0.5)


def main(argv: list[str]) -> int:
    if len(argv) not in (2, 3):
        print(__doc__, file=sys.stderr)
        return 2
    try:
        wait_until_healthy(argv[0])
        teacher_path(*argv)
    except (Failed, OSError) as problem:
        print(f"production smoke test FAILED: {problem}", file=sys.stderr)
        return 1
    print("production smoke test: ok")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
