from django import template

from partnerup.workshop.headlines import headline_partners_of
from partnerup.workshop.services import partners_by_student

register = template.Library()


@register.simple_tag
def worked_with(student):
    """[(classmate, days together)] for this student, most often first."""
    return partners_by_student(student.classroom).get(student.name, [])


@register.simple_tag
def headline_partners(student):
    """[(monday, [partners])] for this student, newest first."""
    return headline_partners_of(student.classroom).get(student.name, [])
