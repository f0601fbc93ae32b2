"""The help board in a class's archive (classes/archive): its setting and every post,
each student written as the file's ref; restore checks every value as a typed one."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from partnerup.classes.archive import checks
from partnerup.classes.archive.checks import MANY, RestoreError
from partnerup.classes.models import Classroom
from partnerup.engine import TAG_MAX_LENGTH

from .models import HelpBoard, HelpPost

KINDS = (HelpPost.NEED, HelpPost.OFFER)


def help_board_data(classroom: Classroom, ref_of: dict[int, int]) -> dict[str, Any]:
    board = HelpBoard.objects.filter(classroom=classroom).first()
    return {
        "needs_approval": bool(board and board.needs_approval),
        "posts": [
            {
                "student": ref_of[post.student_id],
                "kind": post.kind,
                "skill": post.skill,
                "is_approved": post.is_approved,
                "created": post.created.isoformat(),
                "closed": post.closed.isoformat() if post.closed else None,
                "helper": ref_of.get(post.helper_id) if post.helper_id else None,
                "matched": post.matched.isoformat() if post.matched else None,
            }
            for post in classroom.help_posts.order_by("created", "pk")
            if post.student_id in ref_of
        ],
    }


def restore_help_board(
    classroom: Classroom, payload: dict[str, Any], pk_of: Callable[[Any, str], int]
) -> None:
    """Makes the board of `payload["help_board"]` (absent in older exports: none)."""
    if payload.get("help_board") is None:
        return
    data = checks.fields(payload["help_board"], "help board")
    if checks.flag(data, "needs_approval", "help board"):
        HelpBoard.objects.create(classroom=classroom, needs_approval=True)
    open_ones: set[tuple[int, str, str]] = set()
    for n, row in enumerate(checks.items(data, "posts", "help board", MANY), 1):
        where = f"help post {n}"
        post = checks.fields(row, where)
        student = pk_of(post.get("student"), where)
        helper = post.get("helper")
        created = checks.moment(post, "created", where)
        if created is None:
            raise RestoreError(f"{where}: created is not a date and time.")
        made = HelpPost(
            classroom=classroom,
            student_id=student,
            kind=checks.choice(post, "kind", where, KINDS, None),
            skill=checks.text(post, "skill", where, TAG_MAX_LENGTH, needed=True),
            is_approved=checks.flag(post, "is_approved", where, default=True),
            created=created,
            closed=checks.moment(post, "closed", where),
            helper_id=pk_of(helper, where) if helper is not None else None,
            matched=checks.moment(post, "matched", where),
        )
        if made.helper_id == student:
            raise RestoreError(f"{where}: the student helps themself.")
        if made.closed is None:
            key = (student, made.kind, made.skill)
            if key in open_ones:
                raise RestoreError(f"{where}: the same post is open twice.")
            open_ones.add(key)
        made.save()


def help_board_rows(data: dict[str, Any], names: dict[int, str]) -> list[list[Any]]:
    """help_board.csv: every post with the student's and the helper's names."""
    posts = (data.get("help_board") or {}).get("posts", [])
    return [["posted", "student", "post", "skill", "approved", "helper", "closed"]] + [
        [
            post["created"],
            names.get(post["student"], ""),
            "needs help with" if post["kind"] == HelpPost.NEED else "can help with",
            post["skill"],
            "yes" if post["is_approved"] else "no",
            names.get(post["helper"], "") if post["helper"] is not None else "",
            post["closed"] or "",
        ]
        for post in posts
    ]
