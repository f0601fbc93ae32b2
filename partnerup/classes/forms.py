from __future__ import annotations

from django import forms

from . import services
from .models import Classroom, Rule, Student

# The rules a teacher edits by hand; locks are made on the planning board.
EDITABLE_RULE_KINDS = ("keep_apart", "keep_together")

NOT_IN_CLASS = {"invalid_choice": "'%(value)s' is not a student in this class."}
TAG_FIELDS = ("interests", "goals", "strengths")
# Ranked choices are three pickers, so a student names up to three classmates.
CHOICE_FIELDS = (("choice1", "1st"), ("choice2", "2nd"), ("choice3", "3rd"))


class ClassroomForm(forms.ModelForm):
    class Meta:
        model = Classroom
        fields = ["name"]
        labels = {"name": "Class name"}


class RosterUploadForm(forms.Form):
    roster = forms.FileField(label="Roster CSV file", help_text="Saved from a spreadsheet as CSV.")


class StudentForm(forms.ModelForm):
    """One student's profile. Interests, goals and strengths are ticked from the tags
    the class already uses, or typed new; classmates are picked from the class list,
    so every name saved is a student of this class."""

    CLASSMATE_LISTS = ("avoid", "past_partners")

    class Meta:
        model = Student
        fields = [
            "name", "level", "interests", "goals", "strengths", "home_language",
            "english_level", "talk", "often_absent", "social_support", "floater",
            "new_student", "avoid", "reading_partner", "past_partners", "teacher_notes",
        ]  # fmt: skip
        labels = {
            "level": "Writing level (1-4)",
            "english_level": "English level (WIDA 1-6, blank if fluent)",
            "talk": "Talk style",
            "often_absent": "Often absent",
            "social_support": "Needs social support",
            "floater": "Floater (joins where needed)",
            "new_student": "New to the class",
            "avoid": "Avoid (never partner with)",
            "past_partners": "Past partners",
            "teacher_notes": "Private notes (only you see these)",
        }
        widgets = {
            "level": forms.NumberInput(attrs={"min": 1, "max": 4}),
            "english_level": forms.NumberInput(attrs={"min": 1, "max": 6, "step": 0.1}),
            "teacher_notes": forms.Textarea(attrs={"rows": 4}),
        }

    def __init__(self, *args, classroom: Classroom, **kwargs):
        super().__init__(*args, **kwargs)
        self.classroom = classroom
        others = classroom.students.exclude(pk=self.instance.pk)
        classmates = [(name, name) for name in others.values_list("name", flat=True)]
        tags = class_tags(classroom)
        for field in TAG_FIELDS:
            self._add_tag_fields(field, tags[field])
        for field in self.CLASSMATE_LISTS:
            self.fields[field] = forms.MultipleChoiceField(
                required=False,
                choices=classmates,
                widget=forms.CheckboxSelectMultiple,
                label=self._meta.labels.get(field, field.capitalize()),
                error_messages=NOT_IN_CLASS,
            )
        pick = [("", "—")] + classmates
        self.fields["reading_partner"] = forms.ChoiceField(
            required=False, choices=pick, label="Reading partner", error_messages=NOT_IN_CLASS
        )
        for column, rank in CHOICE_FIELDS:
            self.fields[column] = forms.ChoiceField(
                required=False, choices=pick, label=f"{rank} choice", error_messages=NOT_IN_CLASS
            )
        for (column, _), chosen in zip(CHOICE_FIELDS, self.instance.choices, strict=False):
            self.initial[column] = chosen

    def _add_tag_fields(self, field: str, known: list[str]) -> None:
        self.fields[field] = forms.MultipleChoiceField(
            required=False,
            choices=[(tag, tag) for tag in known],
            widget=forms.CheckboxSelectMultiple,
            label=field.capitalize(),
        )
        self.fields[f"{field}_new"] = forms.CharField(
            required=False, label="Add new (separate with ;)"
        )
        # A student's own tags are ticked, in the class's spelling of each.
        spelling = {tag.lower(): tag for tag in known}
        own = getattr(self.instance, field)
        self.initial[field] = [spelling.get(tag.lower(), tag) for tag in own]

    # The form's sections, as bound fields in display order.
    def about_fields(self):
        return [self[f] for f in ("name", "level", "talk", "home_language", "english_level")]

    def flag_fields(self):
        return [self[f] for f in ("often_absent", "social_support", "floater", "new_student")]

    def tag_fields(self):
        """(ticked tags, new tags) for each tag list."""
        return [(self[field], self[f"{field}_new"]) for field in TAG_FIELDS]

    def partner_fields(self):
        return [self[column] for column, _ in CHOICE_FIELDS] + [self["reading_partner"]]

    def clean_name(self):
        name = self.cleaned_data["name"].strip()
        others = self.classroom.students.exclude(pk=self.instance.pk)
        if others.filter(name__iexact=name).exists():
            raise forms.ValidationError(f"{name} is already in this class; add an initial.")
        return name

    def clean_level(self):
        level = self.cleaned_data["level"]
        if level is not None and not 1 <= level <= 4:
            raise forms.ValidationError("Writing level is 1, 2, 3 or 4.")
        return level

    def clean_english_level(self):
        value = self.cleaned_data["english_level"]
        if value is not None and not 1 <= value <= 6:
            raise forms.ValidationError("English level is WIDA 1-6.")
        return value

    def clean(self):
        cleaned = super().clean()
        for field in TAG_FIELDS:
            typed = _tags(cleaned.get(f"{field}_new", ""))
            cleaned[field] = _once([*cleaned.get(field, []), *typed], self.fields[field].choices)
        chosen: list[str] = []
        for column, _ in CHOICE_FIELDS:
            name = cleaned.get(column)
            if name and name in chosen:
                self.add_error(column, f"{name} is already a choice above; pick someone else.")
            elif name:
                chosen.append(name)
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


class RuleForm(forms.Form):
    """A keep-apart or keep-together rule over students of this class. A rule that
    repeats one already there, or clashes with the class's other hard rules, is
    refused with the clash named, and nothing is saved."""

    kind = forms.ChoiceField(
        choices=[kind for kind in Rule.KINDS if kind[0] in EDITABLE_RULE_KINDS],
        widget=forms.RadioSelect,
        label="Kind of rule",
        error_messages={"required": "Choose keep apart or keep together."},
    )
    students = forms.MultipleChoiceField(
        widget=forms.CheckboxSelectMultiple,
        label="Students (pick two or more)",
        error_messages={**NOT_IN_CLASS, "required": "Pick at least two students."},
    )

    def __init__(self, *args, classroom: Classroom, **kwargs):
        super().__init__(*args, **kwargs)
        self.classroom = classroom
        names = classroom.students.values_list("name", flat=True)
        self.fields["students"].choices = [(name, name) for name in names]

    def clean_students(self):
        picked = set(self.cleaned_data["students"])
        if len(picked) < 2:
            raise forms.ValidationError("Pick at least two students.")
        return [name for name, _ in self.fields["students"].choices if name in picked]

    def clean(self):
        cleaned = super().clean()
        kind, names = cleaned.get("kind"), cleaned.get("students")
        if not kind or not names:
            return cleaned
        if kind == "keep_together" and len(names) > 3:
            self.add_error(
                "students",
                f"Keep together is for two or three students (partnerships are pairs or "
                f"threes); you picked {len(names)}.",
            )
            return cleaned
        for rule in self.classroom.rules.filter(kind=kind):
            if set(names) <= set(rule.students):
                raise forms.ValidationError(f"The rule “{rule}” already covers this.")
        clashes = services.rule_clashes(self.classroom, kind, names)
        if clashes:
            raise forms.ValidationError(
                [f"This clashes with the class's other rules: {clash}." for clash in clashes]
            )
        return cleaned
