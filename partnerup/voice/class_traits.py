"""The want-ad traits a class uses: the starter set, as the teacher switched and
reworded it, plus the teacher's own."""

from __future__ import annotations

from django.db import IntegrityError, transaction
from django.utils.text import slugify

from partnerup.classes.models import Classroom

from .models import ClassTrait
from .traits import BY_KEY, TRAITS


def traits_of(classroom: Classroom) -> list[ClassTrait]:
    """Every trait of the class (on or off), made from the starter set on first use."""
    traits = list(classroom.traits.all())
    if not traits:
        try:
            with transaction.atomic():
                ClassTrait.objects.bulk_create(
                    ClassTrait(classroom=classroom, key=t.key, en=t.en, es=t.es, icon=t.key)
                    for t in TRAITS
                )
        except IntegrityError:  # another request made them first
            pass
        traits = list(classroom.traits.all())
    return traits


def icon_path(trait: ClassTrait) -> str:
    return BY_KEY.get(trait.icon, TRAITS[0]).icon


def add_trait(classroom: Classroom, en: str, es: str, icon: str) -> ClassTrait:
    """Raises ValueError with a plain message for an empty or repeated trait."""
    en, es = en.strip(), es.strip()
    if not en or len(en) > 80 or len(es) > 80:
        raise ValueError("Write the trait in up to 80 letters.")
    key = slugify(en)[:40] or "trait"
    if classroom.traits.filter(key=key).exists():
        raise ValueError(f"“{en}” is already a trait.")
    return ClassTrait.objects.create(
        classroom=classroom, key=key, en=en, es=es, icon=icon if icon in BY_KEY else TRAITS[0].key
    )
