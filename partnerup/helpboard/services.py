"""The help board's work: posting, approving, closing, and matching each open need to
a helper (engine.match_helpers, the only place that decides who helps whom).

Matches are kept on the need (`helper`), so a child told "Ana can help you" keeps Ana
while she still can; every change re-settles the board under the class's lock.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from django.db import transaction
from django.db.models import Count
from django.utils import timezone
from django.utils.translation import gettext_noop

from partnerup import engine
from partnerup.classes.keys import key_pk, keys_of, student_key
from partnerup.classes.models import Classroom, Student, lock_class
from partnerup.classes.services import classmates_names_of, names_of

from .models import HelpBoard, HelpPost
from .skills import Skill, class_skills, skill_named

MOST_OPEN = 3  # open posts of each kind a student may have at once
HELPED_LATELY = timedelta(days=30)  # helping counted when spreading it


class HelpError(ValueError):
    """A post refused, with a message a child understands."""


def board_of(classroom: Classroom) -> HelpBoard:
    return HelpBoard.objects.get_or_create(classroom=classroom)[0]


def needs_approval(classroom: Classroom) -> bool:
    return HelpBoard.objects.filter(classroom=classroom, needs_approval=True).exists()


def set_needs_approval(classroom: Classroom, on: bool) -> None:
    HelpBoard.objects.update_or_create(classroom=classroom, defaults={"needs_approval": on})


def open_posts(classroom: Classroom):
    return classroom.help_posts.filter(closed__isnull=True)


def post_help(student: Student, kind: str, skill: str, now: datetime) -> HelpPost:
    """Posts "I need/can help with `skill`"; the same post again (a double tap) is the
    one already open. Raises HelpError when the student has too many open."""
    classroom = student.classroom
    with transaction.atomic():
        lock_class(classroom)
        mine = open_posts(classroom).filter(student=student, kind=kind)
        same = mine.filter(skill=skill).first()
        if same is not None:
            return same
        if mine.count() >= MOST_OPEN:
            raise HelpError(TOO_MANY[kind])
        post = HelpPost.objects.create(
            classroom=classroom,
            student=student,
            kind=kind,
            skill=skill,
            created=now,
            is_approved=not needs_approval(classroom),
        )
        _settle(classroom, timezone.localdate(now), now)
    return post


TOO_MANY = {
    HelpPost.NEED: gettext_noop("You already asked for help 3 times. Close one first."),
    HelpPost.OFFER: gettext_noop("You already offer help 3 times. Stop one first."),
}


def close_post(post: HelpPost, now: datetime) -> None:
    """A need is closed ("I got help!") or an offer taken down; twice is once."""
    with transaction.atomic():
        lock_class(post.classroom)
        fresh = HelpPost.objects.select_for_update().filter(pk=post.pk, closed__isnull=True)
        if fresh.update(closed=now) and post.kind == HelpPost.OFFER:
            _settle(post.classroom, timezone.localdate(now), now)


def approve_post(post: HelpPost, now: datetime) -> None:
    with transaction.atomic():
        lock_class(post.classroom)
        HelpPost.objects.filter(pk=post.pk).update(is_approved=True)
        _settle(post.classroom, timezone.localdate(now), now)


def remove_post(post: HelpPost, now: datetime) -> None:
    with transaction.atomic():
        lock_class(post.classroom)
        HelpPost.objects.filter(pk=post.pk).delete()
        _settle(post.classroom, timezone.localdate(now), now)


def _away(classroom: Classroom, today: date) -> set[int]:
    day = classroom.days.filter(date=today).values_list("absent", flat=True).first()
    return set(day or [])


def _helped(classroom: Classroom, now: datetime) -> dict[str, int]:
    rows = (
        classroom.help_posts.filter(closed__gte=now - HELPED_LATELY, helper__isnull=False)
        .values("helper")
        .annotate(times=Count("pk"))
    )
    return {student_key(row["helper"]): row["times"] for row in rows}


def _help_rules(classroom: Classroom) -> engine.HardRules:
    """The class's hard rules as far as helping goes (engine.help_apart reads only its
    keep-apart rules and avoid lists): two light queries instead of the whole roster."""
    rows = list(classroom.students.values_list("pk", "avoid"))
    in_class = {pk for pk, _avoid in rows}
    students = tuple(
        engine.Student(name=student_key(pk), avoid=keys_of(a for a in avoid if a in in_class))
        for pk, avoid in rows
    )
    rules = []
    for members in classroom.rules.filter(kind="keep_apart").values_list("students", flat=True):
        named = keys_of(dict.fromkeys(pk for pk in members if pk in in_class))
        if len(named) >= 2:
            rules.append(engine.Rule("keep_apart", named))
    return engine.hard_rules(students, tuple(rules), engine.PlanSettings(allow_repeats=True))


def _matching(classroom: Classroom, posts: list[HelpPost], today: date, now: datetime):
    """{need id: helper id} as the engine matches the board now."""
    if not any(p.is_need and p.is_approved for p in posts):
        return {}  # nothing to match: the roster and rules are not read
    hard = _help_rules(classroom)
    shown = [p for p in posts if p.is_approved]
    matches = engine.match_helpers(
        [
            engine.HelpNeed(
                str(p.pk), student_key(p.student_id), p.skill, int(p.created.timestamp())
            )
            for p in shown
            if p.is_need
        ],
        [engine.HelpOffer(student_key(p.student_id), p.skill) for p in shown if not p.is_need],
        hard,
        helped=_helped(classroom, now),
        away=[student_key(pk) for pk in _away(classroom, today)],
        kept={str(p.pk): student_key(p.helper_id) for p in shown if p.is_need and p.helper_id},
    )
    return {int(m.need): key_pk(m.helper) for m in matches}


def _settle(classroom: Classroom, today: date, now: datetime) -> list[HelpPost]:
    """Inside the class's lock: the open posts with each need's helper saved as the
    engine matches it now (only changed rows are written)."""
    posts = list(open_posts(classroom))
    matched = _matching(classroom, posts, today, now)
    changed = []
    for post in posts:
        helper = matched.get(post.pk) if post.is_need else None
        if post.helper_id != helper:
            post.helper_id, post.matched = helper, now if helper else None
            changed.append(post)
    HelpPost.objects.bulk_update(changed, ["helper", "matched"])
    return posts


def settled(classroom: Classroom, now: datetime) -> list[HelpPost]:
    """The open posts, matched as of now: a read that writes only when something
    changed meanwhile (a student marked away, a rule added, a classmate removed)."""
    posts = list(open_posts(classroom))
    matched = _matching(classroom, posts, timezone.localdate(now), now)
    if all(p.helper_id == (matched.get(p.pk) if p.is_need else None) for p in posts):
        return posts
    with transaction.atomic():
        lock_class(classroom)
        return _settle(classroom, timezone.localdate(now), now)


# --- what the pages show


@dataclass(frozen=True)
class PostRow:
    post: HelpPost
    name: str
    skill: Skill
    minutes: int  # how long a need has waited
    helper: str  # the helper's name, or ""


@dataclass(frozen=True)
class Board:
    needs: list[PostRow]  # open, approved, oldest first
    offers: list[PostRow]
    pending: list[PostRow]  # waiting for the teacher's OK
    needs_approval: bool
    away: set[int]


def board(classroom: Classroom, now: datetime, language: str) -> Board:
    posts = settled(classroom, now)
    names = names_of(classroom)
    skills = skill_named(class_skills(classroom, language))
    rows = [_row(p, names, skills, now) for p in posts]
    return Board(
        needs=[r for r in rows if r.post.is_approved and r.post.is_need],
        offers=[r for r in rows if r.post.is_approved and not r.post.is_need],
        pending=[r for r in rows if not r.post.is_approved],
        needs_approval=needs_approval(classroom),
        away=_away(classroom, timezone.localdate(now)),
    )


def _row(post: HelpPost, names: dict[int, str], skills: dict[str, Skill], now) -> PostRow:
    skill = skills.get(post.skill) or Skill(post.skill, post.skill, "")
    minutes = max(0, int((now - post.created).total_seconds() // 60))
    helper = names.get(post.helper_id, "") if post.helper_id else ""
    return PostRow(post, names.get(post.student_id, ""), skill, minutes, helper)


@dataclass(frozen=True)
class MyPosts:
    needs: list[PostRow]  # my needs, with who can help
    offers: list[PostRow]  # my offers
    helping: list[PostRow]  # classmates' needs I am matched to


def posts_of(student: Student, now: datetime, language: str) -> MyPosts:
    """A student's own posts and the needs they are matched to help with (nothing else
    of the board)."""
    classroom = student.classroom
    posts = settled(classroom, now)
    names = classmates_names_of(classroom)  # a student's page
    skills = skill_named(class_skills(classroom, language))
    mine = [_row(p, names, skills, now) for p in posts if p.student_id == student.pk]
    helping = [
        _row(p, names, skills, now) for p in posts if p.is_need and p.helper_id == student.pk
    ]
    return MyPosts(
        needs=[r for r in mine if r.post.is_need],
        offers=[r for r in mine if not r.post.is_need],
        helping=helping,
    )


def counts(classroom: Classroom) -> Counter[str]:
    """Open needs and posts waiting for approval, for a link on the class page."""
    return Counter(
        "pending" if not approved else kind
        for kind, approved in open_posts(classroom).values_list("kind", "is_approved")
    )
