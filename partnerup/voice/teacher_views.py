"""The teacher's side of student voice: sign-in cards (what students answer, and the
traits and questions they answer from, are in teacher_answers.py)."""

from __future__ import annotations

from urllib.parse import urlsplit

import segno
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from partnerup.accounts import limits
from partnerup.classes.models import classroom_or_404
from partnerup.classes.services import names_of, with_shown_names

from .forms import FROM_HOME_LANGUAGE, CardLanguageForm, ResumeSignInForm
from .guesses import page_for
from .models import LANGUAGES, SignInCard, language_from_home

CARDS_PER_PAGE = 8


def cards_for(classroom) -> list[SignInCard]:
    """Every student's card, made on first need. Two pages opened at once may both
    make the missing cards: the second one's are dropped (a card per student)."""
    missing = classroom.students.filter(card__isnull=True)
    SignInCard.objects.bulk_create(
        [SignInCard(student=s, language=language_from_home(s.home_language)) for s in missing],
        ignore_conflicts=True,
    )
    cards = SignInCard.objects.filter(student__classroom=classroom).select_related("student")
    cards = list(cards.order_by("student__name"))
    with_shown_names([card.student for card in cards], names_of(classroom))
    return cards


@login_required
def card_list(request, pk):
    classroom = classroom_or_404(request.user, pk)
    cards = cards_for(classroom)
    sign_in_url = class_sign_in_url(public_base(request), classroom)
    context = {
        "classroom": classroom,
        "cards": cards,
        "languages": LANGUAGES,
        "every_language": CardLanguageForm(initial={"language": _every_language(cards)}),
        "sign_in_url": sign_in_url,
        "sign_in_qr": segno.make(sign_in_url, error="m").svg_inline(scale=4, omitsize=True),
        "paused_for": limits.paused_for(classroom.pk),
        "limit": limits.CLASS_ADDRESS,
        "resume_form": ResumeSignInForm(),
    }
    return render(request, "voice/cards.html", {**context, **_address_check(public_base(request))})


@login_required
@require_POST
def resume_sign_in(request, pk):
    """The class's sign-in page was paused by wrong codes: students may try again."""
    classroom = classroom_or_404(request.user, pk)
    if ResumeSignInForm(request.POST).is_valid():
        limits.resume(classroom.pk)
        messages.success(request, _("Students can sign in on this class's page again."))
    return redirect("voice_teacher:cards", pk=pk)


def _every_language(cards: list[SignInCard]) -> str:
    """The class-wide choice the cards are at now: one language, each student's home
    language, or "" when they were mixed by hand."""
    languages = {card.language for card in cards}
    if len(languages) == 1:
        return languages.pop()
    from_home = (card.language == language_from_home(card.student.home_language) for card in cards)
    return FROM_HOME_LANGUAGE if languages and all(from_home) else ""


@login_required
@require_POST
def set_every_language(request, pk):
    """Every card of the class in one language, or in each student's home language.
    Nothing stops working, so it asks nothing first."""
    classroom = classroom_or_404(request.user, pk)
    form = CardLanguageForm(request.POST)
    if not form.is_valid():
        messages.error(request, form.first_error)
        return redirect("voice_teacher:cards", pk=pk)
    choice = form.cleaned_data["language"]
    with transaction.atomic():
        for card in cards_for(classroom):
            home = language_from_home(card.student.home_language)
            wanted = home if choice == FROM_HOME_LANGUAGE else choice
            if card.language != wanted:
                card.language = wanted
                card.save(update_fields=["language"])
    said = dict(form.fields["language"].choices)[choice]
    messages.success(request, _("Every card is set to: %(language)s.") % {"language": said})
    return redirect("voice_teacher:cards", pk=pk)


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
    code_url = class_sign_in_url(base, classroom)
    context = {"classroom": classroom, "pages": pages, "code_url": code_url}
    return render(request, "voice/card_sheet.html", {**context, **_address_check(base)})


def class_sign_in_url(base: str, classroom) -> str:
    """The class's own sign-in page, where its students type their codes."""
    return base + reverse("voice:class_code", args=[page_for(classroom).key])


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
            _("New cards for the whole class?"),
            _(
                "All %(count)s students get new cards and codes. Every printed card stops "
                "working and anyone signed in with one is signed out: print the new sheet "
                "before the next writing time."
            )
            % {"count": count},
            _("Yes, make new cards for everyone"),
        )
    with transaction.atomic():
        for card in cards_for(classroom):
            card.reissue()
    messages.success(
        request, _("Every card is new: print the sheet again. Old cards no longer work.")
    )
    return redirect("voice_teacher:cards", pk=pk)


def _card(request, pk, student_pk) -> SignInCard:
    classroom = classroom_or_404(request.user, pk)
    student = get_object_or_404(classroom.students, pk=student_pk)
    return SignInCard.objects.get_or_create(student=student)[0]


@login_required
@require_POST
def reissue(request, pk, student_pk):
    card = _card(request, pk, student_pk)
    named = {"name": names_of(card.student.classroom)[card.student_id]}
    if not _confirmed(request):
        return _ask_first(
            request,
            card.student.classroom,
            _("A new card for %(name)s?") % named,
            _("%(name)s's printed card and code stop working; print the new one.") % named,
            _("Yes, make a new card for %(name)s") % named,
        )
    card.reissue()
    messages.success(request, _("%(name)s has a new card; the old one no longer works.") % named)
    return redirect("voice_teacher:cards", pk=pk)


@login_required
@require_POST
def revoke(request, pk, student_pk):
    card = _card(request, pk, student_pk)
    named = {"name": names_of(card.student.classroom)[card.student_id]}
    if not _confirmed(request):
        return _ask_first(
            request,
            card.student.classroom,
            _("Stop %(name)s's card?") % named,
            _(
                "%(name)s can no longer sign in with their printed card or code. "
                "Make a new card to let them in again."
            )
            % named,
            _("Yes, stop %(name)s's card") % named,
        )
    card.is_revoked = True
    card.save(update_fields=["is_revoked"])
    messages.success(request, _("%(name)s's card no longer works.") % named)
    return redirect("voice_teacher:cards", pk=pk)


@login_required
@require_POST
def set_language(request, pk, student_pk):
    card = _card(request, pk, student_pk)
    language = request.POST.get("language", "")
    if language not in dict(LANGUAGES):
        messages.error(request, _("Choose English or Español."))
    else:
        card.language = language
        card.save(update_fields=["language"])
    return redirect("voice_teacher:cards", pk=pk)
