"""The client address believes only what the trusted proxies appended."""

import pytest
from django.test import RequestFactory

from partnerup.clientaddress import UNKNOWN, client_address


def request_with(remote: str, forwarded: str | None = None):
    extra = {"REMOTE_ADDR": remote}
    if forwarded is not None:
        extra["HTTP_X_FORWARDED_FOR"] = forwarded
    return RequestFactory().get("/", **extra)


def test_without_a_proxy_the_forwarded_header_is_ignored(settings):
    settings.PARTNERUP_TRUSTED_PROXIES = 0
    assert client_address(request_with("203.0.113.9", "10.0.0.1")) == "203.0.113.9"


def test_behind_one_proxy_the_rightmost_forwarded_entry_is_the_client(settings):
    settings.PARTNERUP_TRUSTED_PROXIES = 1
    request = request_with("10.0.0.2", "6.6.6.6, 198.51.100.7")
    assert client_address(request) == "198.51.100.7"


def test_behind_two_proxies_the_second_from_the_right_is_the_client(settings):
    settings.PARTNERUP_TRUSTED_PROXIES = 2
    request = request_with("10.0.0.2", "6.6.6.6, 198.51.100.7, 10.0.0.9")
    assert client_address(request) == "198.51.100.7"


def test_a_short_header_falls_back_to_the_connection(settings):
    settings.PARTNERUP_TRUSTED_PROXIES = 2
    assert client_address(request_with("10.0.0.2", "198.51.100.7")) == "10.0.0.2"


@pytest.mark.parametrize("junk", ["not-an-address", "1.2.3.4\x00", "x" * 500, "1.2.3.4:80"])
def test_junk_is_unknown_never_stored_as_given(settings, junk):
    settings.PARTNERUP_TRUSTED_PROXIES = 1
    assert client_address(request_with("10.0.0.2", f"1.1.1.1, {junk}")) == UNKNOWN


def test_ipv6_is_normalised(settings):
    settings.PARTNERUP_TRUSTED_PROXIES = 0
    assert client_address(request_with("2001:DB8::0:1")) == "2001:db8::1"
