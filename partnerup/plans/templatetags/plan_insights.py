from django import template

from partnerup.plans.insights import unchanging_partnerships

register = template.Library()


@register.simple_tag
def partnerships_that_never_change(classroom):
    return unchanging_partnerships(classroom)
