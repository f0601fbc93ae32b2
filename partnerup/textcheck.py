"""Typed text is checked once, in the forms, before it can reach the database.

`TextChecked` is mixed into every form: each text field refuses the characters no
teacher or child means to type (see engine.names.refused_character) — line breaks
too, unless the field is a multi-line box — and keeps its length limit.
"""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator
from django.utils.translation import gettext as _

from partnerup.engine import refused_character

DEFAULT_MAX_LENGTH = 200


def check_line(value: str) -> None:
    problem = refused_character(value)
    if problem:
        raise ValidationError(
            _("This has %(problem)s; please type it again.") % {"problem": problem}
        )


def check_text(value: str) -> None:
    problem = refused_character(value, multiline=True)
    if problem:
        raise ValidationError(
            _("This has %(problem)s; please type it again.") % {"problem": problem}
        )


class TextChecked:
    """A form mixin: every CharField gets the character check and a length limit."""

    fields: dict[str, forms.Field]

    def full_clean(self) -> None:
        # Here rather than in __init__, so fields a form adds in its own __init__ count.
        for field in self.fields.values():
            guard(field)
        super().full_clean()  # type: ignore[misc]


def guard(field: forms.Field) -> None:
    if not isinstance(field, forms.CharField) or getattr(field, "is_guarded", False):
        return
    field.is_guarded = True  # type: ignore[attr-defined]
    multiline = isinstance(field.widget, forms.Textarea)
    field.validators.append(check_text if multiline else check_line)
    if field.max_length is None:
        field.max_length = DEFAULT_MAX_LENGTH * (20 if multiline else 1)
        field.validators.append(MaxLengthValidator(field.max_length))
        field.widget.attrs.setdefault("maxlength", str(field.max_length))
