"""Starter sets the teacher chooses from: writing-checklist skills for a student's goal,
and writing-survey questions. Plain Python (no Django), in English and Spanish."""

# (area, skill, English words, Spanish words). The skill word is what planning matches
# against strengths and goals in the roster ("lead", "ending", "spelling"…).
CHECKLIST = (
    ("Structure", "lead", "a strong lead", "un buen comienzo"),
    ("Structure", "transitions", "transition words", "palabras de transición"),
    ("Structure", "ending", "a strong ending", "un buen final"),
    ("Structure", "organization", "parts in order", "partes en orden"),
    ("Development", "elaboration", "adding details", "agregar detalles"),
    ("Development", "dialogue", "using dialogue", "usar diálogo"),
    ("Development", "feelings", "showing feelings", "mostrar sentimientos"),
    ("Conventions", "spelling", "spelling", "ortografía"),
    ("Conventions", "punctuation", "punctuation", "puntuación"),
    ("Conventions", "capitals", "capital letters", "mayúsculas"),
)
AREAS_ES = {"Structure": "Estructura", "Development": "Desarrollo", "Conventions": "Convenciones"}
SKILLS = {skill for _, skill, _, _ in CHECKLIST}

STARTER_QUESTIONS = (
    ("What is your favourite kind of writing?", "¿Qué tipo de escritura te gusta más?"),
    ("What is hard for you in writing?", "¿Qué es difícil para ti al escribir?"),
    ("What are you working on as a writer?", "¿En qué estás trabajando como escritor?"),
    ("What do you like to write about?", "¿Sobre qué te gusta escribir?"),
    ("How does a partner help you most?", "¿Cómo te ayuda más un compañero?"),
)
SKILL_WORDS = {skill: {"en": en, "es": es} for _, skill, en, es in CHECKLIST}


def skill_words(skill: str, language: str) -> str:
    """The words a student saw for a checklist skill (the skill itself if unknown)."""
    return SKILL_WORDS.get(skill, {}).get(language, skill)
