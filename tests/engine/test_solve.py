import pytest

from partnerup.engine import InfeasibleError, PlanSettings, Rule, plan_partnerships
from partnerup.engine.synthetic import synthetic_class
from partnerup.engine.validation import hard_rule_violations

from .brute_force import best_total
from .factories import roster, student


def groups(plan):
    return [p.members for p in plan.partnerships]


def as_sets(plan):
    return {frozenset(p.members) for p in plan.partnerships}


def test_mutual_first_choices_are_paired():
    students = (
        student("Ana", choices=("Ben",)),
        student("Ben", choices=("Ana",)),
        student("Cy", choices=("Di",)),
        student("Di", choices=("Cy",)),
    )
    plan = plan_partnerships(students)
    assert as_sets(plan) == {frozenset({"Ana", "Ben"}), frozenset({"Cy", "Di"})}
    assert plan.status == "optimal"
    assert plan.bound == plan.objective


@pytest.mark.parametrize("n", [4, 5, 6, 7, 8])
@pytest.mark.parametrize("seed", range(6))
def test_plan_matches_the_exhaustive_best_on_small_classes(n, seed):
    students, rules = synthetic_class(n, seed)
    settings = PlanSettings(seed=seed)
    expected = best_total(list(students), list(rules), settings)
    if expected is None:
        with pytest.raises(InfeasibleError):
            plan_partnerships(students, rules, settings)
        return
    plan = plan_partnerships(students, rules, settings)
    assert plan.status == "optimal"
    assert plan.objective == pytest.approx(expected)


def test_odd_class_gets_exactly_one_triad():
    students, rules = synthetic_class(13, 2)
    plan = plan_partnerships(students, rules)
    assert sum(p.is_triad for p in plan.partnerships) in (1, 3)
    assert hard_rule_violations(groups(plan), students, rules) == []


def test_triads_never_gives_pairs_only():
    students, rules = synthetic_class(20, 1)
    plan = plan_partnerships(students, rules, PlanSettings(triads="never"))
    assert all(len(p.members) == 2 for p in plan.partnerships)


def test_odd_class_without_triads_is_reported_not_crashed():
    with pytest.raises(InfeasibleError) as caught:
        plan_partnerships(roster("Ana", "Ben", "Cy"), (), PlanSettings(triads="never"))
    assert "triads are off" in caught.value.conflicts[0]


def test_even_class_only_uses_triads_that_help_someone():
    students = roster("Ana", "Ben", "Cy", "Di", "Ed", "Flo")
    plan = plan_partnerships(students)
    assert all(not p.is_triad for p in plan.partnerships)


def test_often_absent_student_is_placed_in_a_triad_when_it_pays():
    students = (
        student("Ana", often_absent=True, choices=("Ben", "Cy")),
        student("Ben", choices=("Ana",)),
        student("Cy", choices=("Ana",)),
        student("Di"),
        student("Ed"),
        student("Flo"),
        student("Gus"),
    )
    plan = plan_partnerships(students)
    triad = next(p for p in plan.partnerships if p.is_triad)
    assert set(triad.members) == {"Ana", "Ben", "Cy"}
    assert any("often absent" in r for r in triad.reasons)


def test_max_triads_caps_the_number_of_triads():
    students = tuple(student(f"S{i}", often_absent=True) for i in range(12))
    plan = plan_partnerships(students, (), PlanSettings(max_triads=2))
    assert sum(p.is_triad for p in plan.partnerships) <= 2


def test_keep_apart_rule_is_never_broken():
    students = (
        student("Ana", choices=("Ben",)),
        student("Ben", choices=("Ana",)),
        student("Cy"),
        student("Di"),
    )
    plan = plan_partnerships(students, [Rule("keep_apart", ("Ana", "Ben"))])
    assert frozenset({"Ana", "Ben"}) not in as_sets(plan)


def test_avoid_reading_partner_and_past_partner_are_hard_rules():
    students = (
        student("Ana", choices=("Ben", "Cy", "Di"), reading_partner="Ben", avoid=("Cy",)),
        student("Ben", choices=("Ana",), reading_partner="Ana"),
        student("Cy", choices=("Ana",)),
        student("Di", choices=("Ana",), past_partners=("Ana",)),
        student("Ed"),
        student("Flo"),
    )
    plan = plan_partnerships(students, (), PlanSettings(triads="never"))
    partner_of_ana = next(p for p in plan.partnerships if "Ana" in p.members)
    assert set(partner_of_ana.members) & {"Ben", "Cy", "Di"} == set()


def test_allow_repeats_lets_past_partners_pair_again():
    students = (
        student("Ana", choices=("Di",), past_partners=("Di",)),
        student("Di", choices=("Ana",)),
        student("Ben"),
        student("Cy"),
    )
    plan = plan_partnerships(students, (), PlanSettings(allow_repeats=True))
    assert frozenset({"Ana", "Di"}) in as_sets(plan)


def test_emergent_bilingual_is_grouped_with_proficient_speaker_sharing_language():
    students = (
        student("Ana", english_level=2.5, home_language="Spanish"),
        student("Ben", english_level=3.0, home_language="Spanish"),
        student("Cy", home_language="Spanish"),
        student("Di"),
    )
    plan = plan_partnerships(students, (), PlanSettings(triads="never"))
    for p in plan.partnerships:
        assert any(m in ("Cy", "Di") for m in p.members)
    assert any("shares Spanish" in r for p in plan.partnerships for r in p.reasons)


def test_keep_together_and_lock_are_kept():
    students, _ = synthetic_class(12, 0)
    names = [s.name for s in students]
    lock = Rule("lock", (names[0], names[3]))
    together = Rule("keep_together", (names[5], names[8]))
    try:
        plan = plan_partnerships(students, [lock, together])
    except InfeasibleError:
        pytest.skip("this synthetic pair is kept apart by the roster")
    locked = next(p for p in plan.partnerships if names[0] in p.members)
    assert set(locked.members) == {names[0], names[3]} and locked.is_locked
    assert any({names[5], names[8]} <= set(p.members) for p in plan.partnerships)


def test_clashing_rules_name_the_student_and_the_rules():
    students = roster("Maya", "Ana", "Ben", "Cy")
    rules = [Rule("keep_apart", ("Maya", "Ana", "Ben", "Cy"))]
    with pytest.raises(InfeasibleError) as caught:
        plan_partnerships(students, rules)
    message = " ".join(caught.value.conflicts)
    assert "leave Maya no possible partner" in message
    assert "Maya–Ana (keep-apart rule" in message


def test_lock_that_breaks_keep_apart_is_a_named_conflict():
    students = roster("Ana", "Ben", "Cy", "Di")
    rules = [Rule("keep_apart", ("Ana", "Ben")), Rule("lock", ("Ana", "Ben"))]
    with pytest.raises(InfeasibleError) as caught:
        plan_partnerships(students, rules)
    assert "lock Ana–Ben breaks a rule" in caught.value.conflicts[0]


def test_too_many_learners_for_the_english_models_is_reported():
    students = tuple(student(f"L{i}", english_level=1.5) for i in range(5)) + roster("Ana")
    with pytest.raises(InfeasibleError) as caught:
        plan_partnerships(students)
    assert any("emergent bilinguals need a proficient" in c for c in caught.value.conflicts)


def test_keep_together_of_four_is_a_named_conflict():
    students = roster("Ana", "Ben", "Cy", "Di", "Ed", "Flo")
    rules = [Rule("keep_together", ("Ana", "Ben")), Rule("keep_together", ("Ben", "Cy", "Di"))]
    with pytest.raises(InfeasibleError) as caught:
        plan_partnerships(students, rules)
    assert "join 4 students" in caught.value.conflicts[0]


def test_floaters_are_flagged_students_first():
    students = roster("Ana", "Ben", "Cy", "Di") + (student("Flo", floater=True),)
    plan = plan_partnerships(students, (), PlanSettings(floaters=1))
    assert plan.floaters == ("Flo",)
    assert "Flo" not in plan.members()


def test_too_many_floaters_is_reported():
    with pytest.raises(InfeasibleError):
        plan_partnerships(roster("Ana", "Ben", "Cy"), (), PlanSettings(floaters=2))


def test_partner_partners_join_pairs_into_fours():
    students, rules = synthetic_class(16, 3)
    plan = plan_partnerships(students, rules, PlanSettings(partner_partners=True, triads="never"))
    assert len(plan.partner_partners) == 4
    assert sorted(m for four in plan.partner_partners for m in four) == sorted(plan.members())


def test_quiet_partner_is_a_with_quiet_first_roles():
    students = (student("Ana", talk="dominant"), student("Ben", talk="quiet"))
    plan = plan_partnerships(students, (), PlanSettings(roles="quiet_first"))
    assert plan.partnerships[0].role_of == {"Ben": "A", "Ana": "B"}


def test_every_group_explains_itself():
    students, rules = synthetic_class(24, 5)
    plan = plan_partnerships(students, rules)
    assert all(p.reasons for p in plan.partnerships)


def test_same_seed_gives_the_same_plan():
    students, rules = synthetic_class(26, 4)
    settings = PlanSettings(seed=9, strategy="random")
    assert plan_partnerships(students, rules, settings) == plan_partnerships(
        students, rules, settings
    )


def test_students_who_chose_each_other_in_choice_time_are_paired_with_that_reason():
    students = (
        student("Ana", chose_in_choice_time=("Di",)),
        student("Ben"),
        student("Cy"),
        student("Di", chose_in_choice_time=("Ana",)),
    )
    plan = plan_partnerships(students)
    assert frozenset({"Ana", "Di"}) in as_sets(plan)
    pair = next(p for p in plan.partnerships if set(p.members) == {"Ana", "Di"})
    assert any("chose to work together in choice time" in r for r in pair.reasons)


def test_without_choice_time_the_same_class_pairs_otherwise():
    plain = plan_partnerships(roster("Ana", "Ben", "Cy", "Di"))
    assert frozenset({"Ana", "Di"}) not in as_sets(plain)
