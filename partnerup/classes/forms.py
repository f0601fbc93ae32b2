from __future__ import annotations

from django import forms
from django.conf import settings
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from partnerup.engine import (
    ENGLISH_LEVELS,
    IGNORE_COLUMN,
    LEVELS,
    ROSTER_FIELDS,
    TAG_MAX_LENGTH,
    name_key,
    refused_character,
    student_fields,
)
from partnerup.textcheck import TextChecked

from . import services
from .models import Classroom, Rule, Student

# The rules a teacher edits by hand; locks are made on the planning board.
EDITABLE_RULE_KINDS = ("keep_apart", "keep_together")

NOT_IN_CLASS = {"invalid_choice": gettext_lazy("'%(value)s' is not a student in this class.")}
TAG_FIELDS = ("interests", "goals", "strengths")
# Ranked choices are three pickers, so a student names up to three classmates.
CHOICE_FIELDS = (
    ("choice1", gettext_lazy("1st choice")),
    ("choice2", gettext_lazy("2nd choice")),
    ("choice3", gettext_lazy("3rd choice")),
)
TAG_LABELS = {
    "interests": gettext_lazy("Interests"),
    "goals": gettext_lazy("Goals"),
    "strengths": gettext_lazy("Strengths"),
}


class ClassroomForm(TextChecked, forms.ModelForm):
    class Meta:
        model = Classroom
        fields = ["name"]
        labels = {"name": gettext_lazy("Class name")}


class ClassSettingsForm(ClassroomForm):
    class Meta(ClassroomForm.Meta):
        fields = ["name", "name_display"]
        help_texts = {
            "name_display": gettext_lazy(
                "On every page, print, the projector and students' pages. Two students "
                "who would look the same get another letter."
            )
        }
        widgets = {"name_display": forms.RadioSelect}


class RosterUploadForm(TextChecked, forms.Form):
    roster = forms.FileField(
        label=gettext_lazy("Roster file"),
        help_text=gettext_lazy(
            "A CSV or Excel (.xlsx) file: a spreadsheet, or a Google Forms or Microsoft "
            "Forms export; or a school system's OneRoster or Clever zip."
        ),
    )
    sheet = forms.CharField(
        label=gettext_lazy("Sheet"),
        required=False,
        max_length=100,
        help_text=gettext_lazy("For an Excel workbook: the sheet to read (blank: the first)."),
    )


class SchoolClassForm(TextChecked, forms.Form):
    """Which class of a school's roster bundle to import: one of the bundle's classes,
    shown with its code, grades and number of students."""

    school_class = forms.ChoiceField(
        label=gettext_lazy("Class in the school's roster"),
        error_messages={
            "invalid_choice": gettext_lazy("That class is not in the file: upload it again.")
        },
    )

    def __init__(self, *args, classes, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["school_class"].choices = [(c.key, _class_label(c)) for c in classes]


def _class_label(school_class) -> str:
    parts = [school_class.title]
    if school_class.code and school_class.code != school_class.title:
        parts.append(school_class.code)
    if school_class.grades:
        parts.append(_("grade %(grades)s") % {"grades": ", ".join(school_class.grades)})
    count = school_class.students
    parts.append(ngettext("%(count)s student", "%(count)s students", count) % {"count": count})
    return " · ".join(parts)


class ColumnMappingForm(TextChecked, forms.Form):
    """The field each column of the uploaded file feeds, or ignore: one select per
    column, its choices the engine's fields."""

    CHOICES = [
        (IGNORE_COLUMN, gettext_lazy("— ignore —")),
        *((f, f.replace("_", " ")) for f in ROSTER_FIELDS),
    ]

    def __init__(self, *args, columns, **kwargs):
        super().__init__(*args, **kwargs)
        for column in columns:
            self.fields[f"column_{column.position}"] = forms.ChoiceField(
                label=column.header or gettext_lazy("Column %(n)s") % {"n": column.position},
                choices=self.CHOICES,
                initial=column.field,
                required=False,
            )

    def chosen(self) -> list[str]:
        return [self.cleaned_data[name] for name in self.fields]


class StudentForm(TextChecked, forms.ModelForm):
    """One student's profile. Interests, goals and strengths are ticked from the tags
    the class already uses, or typed new; classmates are picked from the class list,
    so every classmate saved is a student of this class (by id)."""

    CLASSMATE_LISTS = ("avoid", "past_partners")

    class Meta:
        model = Student
        fields = [
            "name", "level", "interests", "goals", "strengths", "home_language",
            "english_level", "talk", "often_absent", "social_support", "floater",
            "new_student", "avoid", "reading_partner", "past_partners", "teacher_notes",
        ]  # fmt: skip
        labels = {
            "name": gettext_lazy("Name"),
            "level": gettext_lazy("Writing level (1-4)"),
            "home_language": gettext_lazy("Home language"),
            "english_level": gettext_lazy("English level (WIDA 1-6, blank if fluent)"),
            "talk": gettext_lazy("Talk style"),
            "often_absent": gettext_lazy("Often absent"),
            "social_support": gettext_lazy("Needs social support"),
            "floater": gettext_lazy("Floater (joins where needed)"),
            "new_student": gettext_lazy("New to the class"),
            "avoid": gettext_lazy("Avoid (never partner with)"),
            "past_partners": gettext_lazy("Past partners"),
            "teacher_notes": gettext_lazy("Private notes (only you see these)"),
        }
        widgets = {
            "level": forms.NumberInput(attrs={"min": LEVELS[0], "max": LEVELS[1]}),
            "english_level": forms.NumberInput(
                attrs={"min": ENGLISH_LEVELS[0], "max": ENGLISH_LEVELS[1], "step": 0.1}
            ),
            "teacher_notes": forms.Textarea(attrs={"rows": 4}),
        }

    def __init__(self, *args, classroom: Classroom, **kwargs):
        super().__init__(*args, **kwargs)
        self.classroom = classroom
        others = classroom.students.exclude(pk=self.instance.pk)
        names = services.names_of(classroom)
        classmates = [(str(pk), names[pk]) for pk in others.values_list("pk", flat=True)]
        tags = class_tags(classroom)
        for field in TAG_FIELDS:
            self._add_tag_fields(field, tags[field])
        for field in self.CLASSMATE_LISTS:
            self.fields[field] = forms.TypedMultipleChoiceField(
                required=False,
                choices=classmates,
                coerce=int,
                widget=forms.CheckboxSelectMultiple,
                label=self._meta.labels.get(field, field.capitalize()),
                error_messages=NOT_IN_CLASS,
            )
            self.initial[field] = [str(pk) for pk in getattr(self.instance, field)]
        pick = [("", "—")] + classmates
        self.fields["reading_partner"] = forms.ModelChoiceField(
            queryset=others,
            required=False,
            label=_("Reading partner"),
            error_messages={"invalid_choice": _("That is not a student in this class.")},
        )
        self.fields["reading_partner"].label_from_instance = lambda student: names[student.pk]
        for column, rank in CHOICE_FIELDS:
            self.fields[column] = forms.TypedChoiceField(
                required=False,
                choices=pick,
                coerce=int,
                empty_value=None,
                label=rank,
                error_messages=NOT_IN_CLASS,
            )
        for (column, _rank), chosen in zip(CHOICE_FIELDS, self.instance.choices, strict=False):
            self.initial[column] = str(chosen)

    def _add_tag_fields(self, field: str, known: list[str]) -> None:
        self.fields[field] = forms.MultipleChoiceField(
            required=False,
            choices=[(tag, tag) for tag in known],
            widget=forms.CheckboxSelectMultiple,
            label=TAG_LABELS[field],
        )
        self.fields[f"{field}_new"] = forms.CharField(
            required=False, max_length=1000, label=_("Add new (separate with ;)")
        )
        # A student's own tags are ticked, in the class's spelling of each.
        spelling = {tag.lower(): tag for tag in known}
        own = getattr(self.instance, field)
        self.initial[field] = [spelling.get(tag.lower(), tag) for tag in own]

    # The form's sections, as bound fields in display order.
    def about_fields(self):
        return [self[f] for f in ("name", "level", "talk", "home_language", "english_level")]

    def flag_fields(self):
        return [self[f] for f in student_fields("flag")]

    def tag_fields(self):
        """(ticked tags, new tags) for each tag list."""
        return [(self[field], self[f"{field}_new"]) for field in TAG_FIELDS]

    def partner_fields(self):
        return [self[column] for column, _rank in CHOICE_FIELDS] + [self["reading_partner"]]

    def clean_name(self):
        name = self.cleaned_data["name"]
        others = self.classroom.students.exclude(pk=self.instance.pk)
        same = others.filter(name_key=name_key(name)).first()
        if same is not None:
            raise forms.ValidationError(
                _("%(name)s is already in this class; add an initial.") % {"name": same.name}
            )
        if self.instance.pk is None and others.count() >= settings.PARTNERUP_MAX_CLASS_SIZE:
            raise forms.ValidationError(
                _("This class has %(count)s students, the most a class can have.")
                % {"count": others.count()}
            )
        return name

    def clean(self):
        cleaned = super().clean()
        for field in TAG_FIELDS:
            typed = _tags(cleaned.get(f"{field}_new", ""))
            cleaned[field] = _once([*cleaned.get(field, []), *typed], self.fields[field].choices)
        for field in TAG_FIELDS:
            for tag in cleaned[field]:
                if len(tag) > TAG_MAX_LENGTH or refused_character(tag):
                    self.add_error(
                        f"{field}_new",
                        _("Keep each one under %(most)s letters.") % {"most": TAG_MAX_LENGTH},
                    )
        chosen: list[int] = []
        names = dict(self.fields["avoid"].choices)
        for column, _rank in CHOICE_FIELDS:
            pk = cleaned.get(column)
            if pk and pk in chosen:
                self.add_error(
                    column,
                    _("%(name)s is already a choice above; pick someone else.")
                    % {"name": names[str(pk)]},
                )
            elif pk:
                chosen.append(pk)
        cleaned["choices"] = chosen
        return cleaned

    def save(self, commit: bool = True) -> Student:
        self.instance.choices = self.cleaned_data["choices"]
        return super().save(commit)


def class_tags(classroom: Classroom) -> dict[str, list[str]]:
    """Every interest, goal and strength the class's students have, each once whatever
    its case (the first spelling met wins), sorted as a teacher reads them."""
    spellings: dict[str, dict[str, str]] = {f: {} for f in TAG_FIELDS}
    for row in classroom.students.values(*TAG_FIELDS):
        for field, tags in row.items():
            for tag in tags:
                spellings[field].setdefault(tag.lower(), tag)
    return {f: sorted(s.values(), key=str.lower) for f, s in spellings.items()}


def _once(tags: list[str], known: list[tuple[str, str]]) -> list[str]:
    """Each tag once whatever its case, typed tags taking the class's spelling."""
    spelling = {value.lower(): value for value, _ in known}
    kept: dict[str, str] = {}
    for tag in tags:
        kept.setdefault(tag.lower(), spelling.get(tag.lower(), tag))
    return list(kept.values())


def _tags(raw: str) -> list[str]:
    return [part.strip() for part in raw.split(";") if part.strip()]


class RuleForm(TextChecked, forms.Form):
    """A keep-apart or keep-together rule over students of this class. A rule that
    repeats one already there, or clashes with the class's other hard rules, is
    refused with the clash named, and nothing is saved."""

    kind = forms.ChoiceField(
        choices=[kind for kind in Rule.KINDS if kind[0] in EDITABLE_RULE_KINDS],
        widget=forms.RadioSelect,
        label=gettext_lazy("Kind of rule"),
        error_messages={"required": gettext_lazy("Choose keep apart or keep together.")},
    )
    students = forms.TypedMultipleChoiceField(
        coerce=int,
        widget=forms.CheckboxSelectMultiple,
        label=gettext_lazy("Students (pick two or more)"),
        error_messages={**NOT_IN_CLASS, "required": gettext_lazy("Pick at least two students.")},
    )

    def __init__(self, *args, classroom: Classroom, **kwargs):
        super().__init__(*args, **kwargs)
        self.classroom = classroom
        self.names = services.names_of(classroom)
        self.fields["students"].choices = [(str(pk), name) for pk, name in self.names.items()]

    def clean_students(self):
        picked = set(self.cleaned_data["students"])
        if len(picked) < 2:
            raise forms.ValidationError(_("Pick at least two students."))
        return [pk for pk in self.names if pk in picked]

    def clean(self):
        cleaned = super().clean()
        kind, pks = cleaned.get("kind"), cleaned.get("students")
        if not kind or not pks:
            return cleaned
        if kind == "keep_together" and len(pks) > 3:
            self.add_error(
                "students",
                _(
                    "Keep together is for two or three students (partnerships are pairs or "
                    "threes); you picked %(count)s."
                )
                % {"count": len(pks)},
            )
            return cleaned
        for rule in self.classroom.rules.filter(kind=kind):
            if set(pks) <= set(rule.students):
                raise forms.ValidationError(
                    _("The rule “%(rule)s” already covers this.")
                    % {"rule": rule.described(self.names)}
                )
        clashes = services.rule_clashes(self.classroom, kind, pks)
        if clashes:
            raise forms.ValidationError(
                [
                    _("This clashes with the class's other rules: %(clash)s.") % {"clash": clash}
                    for clash in clashes
                ]
            )
        return cleaned


class ImportConfirmForm(TextChecked, forms.Form):
    """Which students missing from the imported file to remove (none by default)."""

    remove = forms.TypedMultipleChoiceField(
        coerce=int,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label=gettext_lazy("Remove these students who are not in the file"),
        error_messages={
            "invalid_choice": gettext_lazy("That student is not in this class any more.")
        },
    )

    def __init__(self, *args, students, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["remove"].choices = [(str(s.pk), s.name) for s in students]


class RestoreForm(TextChecked, forms.Form):
    export = forms.FileField(
        label=gettext_lazy("PartnerUp export"),
        help_text=gettext_lazy(
            "The .zip that “Download everything” made (or the class.json inside it)."
        ),
    )


class DeleteClassForm(TextChecked, forms.Form):
    """Deleting a class asks for its name, typed exactly: a slip of the finger on a
    button cannot delete a year of a class's history."""

    name = forms.CharField(label=gettext_lazy("Type the class name to confirm"), max_length=200)

    def __init__(self, *args, classroom: Classroom, **kwargs):
        super().__init__(*args, **kwargs)
        self.classroom = classroom

    def clean_name(self):
        typed = self.cleaned_data["name"]
        if typed.strip() != self.classroom.name:
            raise forms.ValidationError(
                _("That is not the class name: type %(name)s exactly to delete it.")
                % {"name": self.classroom.name}
            )
        return typed
