"""What each class URL is, in plain words, and which action a request to it records.

The words are stored in English (gettext_noop) and translated when shown, so a record
written in one language reads in the other. A URL missing here is described by its
name ("workshop: quiet first"): a new page is recorded the day it is added.
"""

from __future__ import annotations

from django.utils.translation import gettext_noop

from .models import CHANGED, DELETED, EXPORTED, RESTORED, VIEWED

WHAT = {
    "accounts:delete": gettext_noop("account deleted"),
    "classes:create": gettext_noop("class created"),
    "classes:restore": gettext_noop("class restored from an export"),
    "classes:detail": gettext_noop("class page"),
    "classes:rename": gettext_noop("class settings"),
    "classes:archive": gettext_noop("class archived or brought back"),
    "classes:export": gettext_noop("class archive"),
    "classes:delete": gettext_noop("class deleted"),
    "classes:import": gettext_noop("roster import"),
    "classes:import_confirm": gettext_noop("roster import"),
    "classes:import_columns": gettext_noop("roster import"),
    "classes:import_class": gettext_noop("roster import"),
    "classes:student_add": gettext_noop("student added"),
    "classes:student": gettext_noop("student profile"),
    "classes:student_edit": gettext_noop("student profile"),
    "classes:student_remove": gettext_noop("student removed"),
    "classes:rules": gettext_noop("partnership rules"),
    "classes:rule_delete": gettext_noop("partnership rules"),
    "plans:index": gettext_noop("plans"),
    "plans:generate": gettext_noop("plan made"),
    "plans:show": gettext_noop("plan"),
    "plans:board": gettext_noop("plan board"),
    "plans:move": gettext_noop("plan board"),
    "plans:lock": gettext_noop("plan board"),
    "plans:flip": gettext_noop("plan board"),
    "plans:replan": gettext_noop("plan board"),
    "plans:undo": gettext_noop("plan board"),
    "plans:save": gettext_noop("plan saved"),
    "plans:copy": gettext_noop("plan copied"),
    "plans:make_current": gettext_noop("current plan"),
    "plans:print": gettext_noop("plan print"),
    "plans:projector": gettext_noop("plan projector"),
    "plans:export": gettext_noop("plan CSV"),
    "workshop:today": gettext_noop("Today page"),
    "workshop:absent": gettext_noop("Today: absences"),
    "workshop:adjust": gettext_noop("Today: partnerships"),
    "workshop:accept": gettext_noop("Today: partnerships"),
    "workshop:undo": gettext_noop("Today: partnerships"),
    "workshop:start_again": gettext_noop("Today: partnerships"),
    "workshop:turn": gettext_noop("Today: turn-and-talk"),
    "workshop:quiet_first": gettext_noop("Today: turn-and-talk"),
    "workshop:teacher_partner": gettext_noop("Today: teacher as partner"),
    "workshop:observe": gettext_noop("Today: observing a newcomer"),
    "workshop:observe_end": gettext_noop("Today: observing a newcomer"),
    "workshop:place": gettext_noop("Today: placing a newcomer"),
    "workshop:temporary": gettext_noop("temporary partners"),
    "workshop:temporary_end": gettext_noop("temporary partners"),
    "workshop:projector": gettext_noop("Today projector"),
    "workshop:history": gettext_noop("workshop history"),
    "workshop:headlines": gettext_noop("headline partners"),
    "workshop:headline_make": gettext_noop("headline partners"),
    "workshop:headline_week": gettext_noop("headline week"),
    "workshop:headline_print": gettext_noop("headline week print"),
    "workshop:headline_projector": gettext_noop("headline week projector"),
    "workshop:headline_note": gettext_noop("headline week notes"),
    "voice_teacher:cards": gettext_noop("sign-in cards"),
    "voice_teacher:sheet": gettext_noop("sign-in card sheet"),
    "voice_teacher:reissue_all": gettext_noop("sign-in cards"),
    "voice_teacher:language_all": gettext_noop("sign-in cards"),
    "voice_teacher:reissue": gettext_noop("sign-in cards"),
    "voice_teacher:revoke": gettext_noop("sign-in cards"),
    "voice_teacher:language": gettext_noop("sign-in cards"),
    "voice_teacher:responses": gettext_noop("student answers"),
    "voice_teacher:survey": gettext_noop("survey questions"),
    "voice_teacher:survey_edit": gettext_noop("survey questions"),
    "voice_teacher:survey_delete": gettext_noop("survey questions"),
    "voice_teacher:posters": gettext_noop("want ad posters"),
    "voice_teacher:traits": gettext_noop("partner traits"),
    "voice_teacher:trait_edit": gettext_noop("partner traits"),
    "voice_teacher:trait_switch": gettext_noop("partner traits"),
    "jobs:index": gettext_noop("partner jobs"),
    "jobs:choose": gettext_noop("partner jobs"),
    "jobs:role_add": gettext_noop("partner jobs"),
    "jobs:role": gettext_noop("partner jobs"),
    "jobs:role_remove": gettext_noop("partner jobs"),
    "jobs:frame_add": gettext_noop("partner jobs"),
    "jobs:frame_edit": gettext_noop("partner jobs"),
    "jobs:frame_remove": gettext_noop("partner jobs"),
    "jobs:print": gettext_noop("partner jobs print"),
    "jobs:role_print": gettext_noop("partner jobs print"),
    "helpboard:board": gettext_noop("help board"),
    "helpboard:projector": gettext_noop("help board projector"),
    "helpboard:settings": gettext_noop("help board"),
    "helpboard:approve": gettext_noop("help board"),
    "helpboard:close": gettext_noop("help board"),
    "conferring:radar": gettext_noop("conferring radar"),
    "conferring:today": gettext_noop("who to see today"),
    "conferring:note": gettext_noop("conference notes"),
    "conferring:colours": gettext_noop("conferring radar"),
    "conferring:student": gettext_noop("student timeline"),
    "conferring:partnership": gettext_noop("partnership timeline"),
    "choicetime:log": gettext_noop("choice time"),
    "choicetime:delete": gettext_noop("choice time"),
    "insights:class": gettext_noop("insights"),
    "reflections:overview": gettext_noop("goals and reflections"),
    "reflections:close": gettext_noop("goals and reflections"),
    "reflections:goal": gettext_noop("goals and reflections"),
    "audit:activity": gettext_noop("activity record"),
    "audit:export": gettext_noop("activity record CSV"),
    "voice_teacher:resume_sign_in": gettext_noop("class sign-in page let in again"),
    "teachers:index": gettext_noop("co-teachers"),
    "teachers:leave": gettext_noop("co-teacher left"),
    "teachers:remove": gettext_noop("co-teacher removed"),
    "teachers:transfer": gettext_noop("owner changed"),
    "teachers:withdraw": gettext_noop("co-teachers"),
    "schools:class": gettext_noop("class overview (school admin)"),
    "schools:hand_over": gettext_noop("class handed to another teacher (school admin)"),
    "upkeep:retention": gettext_noop("answers, reflections, days and notes (daily clean-up)"),
    # A student's own pages (recorded when they change something).
    "voice:three": gettext_noop("student: three classmates"),
    "voice:ad": gettext_noop("student: want ad"),
    "voice:answer_ad": gettext_noop("student: want ad answer"),
    "voice:tchart": gettext_noop("student: T-chart"),
    "voice:goal": gettext_noop("student: goal"),
    "voice:survey": gettext_noop("student: survey"),
    "voice:language": gettext_noop("student: language"),
    "voice:reflections:reflect": gettext_noop("student: reflection"),
    "voice:reflections:checkin": gettext_noop("student: goal check-in"),
    "voice:reflections:goal": gettext_noop("student: goal"),
    "helpboard_student:help": gettext_noop("student: help board"),
    "helpboard_student:close": gettext_noop("student: help board"),
}

# The confirmation pages of a deletion, when only looked at.
WHAT_VIEWED = {
    "classes:delete": gettext_noop("delete-the-class page"),
    "classes:student_remove": gettext_noop("remove-a-student page"),
    "schools:hand_over": gettext_noop("hand-over page (school admin)"),
    "teachers:transfer": gettext_noop("make-owner page"),
    "teachers:leave": gettext_noop("leave-the-class page"),
}
# Downloads and print-outs of a class's data.
EXPORTS = {
    "classes:export",
    "plans:print",
    "plans:export",
    "workshop:headline_print",
    "voice_teacher:sheet",
    "voice_teacher:posters",
    "jobs:print",
    "jobs:role_print",
    "audit:export",
}
# POSTs that delete student data rather than change it.
DELETES = {"classes:delete", "classes:student_remove", "accounts:delete"}
# POSTs that make a class from outside (the new class is where the response leads).
CLASS_MAKERS = {"classes:restore": RESTORED, "classes:create": CHANGED}
# A student's POSTs that change nothing of the class (signing in and out).
NOT_A_CHANGE = {"voice:code", "voice:done", "voice:card"}


def what_of(page: str, action: str) -> str:
    """Plain English words for a URL name (and what was done there)."""
    if action == VIEWED and page in WHAT_VIEWED:
        return WHAT_VIEWED[page]
    return WHAT.get(page) or page.replace("_", " ").replace(":", ": ")


def action_of(page: str, method: str) -> str | None:
    """The action a teacher's request records; None for methods that read nothing
    (HEAD, OPTIONS)."""
    if method == "GET":
        return EXPORTED if page in EXPORTS else VIEWED
    if method == "POST":
        return DELETED if page in DELETES else CHANGED
    return None
