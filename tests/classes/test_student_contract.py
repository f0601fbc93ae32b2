"""The web's student model follows the engine's student contract field by field."""

import dataclasses
from datetime import date
from decimal import Decimal

import pytest

from partnerup import engine
from partnerup.choicetime.models import ChoiceTimePartnership
from partnerup.classes.keys import student_key
from partnerup.classes.models import Student
from partnerup.classes.services import to_engine_student

from .factories import make_classroom, make_student


def test_the_talk_choices_are_the_engines_talk_styles():
    assert [value for value, _ in Student.TALK_CHOICES] == list(engine.TALK_STYLES)


@pytest.mark.django_db
def test_every_roster_field_of_a_student_reaches_the_engine(alice):
    classroom = make_classroom(alice)
    ana, ben, cy, di = (make_student(classroom, name=n) for n in ("Ana", "Ben", "Cy", "Di"))
    for field in engine.student_fields("flag"):
        setattr(ana, field, True)
    ana.level, ana.english_level, ana.talk = 3, Decimal("2.5"), "quiet"
    ana.goals, ana.strengths, ana.interests = ["lead"], ["spelling"], ["soccer"]
    ana.home_language = "Spanish"
    ana.choices, ana.avoid, ana.past_partners = [ben.pk, cy.pk], [di.pk], [cy.pk]
    ana.reading_partner = di
    ana.save()
    seen_together = ChoiceTimePartnership.objects.create(
        classroom=classroom, date=date(2026, 9, 15)
    )
    seen_together.students.set([ana.pk, ben.pk])
    seen = to_engine_student(ana)
    assert seen.name == student_key(ana.pk)
    assert all(getattr(seen, field) is True for field in engine.student_fields("flag"))
    assert (seen.level, seen.english_level, seen.talk) == (3, 2.5, "quiet")
    assert (seen.goals, seen.strengths, seen.interests) == (("lead",), ("spelling",), ("soccer",))
    assert seen.home_language == "Spanish"
    assert seen.choices == (student_key(ben.pk), student_key(cy.pk))
    assert seen.avoid == (student_key(di.pk),)
    assert seen.past_partners == (student_key(cy.pk),)
    assert seen.reading_partner == student_key(di.pk)
    assert seen.chose_in_choice_time == (student_key(ben.pk),)
    defaults = engine.Student("x")
    untouched = [
        f.name
        for f in dataclasses.fields(engine.Student)
        if f.metadata["kind"] not in ("name", "voice")
        and getattr(seen, f.name) == getattr(defaults, f.name)
    ]
    assert untouched == []
