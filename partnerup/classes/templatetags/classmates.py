from django import template

register = template.Library()


@register.filter
def named(pks, names: dict) -> str:
    """Classmates' ids as their names ("Ana, Ben"); an id no longer in the class is left out."""
    return ", ".join(names[pk] for pk in pks or () if pk in names)
