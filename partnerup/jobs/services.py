"""Partner jobs for the web app: the class's roles and frames (made from the starter
set on first use, then the teacher's to reword), the roles in use for a unit or a day,
and who has which job today — the engine's rotation (engine.partner_jobs) over the
day's partnerships in A/B order, counted in the unit's workshop days."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils.text import slugify
from django.utils.translation import get_language, gettext_noop
from django.utils.translation import gettext as _

from partnerup import engine
from partnerup.classes.keys import key_pk
from partnerup.classes.models import Classroom, Student, lock_class
from partnerup.classes.services import names_of
from partnerup.plans.services import load_plan
from partnerup.voice.language import in_language
from partnerup.workshop.models import WorkshopDay

from .models import FRAME_WORDS, ROLE_WORDS, JobChoice, PartnerRole, RoleFrame
from .starters import BY_KEY, STARTERS

MOST_ROLES = 30
MOST_FRAMES = 12
BOTH_HALVES = gettext_noop("%(first)s and %(second)s")  # a pair role: "Listener and talker"


def roles_of(classroom: Classroom) -> list[PartnerRole]:
    """Every role of the class with its frames, made from the starter set on first use
    (English, and Spanish from the catalogue)."""
    roles = list(classroom.partner_roles.prefetch_related("frames"))
    if roles:
        return roles
    try:
        with transaction.atomic():
            for position, starter in enumerate(STARTERS):
                role = PartnerRole.objects.create(
                    classroom=classroom,
                    key=starter.key,
                    en=starter.en,
                    es=in_language(starter.en, "es"),
                    pair_en=starter.pair_en,
                    pair_es=in_language(starter.pair_en, "es") if starter.pair_en else "",
                    icon=starter.key,
                    position=position,
                )
                RoleFrame.objects.bulk_create(
                    RoleFrame(role=role, en=en, es=in_language(en, "es"), position=n)
                    for n, en in enumerate(starter.frames)
                )
    except IntegrityError:  # another request made them first
        pass
    return list(classroom.partner_roles.prefetch_related("frames"))


def icon_of(role: PartnerRole) -> str:
    return BY_KEY.get(role.icon, STARTERS[0]).icon


def title_of(role: PartnerRole, language: str | None = None) -> str:
    """The role's name: "Editor", or for a pair role "Listener and talker"."""
    language = language or get_language() or "en"
    if not role.is_pair:
        return role.job_words(0, language)
    first, second = role.job_words(0, language), role.job_words(1, language)
    return in_language(BOTH_HALVES, language) % {
        "first": first,
        "second": second[:1].lower() + second[1:],
    }


# --- the teacher's changes


def _words(*words: str, most: int = ROLE_WORDS) -> tuple[str, ...]:
    words = tuple(w.strip() for w in words)
    if not words[0] or any(len(w) > most for w in words):
        raise ValueError(_("Write the words in up to %(most)s letters.") % {"most": most})
    return words


def add_role(
    classroom: Classroom, en: str, es: str, pair_en: str = "", pair_es: str = ""
) -> PartnerRole:
    """A role of the class's own. Raises ValueError with a plain message for an
    empty, too long or repeated role, or one role too many."""
    en, es, pair_en, pair_es = _words(en, es, pair_en, pair_es)
    if pair_es and not pair_en:
        raise ValueError(_("Write the other half's name in English too."))
    with transaction.atomic():
        lock_class(classroom)
        roles = roles_of(classroom)
        if len(roles) >= MOST_ROLES:
            raise ValueError(_("A class has at most %(most)s jobs.") % {"most": MOST_ROLES})
        if any(r.en.casefold() == en.casefold() for r in roles):
            raise ValueError(_("“%(role)s” is already a job.") % {"role": en})
        key = slugify(en)[:30] or "role"
        taken = {r.key for r in roles}
        key = next(k for k in (key, *(f"{key}-{n}" for n in range(2, 99))) if k not in taken)
        return PartnerRole.objects.create(
            classroom=classroom, key=key, en=en, es=es, pair_en=pair_en, pair_es=pair_es,
            icon="thought-partner", position=max((r.position for r in roles), default=0) + 1,
        )  # fmt: skip


def reword_role(role: PartnerRole, en: str, es: str, pair_en: str = "", pair_es: str = "") -> None:
    """New names for a role; a pair role stays a pair role (and one job stays one job),
    so today's rotation is unchanged."""
    en, es, pair_en, pair_es = _words(en, es, pair_en, pair_es)
    if role.is_pair and not pair_en:
        raise ValueError(_("A pair job needs a name for each half."))
    if not role.is_pair and (pair_en or pair_es):
        raise ValueError(_("This job has no other half."))
    others = role.classroom.partner_roles.exclude(pk=role.pk)
    if others.filter(en__iexact=en).exists():
        raise ValueError(_("“%(role)s” is already a job.") % {"role": en})
    role.en, role.es, role.pair_en, role.pair_es = en, es, pair_en, pair_es
    role.save(update_fields=["en", "es", "pair_en", "pair_es"])


def remove_role(role: PartnerRole) -> None:
    """The role and its frames go; units and days that used it go on without it."""
    with transaction.atomic():
        lock_class(role.classroom)
        for choice in role.classroom.job_choices.select_for_update():
            if role.pk in choice.roles:
                choice.roles = [pk for pk in choice.roles if pk != role.pk]
                choice.save(update_fields=["roles"])
        role.delete()


def add_frame(role: PartnerRole, en: str, es: str) -> RoleFrame:
    en, es = _words(en, es, most=FRAME_WORDS)
    with transaction.atomic():
        PartnerRole.objects.select_for_update().filter(pk=role.pk).exists()
        frames = list(role.frames.all())
        if len(frames) >= MOST_FRAMES:
            raise ValueError(_("A job has at most %(most)s frames.") % {"most": MOST_FRAMES})
        if any(f.en.casefold() == en.casefold() for f in frames):
            raise ValueError(_("This frame is already on the chart."))
        last = max((f.position for f in frames), default=0)
        return RoleFrame.objects.create(role=role, en=en, es=es, position=last + 1)


def reword_frame(frame: RoleFrame, en: str, es: str) -> None:
    frame.en, frame.es = _words(en, es, most=FRAME_WORDS)
    frame.save(update_fields=["en", "es"])


# --- the roles in use


def choose_roles(classroom: Classroom, role_pks: list[int], on: date | None) -> JobChoice:
    """The roles in use for the current unit (`on` None) or for the day `on` only.
    Raises ValueError when there is no current plan to choose for."""
    with transaction.atomic():
        lock_class(classroom)
        if on is not None:
            return JobChoice.objects.update_or_create(
                classroom=classroom, day=on, defaults={"roles": role_pks}
            )[0]
        plan = classroom.current_plan
        if plan is None:
            raise ValueError(_("Save a partnership plan first: the jobs go with its unit."))
        return JobChoice.objects.update_or_create(
            classroom=classroom, plan=plan, defaults={"roles": role_pks}
        )[0]


@dataclass(frozen=True)
class InUse:
    roles: list[PartnerRole]
    just_today: bool  # chosen for this day only, else for the unit


def roles_in_use(classroom: Classroom, plan_id: int | None, on: date) -> InUse:
    """This day's roles if the teacher chose some for it, else the unit's (its plan's)."""
    choices = list(classroom.job_choices.filter(Q(day=on) | Q(plan_id=plan_id, plan__isnull=False)))
    chosen = next((c for c in choices if c.day == on), None)
    if chosen is None:
        chosen = next((c for c in choices if c.plan_id is not None), None)
    if chosen is None or not chosen.roles:
        return InUse([], chosen is not None and chosen.day is not None)
    by_pk = {r.pk: r for r in roles_of(classroom)}
    return InUse([by_pk[pk] for pk in chosen.roles if pk in by_pk], chosen.day is not None)


def session_of(day: WorkshopDay) -> int:
    """How many workshop days of the day's unit (its plan) came before it."""
    return WorkshopDay.objects.filter(
        classroom_id=day.classroom_id, plan_id=day.plan_id, date__lt=day.date
    ).count()


@dataclass(frozen=True)
class JobShown:
    """One student's job as a page shows it."""

    role_pk: int
    words: str  # "Listener"
    role: str  # "Listener and talker"
    icon: str
    frames: tuple[str, ...]


def jobs_of_day(
    day: WorkshopDay, in_use: InUse, language: str, session: int | None = None
) -> dict[int, list[JobShown]]:
    """{student id: their jobs today} for everyone on a partnership of two or more."""
    if not in_use.roles:
        return {}
    by_key = {str(r.pk): r for r in in_use.roles}
    engine_roles = [engine.PartnerRole(str(r.pk), 2 if r.is_pair else 1) for r in in_use.roles]
    session = session_of(day) if session is None else session
    result: dict[int, list[JobShown]] = {}
    for partnership in load_plan(day.arrangement).partnerships:
        members = engine.ordered_members(partnership)
        for key, jobs in engine.partner_jobs(members, engine_roles, session).items():
            pk = key_pk(key)
            if pk is not None:
                result[pk] = [_shown(by_key[job.role], job.half, language) for job in jobs]
    return result


def _shown(role: PartnerRole, half: int, language: str) -> JobShown:
    return JobShown(
        role_pk=role.pk,
        words=role.job_words(half, language),
        role=title_of(role, language),
        icon=icon_of(role),
        frames=tuple(f.words(language) for f in role.frames.all()),
    )


@dataclass(frozen=True)
class TodayRow:
    number: int
    members: list[tuple[str, str, list[JobShown]]]  # (letter, name, jobs)


@dataclass(frozen=True)
class TodayJobs:
    in_use: InUse
    # Jobs follow the letters: in every pair A has the same jobs today (and in every
    # three A, B and C); {2: [("A", jobs), ("B", jobs)], 3: [...]}.
    by_letter: dict[int, list[tuple[str, list[JobShown]]]]
    rows: list[TodayRow]


def today_jobs(day: WorkshopDay | None) -> TodayJobs | None:
    """What Today and the projector show: each letter's jobs, and each partnership's."""
    if day is None:
        return None
    language = get_language() or "en"
    in_use = roles_in_use(day.classroom, day.plan_id, day.date)
    session = session_of(day) if in_use.roles else 0
    jobs = jobs_of_day(day, in_use, language, session)
    names = names_of(day.classroom)
    rows = []
    for partnership in load_plan(day.arrangement).partnerships:
        members = []
        for key in engine.ordered_members(partnership):
            pk = key_pk(key)
            if pk in names:
                members.append((partnership.role_of.get(key, ""), names[pk], jobs.get(pk, [])))
        if len(members) > 1:
            rows.append(TodayRow(partnership.number, members))
    sizes = sorted({len(row.members) for row in rows})
    return TodayJobs(
        in_use, {size: _letter_jobs(in_use, size, session, language) for size in sizes}, rows
    )


def _letter_jobs(
    in_use: InUse, size: int, session: int, language: str
) -> list[tuple[str, list[JobShown]]]:
    by_key = {str(r.pk): r for r in in_use.roles}
    engine_roles = [engine.PartnerRole(str(r.pk), 2 if r.is_pair else 1) for r in in_use.roles]
    letters = "ABC"[:size]
    jobs = engine.partner_jobs(letters, engine_roles, session)
    return [(x, [_shown(by_key[j.role], j.half, language) for j in jobs[x]]) for x in letters]


def student_jobs(student: Student, on: date, language: str) -> list[JobShown]:
    """The student's own jobs on `on` (none before the teacher has opened Today)."""
    day = WorkshopDay.objects.filter(classroom_id=student.classroom_id, date=on).first()
    if day is None:
        return []
    in_use = roles_in_use(student.classroom, day.plan_id, on)
    return jobs_of_day(day, in_use, language).get(student.pk, [])
