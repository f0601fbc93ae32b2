"""The traits a want ad is made of, with an icon and two wordings in English and Spanish.

A trait is read in two places: "I am looking for a partner who…" + its *wanted*
wording ("helps me find ideas"), and "What I can offer" + its *offer* wording
("I can help find ideas"). Icons are drawn as inline SVG (no emoji font is needed on
classroom devices).
"""

# ruff: noqa: E501  (one trait per line reads best)

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Trait:
    key: str
    en: str  # wanted: "I am looking for a partner who…"
    es: str
    icon: str  # an SVG path in a 24×24 box
    offer_en: str  # offered: "What I can offer"
    offer_es: str

    def wanted(self, language: str) -> str:
        return self.es if language == "es" else self.en

    def offer(self, language: str) -> str:
        return self.offer_es if language == "es" else self.offer_en


TRAITS = (
    Trait(
        "listens",
        "listens to my writing",
        "escucha mi escritura",
        "M12 3a7 7 0 0 0-7 7c0 4 3 5 3 9h3c0-3 4-4 4-8a3 3 0 0 0-6 0",
        "I can listen to your writing",
        "Puedo escuchar tu escritura",
    ),
    Trait(
        "kind",
        "is kind about my work",
        "es amable con mi trabajo",
        "M12 21 4 13a5 5 0 0 1 8-6 5 5 0 0 1 8 6z",
        "I can be kind about your work",
        "Puedo ser amable con tu trabajo",
    ),
    Trait(
        "ideas",
        "helps me find ideas",
        "me ayuda a encontrar ideas",
        "M9 18h6M10 21h4M12 3a6 6 0 0 0-4 10c1 1 1 2 1 3h6c0-1 0-2 1-3a6 6 0 0 0-4-10z",
        "I can help find ideas",
        "Puedo ayudar a encontrar ideas",
    ),
    Trait(
        "focused",
        "stays on task",
        "se concentra en la tarea",
        "M12 2v4M12 18v4M2 12h4M18 12h4M12 8a4 4 0 1 0 0 8 4 4 0 0 0 0-8z",
        "I can stay on task",
        "Puedo concentrarme en la tarea",
    ),
    Trait(
        "spelling",
        "helps with spelling",
        "ayuda con la ortografía",
        "M4 18 9 5h2l5 13M6 13h8M17 10l3 3-3 3",
        "I can help with spelling",
        "Puedo ayudar con la ortografía",
    ),
    Trait(
        "questions",
        "asks me good questions",
        "me hace buenas preguntas",
        "M9 9a3 3 0 1 1 4 3c-1 .5-1 1-1 2M12 18v.5",
        "I can ask good questions",
        "Puedo hacer buenas preguntas",
    ),
    Trait(
        "funny",
        "makes writing fun",
        "hace divertida la escritura",
        "M12 3a9 9 0 1 0 0 18 9 9 0 0 0 0-18zM8 14c1 2 7 2 8 0M9 9h.5M15 9h.5",
        "I can make writing fun",
        "Puedo hacer divertida la escritura",
    ),
    Trait(
        "brave",
        "tries new things",
        "prueba cosas nuevas",
        "M12 2l3 7 7 .5-5.5 4.5 2 7-6.5-4-6.5 4 2-7L2 9.5 9 9z",
        "I can try new things",
        "Puedo probar cosas nuevas",
    ),
)
BY_KEY = {t.key: t for t in TRAITS}
MOST_TRAITS = 3
