"""Every request gets an id: on the response's X-Request-ID and in every log line of it."""

import logging
import logging.config
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.http import HttpResponse
from django.test import Client, override_settings
from django.urls import path

from partnerup.requestid import RequestIdFilter, current_request_id, request_id_from

ROOT = Path(__file__).resolve().parents[1]
pytestmark = pytest.mark.django_db


def broken(request):
    logging.getLogger("partnerup.test").warning("about to fail")
    raise RuntimeError("the bug under test")


def fine(request):
    return HttpResponse(current_request_id())


urlpatterns = [path("broken/", broken), path("fine/", fine)]


def test_each_response_carries_a_new_id_which_the_request_saw():
    client = Client()
    first, second = client.get("/healthz"), client.get("/healthz")
    assert len(first["X-Request-ID"]) == 32 and first["X-Request-ID"] != second["X-Request-ID"]
    assert current_request_id() == "-"  # outside a request


@override_settings(ROOT_URLCONF=__name__)
def test_the_view_and_the_response_share_the_id():
    response = Client().get("/fine/")
    assert response.content.decode() == response["X-Request-ID"]


@pytest.mark.parametrize(
    "incoming, kept",
    [
        ("abc-123_DEF.9", True),
        ("a" * 64, True),
        ("a" * 65, False),
        ("has space", False),
        ("new\nline", False),
        ("<script>", False),
        ("ünicode", False),
        ("", False),
    ],
)
def test_an_incoming_id_is_kept_only_when_short_and_safe(incoming, kept):
    assert (request_id_from(incoming) == incoming) is kept
    if not kept:
        assert len(request_id_from(incoming)) == 32


def test_the_proxys_id_is_kept_on_the_response():
    response = Client().get("/healthz", HTTP_X_REQUEST_ID="from-the-proxy-42")
    assert response["X-Request-ID"] == "from-the-proxy-42"
    response = Client().get("/healthz", HTTP_X_REQUEST_ID="x" * 200)
    assert response["X-Request-ID"] != "x" * 200


@override_settings(ROOT_URLCONF=__name__)
def test_a_500_is_logged_with_its_traceback_and_request_id():
    lines = []

    class Keep(logging.Handler):
        def emit(self, record):
            lines.append(self.format(record))

    keep = Keep()
    keep.addFilter(RequestIdFilter())
    keep.setFormatter(logging.Formatter(settings.LOGGING["formatters"]["line"]["format"]))
    for name in ("django.request", "partnerup.test"):
        logging.getLogger(name).addHandler(keep)
    try:
        response = Client(raise_request_exception=False).get("/broken/")
    finally:
        for name in ("django.request", "partnerup.test"):
            logging.getLogger(name).removeHandler(keep)
    assert response.status_code == 500
    request_id = response["X-Request-ID"]
    assert len(lines) == 2 and all(f"[{request_id}]" in line for line in lines)
    assert "Internal Server Error: /broken/" in lines[1]
    assert "Traceback" in lines[1] and "the bug under test" in lines[1]


def test_logging_goes_to_standard_output_with_the_request_id_field(tmp_path):
    code = (
        "import django, logging; django.setup(); "
        "logging.getLogger('partnerup.demo').info('hello from the app'); "
        "logging.getLogger('django.request').error('a django error')"
    )
    env = {
        "DJANGO_SETTINGS_MODULE": "partnerup.settings",
        "PYTHONPATH": str(ROOT),
        "PARTNERUP_DATA_DIR": str(tmp_path),
    }
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, cwd=ROOT
    )
    assert result.returncode == 0, result.stderr
    assert "INFO [-] partnerup.demo: hello from the app" in result.stdout
    assert "ERROR [-] django.request: a django error" in result.stdout
    assert result.stderr == ""
