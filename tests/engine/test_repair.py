import pytest

from partnerup.engine import Partnership, Plan, RosterError
from partnerup.engine.repair import repair_for_absences


def pair(a, b):
    return Partnership(members=(a, b), roles=((a, "A"), (b, "B")), reasons=("chosen",))


def plan_of(*partnerships, floaters=(), forbidden=(), learners=()):
    return Plan(
        status="optimal",
        partnerships=tuple(partnerships),
        floaters=tuple(floaters),
        forbidden_pairs=tuple(forbidden),
        emergent_bilinguals=tuple(learners),
    )


def groups(plan):
    return {frozenset(p.members) for p in plan.partnerships}


def test_nobody_absent_changes_nothing():
    plan = plan_of(pair("Ana", "Ben"), pair("Cy", "Di"))
    assert repair_for_absences(plan, []).partnerships == plan.partnerships


def test_students_whose_partners_are_absent_pair_with_each_other_first():
    plan = plan_of(pair("Ana", "Ben"), pair("Cy", "Di"), pair("Ed", "Flo"), floaters=["Gus"])
    today = repair_for_absences(plan, ["Ben", "Di"])
    assert frozenset({"Ana", "Cy"}) in groups(today)
    assert today.floaters == ("Gus",)
    changed = next(p for p in today.partnerships if set(p.members) == {"Ana", "Cy"})
    assert "pair up" in changed.reasons[0]


def test_partnerless_student_takes_a_floater_next():
    plan = plan_of(pair("Ana", "Ben"), pair("Cy", "Di"), floaters=["Gus"])
    today = repair_for_absences(plan, ["Ben"])
    assert frozenset({"Ana", "Gus"}) in groups(today)
    assert today.floaters == ()


def test_otherwise_joins_a_partnership_as_a_three():
    plan = plan_of(pair("Ana", "Ben"), pair("Cy", "Di"))
    today = repair_for_absences(plan, ["Ben"])
    assert groups(today) == {frozenset({"Ana", "Cy", "Di"})}
    three = today.partnerships[0]
    assert three.role_of["Ana"] == "C"
    assert "Ana's partner is absent" in three.reasons[0]


def test_partnerless_student_never_joins_a_kept_apart_classmate():
    plan = plan_of(
        pair("Ana", "Ben"), pair("Cy", "Di"), pair("Ed", "Flo"), forbidden=[("Ana", "Cy")]
    )
    today = repair_for_absences(plan, ["Ben"])
    assert frozenset({"Ana", "Ed", "Flo"}) in groups(today)
    assert frozenset({"Cy", "Di"}) in groups(today)


def test_emergent_bilingual_joins_a_group_with_a_proficient_speaker():
    plan = plan_of(
        pair("Ana", "Ben"), pair("Cy", "Di"), pair("Ed", "Flo"), learners=["Ana", "Cy", "Di"]
    )
    today = repair_for_absences(plan, ["Ben"])
    assert frozenset({"Ana", "Ed", "Flo"}) in groups(today)


def test_triad_losing_one_member_carries_on_as_a_pair():
    triad = Partnership(
        members=("Ana", "Ben", "Cy"), roles=(("Ana", "A"), ("Ben", "B"), ("Cy", "C"))
    )
    plan = plan_of(triad, pair("Di", "Ed"))
    today = repair_for_absences(plan, ["Ana"])
    carried = next(p for p in today.partnerships if "Ben" in p.members)
    assert carried.members == ("Ben", "Cy")
    assert carried.role_of == {"Ben": "A", "Cy": "B"}


def test_nobody_fits_means_working_with_the_teacher():
    plan = plan_of(pair("Ana", "Ben"), pair("Cy", "Di"), forbidden=[("Ana", "Cy"), ("Ana", "Di")])
    today = repair_for_absences(plan, ["Ben"])
    alone = next(p for p in today.partnerships if p.members == ("Ana",))
    assert "works with the teacher" in alone.reasons[0]


def test_whole_class_absent_but_one():
    plan = plan_of(pair("Ana", "Ben"), pair("Cy", "Di"))
    today = repair_for_absences(plan, ["Ben", "Cy", "Di"])
    assert [p.members for p in today.partnerships] == [("Ana",)]


def test_new_student_joins_a_partnership_to_observe():
    plan = plan_of(pair("Ana", "Ben"), pair("Cy", "Di"))
    today = repair_for_absences(plan, [], new_students=["Nia"])
    joined = next(p for p in today.partnerships if "Nia" in p.members)
    assert len(joined.members) == 3
    assert "Nia is new and observes" in joined.reasons[0]


def test_unknown_absent_name_is_refused_with_a_suggestion():
    plan = plan_of(pair("Ana", "Ben"))
    with pytest.raises(RosterError) as caught:
        repair_for_absences(plan, ["Bne"])
    assert "did you mean 'Ben'" in str(caught.value)


def test_new_student_with_an_existing_name_is_refused():
    plan = plan_of(pair("Ana", "Ben"))
    with pytest.raises(RosterError):
        repair_for_absences(plan, [], new_students=["Ana"])


def triad(a, b, c):
    return Partnership(members=(a, b, c), roles=((a, "A"), (b, "B"), (c, "C")))


def test_a_partner_with_the_teacher_is_not_called_absent():
    plan = plan_of(pair("Ana", "Ben"), pair("Cy", "Di"), pair("Ed", "Flo"))
    today = repair_for_absences(plan, ["Ben", "Di"], with_teacher=["Ben"])
    changed = next(p for p in today.partnerships if "Ana" in p.members)
    assert changed.reasons == (
        "Ben works with the teacher today; Cy's partner is absent; Ana and Cy pair up",
    )


def test_a_three_losing_its_english_speaker_says_why_it_splits():
    plan = plan_of(
        triad("Ana", "Ben", "Cy"), pair("Di", "Ed"), pair("Flo", "Gus"), learners=["Ana", "Ben"]
    )
    today = repair_for_absences(plan, ["Cy", "Ed"])
    reasons = " ".join(r for p in today.partnerships for r in p.reasons)
    assert "Cy absent today" in reasons and "need a proficient English speaker" in reasons
    assert "their partners are absent" not in reasons


def test_a_student_whose_two_partners_are_absent_hears_partners_in_the_plural():
    plan = plan_of(triad("Ana", "Ben", "Cy"), pair("Di", "Ed"))
    today = repair_for_absences(plan, ["Ben", "Cy"])
    joined = next(p for p in today.partnerships if "Ana" in p.members)
    assert joined.reasons == ("Ana's partners are absent; joins Di and Ed as a 3",)
