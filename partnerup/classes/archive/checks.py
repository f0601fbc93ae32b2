"""The checks a restore puts each value of class.json through, and RestoreError.

Most take the fields of one record (`data`), the key to read and `where` (how a message
names the record: "student Ana", "the day 2025-03-04"), and return the value as the
model stores it or raise RestoreError saying in plain words what is wrong.
A text is checked as a typed one would be: engine.names.refused_character and a length.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal, InvalidOperation
from typing import Any

from django.utils import timezone
from django.utils.dateparse import parse_datetime

from partnerup.engine import TAG_MAX_LENGTH, refused_character

MANY = 5000  # plans, days, weeks, lead turns of one day…: far above a school year's


class RestoreError(Exception):
    """The file cannot be restored; the message says why in plain words."""


def fields(value: Any, where: str) -> dict:
    if not isinstance(value, dict):
        raise RestoreError(f"{where} is missing or is not a set of fields.")
    return value


def items(data: dict, key: str, where: str, most: int) -> list:
    value = data.get(key, [])
    if not isinstance(value, list):
        raise RestoreError(f"{where}: “{key}” is not a list.")
    if len(value) > most:
        raise RestoreError(f"{where}: “{key}” has {len(value)} entries; at most {most} fit.")
    return value


def text(data: dict, key: str, where: str, most: int, *, multiline=False, needed=False) -> str:
    value = "" if data.get(key) is None else data[key]
    checked = one_text(value, f"{where}: {key.replace('_', ' ')}", most, multiline=multiline)
    if needed and not checked.strip():
        raise RestoreError(f"{where}: {key.replace('_', ' ')} is empty.")
    return checked


def one_text(value: Any, where: str, most: int, *, multiline=False) -> str:
    if not isinstance(value, str):
        raise RestoreError(f"{where} is not text.")
    problem = refused_character(value, multiline=multiline)
    if problem:
        raise RestoreError(f"{where} has {problem}.")
    if len(value) > most:
        raise RestoreError(f"{where} is {len(value)} characters long; at most {most} fit.")
    return value


def choice(data: dict, key: str, where: str, allowed, default: str | None) -> str:
    value = data.get(key, default)
    if not isinstance(value, str) or value not in allowed:
        raise RestoreError(f"{where}: {key} is one of {', '.join(allowed)}.")
    return value


def tags(data: dict, key: str, where: str) -> list[str]:
    listed = items(data, key, where, 50)
    return [one_text(tag, f"{where}: {key}", TAG_MAX_LENGTH) for tag in listed]


def flag(data: dict, key: str, where: str, default: bool = False) -> bool:
    value = data.get(key, default)
    if not isinstance(value, bool):
        raise RestoreError(f"{where}: {key.replace('_', ' ')} is not true or false.")
    return value


def is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def whole(data: dict, key: str, where: str, least: int, most: int) -> int | None:
    value = data.get(key)
    if value is not None and not (is_int(value) and least <= value <= most):
        raise RestoreError(f"{where}: {key.replace('_', ' ')} is a number from {least} to {most}.")
    return value


def english_level(data: dict, where: str) -> Decimal | None:
    value = data.get("english_level")
    if value is None:
        return None
    try:
        level = Decimal(str(value)) if isinstance(value, str | int | float) else Decimal("NaN")
        fits = level.is_finite() and not isinstance(value, bool) and 1 <= level <= 6
    except InvalidOperation:
        fits = False
    if not fits:
        raise RestoreError(f"{where}: english level is WIDA 1-6.")
    return level.quantize(Decimal("0.1"))


def date(data: dict, key: str, where: str, needed: bool = False) -> dt.date | None:
    value = data.get(key)
    if value is None and not needed:
        return None
    try:
        return dt.date.fromisoformat(value)
    except (TypeError, ValueError):
        raise RestoreError(f"{where}: {key} is not a date (YYYY-MM-DD).") from None


def moment(data: dict, key: str, where: str) -> dt.datetime | None:
    value = data.get(key)
    if value is None:
        return None
    try:
        parsed = parse_datetime(value) if isinstance(value, str) else None
    except ValueError:
        parsed = None
    if parsed is None:
        raise RestoreError(f"{where}: {key} is not a date and time.")
    return parsed if timezone.is_aware(parsed) else parsed.replace(tzinfo=dt.UTC)
