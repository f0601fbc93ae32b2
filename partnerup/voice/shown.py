"""A student's answers as the teacher reads them: the words the student saw (trait
wordings, checklist skills) in the language of their card, with the English beside
Spanish, and classmates by name — never keys, codes or ids."""

from __future__ import annotations

from dataclasses import dataclass

from .checklist import skill_words
from .class_traits import words_of
from .models import Answers, ClassTrait


@dataclass(frozen=True)
class ShownAnswers:
    wanted: list[str]
    offered: list[str]
    goal: str
    answered_ads: list[str]
    choices: list[str]


def _both(seen: str, english: str) -> str:
    return seen if seen == english else f"{seen} ({english})"


def shown_answers(
    answers: Answers, traits: list[ClassTrait], language: str, names: dict[int, str]
) -> ShownAnswers:
    seen, english = words_of(traits, language), words_of(traits, "en")

    def traits_said(keys: list[str], offer: bool) -> list[str]:
        pick = (lambda t: t.offer) if offer else (lambda t: t.wanted)
        return [_both(pick(seen[k]), pick(english[k])) for k in keys if k in seen]

    goal = answers.goal
    return ShownAnswers(
        wanted=traits_said(answers.wanted, offer=False),
        offered=traits_said(answers.offered, offer=True),
        goal=_both(skill_words(goal, language), skill_words(goal, "en")) if goal else "",
        answered_ads=[names[pk] for pk in answers.answered_ads if pk in names],
        choices=[names[pk] for pk in answers.student.choices if pk in names]
        if answers.chose_at
        else [],
    )
