"""Student voice: sign-in cards for children (no passwords) and what they tell us."""

from __future__ import annotations

import secrets
import unicodedata

from django.db import models

from partnerup.classes.models import Student

from .traits import BY_KEY

# No 0/O, 1/I/L, 2/Z, 5/S, 8/B: a child copies the code from a card.
CODE_ALPHABET = "ACDEFGHJKMNPQRTUVWXY34679"
CODE_LENGTH = 8  # 25**8 ≈ 1.5e11 codes; guessing is also rate-limited
LANGUAGES = [("en", "English"), ("es", "Español")]
# How a roster writes the home languages whose children get a Spanish card.
SPANISH_AT_HOME = {"spanish", "espanol", "es", "spa", "castellano"}
FROM_HOME = ""  # a card made without a language takes the student's home language


def new_token() -> str:
    return secrets.token_urlsafe(32)


def new_code() -> str:
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def language_from_home(home_language: str) -> str:
    """The card language for a home language as a roster writes it ("Spanish",
    "español", "es"…): Spanish pages for Spanish speakers, English for the rest."""
    plain = unicodedata.normalize("NFKD", home_language.strip().casefold())
    plain = "".join(c for c in plain if not unicodedata.combining(c))
    return "es" if plain in SPANISH_AT_HOME else "en"


class SignInCard(models.Model):
    """A student's personal card: a QR code (the long token) and a short code."""

    student = models.OneToOneField(Student, on_delete=models.CASCADE, related_name="card")
    token = models.CharField(max_length=64, unique=True, default=new_token)
    code = models.CharField(max_length=CODE_LENGTH, unique=True, default=new_code)
    language = models.CharField(max_length=2, choices=LANGUAGES, default=FROM_HOME)
    is_revoked = models.BooleanField(default=False)
    issued = models.DateTimeField(auto_now_add=True)

    def save(self, *args, **kwargs) -> None:
        if self.language == FROM_HOME:
            self.language = language_from_home(self.student.home_language)
        super().save(*args, **kwargs)

    def reissue(self) -> None:
        """A new token and code: the old card (and any session it opened) stops working."""
        self.token, self.code, self.is_revoked = new_token(), new_code(), False
        self.save(update_fields=["token", "code", "is_revoked"])

    @property
    def spaced_code(self) -> str:
        return f"{self.code[:4]} {self.code[4:]}"


CLASS_KEY_LENGTH = 10  # 25**10 ≈ 9.5e13: short enough to type from a card or the board


def new_class_key() -> str:
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CLASS_KEY_LENGTH))


class ClassSignIn(models.Model):
    """A class's own sign-in page (/s/c/<key>/): its codes are tried there, and wrong
    ones count per class and address, so a busy school address never pauses it."""

    classroom = models.OneToOneField(
        "classes.Classroom", on_delete=models.CASCADE, related_name="sign_in_page"
    )
    key = models.CharField(max_length=CLASS_KEY_LENGTH, unique=True, default=new_class_key)


class Answers(models.Model):
    """What a student said: their want ad and the classmates they chose."""

    student = models.OneToOneField(Student, on_delete=models.CASCADE, related_name="answers")
    wanted = models.JSONField(default=list)  # trait keys, most important first
    offered = models.JSONField(default=list)
    ad_sentence = models.CharField(max_length=200, blank=True)
    answered_ads = models.JSONField(default=list)  # ids of classmates whose ads they'd answer
    tchart_like = models.TextField(blank=True)  # what I'd like in a writing partner
    tchart_offer = models.TextField(blank=True)  # what I can offer
    goal = models.CharField(max_length=80, blank=True)  # a checklist skill
    survey = models.JSONField(default=dict)  # question id (str) → answer
    chose_at = models.DateTimeField(null=True, blank=True)
    ad_at = models.DateTimeField(null=True, blank=True)
    tchart_at = models.DateTimeField(null=True, blank=True)
    goal_at = models.DateTimeField(null=True, blank=True)
    survey_at = models.DateTimeField(null=True, blank=True)


class SurveyQuestion(models.Model):
    """A writing-survey question the teacher picked from the starter set or wrote."""

    classroom = models.ForeignKey(
        "classes.Classroom", on_delete=models.CASCADE, related_name="survey_questions"
    )
    text = models.CharField(max_length=200)
    text_es = models.CharField(max_length=200, blank=True)

    class Meta:
        ordering = ["pk"]

    def in_language(self, language: str) -> str:
        return self.text_es if language == "es" and self.text_es else self.text


class ClassTrait(models.Model):
    """A want-ad trait as this class uses it: the starter traits can be switched off
    or reworded, and the teacher can add their own."""

    classroom = models.ForeignKey(
        "classes.Classroom", on_delete=models.CASCADE, related_name="traits"
    )
    key = models.CharField(max_length=40)
    # Wanted: "I am looking for a partner who…" + en / es.
    en = models.CharField(max_length=80)
    es = models.CharField(max_length=80, blank=True)
    # Offered: "What I can offer" + offer_en / offer_es ("I can help find ideas").
    offer_en = models.CharField(max_length=80, blank=True)
    offer_es = models.CharField(max_length=80, blank=True)
    icon = models.CharField(max_length=40)  # the key of a starter trait whose icon it uses
    is_on = models.BooleanField(default=True)

    class Meta:
        ordering = ["pk"]
        constraints = [
            models.UniqueConstraint(fields=["classroom", "key"], name="one_trait_key_per_class")
        ]

    def words(self, language: str) -> str:
        """The wanted wording: what a student looking for this trait reads."""
        return self.es if language == "es" and self.es else self.en

    def offer_words(self, language: str) -> str:
        """The offer wording. A starter trait saved before offer wordings existed (or
        restored from an old archive) reads the starter's; a teacher's trait without
        one reads its wanted wording rather than nothing (its page asks for one)."""
        starter = BY_KEY.get(self.key)
        if starter and not self.offer_en and self.en == starter.en:
            return self.offer_es if language == "es" and self.offer_es else starter.offer(language)
        if language == "es" and self.offer_es:
            return self.offer_es
        return self.offer_en or self.words(language)

    @property
    def needs_offer_words(self) -> bool:
        starter = BY_KEY.get(self.key)
        return not self.offer_en and not (starter and self.en == starter.en)
