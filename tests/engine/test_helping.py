"""The help board's matching: needs to helpers by skill, within the class's rules."""

from collections import Counter

from hypothesis import given, settings
from hypothesis import strategies as st

from partnerup.engine import (
    HelpMatch,
    HelpNeed,
    HelpOffer,
    PlanSettings,
    Rule,
    hard_rules,
    match_helpers,
)
from tests.engine.factories import roster, student

NO_RULES = hard_rules((), (), PlanSettings())
SKILLS = ("lead", "ending", "spelling")
NAMES = ("Ana", "Ben", "Cy", "Dee", "Eli", "Fay")


def need(key, who, skill="lead", order=0):
    return HelpNeed(key=key, student=who, skill=skill, order=order)


def test_a_need_is_matched_to_a_classmate_who_offers_its_skill():
    matches = match_helpers(
        [need("n1", "Ana", "ending")],
        [HelpOffer("Ben", "lead"), HelpOffer("Cy", "ending")],
        NO_RULES,
    )
    assert matches == (HelpMatch("n1", "Cy"),)


def test_nobody_helps_themself():
    assert match_helpers([need("n1", "Ana")], [HelpOffer("Ana", "lead")], NO_RULES) == ()


def test_a_keep_apart_rule_keeps_a_helper_away():
    rules = hard_rules(roster("Ana", "Ben"), (Rule("keep_apart", ("Ana", "Ben")),), PlanSettings())
    assert match_helpers([need("n1", "Ana")], [HelpOffer("Ben", "lead")], rules) == ()


def test_an_avoid_list_keeps_a_helper_away():
    rules = hard_rules((student("Ana", avoid=("Ben",)), student("Ben")), (), PlanSettings())
    assert match_helpers([need("n1", "Ana")], [HelpOffer("Ben", "lead")], rules) == ()


def test_past_partners_may_still_help_each_other():
    rules = hard_rules((student("Ana", past_partners=("Ben",)), student("Ben")), (), PlanSettings())
    assert match_helpers([need("n1", "Ana")], [HelpOffer("Ben", "lead")], rules) == (
        HelpMatch("n1", "Ben"),
    )


def test_absent_students_neither_help_nor_are_helped():
    needs = [need("n1", "Ana"), need("n2", "Cy")]
    offers = [HelpOffer("Ben", "lead"), HelpOffer("Dee", "lead")]
    matches = match_helpers(needs, offers, NO_RULES, away={"Ben", "Cy"})
    assert matches == (HelpMatch("n1", "Dee"),)


def test_a_helper_gets_a_second_need_only_when_nobody_free_can_take_it():
    needs = [need("n1", "Ana", order=1), need("n2", "Cy", order=2), need("n3", "Eli", order=3)]
    offers = [HelpOffer("Ben", "lead"), HelpOffer("Dee", "lead")]
    matches = match_helpers(needs, offers, NO_RULES)
    assert Counter(m.helper for m in matches) == {"Ben": 2, "Dee": 1}


def test_the_helper_who_helped_least_is_asked_first():
    matches = match_helpers(
        [need("n1", "Ana")],
        [HelpOffer("Ben", "lead"), HelpOffer("Dee", "lead")],
        NO_RULES,
        helped={"Ben": 3, "Dee": 1},
    )
    assert matches == (HelpMatch("n1", "Dee"),)


def test_the_oldest_need_is_matched_first():
    needs = [need("late", "Ana", order=9), need("early", "Cy", order=1)]
    matches = match_helpers(needs, [HelpOffer("Ben", "lead"), HelpOffer("Dee", "lead")], NO_RULES)
    assert matches[0] == HelpMatch("early", "Ben")


def test_a_match_already_made_stays_when_a_less_busy_helper_arrives():
    offers = [HelpOffer("Ben", "lead"), HelpOffer("Dee", "lead")]
    kept = {"n1": "Ben"}
    matches = match_helpers([need("n1", "Ana")], offers, NO_RULES, helped={"Ben": 5}, kept=kept)
    assert matches == (HelpMatch("n1", "Ben"),)


def test_a_kept_match_is_dropped_when_the_helper_is_away():
    offers = [HelpOffer("Ben", "lead"), HelpOffer("Dee", "lead")]
    matches = match_helpers([need("n1", "Ana")], offers, NO_RULES, away={"Ben"}, kept={"n1": "Ben"})
    assert matches == (HelpMatch("n1", "Dee"),)


# --- properties over random boards

boards = st.fixed_dictionaries(
    {
        "needs": st.lists(
            st.tuples(st.sampled_from(NAMES), st.sampled_from(SKILLS), st.integers(0, 50)),
            max_size=10,
        ),
        "offers": st.lists(st.tuples(st.sampled_from(NAMES), st.sampled_from(SKILLS)), max_size=10),
        "apart": st.lists(st.lists(st.sampled_from(NAMES), min_size=2, max_size=3), max_size=3),
        "helped": st.dictionaries(st.sampled_from(NAMES), st.integers(0, 5)),
        "away": st.sets(st.sampled_from(NAMES), max_size=2),
    }
)


def _board(drawn):
    needs = [
        need(f"n{i}", who, skill, order) for i, (who, skill, order) in enumerate(drawn["needs"])
    ]
    offers = [HelpOffer(who, skill) for who, skill in drawn["offers"]]
    rules = hard_rules(
        roster(*NAMES),
        tuple(
            Rule("keep_apart", tuple(dict.fromkeys(g))) for g in drawn["apart"] if len(set(g)) > 1
        ),
        PlanSettings(),
    )
    apart = {frozenset(p) for p in rules.forbidden_pairs()}
    return needs, offers, rules, apart


def _can_help(helper, n, offers, apart, away):
    return (
        helper != n.student
        and helper not in away
        and n.student not in away
        and HelpOffer(helper, n.skill) in offers
        and frozenset((helper, n.student)) not in apart
    )


@settings(max_examples=200, deadline=None)
@given(boards)
def test_every_match_keeps_the_rules_and_has_the_skill(drawn):
    needs, offers, rules, apart = _board(drawn)
    by_key = {n.key: n for n in needs}
    for m in match_helpers(needs, offers, rules, helped=drawn["helped"], away=drawn["away"]):
        assert _can_help(m.helper, by_key[m.need], offers, apart, drawn["away"])


@settings(max_examples=200, deadline=None)
@given(boards)
def test_every_need_that_has_a_possible_helper_is_matched_once(drawn):
    needs, offers, rules, apart = _board(drawn)
    matches = match_helpers(needs, offers, rules, helped=drawn["helped"], away=drawn["away"])
    matched = [m.need for m in matches]
    assert len(matched) == len(set(matched))
    possible = {
        n.key
        for n in needs
        if any(_can_help(o.student, n, offers, apart, drawn["away"]) for o in offers)
    }
    assert set(matched) == possible


@settings(max_examples=200, deadline=None)
@given(boards)
def test_a_helper_gets_another_need_only_when_every_possible_helper_has_one(drawn):
    needs, offers, rules, apart = _board(drawn)
    matches = match_helpers(needs, offers, rules, helped=drawn["helped"], away=drawn["away"])
    load = Counter(m.helper for m in matches)
    by_key = {n.key: n for n in needs}
    seen = Counter()
    for m in matches:  # oldest first: the order the needs were matched
        if seen[m.helper] >= 1:
            others = {
                o.student
                for o in offers
                if _can_help(o.student, by_key[m.need], offers, apart, drawn["away"])
            }
            assert all(load[h] >= 1 for h in others)
        seen[m.helper] += 1


@settings(max_examples=100, deadline=None)
@given(boards)
def test_the_matching_is_the_same_whatever_order_the_posts_come_in(drawn):
    needs, offers, rules, _apart = _board(drawn)
    once = match_helpers(needs, offers, rules, helped=drawn["helped"], away=drawn["away"])
    again = match_helpers(
        needs[::-1], offers[::-1], rules, helped=drawn["helped"], away=drawn["away"]
    )
    assert sorted(once, key=lambda m: m.need) == sorted(again, key=lambda m: m.need)
