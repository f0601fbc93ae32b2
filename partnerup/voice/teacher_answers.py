"""The teacher's side of what students answer: who has answered what (in the words
the students saw, with answers that clash with the class's rules flagged), want-ad
posters, and the survey questions and want-ad traits students answer from."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from partnerup.classes.models import classroom_or_404
from partnerup.classes.services import names_of, with_shown_names

from .checklist import STARTER_QUESTIONS
from .clashes import answer_clashes
from .class_traits import add_trait, icon_path, reword_trait, traits_of
from .forms import SurveyQuestionForm, SurveyQuestionsForm, TraitForm
from .language import in_language
from .models import Answers, SignInCard, SurveyQuestion
from .shown import shown_answers
from .student_views import poster_of
from .traits import TRAITS


def _card_languages(classroom) -> dict[int, str]:
    cards = SignInCard.objects.filter(student__classroom=classroom)
    return dict(cards.values_list("student_id", "language"))


@login_required
def responses(request, pk):
    classroom = classroom_or_404(request.user, pk)
    answers = {a.student_id: a for a in Answers.objects.filter(student__classroom=classroom)}
    traits, names, languages = traits_of(classroom), names_of(classroom), _card_languages(classroom)
    clashes = answer_clashes(classroom)
    rows = [
        (s, a, a and shown_answers(a, traits, languages.get(s.pk, "en"), names), clashes.get(s.pk))
        for s in with_shown_names(classroom.students.all(), names)
        for a in [answers.get(s.pk)]
    ]
    asked = classroom.survey_questions.exists()
    missing = {
        "missing_ad": [names[s.pk] for s, a, *_ in rows if not (a and a.ad_at)],
        "missing_choices": [names[s.pk] for s, a, *_ in rows if not (a and a.chose_at)],
        "missing_goal": [names[s.pk] for s, a, *_ in rows if not (a and a.goal_at)],
        "missing_survey": [names[s.pk] for s, a, *_ in rows if asked and not (a and a.survey_at)],
    }
    clashing = [sentence for *_, said in rows for sentence in said or ()]
    return render(
        request,
        "voice/responses.html",
        {"classroom": classroom, "rows": rows, "clashes": clashing, **missing},
    )


@login_required
def survey_questions(request, pk):
    """Pick questions from the starter set or write your own (with its Spanish); delete any."""
    classroom = classroom_or_404(request.user, pk)
    if request.method == "POST":
        form = SurveyQuestionsForm(request.POST)
        if not form.is_valid():
            messages.error(request, form.first_error)
            return redirect("voice_teacher:survey", pk=pk)
        own, own_es = (form.cleaned_data[k].strip() for k in ("own", "own_es"))
        starters = [STARTER_QUESTIONS[i] for i in form.cleaned_data["starter"]]
        starters_in_both = [(q, in_language(q, "es")) for q in starters]
        existing = set(classroom.survey_questions.values_list("text", flat=True))
        for text, text_es in [*starters_in_both, *([(own, own_es)] if own else [])]:
            if text not in existing:
                SurveyQuestion.objects.create(classroom=classroom, text=text, text_es=text_es)
        return redirect("voice_teacher:survey", pk=pk)
    chosen = set(classroom.survey_questions.values_list("text", flat=True))
    starters = [(i, q) for i, q in enumerate(STARTER_QUESTIONS) if q not in chosen]
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
def survey_edit(request, pk, question_pk):
    """New English or Spanish words for a question (students' answers stay with it)."""
    classroom = classroom_or_404(request.user, pk)
    question = get_object_or_404(classroom.survey_questions, pk=question_pk)
    form = SurveyQuestionForm(request.POST)
    if not form.is_valid():
        messages.error(request, form.first_error)
    else:
        question.text, question.text_es = (
            form.cleaned_data[k].strip() for k in ("text", "text_es")
        )
        question.save(update_fields=["text", "text_es"])
    return redirect("voice_teacher:survey", pk=pk)


@login_required
@require_POST
def survey_delete(request, pk, question_pk):
    classroom = classroom_or_404(request.user, pk)
    get_object_or_404(classroom.survey_questions, pk=question_pk).delete()
    return redirect("voice_teacher:survey", pk=pk)


@login_required
def posters(request, pk):
    """Every want ad as a poster for the wall (two to a printed page), in the language
    of the student's card: the words they chose."""
    classroom = classroom_or_404(request.user, pk)
    posted = Answers.objects.filter(student__classroom=classroom, ad_at__isnull=False)
    traits, languages, names = traits_of(classroom), _card_languages(classroom), names_of(classroom)
    ads = []
    for answers in posted.order_by("student__name"):
        language = languages.get(answers.student_id, "en")
        poster = poster_of(answers, language, traits)
        ads.append((names[answers.student_id], poster, language))
    return render(request, "voice/posters.html", {"classroom": classroom, "ads": ads})


@login_required
def traits(request, pk):
    """The want-ad traits students choose from: switch any off, reword any, add your own."""
    classroom = classroom_or_404(request.user, pk)
    if request.method == "POST":
        form = TraitForm(request.POST)
        if not form.is_valid():
            messages.error(request, form.first_error)
            return redirect("voice_teacher:traits", pk=pk)
        try:
            add_trait(classroom, **form.words)
        except ValueError as error:
            messages.error(request, str(error))
        return redirect("voice_teacher:traits", pk=pk)
    shown = [_trait_row(t) for t in traits_of(classroom)]
    return render(
        request,
        "voice/traits.html",
        {"classroom": classroom, "traits": shown, "icons": [t.key for t in TRAITS]},
    )


def _trait_row(trait) -> tuple:
    """(trait, icon, English offer wording or "" when it has none, Spanish offer wording
    or "" when it has none of its own)."""
    offer_en = "" if trait.needs_offer_words else trait.offer_words("en")
    offer_es = trait.offer_words("es")
    return trait, icon_path(trait), offer_en, offer_es if offer_es != offer_en else ""


@login_required
@require_POST
def trait_edit(request, pk, trait_pk):
    classroom = classroom_or_404(request.user, pk)
    trait = get_object_or_404(classroom.traits, pk=trait_pk)
    form = TraitForm(request.POST)
    if not form.is_valid():
        messages.error(request, form.first_error)
        return redirect("voice_teacher:traits", pk=pk)
    try:
        reword_trait(trait, **form.words)
    except ValueError as error:
        messages.error(request, str(error))
    return redirect("voice_teacher:traits", pk=pk)


@login_required
@require_POST
def trait_switch(request, pk, trait_pk):
    classroom = classroom_or_404(request.user, pk)
    trait = get_object_or_404(classroom.traits, pk=trait_pk)
    trait.is_on = not trait.is_on
    trait.save(update_fields=["is_on"])
    return redirect("voice_teacher:traits", pk=pk)
