"""What each class URL is, in plain words, and which action a request to it records.

The words are stored in English (gettext_noop) and translated when shown, so a record
written in one language reads in the other. A URL missing here is described by its
name ("workshop: quiet first"): a new page is recorded the day it is added.
"""

from __future__ import annotations

from django.utils.translation import gettext_noop as words

from .models import CHANGED, DELETED, EXPORTED, RESTORED, VIEWED

WHAT = {
    "accounts:delete": words("account deleted"),
    "classes:create": words("class created"),
    "classes:restore": words("class restored from an export"),
    "classes:detail": words("class page"),
    "classes:rename": words("class settings"),
    "classes:archive": words("class archived or brought back"),
    "classes:export": words("class archive"),
    "classes:delete": words("class deleted"),
    "classes:import": words("roster import"),
    "classes:import_confirm": words("roster import"),
    "classes:import_columns": words("roster import"),
    "classes:import_class": words("roster import"),
    "classes:student_add": words("student added"),
    "classes:student": words("student profile"),
    "classes:student_edit": words("student profile"),
    "classes:student_remove": words("student removed"),
    "classes:rules": words("partnership rules"),
    "classes:rule_delete": words("partnership rules"),
    "plans:index": words("plans"),
    "plans:generate": words("plan made"),
    "plans:show": words("plan"),
    "plans:board": words("plan board"),
    "plans:move": words("plan board"),
    "plans:lock": words("plan board"),
    "plans:flip": words("plan board"),
    "plans:replan": words("plan board"),
    "plans:undo": words("plan board"),
    "plans:save": words("plan saved"),
    "plans:copy": words("plan copied"),
    "plans:make_current": words("current plan"),
    "plans:print": words("plan print"),
    "plans:projector": words("plan projector"),
    "plans:export": words("plan CSV"),
    "workshop:today": words("Today page"),
    "workshop:absent": words("Today: absences"),
    "workshop:adjust": words("Today: partnerships"),
    "workshop:accept": words("Today: partnerships"),
    "workshop:undo": words("Today: partnerships"),
    "workshop:start_again": words("Today: partnerships"),
    "workshop:turn": words("Today: turn-and-talk"),
    "workshop:quiet_first": words("Today: turn-and-talk"),
    "workshop:teacher_partner": words("Today: teacher as partner"),
    "workshop:observe": words("Today: observing a newcomer"),
    "workshop:observe_end": words("Today: observing a newcomer"),
    "workshop:place": words("Today: placing a newcomer"),
    "workshop:temporary": words("temporary partners"),
    "workshop:temporary_end": words("temporary partners"),
    "workshop:projector": words("Today projector"),
    "workshop:history": words("workshop history"),
    "workshop:headlines": words("headline partners"),
    "workshop:headline_make": words("headline partners"),
    "workshop:headline_week": words("headline week"),
    "workshop:headline_print": words("headline week print"),
    "workshop:headline_projector": words("headline week projector"),
    "workshop:headline_note": words("headline week notes"),
    "voice_teacher:cards": words("sign-in cards"),
    "voice_teacher:sheet": words("sign-in card sheet"),
    "voice_teacher:reissue_all": words("sign-in cards"),
    "voice_teacher:language_all": words("sign-in cards"),
    "voice_teacher:reissue": words("sign-in cards"),
    "voice_teacher:revoke": words("sign-in cards"),
    "voice_teacher:language": words("sign-in cards"),
    "voice_teacher:responses": words("student answers"),
    "voice_teacher:survey": words("survey questions"),
    "voice_teacher:survey_edit": words("survey questions"),
    "voice_teacher:survey_delete": words("survey questions"),
    "voice_teacher:posters": words("want ad posters"),
    "voice_teacher:traits": words("partner traits"),
    "voice_teacher:trait_edit": words("partner traits"),
    "voice_teacher:trait_switch": words("partner traits"),
    "jobs:index": words("partner jobs"),
    "jobs:choose": words("partner jobs"),
    "jobs:role_add": words("partner jobs"),
    "jobs:role": words("partner jobs"),
    "jobs:role_remove": words("partner jobs"),
    "jobs:frame_add": words("partner jobs"),
    "jobs:frame_edit": words("partner jobs"),
    "jobs:frame_remove": words("partner jobs"),
    "jobs:print": words("partner jobs print"),
    "jobs:role_print": words("partner jobs print"),
    "helpboard:board": words("help board"),
    "helpboard:projector": words("help board projector"),
    "helpboard:settings": words("help board"),
    "helpboard:approve": words("help board"),
    "helpboard:close": words("help board"),
    "conferring:radar": words("conferring radar"),
    "conferring:today": words("who to see today"),
    "conferring:note": words("conference notes"),
    "conferring:colours": words("conferring radar"),
    "conferring:student": words("student timeline"),
    "conferring:partnership": words("partnership timeline"),
    "choicetime:log": words("choice time"),
    "choicetime:delete": words("choice time"),
    "insights:class": words("insights"),
    "reflections:overview": words("goals and reflections"),
    "reflections:close": words("goals and reflections"),
    "reflections:goal": words("goals and reflections"),
    "audit:activity": words("activity record"),
    "audit:export": words("activity record CSV"),
    # A student's own pages (recorded when they change something).
    "voice:three": words("student: three classmates"),
    "voice:ad": words("student: want ad"),
    "voice:answer_ad": words("student: want ad answer"),
    "voice:tchart": words("student: T-chart"),
    "voice:goal": words("student: goal"),
    "voice:survey": words("student: survey"),
    "voice:language": words("student: language"),
    "voice:reflections:reflect": words("student: reflection"),
    "voice:reflections:checkin": words("student: goal check-in"),
    "voice:reflections:goal": words("student: goal"),
    "helpboard_student:help": words("student: help board"),
    "helpboard_student:close": words("student: help board"),
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


def what_of(page: str) -> str:
    """Plain English words for a URL name."""
    return WHAT.get(page) or page.replace("_", " ").replace(":", ": ")


def action_of(page: str, method: str) -> str | None:
    """The action a teacher's request records; None for methods that read nothing
    (HEAD, OPTIONS)."""
    if method == "GET":
        return EXPORTED if page in EXPORTS else VIEWED
    if method == "POST":
        return DELETED if page in DELETES else CHANGED
    return None
