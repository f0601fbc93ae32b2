"""A request id for every request: on the response (X-Request-ID) and in every log line.

A tiny middleware rather than a library (django-guid, django-log-request-id): it is the
whole feature in thirty lines, with no dependency to keep up. An incoming X-Request-ID
(set by a proxy) is kept only when it is short and plain; otherwise a new one is made.
"""

from __future__ import annotations

import logging
import re
import uuid
from contextvars import ContextVar

HEADER = "X-Request-ID"
SAFE_ID = re.compile(r"[A-Za-z0-9._-]{1,64}")
NO_REQUEST = "-"

_current: ContextVar[str] = ContextVar("partnerup_request_id", default=NO_REQUEST)


def current_request_id() -> str:
    """The id of the request being served, or "-" outside a request."""
    return _current.get()


def request_id_from(incoming: str | None) -> str:
    if incoming and SAFE_ID.fullmatch(incoming):
        return incoming
    return uuid.uuid4().hex


class RequestIdMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.request_id = request_id_from(request.headers.get(HEADER))
        token = _current.set(request.request_id)
        try:
            response = self.get_response(request)
            response[HEADER] = request.request_id
            return response
        finally:
            _current.reset(token)


class RequestIdFilter(logging.Filter):
    """Gives every log record a `request_id` for the log format."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.request_id = current_request_id()
        return True
