"""The want-ad traits a class uses: the starter set, as the teacher switched and
reworded it, plus the teacher's own — each with a wanted and an offer wording."""

from __future__ import annotations

from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _

from partnerup.classes.models import Classroom

from .models import ClassTrait
from .traits import BY_KEY, TRAITS

MOST_LETTERS = 80


@dataclass(frozen=True)
class TraitWords:
    """A trait's words in one language, as a want ad shows them."""

    key: str
    wanted: str
    offer: str
    icon: str  # an SVG path


def traits_of(classroom: Classroom) -> list[ClassTrait]:
    """Every trait of the class (on or off), made from the starter set on first use."""
    traits = list(classroom.traits.all())
    if not traits:
        try:
            with transaction.atomic():
                ClassTrait.objects.bulk_create(
                    ClassTrait(
                        classroom=classroom,
                        key=t.key,
                        en=t.en,
                        es=t.es,
                        icon=t.key,
                        offer_en=t.offer_en,
                        offer_es=t.offer_es,
                    )
                    for t in TRAITS
                )
        except IntegrityError:  # another request made them first
            pass
        traits = list(classroom.traits.all())
    return traits


def icon_path(trait: ClassTrait) -> str:
    return BY_KEY.get(trait.icon, TRAITS[0]).icon


def words_of(traits: list[ClassTrait], language: str) -> dict[str, TraitWords]:
    """{key: the trait's words in `language`} for the given traits."""
    return {
        t.key: TraitWords(t.key, t.words(language), t.offer_words(language), icon_path(t))
        for t in traits
    }


def _checked(en: str, es: str, offer_en: str, offer_es: str) -> tuple[str, str, str, str]:
    words = tuple(w.strip() for w in (en, es, offer_en, offer_es))
    if not words[0] or not words[2] or any(len(w) > MOST_LETTERS for w in words):
        raise ValueError(_("Write the trait in up to %(most)s letters.") % {"most": MOST_LETTERS})
    return words  # type: ignore[return-value]


def add_trait(
    classroom: Classroom, en: str, es: str, icon: str, offer_en: str, offer_es: str = ""
) -> ClassTrait:
    """Raises ValueError with a plain message for an empty or repeated trait."""
    en, es, offer_en, offer_es = _checked(en, es, offer_en, offer_es)
    key = slugify(en)[:40] or "trait"
    if classroom.traits.filter(key=key).exists():
        raise ValueError(_("“%(trait)s” is already a trait.") % {"trait": en})
    return ClassTrait.objects.create(
        classroom=classroom, key=key, en=en, es=es, offer_en=offer_en, offer_es=offer_es,
        icon=icon if icon in BY_KEY else TRAITS[0].key,
    )  # fmt: skip


def reword_trait(
    trait: ClassTrait, en: str, es: str, icon: str, offer_en: str, offer_es: str = ""
) -> None:
    """New words (and icon) for a trait; students' answers keep pointing at it by key.
    Raises ValueError with a plain message for an empty wording or another trait's."""
    words = _checked(en, es, offer_en, offer_es)
    if trait.classroom.traits.exclude(pk=trait.pk).filter(en__iexact=words[0]).exists():
        raise ValueError(_("“%(trait)s” is already a trait.") % {"trait": words[0]})
    trait.en, trait.es, trait.offer_en, trait.offer_es = words
    trait.icon = icon if icon in BY_KEY else trait.icon
    trait.save(update_fields=["en", "es", "offer_en", "offer_es", "icon"])
