"""The teacher's side of student voice: sign-in cards and who has answered what."""

from __future__ import annotations

from urllib.parse import urlsplit

import segno
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from partnerup.classes.models import classroom_or_404

from .checklist import STARTER_QUESTIONS
from .class_traits import add_trait, icon_path, traits_of
from .forms import SurveyQuestionsForm, TraitForm
from .models import LANGUAGES, Answers, SignInCard, SurveyQuestion
from .student_views import poster_of
from .traits import TRAITS
from .words import WORDS

CARDS_PER_PAGE = 8


def cards_for(classroom) -> list[SignInCard]:
    """Every student's card, made on first need. Two pages opened at once may both
    make the missing cards: the second one's are dropped (a card per student)."""
    missing = classroom.students.filter(card__isnull=True)
    SignInCard.objects.bulk_create([SignInCard(student=s) for s in missing], ignore_conflicts=True)
    cards = SignInCard.objects.filter(student__classroom=classroom).select_related("student")
    return list(cards.order_by("student__name"))


@login_required
def card_list(request, pk):
    classroom = classroom_or_404(request.user, pk)
    context = {"classroom": classroom, "cards": cards_for(classroom), "languages": LANGUAGES}
    return render(request, "voice/cards.html", {**context, **_address_check(public_base(request))})


@login_required
def card_sheet(request, pk):
    classroom = classroom_or_404(request.user, pk)
    cards = [c for c in cards_for(classroom) if not c.is_revoked]
    base = public_base(request)
    sheet = [
        (
            card,
            segno.make(base + reverse("voice:card", args=[card.token]), error="m").svg_inline(
                scale=4, omitsize=True
            ),
        )
        for card in cards
    ]
    pages = [sheet[i : i + CARDS_PER_PAGE] for i in range(0, len(sheet), CARDS_PER_PAGE)]
    context = {"classroom": classroom, "pages": pages, "code_url": base + reverse("voice:code")}
    return render(request, "voice/card_sheet.html", {**context, **_address_check(base)})


def public_base(request) -> str:
    """Where students' devices reach PartnerUp: the configured public address, else the
    address the teacher's browser used."""
    return settings.PARTNERUP_PUBLIC_URL or request.build_absolute_uri("/").rstrip("/")


LOCAL_HOSTS = ("localhost", "127.", "::1", "0.0.0.0")  # hostnames only this computer opens


def _address_check(base: str) -> dict:
    """`only_here` when the cards would point at an address only this computer opens."""
    host = urlsplit(base).hostname or ""
    return {"card_address": base, "only_here": host.startswith(LOCAL_HOSTS)}


def _ask_first(request, classroom, title: str, consequence: str, yes: str):
    """A printed card stops working: the first tap shows what will happen and asks."""
    return render(
        request,
        "voice/confirm_card.html",
        {"classroom": classroom, "title": title, "consequence": consequence, "yes": yes},
    )


def _confirmed(request) -> bool:
    return request.POST.get("confirm") == "yes"


@login_required
@require_POST
def reissue_all(request, pk):
    classroom = classroom_or_404(request.user, pk)
    if not _confirmed(request):
        count = classroom.students.count()
        return _ask_first(
            request,
            classroom,
            "New cards for the whole class?",
            f"All {count} students get new cards and codes. Every printed card stops working "
            "and anyone signed in with one is signed out: print the new sheet before the "
            "next writing time.",
            "Yes, make new cards for everyone",
        )
    with transaction.atomic():
        for card in cards_for(classroom):
            card.reissue()
    messages.success(request, "Every card is new: print the sheet again. Old cards no longer work.")
    return redirect("voice_teacher:cards", pk=pk)


def _card(request, pk, student_pk) -> SignInCard:
    classroom = classroom_or_404(request.user, pk)
    student = get_object_or_404(classroom.students, pk=student_pk)
    return SignInCard.objects.get_or_create(student=student)[0]


@login_required
@require_POST
def reissue(request, pk, student_pk):
    card = _card(request, pk, student_pk)
    if not _confirmed(request):
        return _ask_first(
            request,
            card.student.classroom,
            f"A new card for {card.student.name}?",
            f"{card.student.name}'s printed card and code stop working; print the new one.",
            f"Yes, make a new card for {card.student.name}",
        )
    card.reissue()
    messages.success(request, f"{card.student.name} has a new card; the old one no longer works.")
    return redirect("voice_teacher:cards", pk=pk)


@login_required
@require_POST
def revoke(request, pk, student_pk):
    card = _card(request, pk, student_pk)
    if not _confirmed(request):
        return _ask_first(
            request,
            card.student.classroom,
            f"Stop {card.student.name}'s card?",
            f"{card.student.name} can no longer sign in with their printed card or code. "
            "Make a new card to let them in again.",
            f"Yes, stop {card.student.name}'s card",
        )
    card.is_revoked = True
    card.save(update_fields=["is_revoked"])
    messages.success(request, f"{card.student.name}'s card no longer works.")
    return redirect("voice_teacher:cards", pk=pk)


@login_required
@require_POST
def set_language(request, pk, student_pk):
    card = _card(request, pk, student_pk)
    language = request.POST.get("language", "")
    if language not in dict(LANGUAGES):
        messages.error(request, "Choose English or Español.")
    else:
        card.language = language
        card.save(update_fields=["language"])
    return redirect("voice_teacher:cards", pk=pk)


@login_required
def responses(request, pk):
    classroom = classroom_or_404(request.user, pk)
    answers = {a.student_id: a for a in Answers.objects.filter(student__classroom=classroom)}
    rows = [(s, answers.get(s.pk)) for s in classroom.students.all()]
    asked = classroom.survey_questions.exists()
    missing = {
        "missing_ad": [s.name for s, a in rows if not (a and a.ad_at)],
        "missing_choices": [s.name for s, a in rows if not (a and a.chose_at)],
        "missing_goal": [s.name for s, a in rows if not (a and a.goal_at)],
        "missing_survey": [s.name for s, a in rows if asked and not (a and a.survey_at)],
    }
    return render(
        request, "voice/responses.html", {"classroom": classroom, "rows": rows, **missing}
    )


@login_required
def survey_questions(request, pk):
    """Pick questions from the starter set or write your own; delete any."""
    classroom = classroom_or_404(request.user, pk)
    if request.method == "POST":
        form = SurveyQuestionsForm(request.POST)
        if not form.is_valid():
            messages.error(request, next(iter(form.errors.values()))[0])
            return redirect("voice_teacher:survey", pk=pk)
        own = form.cleaned_data["own"].strip()
        starters = [STARTER_QUESTIONS[i] for i in form.cleaned_data["starter"]]
        existing = set(classroom.survey_questions.values_list("text", flat=True))
        for text, text_es in [*starters, *([(own, "")] if own else [])]:
            if text not in existing:
                SurveyQuestion.objects.create(classroom=classroom, text=text, text_es=text_es)
        return redirect("voice_teacher:survey", pk=pk)
    chosen = set(classroom.survey_questions.values_list("text", flat=True))
    starters = [(i, q) for i, q in enumerate(STARTER_QUESTIONS) if q[0] not in chosen]
    return render(
        request,
        "voice/survey_questions.html",
        {
            "classroom": classroom,
            "questions": classroom.survey_questions.all(),
            "starters": starters,
        },
    )


@login_required
@require_POST
def survey_delete(request, pk, question_pk):
    classroom = classroom_or_404(request.user, pk)
    get_object_or_404(classroom.survey_questions, pk=question_pk).delete()
    return redirect("voice_teacher:survey", pk=pk)


@login_required
def posters(request, pk):
    """Every want ad as a poster for the wall (two to a printed page)."""
    classroom = classroom_or_404(request.user, pk)
    posted = Answers.objects.filter(student__classroom=classroom, ad_at__isnull=False)
    ads = [
        (answers.student.name, poster_of(answers, "en"))
        for answers in posted.select_related("student").order_by("student__name")
    ]
    return render(
        request, "voice/posters.html", {"classroom": classroom, "ads": ads, "w": WORDS["en"]}
    )


@login_required
def traits(request, pk):
    """The want-ad traits students choose from: switch any off, add your own."""
    classroom = classroom_or_404(request.user, pk)
    if request.method == "POST":
        form = TraitForm(request.POST)
        if not form.is_valid():
            messages.error(request, form.first_error)
            return redirect("voice_teacher:traits", pk=pk)
        try:
            add_trait(classroom, *(form.cleaned_data[k] for k in ("en", "es", "icon")))
        except ValueError as error:
            messages.error(request, str(error))
        return redirect("voice_teacher:traits", pk=pk)
    shown = [(t, icon_path(t)) for t in traits_of(classroom)]
    return render(
        request,
        "voice/traits.html",
        {"classroom": classroom, "traits": shown, "icons": [(t.key, t.icon) for t in TRAITS]},
    )


@login_required
@require_POST
def trait_switch(request, pk, trait_pk):
    classroom = classroom_or_404(request.user, pk)
    trait = get_object_or_404(classroom.traits, pk=trait_pk)
    trait.is_on = not trait.is_on
    trait.save(update_fields=["is_on"])
    return redirect("voice_teacher:traits", pk=pk)
