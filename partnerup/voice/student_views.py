"""The student's pages: kid-sized, few words, English or Spanish, their own data only."""

from __future__ import annotations

from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop, pgettext
from django.views.decorators.http import require_POST

from partnerup.accounts.limits import full_limit
from partnerup.classes.services import classmates_names_of
from partnerup.engine import refused_character
from partnerup.jobs.services import student_jobs

from . import guesses, session
from .checklist import CHECKLIST, SKILLS
from .class_traits import traits_of, words_of
from .forms import CodeForm
from .models import Answers, SignInCard
from .session import never_stored, student_required
from .traits import MOST_TRAITS


def _answers(card: SignInCard) -> Answers:
    return Answers.objects.get_or_create(student=card.student)[0]


def _page(request, card, template, **context):
    """A signed-in student's page (in their card's language: see student_required)."""
    context.update(card=card)
    return render(request, template, context, status=context.pop("status", 200))


@never_stored
def code_entry(request):
    with translation.override("es" if request.GET.get("lang") == "es" else "en"):
        return _code_entry(request, None)


@never_stored
def class_code_entry(request, class_key):
    """A class's own sign-in page: its address is on the class's cards and board."""
    with translation.override("es" if request.GET.get("lang") == "es" else "en"):
        page = guesses.page_with_key(class_key)
        if page is None:
            return render(request, "voice/no_page.html", status=404)
        return _code_entry(request, page)


def _code_entry(request, page):
    slow_down = {"problem": _(session.SLOW_DOWN)}
    if request.method != "POST":
        if full_limit(*guesses.code_tries(request, page)):
            return render(request, "voice/code.html", slow_down, status=429)
        return render(request, "voice/code.html")
    form = CodeForm(request.POST)
    try:
        card = guesses.try_code(request, form.typed_code, page) if form.is_valid() else None
    except guesses.Paused:
        return render(request, "voice/code.html", slow_down, status=429)
    if card is None:
        return render(
            request,
            "voice/code.html",
            {"problem": _("That code did not work. Check your card and try again.")},
            status=400,
        )
    session.sign_in(request, card)
    return redirect("voice:home")


@never_stored
def token_entry(request, token):
    with translation.override("en"):
        try:
            card = guesses.try_token(request, token)
        except guesses.Paused:
            return render(request, "voice/code.html", {"problem": _(session.SLOW_DOWN)}, status=429)
        if card is None:
            return render(request, "voice/stopped.html", status=404)
        session.sign_in(request, card)
        return redirect("voice:home")


@student_required
def home(request, card):
    name = classmates_names_of(card.student.classroom)[card.student.pk]
    answers = Answers.objects.filter(student=card.student).first()
    finished = {
        task: bool(answers and getattr(answers, f"{task}_at"))
        for task in ("ad", "chose", "tchart", "goal", "survey")
    }
    return _page(
        request,
        card,
        "voice/home.html",
        name=name,
        finished=finished,
        my_jobs=student_jobs(card.student, timezone.localdate(), card.language),  # jobs app
    )


@require_POST
@student_required
def switch_language(request, card):
    card.language = "es" if card.language == "en" else "en"
    card.save(update_fields=["language"])
    return redirect(
        request.POST.get("next") if request.POST.get("next", "").startswith("/s/") else "voice:home"
    )


@require_POST
@never_stored
def done(request):
    card = session.current_card(request)
    session.sign_out(request)
    with translation.override(card.language if card else "en"):
        return render(request, "voice/bye.html")


@student_required
def three_classmates(request, card):
    """Choices travel as student numbers: the page never holds a classmate's full name."""
    student = card.student
    shown = classmates_names_of(student.classroom)
    others = student.classroom.students.exclude(pk=student.pk).order_by("name")
    by_pk = {str(s.pk): s.pk for s in others}
    classmates = [(str(s.pk), shown[s.pk]) for s in others]
    problem, saved = None, False
    chosen = [str(pk) for pk in student.choices] + ["", "", ""]
    if request.method == "POST":
        picked = [request.POST.get(f"choice{i}", "") for i in (1, 2, 3)]
        given = [p for p in picked if p]
        if any(p not in by_pk for p in given):
            problem = _("Choose classmates from the list.")
        elif len(set(given)) != len(given) or len(given) < 3:
            problem = _("Choose 3 different classmates.")
        else:
            student.choices = [by_pk[p] for p in given]
            student.save(update_fields=["choices"])
            answers = _answers(card)
            answers.chose_at = timezone.now()
            answers.save(update_fields=["chose_at"])
            saved = True
        chosen = picked
    return _page(
        request,
        card,
        "voice/three.html",
        classmates=classmates,
        chosen=chosen[:3],
        problem=problem,
        saved=saved,
        status=400 if problem else 200,
    )


@student_required
def want_ad(request, card):
    """Traits picked as picture tiles, ranked by the order of taps (tiles.js); the same
    form works without JavaScript as three lists per side."""
    problem, saved = None, False
    answers = _answers(card)
    traits = [t for t in traits_of(card.student.classroom) if t.is_on]
    usable = {t.key for t in traits}
    if request.method == "POST":
        wanted, offered = (_ranked(request.POST, field, usable) for field in ("want", "offer"))
        sentence = request.POST.get("sentence", "").strip()[:200]
        if not wanted and not offered:
            problem = _("Choose at least one thing from a list.")
        elif not _typed(sentence):
            problem = _(ODD_TYPING)
        else:
            answers.wanted, answers.offered = wanted, offered
            answers.ad_sentence = sentence
            answers.ad_at = timezone.now()
            answers.save()
            saved = True
    shown = words_of(traits, card.language).values()
    lists = [
        (_("I am looking for a partner who…"), "want", _slots(answers.wanted),
         [(t.key, t.wanted, t.icon) for t in shown]),
        (_("What I can offer"), "offer", _slots(answers.offered),
         [(t.key, t.offer, t.icon) for t in shown]),
    ]  # fmt: skip
    return _page(
        request,
        card,
        "voice/ad.html",
        lists=lists,
        badges="|".join(
            (pgettext("rank", "1st"), pgettext("rank", "2nd"), pgettext("rank", "3rd"))
        ),
        answers=answers,
        poster=poster_of(answers, card.language),
        problem=problem,
        saved=saved,
        status=400 if problem else 200,
    )


def _slots(keys: list[str]) -> list[tuple[int, str, str]]:
    """(place, its label, the trait picked there or "") for each of the three places."""
    labels = (_("Most important"), pgettext("rank", "Next"), pgettext("rank", "Then"))
    picked = (keys + [""] * MOST_TRAITS)[:MOST_TRAITS]
    return [(n, labels[n - 1], key) for n, key in enumerate(picked, start=1)]


def _ranked(data, field: str, usable: set[str]) -> list[str]:
    """The traits chosen in `field`1..3, most important first, each once."""
    picked = [data.get(f"{field}{i}", "") for i in range(1, MOST_TRAITS + 1)]
    return list(dict.fromkeys(k for k in picked if k in usable))


def poster_of(answers: Answers, lang: str, traits=None) -> dict:
    """A want ad as its poster shows it: what the student looks for in the wanted
    wording, what they offer in the offer wording, each with its icon."""
    by_key = words_of(traits_of(answers.student.classroom) if traits is None else traits, lang)
    return {
        "wanted": [(by_key[k].wanted, by_key[k].icon) for k in answers.wanted if k in by_key],
        "offered": [(by_key[k].offer, by_key[k].icon) for k in answers.offered if k in by_key],
        "sentence": answers.ad_sentence,
    }


@student_required
def ads(request, card):
    student = card.student
    shown = classmates_names_of(student.classroom)
    mine = _answers(card)
    posted = Answers.objects.filter(student__classroom=student.classroom, ad_at__isnull=False)
    traits = traits_of(student.classroom)
    posters = [
        (
            answers.student_id,
            shown[answers.student_id],
            poster_of(answers, card.language, traits),
            answers.student_id in mine.answered_ads,
        )
        for answers in posted.exclude(student=student)
    ]
    return _page(request, card, "voice/ads.html", posters=sorted(posters, key=lambda p: p[1]))


@require_POST
@student_required
def answer_ad(request, card, student_pk):
    classmate = get_object_or_404(
        card.student.classroom.students.exclude(pk=card.student.pk), pk=student_pk
    )
    mine = _answers(card)
    if classmate.pk in mine.answered_ads:
        mine.answered_ads = [pk for pk in mine.answered_ads if pk != classmate.pk]
    else:
        mine.answered_ads = [*mine.answered_ads, classmate.pk]
    mine.save(update_fields=["answered_ads"])
    return redirect("voice:ads")


TEXT_LIMIT = 1000
TOO_LONG = gettext_noop("That is a lot of words! Please write less.")
ODD_TYPING = gettext_noop("Something odd got typed in. Please type it again.")


def _typed(text: str) -> bool:
    """No null bytes or invisible characters (line breaks are fine in an answer)."""
    return refused_character(text, multiline=True) is None


@student_required
def tchart(request, card):
    problem, saved = None, False
    answers = _answers(card)
    if request.method == "POST":
        like, offer = (request.POST.get(k, "").strip() for k in ("like", "offer"))
        if len(like) > TEXT_LIMIT or len(offer) > TEXT_LIMIT:
            problem = _(TOO_LONG)
        elif not (_typed(like) and _typed(offer)):
            problem = _(ODD_TYPING)
        else:
            answers.tchart_like, answers.tchart_offer = like, offer
            answers.tchart_at = timezone.now()
            answers.save()
            saved = True
    return _page(
        request, card, "voice/tchart.html", answers=answers, problem=problem, saved=saved,
        status=400 if problem else 200,
    )  # fmt: skip


@student_required
def goal(request, card):
    problem, saved = None, False
    answers = _answers(card)
    if request.method == "POST":
        skill = request.POST.get("goal", "")
        if skill not in SKILLS:
            problem = _("Choose a goal from the list.")
        else:
            answers.goal, answers.goal_at = skill, timezone.now()
            answers.save(update_fields=["goal", "goal_at"])
            student = card.student
            student.goals = [skill, *(g for g in student.goals if g != skill)]
            student.save(update_fields=["goals"])
            saved = True
    areas: dict[str, list] = {}
    for area, skill, words in CHECKLIST:
        areas.setdefault(_(area), []).append((skill, _(words)))
    return _page(
        request, card, "voice/goal.html", areas=areas.items(), answers=answers,
        problem=problem, saved=saved, status=400 if problem else 200,
    )  # fmt: skip


@student_required
def survey(request, card):
    problem, saved = None, False
    answers = _answers(card)
    questions = list(card.student.classroom.survey_questions.all())
    if request.method == "POST" and questions:
        given = {str(q.pk): request.POST.get(f"q{q.pk}", "").strip() for q in questions}
        if any(len(a) > TEXT_LIMIT for a in given.values()):
            problem = _(TOO_LONG)
        elif not all(_typed(a) for a in given.values()):
            problem = _(ODD_TYPING)
        else:
            answers.survey, answers.survey_at = given, timezone.now()
            answers.save(update_fields=["survey", "survey_at"])
            saved = True
    rows = [(q, q.in_language(card.language), answers.survey.get(str(q.pk), "")) for q in questions]
    return _page(
        request,
        card,
        "voice/survey.html",
        rows=rows,
        problem=problem,
        saved=saved,
        status=400 if problem else 200,
    )
