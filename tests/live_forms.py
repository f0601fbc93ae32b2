"""A form posted to a live server by a browser without a session: only a CSRF cookie."""

from __future__ import annotations

import http.client
import urllib.error
import urllib.parse
import urllib.request

from django.utils.crypto import get_random_string


class Answered(urllib.request.HTTPRedirectHandler):
    """A redirect is an answer here (302 after signing in), not something to follow."""

    def redirect_request(self, *args, **kwargs):
        return None


def post_form(url: str, data: dict) -> tuple[int, str]:
    """The status and page. Dozens sent at once overflow the test server's listen queue:
    a connection the server drops is sent again (a limit under test still holds, since
    every try the app saw is counted where the test looks)."""
    csrf = get_random_string(32)
    body = urllib.parse.urlencode({**data, "csrfmiddlewaretoken": csrf}).encode()
    for _ in range(5):
        request = urllib.request.Request(url, body, {"Cookie": f"csrftoken={csrf}"})
        try:
            with urllib.request.build_opener(Answered).open(request, timeout=120) as response:
                return response.status, response.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode()
        except (ConnectionError, http.client.RemoteDisconnected, urllib.error.URLError):
            continue
    raise ConnectionError(f"{url} dropped the connection five times")
