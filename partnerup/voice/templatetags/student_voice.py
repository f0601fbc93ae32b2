from django import template

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
