"""Starter sets the teacher chooses from: writing-checklist skills for a student's goal,
and writing-survey questions. The words are English here; other languages come from
the gettext catalogue (in_language)."""

from __future__ import annotations

from django.utils.translation import gettext_noop as _

from .language import in_language

# (area, skill, words). The skill word is what planning matches against strengths and
# goals in the roster ("lead", "ending", "spelling"…).
CHECKLIST = (
    (_("Structure"), "lead", _("a strong lead")),
    (_("Structure"), "transitions", _("transition words")),
    (_("Structure"), "ending", _("a strong ending")),
    (_("Structure"), "organization", _("parts in order")),
    (_("Development"), "elaboration", _("adding details")),
    (_("Development"), "dialogue", _("using dialogue")),
    (_("Development"), "feelings", _("showing feelings")),
    (_("Conventions"), "spelling", _("spelling")),
    (_("Conventions"), "punctuation", _("punctuation")),
    (_("Conventions"), "capitals", _("capital letters")),
)
SKILLS = {skill for _area, skill, _words in CHECKLIST}

# Added to a class in English with the catalogue's Spanish (the teacher can reword both).
STARTER_QUESTIONS = (
    _("What is your favourite kind of writing?"),
    _("What is hard for you in writing?"),
    _("What are you working on as a writer?"),
    _("What do you like to write about?"),
    _("How does a partner help you most?"),
)
SKILL_WORDS = {skill: words for _area, skill, words in CHECKLIST}


def skill_words(skill: str, language: str) -> str:
    """The words a student saw for a checklist skill (the skill itself if unknown)."""
    return in_language(SKILL_WORDS[skill], language) if skill in SKILL_WORDS else skill
