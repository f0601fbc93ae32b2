from django import template

from partnerup.workshop.services import partners_by_student

register = template.Library()


@register.simple_tag
def worked_with(student):
    """[(classmate, days together)] for this student, most often first."""
    return partners_by_student(student.classroom).get(student.name, [])
