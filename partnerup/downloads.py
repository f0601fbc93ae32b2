"""A file the browser saves rather than shows (spreadsheets, the class archive)."""

from __future__ import annotations

from django.http import HttpResponse
from django.utils.http import content_disposition_header

CSV = "text/csv; charset=utf-8"


def download(content: str | bytes, filename: str, content_type: str = CSV) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = content_disposition_header(True, filename)
    return response
