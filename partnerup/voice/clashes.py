"""Where a student's own answers clash with the class's hard rules.

A student who picks three classmates replaces the teacher's choices, and may pick a
classmate the teacher keeps them apart from. Planning still keeps the rule; the
teacher is told in plain words. The rules are the engine's own (hard_rules on
the class roster): nothing here decides who may work with whom.
"""

from __future__ import annotations

from django.utils.translation import gettext as _

from partnerup import engine
from partnerup.classes.keys import key_pk, student_key
from partnerup.classes.models import Classroom
from partnerup.classes.services import class_roster, names_of

from .models import Answers


def answer_clashes(classroom: Classroom) -> dict[int, list[str]]:
    """{student id: a sentence for each classmate they chose or whose want ad they
    answered although a hard rule keeps the two apart}, for students with such answers."""
    students, rules = class_roster(classroom)
    # Past partners bind only in a plan that forbids repeats, a choice made per plan.
    hard = engine.hard_rules(students, rules, engine.PlanSettings(allow_repeats=True))
    names = names_of(classroom)
    found: dict[int, list[str]] = {}
    for answers in Answers.objects.filter(student__classroom=classroom).select_related("student"):
        student = answers.student
        chose = _("%(name)s chose %(other)s, but they are kept apart (%(why)s).")
        answered = _("%(name)s answered %(other)s's want ad, but they are kept apart (%(why)s).")
        picked = [(pk, chose) for pk in student.choices if answers.chose_at]
        picked += [(pk, answered) for pk in answers.answered_ads]
        for pk, sentence in picked:
            why = _kept_apart(hard, student.pk, pk, names) if pk in names else ""
            if why:
                said = sentence % {"name": names[student.pk], "other": names[pk], "why": why}
                found.setdefault(student.pk, []).append(said)
    return found


def _kept_apart(hard: engine.HardRules, a: int, b: int, names: dict[int, str]) -> str:
    """Why the engine keeps a and b apart in a teacher's words, or "" when it may pair
    them (a keep-together or language need elsewhere still lets them share a three)."""
    pair = frozenset((student_key(a), student_key(b)))
    kept_apart = [rule for rule in hard.apart if pair in set(rule.pairs())]
    if not kept_apart:
        return ""
    rule = next((r for r in kept_apart if r.kind == "keep_apart"), kept_apart[0])
    if rule.kind == "keep_apart":
        return _("rule")
    if rule.kind == "avoid":
        avoider = key_pk(rule.students[0])
        if avoider and avoider in names:
            return _("%(name)s's avoid list") % {"name": names[avoider]}
        return _("avoid list")
    return rule.reason  # "reading partners", "past partners"
