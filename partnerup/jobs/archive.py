"""The class's partner jobs in its export (class.json's "partner_jobs") and back.

Roles are written with their frames; the roles in use name their unit by the file's
plan ref (or their day by date) and their roles by key. Restore checks every value as
classes/archive/restore.py does for the rest of the class."""

from __future__ import annotations

from typing import Any

from partnerup.classes.archive import checks
from partnerup.classes.archive.checks import RestoreError
from partnerup.classes.models import Classroom

from .models import FRAME_WORDS, ROLE_WORDS, JobChoice, PartnerRole, RoleFrame
from .services import MOST_FRAMES, MOST_ROLES
from .starters import BY_KEY


def jobs_data(classroom: Classroom, plan_ref: dict[int, int]) -> dict[str, Any]:
    roles = list(classroom.partner_roles.prefetch_related("frames"))
    key_of = {r.pk: r.key for r in roles}
    return {
        "roles": [
            {
                "key": r.key,
                "en": r.en,
                "es": r.es,
                "pair_en": r.pair_en,
                "pair_es": r.pair_es,
                "icon": r.icon,
                "frames": [{"en": f.en, "es": f.es} for f in r.frames.all()],
            }  # fmt: skip
            for r in roles
        ],
        "in_use": [
            {
                "plan": plan_ref.get(c.plan_id) if c.plan_id else None,
                "day": c.day.isoformat() if c.day else None,
                "roles": [key_of[pk] for pk in c.roles if pk in key_of],
            }
            for c in classroom.job_choices.order_by("pk")
            if c.day or c.plan_id in plan_ref
        ],
    }


def restore_jobs(classroom: Classroom, payload: dict[str, Any], plan_pk: dict[int, int]) -> None:
    """The export's partner jobs into the new class (none in the file: none made)."""
    data = checks.fields(payload.get("partner_jobs", {}), "partner jobs")
    pk_of: dict[str, int] = {}
    for n, row in enumerate(checks.items(data, "roles", "partner jobs", MOST_ROLES), 1):
        where = f"partner job {n}"
        role = checks.fields(row, where)
        key = checks.text(role, "key", where, 40, needed=True)
        if key in pk_of:
            raise RestoreError(f"{where}: two partner jobs have the key {key}.")
        made = PartnerRole.objects.create(
            classroom=classroom,
            key=key,
            en=checks.text(role, "en", where, ROLE_WORDS, needed=True),
            es=checks.text(role, "es", where, ROLE_WORDS),
            pair_en=checks.text(role, "pair_en", where, ROLE_WORDS),
            pair_es=checks.text(role, "pair_es", where, ROLE_WORDS),
            icon=checks.choice(role, "icon", where, BY_KEY, "thought-partner"),
            position=n,
        )
        pk_of[key] = made.pk
        frames = checks.items(role, "frames", where, MOST_FRAMES)
        RoleFrame.objects.bulk_create(
            RoleFrame(
                role=made,
                en=checks.text(frame, "en", f"{where}: frame {m}", FRAME_WORDS, needed=True),
                es=checks.text(frame, "es", f"{where}: frame {m}", FRAME_WORDS),
                position=m,
            )
            for m, frame in enumerate((checks.fields(f, where) for f in frames), 1)
        )
    for n, row in enumerate(checks.items(data, "in_use", "partner jobs", checks.MANY), 1):
        where = f"partner jobs in use {n}"
        choice = checks.fields(row, where)
        plan, day = choice.get("plan"), checks.date(choice, "day", where)
        if (plan is None) == (day is None):
            raise RestoreError(f"{where}: name a plan or a day.")
        if plan is not None and plan not in plan_pk:
            raise RestoreError(f"{where}: {plan} is not the ref of a plan in the file.")
        keys = [
            checks.one_text(k, where, 40) for k in checks.items(choice, "roles", where, MOST_ROLES)
        ]
        if any(k not in pk_of for k in keys):
            raise RestoreError(f"{where}: a job is not one of the class's partner jobs.")
        JobChoice.objects.create(
            classroom=classroom,
            plan_id=plan_pk[plan] if plan is not None else None,
            day=day,
            roles=[pk_of[k] for k in dict.fromkeys(keys)],
        )
