"""Recording: one middleware writes the activity record for every class URL.

Before the view runs it decides what the request would record (and, for deleting a
class or an account, copies the classes' ids and names: they are gone afterwards);
after a 2xx/3xx answer it writes the entry. A refused or failed request (4xx, 5xx)
records nothing. Writing never breaks a request: a failure is logged, not a 500.

Views are coalesced: at most one "viewed" entry per actor, class, page (and student)
in each ten-minute window of the clock. The window is part of a unique `view_key`, so
the projector's polling and htmx refreshes cost one read (the class, and whether this
window's view is recorded) and no write; two requests at once cannot both insert (the
second insert is ignored by the unique key).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field

from django.db import transaction
from django.db.models import Exists, Value
from django.urls import Resolver404, resolve
from django.utils import timezone

from partnerup.clientaddress import client_address
from partnerup.requestid import current_request_id

from . import pages
from .models import CLEAN_UP, DELETED, STUDENT_CARD, VIEWED, AuditEntry

logger = logging.getLogger(__name__)
VIEW_WINDOW_SECONDS = 10 * 60
STUDENT_SESSION_KEY = "student_card"  # partnerup.voice.session.SESSION_KEY


@dataclass(frozen=True)
class ClassAtTheTime:
    pk: int
    name: str
    owner_id: int


@dataclass
class Planned:
    """What a request records if it succeeds."""

    page: str
    action: str
    actor_id: int | None
    actor_label: str
    class_id: int | None = None
    student_id: int | None = None
    card_pk: int | None = None
    before: list[ClassAtTheTime] = field(default_factory=list)


class AuditMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        planned = getattr(request, "audit_planned", None)
        if planned is not None and 200 <= response.status_code < 400:
            try:
                write(request, planned, response)
            except Exception:
                logger.exception("the activity record missed %s %s", request.method, planned.page)
        return response

    def process_view(self, request, view_func, view_args, view_kwargs):
        try:
            request.audit_planned = plan(request, view_kwargs)
        except Exception:
            logger.exception("the activity record could not read %s", request.path)
        return None


def plan(request, kwargs: dict) -> Planned | None:
    match = request.resolver_match
    page = match.view_name if match else ""
    # Only class URLs, the few class-less ones and student POSTs are looked at, so other
    # requests (health checks, sign-in pages) load no session or user for the record.
    if "pk" not in kwargs and page not in pages.DELETES and page not in pages.CLASS_MAKERS:
        return _student_plan(request, page)
    user = request.user
    if not user.is_authenticated:
        return None
    action = pages.action_of(page, request.method)
    if action is None:
        return None
    if page in pages.CLASS_MAKERS:
        if request.method != "POST":
            return None
        action = pages.CLASS_MAKERS[page]
    planned = Planned(page, action, user.pk, user.get_username(), kwargs.get("pk"))
    planned.student_id = kwargs.get("student_pk")
    if action == DELETED and page in ("classes:delete", "accounts:delete"):
        planned.before = _classes_now(user, planned.class_id)
    return planned


def _student_plan(request, page: str) -> Planned | None:
    """A student's change on their own pages (their views are not recorded)."""
    if (
        request.method != "POST"
        or page in pages.NOT_A_CHANGE
        or not page.startswith(("voice:", "student_jobs:", "helpboard_student:"))
    ):
        return None
    card = request.session.get(STUDENT_SESSION_KEY)
    if not card or request.user.is_authenticated:
        return None
    return Planned(
        page, pages.action_of(page, "POST") or "", None, STUDENT_CARD, card_pk=card["card"]
    )


def _classes_now(user, class_id: int | None) -> list[ClassAtTheTime]:
    """The classes a deletion takes: the class deleted, or every class the account owns."""
    from partnerup.classes.models import owned_classes

    found = owned_classes(user)
    if class_id is not None:
        found = found.filter(pk=class_id)
    return [ClassAtTheTime(*row) for row in found.values_list("pk", "name", "teacher_id")]


def write(request, planned: Planned, response) -> None:
    common = {
        "actor_id": planned.actor_id,
        "actor_label": planned.actor_label,
        "action": planned.action,
        "page": planned.page,
        "what": pages.what_of(planned.page, planned.action),
        "address": client_address(request),
        "request_id": getattr(request, "request_id", current_request_id()),
    }
    if planned.before:
        _insert([_entry(c, planned.student_id, common) for c in planned.before])
        return
    if planned.card_pk is not None:
        _write_for_student(planned, common)
        return
    class_id = planned.class_id or _class_led_to(response)
    if class_id is None:
        return
    key = _view_key(planned, class_id) if planned.action == VIEWED else None
    at_the_time, seen = _class_of(request.user, class_id, key, planned.page)
    if at_the_time is None or seen:
        return  # not a class of the actor's, or this view is recorded already
    entry = _entry(at_the_time, planned.student_id, {**common, "view_key": key})
    _insert([entry], ignore_conflicts=key is not None)


def _insert(entries: list[AuditEntry], ignore_conflicts: bool = False) -> None:
    """One INSERT in its own (sub)transaction: the reads before it take no write lock
    (SQLite's IMMEDIATE transactions would), and a failed insert inside a caller's
    transaction undoes only itself."""
    with transaction.atomic():
        AuditEntry.objects.bulk_create(entries, ignore_conflicts=ignore_conflicts)


def _write_for_student(planned: Planned, common: dict) -> None:
    from partnerup.voice.models import SignInCard

    row = (
        SignInCard.objects.filter(pk=planned.card_pk)
        .values_list(
            "student_id",
            "student__classroom_id",
            "student__classroom__name",
            "student__classroom__teacher_id",
        )
        .first()
    )
    if row is not None:
        student_id, *at_the_time = row
        _insert([_entry(ClassAtTheTime(*at_the_time), student_id, common)])


def _entry(classroom: ClassAtTheTime, student_id: int | None, values: dict) -> AuditEntry:
    from .services import school_id_of

    return AuditEntry(
        class_id=classroom.pk,
        class_name=classroom.name,
        owner_id=classroom.owner_id,
        school_id=school_id_of(classroom),
        student_id=student_id,
        **values,
    )


def _view_key(planned: Planned, class_id: int) -> str:
    window = int(timezone.now().timestamp()) // VIEW_WINDOW_SECONDS
    return f"{planned.actor_id}|{class_id}|{planned.page}|{planned.student_id or ''}|{window}"


def _classes_of(user, page: str):
    """The classes the actor reaches on this page: a school admin's school pages reach
    the school's classes, every other page the actor's own and co-taught classes."""
    from partnerup.classes.models import Classroom, classes_for
    from partnerup.schools.access import is_school_admin
    from partnerup.schools.services import school_classes

    if page.startswith("schools:"):
        if not is_school_admin(user):
            return Classroom.objects.none()
        return school_classes(user.school_place.school).order_by()
    return classes_for(user)


def _class_of(
    user, class_id: int, view_key: str | None, page: str
) -> tuple[ClassAtTheTime | None, bool]:
    """The actor's class as it is now, and whether this view is recorded already: one
    query, so a coalesced view costs one indexed read and nothing more."""
    seen = Exists(AuditEntry.objects.filter(view_key=view_key)) if view_key else Value(False)
    row = (
        _classes_of(user, page)
        .filter(pk=class_id)
        .annotate(seen=seen)
        .values_list("pk", "name", "teacher_id", "seen")
        .first()
    )
    if row is None:
        return None, False
    return ClassAtTheTime(*row[:3]), bool(row[3])


def _class_led_to(response) -> int | None:
    """The class a created or restored class's redirect leads to."""
    location = response.get("Location") if response.status_code in (301, 302, 303) else None
    if not location:
        return None
    try:
        return resolve(location.split("?")[0]).kwargs.get("pk")
    except Resolver404:
        return None


def record_clean_up(classroom, now) -> None:
    """The daily clean-up deleted a class's student answers, reflections, days and
    notes (retention): recorded like a teacher's deletion, by "daily clean-up"."""
    page = "upkeep:retention"
    values = {
        "actor_id": None,
        "actor_label": CLEAN_UP,
        "action": DELETED,
        "page": page,
        "what": pages.what_of(page, DELETED),
        "address": "",
        "request_id": "",
        "at": now,
    }
    at_the_time = ClassAtTheTime(classroom.pk, classroom.name, classroom.teacher_id)
    _insert([_entry(at_the_time, None, values)])
