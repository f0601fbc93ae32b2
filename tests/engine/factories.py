"""Small factories for engine tests: students with defaults filled in."""

from __future__ import annotations

from dataclasses import replace

from partnerup.engine import Student


def student(name: str, **fields) -> Student:
    return replace(Student(name=name), **fields)


def roster(*names: str, **shared) -> tuple[Student, ...]:
    return tuple(student(n, **shared) for n in names)
