"""Today's partnerships: the current plan repaired for who is here, and the lead ledger.

Each date starts again from the class's current plan (tomorrow is not yesterday's
repair). Marking attendance re-makes the day from the plan; adjusting by hand then
changes only today.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta

from django.db import IntegrityError, transaction
from django.utils.dateparse import parse_date, parse_datetime
from django.utils.formats import date_format
from django.utils.translation import gettext

from partnerup import engine
from partnerup.classes.keys import key_pk, keys_of, pks_of, shown_all, student_key
from partnerup.classes.models import Classroom, Student
from partnerup.classes.services import class_roster, names_of
from partnerup.engine import (
    NEW_CARD,
    highest_number,
    numbered,
    ordered_members,
    repair_for_absences,
)
from partnerup.plans import history
from partnerup.plans.models import Plan
from partnerup.plans.services import (
    Member,
    board_plan,
    load_plan,
    member,
    members_token,
    move_or_swap,
    plan_settings,
    step_arrangement,
    taken_back,
)

from .models import LeadTurn, Routine, Support, TemporaryPartners, WorkshopDay

WITH_TEACHER = "works with the teacher today"


def day_for(classroom: Classroom, on: date) -> WorkshopDay | None:
    """The class's day for this date, made from the current plan on first visit.
    None when the class has no current plan yet."""
    day = classroom.days.filter(date=on).first()
    if day is not None:
        return day
    plan = classroom.current_plan
    if plan is None:
        return None
    day = WorkshopDay(classroom=classroom, date=on, plan=plan)
    try:
        with transaction.atomic():
            remake(day)
    except IntegrityError:  # another request made today's day first
        return classroom.days.get(date=on)
    return day


def starting_point(day: WorkshopDay) -> engine.Plan:
    """What the day starts from: temporary partners while they last, else the plan."""
    temporary = active_temporary(day.classroom, day.date)
    if temporary is not None:
        return load_plan(temporary.arrangement, file="temporary partners")
    return board_plan(day.plan) if day.plan else engine.Plan("feasible", ())


def active_temporary(classroom: Classroom, on: date) -> TemporaryPartners | None:
    return classroom.temporary_partners.filter(starts__lte=on, ends__gte=on).first()


def remake(day: WorkshopDay) -> None:
    """Today's arrangement from the plan: absences repaired, newcomers observing,
    writers who work with the teacher set apart. Raises nothing for a class that
    changed since the plan: students who left count as away, new ones observe."""
    hard = rules_now(day)
    plan = engine.carrying_rules(starting_point(day), hard)
    in_class = {student_key(s.pk): s for s in day.classroom.students.select_related("support")}
    in_plan = set(plan.members()) | set(plan.floaters)
    absent = set(keys_of(day.absent)) | (in_plan - set(in_class))
    with_teacher = sorted(
        n for n, s in in_class.items() if _support(s).with_teacher and n not in absent
    )
    newcomers = sorted(n for n in in_class if n not in in_plan | absent | set(with_teacher))
    temporary = active_temporary(day.classroom, day.date)
    choosers = set(plan.floaters) if temporary else set()
    day.arrangement = engine.plan_to_dict(
        today_arrangement(plan, absent, with_teacher, newcomers, choosers, hard)
    )
    day.is_accepted = False
    day.save()


def today_arrangement(
    plan: engine.Plan,
    absent: Collection[str],
    with_teacher: Sequence[str] = (),
    newcomers: Sequence[str] = (),
    choosers: Collection[str] = (),
    hard: engine.HardRules | None = None,
) -> engine.Plan:
    """The day's partnerships from `plan` (a plan or temporary partners): the absent
    and those working with the teacher repaired for, newcomers observing, under the
    class's hard rules `hard` (else those the plan carries).

    `choosers` (the floaters of temporary partners) are choosing a partner: they are
    nobody's floater today and stay "still choosing" unless absent or with the teacher.
    """
    choosing = tuple(f for f in plan.floaters if f in choosers)
    base = replace(plan, floaters=tuple(f for f in plan.floaters if f not in choosers))
    in_base = set(base.members()) | set(base.floaters)
    away = sorted((set(absent) | set(with_teacher)) & in_base)
    # Partnerships Today adds take numbers the printed chart never had.
    repaired = numbered(
        repair_for_absences(base, away, newcomers, hard, with_teacher), highest_number(plan)
    )
    own = tuple(
        engine.Partnership(members=(n,), roles=((n, "A"),), reasons=(f"{n} {WITH_TEACHER}",))
        for n in with_teacher
    )
    here = tuple(c for c in choosing if c not in absent and c not in with_teacher)
    return engine.Plan(
        status="feasible",
        partnerships=repaired.partnerships + own,
        floaters=repaired.floaters + here,
        forbidden_pairs=plan.forbidden_pairs,
        emergent_bilinguals=plan.emergent_bilinguals,
    )


def _support(student: Student) -> Support:
    try:
        return student.support
    except Support.DoesNotExist:
        return Support(student=student)


def set_absent(day: WorkshopDay, pk: int, absent: bool) -> None:
    """Mark one student of the class (by id) away or back; call with the day locked."""
    day.absent = sorted({*day.absent, pk} if absent else set(day.absent) - {pk})
    remake(day)


def unplaced(day: WorkshopDay) -> list[Student]:
    """Students of the class who are here but on no partnership today (added after
    today was made): Today lists them with a one-tap "place"."""
    today = load_plan(day.arrangement)
    placed = set(pks_of(today.members())) | set(pks_of(today.floaters)) | set(day.absent)
    return list(day.classroom.students.exclude(pk__in=placed))


def place(day: WorkshopDay, pk: int) -> None:
    """One student joins today's partnerships the way a newcomer does (observing a
    partnership as its third, never with a kept-apart classmate), keeping every other
    change made today. Call with the day locked."""
    hard = rules_now(day)
    today = engine.carrying_rules(load_plan(day.arrangement), hard)
    placed = repair_for_absences(today, [], [student_key(pk)], hard)
    day.arrangement = engine.plan_to_dict(numbered(placed, highest_number(today)))
    day.save(update_fields=["arrangement"])


def newcomers(classroom: Classroom) -> list[Student]:
    """Students on no partnership of the current plan: the ones who can observe."""
    plan = classroom.current_plan
    planned = set(pks_of(board_plan(plan).members())) if plan else set()
    return list(classroom.students.exclude(pk__in=planned))


def set_support(student: Student, **fields) -> None:
    support = _support(student)
    for field, value in fields.items():
        setattr(support, field, value)
    support.save()


@dataclass(frozen=True)
class TodayCard:
    index: int
    number: int  # the plan's number for the partnership; new ones today get higher ones
    members: tuple[Member, ...]  # in role order
    leader: int | None  # the student id of who leads the next turn-and-talk
    reasons: tuple[str, ...]
    is_changed: bool  # not as in the plan today
    with_teacher: bool

    @property
    def member_pks(self) -> str:
        return members_token(m.pk for m in self.members)


def cards(day: WorkshopDay) -> list[TodayCard]:
    """Today's cards. While temporary partners last, a card as they made it says so
    first (its other reasons are the engine's for that partnership)."""
    today = load_plan(day.arrangement)
    planned = {frozenset(p.members) for p in starting_point(day).partnerships}
    temporary = active_temporary(day.classroom, day.date)
    also = (temporary_reason(temporary, day.date),) if temporary else ()
    led = lead_counts(day.classroom)
    quiet = _quiet_pks(day.classroom) if quiet_first(day.classroom) else set()
    names = names_of(day.classroom)
    result = []
    for index, p in enumerate(today.partnerships):
        members = ordered_members(p)
        pks = tuple(pk for pk in map(key_pk, members) if pk is not None)
        result.append(
            TodayCard(
                index=index,
                number=p.number,
                members=tuple(member(m, p.role_of.get(m, ""), names) for m in members),
                leader=next_leader(pks, led, quiet) if len(pks) > 1 else None,
                reasons=(also if frozenset(p.members) in planned else ())
                + shown_all(p.reasons, names),
                is_changed=frozenset(p.members) not in planned,
                with_teacher=len(members) == 1,
            )
        )
    return result


def partnership_key(pks) -> str:
    return "|".join(str(pk) for pk in sorted(pks))


def lead_counts(classroom: Classroom) -> Counter[tuple[str, int]]:
    """How often each student led in each partnership: (partnership key, leader id)."""
    turns = LeadTurn.objects.filter(day__classroom=classroom).values_list("members", "leader")
    return Counter(turns)


def next_leader(members: tuple[int, ...], led: Counter, quiet: set[int]) -> int:
    """Who leads the next turn-and-talk: whoever has led least in this partnership;
    on a tie, a quiet partner first when the teacher asks for it, else A before B."""
    key = partnership_key(members)
    return min(members, key=lambda m: (led[(key, m)], m not in quiet, members.index(m)))


def quiet_first(classroom: Classroom) -> bool:
    routine = Routine.objects.filter(classroom=classroom).first()
    return bool(routine and routine.quiet_lead_first)


def _quiet_pks(classroom: Classroom) -> set[int]:
    return set(classroom.students.filter(talk="quiet").values_list("pk", flat=True))


def record_turn(day: WorkshopDay, turns_seen: int) -> int:
    """The turn-and-talk happened: each partnership's leader goes in the ledger.

    `turns_seen` is how many turns the teacher's page showed as done; a second tap on
    the same page (or a second tablet) records nothing. Call with the day locked.
    """
    if turns_seen != day.turns_done:
        return 0
    turns = [
        LeadTurn(
            day=day,
            members=partnership_key(m.pk for m in card.members if m.pk),
            leader_id=card.leader,
        )
        for card in cards(day)
        if card.leader
    ]
    LeadTurn.objects.bulk_create(turns)
    day.turns_done += 1
    day.save(update_fields=["turns_done"])
    return len(turns)


def set_quiet_first(classroom: Classroom, on: bool) -> None:
    Routine.objects.update_or_create(classroom=classroom, defaults={"quiet_lead_first": on})


def partners_by_student(classroom: Classroom) -> dict[int, list[tuple[int, int]]]:
    """Everyone (by id) each student worked with on a workshop day, most often first."""
    together: dict[int, Counter[int]] = {}
    for arrangement in classroom.days.values_list("arrangement", flat=True):
        for group in arrangement.get("groups", []):
            pks = [pk for pk in map(key_pk, group["members"]) if pk is not None]
            for pk in pks:
                together.setdefault(pk, Counter()).update(o for o in pks if o != pk)
    return {pk: counts.most_common() for pk, counts in together.items()}


@transaction.atomic
def start_temporary(
    day: WorkshopDay, choosers: list[int], ends: date
) -> tuple[TemporaryPartners, list[tuple[str, ...]]]:
    """From today until `ends`: everyone not choosing is assigned a partner by the
    engine (with the plan's settings and the class rules); choosers wait in the
    "still choosing" group until the teacher places their choices on the board.

    Returns the temporary partners and the keep-together groups the ticks split (each
    is put whole on one side, so the page can say so). Raises InfeasibleError naming the
    clash when the assigned half cannot be partnered.
    """
    students, rules = class_roster(day.classroom)
    chosen = plan_settings(day.plan.settings if day.plan else {})
    arrangement, kept = temporary_arrangement(students, rules, chosen, set(keys_of(choosers)))
    day.classroom.temporary_partners.filter(starts__lte=ends, ends__gte=day.date).delete()
    temporary = TemporaryPartners.objects.create(
        classroom=day.classroom,
        starts=day.date,
        ends=ends,
        choosers=pks_of(arrangement.floaters),
        arrangement=engine.plan_to_dict(numbered(arrangement)),
    )
    remake(day)
    return temporary, kept


def temporary_arrangement(
    students: Sequence[engine.Student],
    rules: Sequence[engine.Rule],
    chosen: engine.PlanSettings,
    choosers: set[str],
) -> tuple[engine.Plan, list[tuple[str, ...]]]:
    """Temporary partners: the assigned half partnered under every hard rule of the
    class, the choosers as the plan's floaters (nobody else floats).

    A keep-together group the ticks split is assigned whole (the engine keeps it
    together) — or, when threes are off and that leaves an odd number assigned,
    chooses whole; those groups are returned too. Raises InfeasibleError naming the
    clash.
    """
    hard = engine.hard_rules(students, rules, chosen)
    split = sorted(
        {tuple(sorted(g)) for g in hard.together.values() if g & choosers and not g <= choosers}
    )
    in_split = {m for group in split for m in group}
    choosers = choosers - in_split
    odd = (len(students) - len(choosers)) % 2
    if odd and chosen.triads == "never" and (len(students) - len(choosers | in_split)) % 2 == 0:
        choosers = choosers | in_split  # with no threes, choosing together evens the halves
    assigned = [s for s in students if s.name not in choosers]
    if len(assigned) % 2 and chosen.triads == "never":
        kept = "".join(f" ({' and '.join(g)} are kept together on one side)" for g in split)
        raise engine.InfeasibleError(
            [
                f"{len(assigned)} students are assigned{kept} and this plan makes no "
                "threes: tick one more or one fewer student to choose"
            ]
        )
    names = {s.name for s in assigned}
    # A rule holds among the assigned students it names (keep apart Kwame, Carlos and
    # Diego still keeps Kwame and Carlos apart while Diego chooses).
    own_rules = [
        replace(r, students=tuple(m for m in r.students if m in names))
        for r in rules
        if len(set(r.students) & names) >= 2
    ]
    arranged = (
        engine.plan_partnerships(assigned, own_rules, replace(chosen, floaters=0))
        if assigned
        else None
    )
    plan = engine.Plan(
        status="feasible",
        partnerships=arranged.partnerships if arranged else (),
        floaters=tuple(sorted(choosers)),
    )
    return engine.carrying_rules(plan, hard), split


def temporary_reason(temporary: TemporaryPartners, on: date) -> str:
    if temporary.ends <= on:
        return gettext("Temporary partners for today")
    return gettext("Temporary partners until %(day)s") % {"day": date_format(temporary.ends, "l")}


def default_choosers(day: WorkshopDay) -> set[int]:
    """Who the temporary partners form ticks first: partner B (and C) of each
    partnership today — half the class — but nobody of a keep-together group, which
    stays whole on the assigned side."""
    students, rules = class_roster(day.classroom)
    hard = engine.hard_rules(students, rules, plan_settings({}))
    return {
        pk
        for group in day.arrangement.get("groups", [])
        for key, role in group.get("roles", {}).items()
        if role != "A" and key not in hard.together and (pk := key_pk(key)) is not None
    }


def forbidden_pairs(students, rules, chosen: dict | None = None) -> tuple[tuple[str, str], ...]:
    """Every pair the class's hard rules keep apart (carried so repair can keep them),
    with the plan's choices (whether past partners may meet again)."""
    return tuple(engine.hard_rules(students, rules, plan_settings(chosen or {})).forbidden_pairs())


def rules_now(day: WorkshopDay) -> engine.HardRules:
    """The class's hard rules as they are today — a rule, an avoid list or a student
    may have changed since the plan was made — with the plan's choices."""
    students, rules = class_roster(day.classroom)
    chosen = day.plan.settings if day.plan else {}
    return engine.hard_rules(students, rules, plan_settings(chosen))


def end_temporary(day: WorkshopDay) -> None:
    """Back to the plan from today."""
    temporary = active_temporary(day.classroom, day.date)
    if temporary is None:
        return
    if temporary.starts >= day.date:
        temporary.delete()
    else:
        temporary.ends = day.date - timedelta(days=1)
        temporary.save(update_fields=["ends"])
    remake(day)


def adjust_temporary(day: WorkshopDay, temporary: TemporaryPartners, asked: dict) -> None:
    """A move made on today's board, kept for every day the temporary partners last.
    A card number on today's board becomes the partnership holding its members."""
    base = load_plan(temporary.arrangement)
    to = asked.get("to", "")
    today = load_plan(day.arrangement).partnerships
    if to.isascii() and to.isdigit() and int(to) < len(today):
        members = set(today[int(to)].members)
        index = next((i for i, p in enumerate(base.partnerships) if members & set(p.members)), None)
        to = NEW_CARD if index is None else str(index)
    step = move_or_swap({**asked, "to": to, "members": ""})  # checked on today's board
    chosen = day.plan.settings if day.plan else {}
    arrangement, _ = step_arrangement(day.classroom, temporary.arrangement, chosen, step, True)
    temporary.arrangement = arrangement
    temporary.save(update_fields=["arrangement"])
    remake(day)


def recorded(day: WorkshopDay, kind: str, students=(), support=False, temporary=False):
    """Run a step on the locked day and keep what it replaced for Undo (see
    history.recorded): the day's row, and the support of `students` or the temporary
    partners from today on when the step changes those too."""
    return history.recorded(day, kind, _day_state(day, support, students, temporary), students)


def _day_state(day: WorkshopDay, support: bool, students, temporary: bool) -> history.Snapshot:
    def state() -> dict:
        found = {
            "arrangement": day.arrangement,
            "absent": day.absent,
            "is_accepted": day.is_accepted,
            "plan": day.plan_id,
        }
        if support:
            found["support"] = [_support_state(day.classroom, pk) for pk in students]
        if temporary:
            found["temporary"] = _temporary_state(day)
        return found

    return state


def _support_state(classroom: Classroom, pk: int) -> dict:
    support = Support.objects.filter(student__classroom=classroom, student_id=pk).first()
    if support is None:
        return {"student": pk, "exists": False}
    until = support.observe_until
    return {
        "student": pk,
        "exists": True,
        "with_teacher": support.with_teacher,
        "observe_until": until.isoformat() if until else None,
    }


def _restore_support(classroom: Classroom, state: dict) -> None:
    student = classroom.students.filter(pk=state["student"]).first()
    if student is None:  # removed from the class since: nothing to restore
        return
    if not state["exists"]:
        Support.objects.filter(student=student).delete()
        return
    until = state["observe_until"]
    set_support(
        student,
        with_teacher=state["with_teacher"],
        observe_until=parse_date(until) if until else None,
    )


def _temporary_state(day: WorkshopDay) -> list[dict]:
    """The class's temporary partners that last until today or later."""
    rows = day.classroom.temporary_partners.filter(ends__gte=day.date).order_by("pk")
    return [
        {
            "pk": t.pk,
            "starts": t.starts.isoformat(),
            "ends": t.ends.isoformat(),
            "choosers": t.choosers,
            "arrangement": t.arrangement,
            "created": t.created.isoformat(),
        }
        for t in rows
    ]


def undo(day: WorkshopDay, seen_version: int) -> None:
    """Put today back as it was before its newest step (with the support or temporary
    partners that step changed). Call with the day locked; raises BoardError when the
    page showed another version of today or there is nothing to undo."""
    state = taken_back(day, seen_version)
    for support in state.get("support", []):
        _restore_support(day.classroom, support)
    if "temporary" in state:
        _restore_temporary(day, state["temporary"])
    day.arrangement, day.absent = state["arrangement"], state["absent"]
    day.is_accepted = state["is_accepted"]
    day.plan = Plan.objects.filter(pk=state["plan"], classroom=day.classroom).first()
    day.save()


def _restore_temporary(day: WorkshopDay, rows: list[dict]) -> None:
    """The temporary partners from today on exactly as they were (a step may have made,
    ended or changed them)."""
    kept = [row["pk"] for row in rows]
    later = day.classroom.temporary_partners.filter(ends__gte=day.date)
    later.delete()
    day.classroom.temporary_partners.filter(pk__in=kept).delete()
    for row in rows:
        TemporaryPartners.objects.create(
            pk=row["pk"],
            classroom=day.classroom,
            starts=parse_date(row["starts"]),
            ends=parse_date(row["ends"]),
            choosers=row["choosers"],
            arrangement=row["arrangement"],
        )
        # auto_now_add stamps now; the newest first ordering needs the old time.
        created = parse_datetime(row["created"])
        TemporaryPartners.objects.filter(pk=row["pk"]).update(created=created)
