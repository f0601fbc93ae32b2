"""The traits a want ad is made of, with an icon and English and Spanish words.

Icons are drawn as inline SVG (no emoji font is needed on classroom devices).
"""

# ruff: noqa: E501  (one trait per line reads best)

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Trait:
    key: str
    en: str
    es: str
    icon: str  # an SVG path in a 24×24 box


TRAITS = (
    Trait(
        "listens",
        "listens to my writing",
        "escucha mi escritura",
        "M12 3a7 7 0 0 0-7 7c0 4 3 5 3 9h3c0-3 4-4 4-8a3 3 0 0 0-6 0",
    ),
    Trait(
        "kind",
        "is kind about my work",
        "es amable con mi trabajo",
        "M12 21 4 13a5 5 0 0 1 8-6 5 5 0 0 1 8 6z",
    ),
    Trait(
        "ideas",
        "helps me find ideas",
        "me ayuda a encontrar ideas",
        "M9 18h6M10 21h4M12 3a6 6 0 0 0-4 10c1 1 1 2 1 3h6c0-1 0-2 1-3a6 6 0 0 0-4-10z",
    ),
    Trait(
        "focused",
        "stays on task",
        "se concentra en la tarea",
        "M12 2v4M12 18v4M2 12h4M18 12h4M12 8a4 4 0 1 0 0 8 4 4 0 0 0 0-8z",
    ),
    Trait(
        "spelling",
        "helps with spelling",
        "ayuda con la ortografía",
        "M4 18 9 5h2l5 13M6 13h8M17 10l3 3-3 3",
    ),
    Trait(
        "questions",
        "asks me good questions",
        "me hace buenas preguntas",
        "M9 9a3 3 0 1 1 4 3c-1 .5-1 1-1 2M12 18v.5",
    ),
    Trait(
        "funny",
        "makes writing fun",
        "hace divertida la escritura",
        "M12 3a9 9 0 1 0 0 18 9 9 0 0 0 0-18zM8 14c1 2 7 2 8 0M9 9h.5M15 9h.5",
    ),
    Trait(
        "brave",
        "tries new things",
        "prueba cosas nuevas",
        "M12 2l3 7 7 .5-5.5 4.5 2 7-6.5-4-6.5 4 2-7L2 9.5 9 9z",
    ),
)
BY_KEY = {t.key: t for t in TRAITS}
MOST_TRAITS = 3
