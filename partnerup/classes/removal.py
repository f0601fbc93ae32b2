"""Removing a student: every trace of them goes, and the teacher is told first what.

A student is referenced by id from classmates' lists, rules, plans, workshop days,
the lead ledger, temporary partners, headline weeks and classmates' answers; the
rows that are theirs alone (card, answers, support, notes) go with them by cascade.
"""

from __future__ import annotations

from django.db import transaction
from django.db.models import Q
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from .keys import map_arrangement, student_key
from .models import Student

CLASSMATE_LISTS = ("choices", "avoid", "past_partners")


def what_removing_deletes(student: Student) -> list[str]:
    """Plain words for what goes with the student (empty when only the profile goes)."""
    from partnerup.choicetime.partners import entries_naming as choice_time_entries
    from partnerup.voice.models import Answers, SignInCard

    found = []
    answers = Answers.objects.filter(student=student).first()
    if answers is not None and _answered_anything(answers):
        found.append(_("their answers (want ad, classmates, goal, survey)"))
    if SignInCard.objects.filter(student=student).exists():
        found.append(_("their sign-in card"))
    rules = sum(student.pk in rule.students for rule in student.classroom.rules.all())
    if rules:
        found.append(
            ngettext("%(n)s rule naming them", "%(n)s rules naming them", rules) % {"n": rules}
        )
    days = sum(_in_arrangement(day.arrangement, student) for day in student.classroom.days.all())
    plans = sum(_in_arrangement(p.arrangement, student) for p in student.classroom.plans.all())
    if plans or days:
        found.append(
            _("their place in %(plans)s plan(s) and %(days)s workshop day(s) of history")
            % {"plans": plans, "days": days}
        )
    turns = _lead_turns(student).count()
    if turns:
        found.append(
            ngettext(
                "%(n)s turn-and-talk of their partnerships in the lead ledger",
                "%(n)s turn-and-talks of their partnerships in the lead ledger",
                turns,
            )
            % {"n": turns}
        )
    seen = choice_time_entries(student.pk)  # issue 13: natural partnerships
    if seen:
        found.append(
            ngettext("%(n)s choice-time entry", "%(n)s choice-time entries", seen) % {"n": seen}
        )
    notes = student.headline_notes.count()
    if notes:
        found.append(_("their two pluses and a wish from %(n)s headline week(s)") % {"n": notes})
    return found + _what_support_deletes(student)


def _what_support_deletes(student: Student) -> list[str]:
    """Conference notes, reflections, goal check-ins and help posts (issue 13's apps)."""
    counted = [
        (
            student.conference_notes.count(),
            lambda n: ngettext("%(n)s conference note", "%(n)s conference notes", n),
        ),
        (
            student.reflections.count(),
            lambda n: ngettext("%(n)s reflection of theirs", "%(n)s reflections of theirs", n),
        ),
        (
            student.checkins_given.count() + student.checkins_about.count(),
            lambda n: ngettext("%(n)s goal check-in", "%(n)s goal check-ins", n),
        ),
        (
            student.help_posts.count(),
            lambda n: ngettext("%(n)s help board post", "%(n)s help board posts", n),
        ),
    ]
    return [words(n) % {"n": n} for n, words in counted if n]


def _lead_turns(student: Student):
    """The lead ledger's turns of partnerships the student was in ("pk|pk", sorted)."""
    from partnerup.workshop.models import LeadTurn

    pk = str(student.pk)
    member = (
        Q(members=pk)
        | Q(members__startswith=f"{pk}|")
        | Q(members__endswith=f"|{pk}")
        | Q(members__contains=f"|{pk}|")
    )
    return LeadTurn.objects.filter(member, day__classroom=student.classroom_id)


def _answered_anything(answers) -> bool:
    return any(
        getattr(answers, stamp)
        for stamp in ("chose_at", "ad_at", "tchart_at", "goal_at", "survey_at")
    ) or bool(answers.answered_ads)


def _in_arrangement(arrangement: dict, student: Student) -> bool:
    key = student_key(student.pk)
    return any(key in group.get("members", []) for group in arrangement.get("groups", [])) or (
        key in arrangement.get("floaters", [])
    )


@transaction.atomic
def forget_students(classroom, pks: set[int]) -> None:
    """Remove these students of the class and every reference to them."""
    if not pks:
        return
    from partnerup.choicetime import partners as choice_time
    from partnerup.plans.history import forget
    from partnerup.voice.models import Answers
    from partnerup.workshop.models import LeadTurn

    gone = {student_key(pk) for pk in pks}

    def rekey(key: str) -> str | None:
        return None if key in gone else key

    for student in classroom.students.exclude(pk__in=pks):
        lists = {f: [pk for pk in getattr(student, f) if pk not in pks] for f in CLASSMATE_LISTS}
        if any(lists[f] != getattr(student, f) for f in CLASSMATE_LISTS):
            Student.objects.filter(pk=student.pk).update(**lists)
    for rule in classroom.rules.all():
        kept = [pk for pk in rule.students if pk not in pks]
        if len(kept) < 2:
            rule.delete()
        elif kept != rule.students:
            rule.students = kept
            rule.save(update_fields=["students"])
    for owner in (*classroom.plans.all(), *classroom.temporary_partners.all()):
        owner.arrangement = map_arrangement(owner.arrangement, rekey)
        if hasattr(owner, "choosers"):
            owner.choosers = [pk for pk in owner.choosers if pk not in pks]
        if hasattr(owner, "undo_steps"):  # the steps to undo hold the student too
            forget(owner)
        owner.save()
    for day in classroom.days.all():
        day.arrangement = map_arrangement(day.arrangement, rekey)
        day.absent = [pk for pk in day.absent if pk not in pks]
        forget(day)
        day.save(update_fields=["arrangement", "absent", "undo_steps", "version"])
    for turn in LeadTurn.objects.filter(day__classroom=classroom):
        if {int(pk) for pk in turn.members.split("|")} & pks:
            turn.delete()
    for week in classroom.headlines.all():
        groups = [[pk for pk in group if pk not in pks] for group in week.groups]
        week.groups = [group for group in groups if group]
        week.save(update_fields=["groups"])
    for answers in Answers.objects.filter(student__classroom=classroom):
        kept = [pk for pk in answers.answered_ads if pk not in pks]
        if kept != answers.answered_ads:
            answers.answered_ads = kept
            answers.save(update_fields=["answered_ads"])
    choice_time.forget_students(classroom.pk, set(pks))  # issue 13: natural partnerships
    from partnerup.reflections.services import forget as forget_in_reflections

    forget_in_reflections(classroom, pks)  # partners named in reflections and closed flags
    classroom.students.filter(pk__in=pks).delete()
