"""The traits a want ad is made of, with an icon and two wordings (English here, other
languages from the gettext catalogue).

A trait is read in two places: "I am looking for a partner who…" + its *wanted*
wording ("helps me find ideas"), and "What I can offer" + its *offer* wording
("I can help find ideas"). Icons are drawn as inline SVG (no emoji font is needed on
classroom devices).
"""

# ruff: noqa: E501  (one trait per line reads best)

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext_noop as _

from .language import in_language


@dataclass(frozen=True)
class Trait:
    key: str
    en: str  # wanted: "I am looking for a partner who…"
    icon: str  # an SVG path in a 24×24 box
    offer_en: str  # offered: "What I can offer"

    def wanted(self, language: str) -> str:
        return in_language(self.en, language)

    def offer(self, language: str) -> str:
        return in_language(self.offer_en, language)

    @property
    def es(self) -> str:
        return self.wanted("es")

    @property
    def offer_es(self) -> str:
        return self.offer("es")


TRAITS = (
    Trait(
        "listens",
        _("listens to my writing"),
        "M12 3a7 7 0 0 0-7 7c0 4 3 5 3 9h3c0-3 4-4 4-8a3 3 0 0 0-6 0",
        _("I can listen to your writing"),
    ),
    Trait(
        "kind",
        _("is kind about my work"),
        "M12 21 4 13a5 5 0 0 1 8-6 5 5 0 0 1 8 6z",
        _("I can be kind about your work"),
    ),
    Trait(
        "ideas",
        _("helps me find ideas"),
        "M9 18h6M10 21h4M12 3a6 6 0 0 0-4 10c1 1 1 2 1 3h6c0-1 0-2 1-3a6 6 0 0 0-4-10z",
        _("I can help find ideas"),
    ),
    Trait(
        "focused",
        _("stays on task"),
        "M12 2v4M12 18v4M2 12h4M18 12h4M12 8a4 4 0 1 0 0 8 4 4 0 0 0 0-8z",
        _("I can stay on task"),
    ),
    Trait(
        "spelling",
        _("helps with spelling"),
        "M4 18 9 5h2l5 13M6 13h8M17 10l3 3-3 3",
        _("I can help with spelling"),
    ),
    Trait(
        "questions",
        _("asks me good questions"),
        "M9 9a3 3 0 1 1 4 3c-1 .5-1 1-1 2M12 18v.5",
        _("I can ask good questions"),
    ),
    Trait(
        "funny",
        _("makes writing fun"),
        "M12 3a9 9 0 1 0 0 18 9 9 0 0 0 0-18zM8 14c1 2 7 2 8 0M9 9h.5M15 9h.5",
        _("I can make writing fun"),
    ),
    Trait(
        "brave",
        _("tries new things"),
        "M12 2l3 7 7 .5-5.5 4.5 2 7-6.5-4-6.5 4 2-7L2 9.5 9 9z",
        _("I can try new things"),
    ),
)
BY_KEY = {t.key: t for t in TRAITS}
MOST_TRAITS = 3
