"""What the Today screen's taps send, checked before anything changes."""

from __future__ import annotations

from django import forms
from django.utils.functional import lazy
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from partnerup.textcheck import TextChecked

MAX_OBSERVE_DAYS = 30
NOTE_LIMIT = 200


def _observe_days() -> str:
    return _("Observe for 1 to %(most)s days.") % {"most": MAX_OBSERVE_DAYS}


OBSERVE_DAYS = lazy(_observe_days, str)()
NOT_IN_CLASS = {
    "invalid_choice": gettext_lazy("That student is not in this class."),
    "required": gettext_lazy("Choose a student."),
}
YES_NO = [("yes", "yes"), ("no", "no")]


class ClassForm(TextChecked, forms.Form):
    """A form whose `student` fields are students of one class (or only `among` them),
    sent by id."""

    student_fields: tuple[str, ...] = ("student",)

    def __init__(self, *args, classroom, among=None, **kwargs):
        super().__init__(*args, **kwargs)
        students = classroom.students.all() if among is None else among
        self.names = {s.pk: s.name for s in students}
        pick = [(str(pk), name) for pk, name in self.names.items()]
        for name in self.student_fields:
            self.fields[name].choices = pick

    @property
    def first_error(self) -> str:
        return next(iter(self.errors.values()))[0]


class AbsentForm(ClassForm):
    student = forms.TypedChoiceField(coerce=int, error_messages=NOT_IN_CLASS)
    absent = forms.ChoiceField(choices=YES_NO)


class SupportForm(ClassForm):
    """The teacher partners with a student ("yes"), or the student is ready ("no")."""

    student = forms.TypedChoiceField(coerce=int, error_messages=NOT_IN_CLASS)
    on = forms.ChoiceField(choices=YES_NO)


class StudentForm(ClassForm):
    student = forms.TypedChoiceField(coerce=int, error_messages=NOT_IN_CLASS)


class ObserveForm(ClassForm):
    """A new student (on no partnership of the plan) observes for some days."""

    student = forms.TypedChoiceField(
        coerce=int,
        error_messages={
            **NOT_IN_CLASS,
            "invalid_choice": gettext_lazy("Only a student new to the plan can observe."),
        },
    )
    days = forms.IntegerField(
        min_value=1,
        max_value=MAX_OBSERVE_DAYS,
        error_messages={
            "invalid": OBSERVE_DAYS,
            "min_value": OBSERVE_DAYS,
            "max_value": OBSERVE_DAYS,
            "required": OBSERVE_DAYS,
        },
    )


class TemporaryForm(ClassForm):
    student_fields = ("choosers",)
    choosers = forms.TypedMultipleChoiceField(
        coerce=int,
        error_messages={
            **NOT_IN_CLASS,
            "required": gettext_lazy("Tick the students who choose a partner."),
        },
    )
    length = forms.ChoiceField(
        choices=[("day", gettext_lazy("Today")), ("week", gettext_lazy("The rest of this week"))]
    )

    def clean_choosers(self):
        return sorted(set(self.cleaned_data["choosers"]))


class TurnForm(TextChecked, forms.Form):
    """How many turn-and-talks the page showed as done, so a second tap is harmless."""

    turns_seen = forms.IntegerField(min_value=0, max_value=10_000)


class QuietFirstForm(TextChecked, forms.Form):
    on = forms.ChoiceField(choices=YES_NO)


class HeadlineNoteForm(TextChecked, forms.Form):
    """ "Two pluses and a wish" for a student who has a headline partner this week."""

    student = forms.ModelChoiceField(
        queryset=None,
        error_messages={
            "invalid_choice": gettext_lazy("That student has no headline partner this week."),
            "required": gettext_lazy("Choose a student."),
        },
    )
    plus_one = forms.CharField(max_length=NOTE_LIMIT, required=False)
    plus_two = forms.CharField(max_length=NOTE_LIMIT, required=False)
    wish = forms.CharField(max_length=NOTE_LIMIT, required=False)

    def __init__(self, *args, students, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["student"].queryset = students

    @property
    def first_error(self) -> str:
        field, errors = next(iter(self.errors.items()))
        if field in ("plus_one", "plus_two", "wish"):
            return _("Keep each plus and the wish under %(most)s letters: %(why)s") % {
                "most": NOTE_LIMIT,
                "why": errors[0],
            }
        return errors[0]
