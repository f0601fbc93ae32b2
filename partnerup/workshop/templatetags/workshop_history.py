from django import template

from partnerup.classes.services import names_of
from partnerup.workshop.headlines import headline_partners_of
from partnerup.workshop.services import partners_by_student

register = template.Library()


@register.simple_tag
def worked_with(student):
    """[(classmate's name, days together)] for this student, most often first."""
    names = names_of(student.classroom)
    together = partners_by_student(student.classroom).get(student.pk, [])
    return [(names[pk], days) for pk, days in together if pk in names]


@register.simple_tag
def headline_partners(student):
    """[(monday, [partners' names])] for this student, newest first."""
    return headline_partners_of(student.classroom).get(student.pk, [])
