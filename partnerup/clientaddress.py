"""The address a request came from, as the school's trusted proxies saw it.

Sign-in limits and the audit log count by address. Behind a proxy REMOTE_ADDR is the
proxy's own address, so the client is read from X-Forwarded-For — but only the entries
the trusted proxies appended (settings.PARTNERUP_TRUSTED_PROXIES, counted from the
right); a browser can put anything at the left of that header.
"""

from __future__ import annotations

import ipaddress

from django.conf import settings

UNKNOWN = "unknown"


def client_address(request) -> str:
    proxies = getattr(settings, "PARTNERUP_TRUSTED_PROXIES", 0)
    if proxies:
        forwarded = [
            part.strip()
            for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
            if part.strip()
        ]
        if len(forwarded) >= proxies:
            return _valid(forwarded[-proxies])
    return _valid(request.META.get("REMOTE_ADDR", ""))


def _valid(text: str) -> str:
    try:
        return str(ipaddress.ip_address(text))
    except ValueError:
        return UNKNOWN
