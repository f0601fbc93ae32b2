"""/healthz: 200 "ok" when the database answers, 503 when it does not; no session,
no cookie, no sign-in, no CSRF token needed."""

from unittest import mock

import pytest
from django.db import OperationalError
from django.test import Client

pytestmark = pytest.mark.django_db


def test_healthz_answers_ok_without_sign_in_or_cookies():
    response = Client(enforce_csrf_checks=True).get("/healthz")
    assert response.status_code == 200
    assert response.content.decode().strip() == "ok"
    assert response["Content-Type"].startswith("text/plain")
    assert not response.cookies
    assert "no-cache" in response["Cache-Control"]


def test_healthz_is_503_with_a_plain_body_when_the_database_is_down(caplog):
    with mock.patch(
        "partnerup.health.connection.cursor", side_effect=OperationalError("connection refused")
    ):
        response = Client().get("/healthz")
    assert response.status_code == 503
    assert response.content.decode().strip() == "database unavailable"
    assert "connection refused" not in response.content.decode()
    assert "the database does not answer" in caplog.text


def test_healthz_only_reads():
    assert Client().post("/healthz").status_code == 405


def test_healthz_is_not_redirected_to_https_in_production(settings):
    """Docker and load balancers call it over plain http from inside; the production
    settings' values (tests/test_settings_production.py)."""
    settings.SECURE_SSL_REDIRECT = True
    settings.SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
    client = Client()
    assert client.get("/healthz").status_code == 200
    assert client.get("/accounts/login/").status_code == 301
