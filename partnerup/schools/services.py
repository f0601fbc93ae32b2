"""Inviting, accepting, handing on: every change of who teaches what.

Each is a read-modify-write under a row lock (the class with `lock_class`, the
invitation or the school with select_for_update), checked again once the lock is
held: a double tap or two people at once never make two owners, lose a co-teacher or
answer with an error. A change that is no longer possible raises `RoleRefused` with
words for the person who asked.
"""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.db.models import Count, Q
from django.utils.translation import gettext as _

from partnerup.classes.models import Classroom, lock_class

from .models import Invitation, School, SchoolTeacher


class RoleRefused(Exception):
    """A change of roles that cannot happen (now); the message says why."""


def account_named(typed: str):
    """The account with this username or email (exactly one), else RoleRefused that
    says no more than that none matches."""
    typed = typed.strip()
    found = list(
        get_user_model()
        .objects.filter(Q(username=typed) | Q(email__iexact=typed), is_active=True)
        .distinct()[:2]
    )
    if len(found) != 1:
        raise RoleRefused(_("There is no account with that username or email."))
    return found[0]


def teaches(classroom: Classroom, user) -> bool:
    return classroom.teacher_id == user.pk or classroom.co_teachers.filter(pk=user.pk).exists()


def _locked(classroom: Classroom) -> Classroom:
    """The class as it is now, its row held until the transaction ends."""
    lock_class(classroom)
    return Classroom.objects.get(pk=classroom.pk)


@transaction.atomic
def invite_co_teacher(classroom: Classroom, by, typed: str) -> Invitation:
    invitee = account_named(typed)
    classroom = _locked(classroom)
    if teaches(classroom, invitee):
        raise RoleRefused(_("%(name)s already teaches this class.") % {"name": invitee})
    if Invitation.objects.filter(classroom=classroom, invitee=invitee).exists():
        raise RoleRefused(_("%(name)s is already invited.") % {"name": invitee})
    return Invitation.objects.create(classroom=classroom, invitee=invitee, invited_by=by)


@transaction.atomic
def invite_to_school(school: School, by, typed: str) -> Invitation:
    invitee = account_named(typed)
    School.objects.select_for_update().filter(pk=school.pk).exists()
    place = SchoolTeacher.objects.filter(user=invitee).select_related("school").first()
    if place is not None:
        raise RoleRefused(
            _("%(name)s already belongs to a school.") % {"name": invitee}
            if place.school_id != school.pk
            else _("%(name)s already teaches at this school.") % {"name": invitee}
        )
    if Invitation.objects.filter(school=school, invitee=invitee).exists():
        raise RoleRefused(_("%(name)s is already invited.") % {"name": invitee})
    return Invitation.objects.create(school=school, invitee=invitee, invited_by=by)


def invitations_for(user):
    """The invitations waiting for the user's answer (their class list shows them)."""
    return Invitation.objects.filter(invitee=user).select_related(
        "invited_by", "classroom", "school"
    )


def open_invitation(pk: int) -> Invitation:
    """Inside a transaction: the invitation with its row held, or RoleRefused when it
    was answered or withdrawn meanwhile."""
    found = Invitation.objects.select_for_update().filter(pk=pk).first()
    if found is None:
        raise RoleRefused(_("This invitation is no longer open."))
    return found


@transaction.atomic
def accept(invitation: Invitation) -> None:
    invitation = open_invitation(invitation.pk)
    invitee = invitation.invitee
    if invitation.classroom_id:
        classroom = _locked(invitation.classroom)
        if not teaches(classroom, invitee):
            classroom.co_teachers.add(invitee)
    else:
        try:
            with transaction.atomic():
                SchoolTeacher.objects.create(school_id=invitation.school_id, user=invitee)
        except IntegrityError:  # a teacher belongs to one school at most
            invitation.delete()
            raise RoleRefused(_("You already belong to a school.")) from None
    invitation.delete()


@transaction.atomic
def decline(invitation: Invitation) -> None:
    open_invitation(invitation.pk).delete()


withdraw = decline  # the same change, asked by the one who invited


@transaction.atomic
def remove_co_teacher(classroom: Classroom, user) -> None:
    """Take a co-teacher off the class (the owner removes them, or they leave)."""
    classroom = _locked(classroom)
    if not classroom.co_teachers.filter(pk=user.pk).exists():
        raise RoleRefused(_("%(name)s no longer co-teaches this class.") % {"name": user})
    classroom.co_teachers.remove(user)


@transaction.atomic
def transfer(classroom: Classroom, owner, new_owner) -> None:
    """The owner makes a co-teacher the owner and stays on as a co-teacher."""
    classroom = _locked(classroom)
    if classroom.teacher_id != owner.pk:
        raise RoleRefused(_("You no longer own this class."))
    if not classroom.co_teachers.filter(pk=new_owner.pk).exists():
        raise RoleRefused(_("%(name)s no longer co-teaches this class.") % {"name": new_owner})
    _change_owner(classroom, new_owner, keep_old_owner=True)


@transaction.atomic
def hand_over(classroom: Classroom, school: School, seen_owner_pk: int, new_owner, keep: bool):
    """A school admin gives a class of the school to another teacher of the school.
    `seen_owner_pk` is the owner the admin saw: if it changed meanwhile, nothing does."""
    classroom = _locked(classroom)
    if classroom.teacher_id != seen_owner_pk:
        raise RoleRefused(
            _("%(class)s changed hands meanwhile: it now belongs to %(owner)s.")
            % {"class": classroom.name, "owner": classroom.teacher}
        )
    if not SchoolTeacher.objects.filter(school=school, user=new_owner).exists():
        raise RoleRefused(_("%(name)s is not a teacher of this school.") % {"name": new_owner})
    if not SchoolTeacher.objects.filter(school=school, user_id=seen_owner_pk).exists():
        raise RoleRefused(_("%(class)s is not a class of this school.") % {"class": classroom})
    _change_owner(classroom, new_owner, keep_old_owner=keep)


def _change_owner(classroom: Classroom, new_owner, keep_old_owner: bool) -> None:
    old_owner_pk = classroom.teacher_id
    if old_owner_pk == new_owner.pk:
        return
    classroom.teacher = new_owner
    classroom.save(update_fields=["teacher"])
    classroom.co_teachers.remove(new_owner)
    if keep_old_owner:
        classroom.co_teachers.add(old_owner_pk)


# The school admin's read-only view.


def school_teachers(school: School):
    return get_user_model().objects.filter(school_place__school=school).order_by("username")


def school_classes(school: School):
    """Every class owned by a teacher of the school, with what its row shows."""
    return (
        Classroom.objects.filter(teacher__school_place__school=school)
        .select_related("teacher")
        .prefetch_related("co_teachers")
        .annotate(student_count=Count("students"))
        .order_by("is_archived", "name", "pk")
    )
