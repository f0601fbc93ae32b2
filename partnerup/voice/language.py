"""The language of a student's pages: their card's, whatever the device's browser
asks for. The app's own words come from the gettext catalogue (locale/); what a
teacher writes (questions, traits) is stored per language and read with it."""

from __future__ import annotations

from django.utils import translation


def in_language(text: str, language: str) -> str:
    """The catalogue's words for the English `text` in `language` (the English itself
    when the catalogue has none)."""
    with translation.override(language):
        return translation.gettext(text)
