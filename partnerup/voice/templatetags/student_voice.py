from django import template

from partnerup.voice.clashes import answer_clashes
from partnerup.voice.class_traits import traits_of
from partnerup.voice.models import SignInCard
from partnerup.voice.shown import shown_answers

register = template.Library()


@register.simple_tag
def survey_answers(student):
    """[(question, answer)] for the questions this student answered."""
    answers = getattr(student, "answers", None)
    if answers is None:
        return []
    return [
        (q.text, answers.survey[str(q.pk)])
        for q in student.classroom.survey_questions.all()
        if answers.survey.get(str(q.pk))
    ]


@register.simple_tag
def own_words(student, names):
    """The student's answers in the words they saw, and those that clash with the
    class's rules (plain sentences); None when they have answered nothing."""
    answers = getattr(student, "answers", None)
    if answers is None:
        return None
    card = SignInCard.objects.filter(student=student).values_list("language", flat=True)
    classroom = student.classroom
    return {
        "said": shown_answers(answers, traits_of(classroom), card.first() or "en", names),
        "clashes": answer_clashes(classroom).get(student.pk, []),
    }
