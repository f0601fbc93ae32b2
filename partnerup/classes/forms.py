from django import forms

from .models import Classroom, Student


class ClassroomForm(forms.ModelForm):
    class Meta:
        model = Classroom
        fields = ["name"]
        labels = {"name": "Class name"}


class RosterUploadForm(forms.Form):
    roster = forms.FileField(label="Roster CSV file", help_text="Saved from a spreadsheet as CSV.")


class StudentForm(forms.ModelForm):
    """One student's profile; lists are typed as `a; b; c`."""

    LIST_FIELDS = ("goals", "strengths", "interests", "choices", "avoid", "past_partners")

    class Meta:
        model = Student
        fields = [
            "name", "level", "interests", "goals", "strengths", "home_language",
            "english_level", "talk", "often_absent", "social_support", "floater",
            "new_student", "choices", "avoid", "reading_partner", "past_partners",
            "teacher_notes",
        ]  # fmt: skip

    def __init__(self, *args, classroom, **kwargs):
        super().__init__(*args, **kwargs)
        self.classroom = classroom
        for name in self.LIST_FIELDS:
            self.fields[name] = forms.CharField(
                required=False,
                help_text="Separate with ;",
                label=name.replace("_", " ").capitalize(),
            )
            if self.instance.pk:
                self.initial[name] = "; ".join(getattr(self.instance, name))

    def clean_name(self):
        name = self.cleaned_data["name"].strip()
        others = self.classroom.students.exclude(pk=self.instance.pk)
        if others.filter(name__iexact=name).exists():
            raise forms.ValidationError(f"{name} is already in this class; add an initial.")
        return name

    def _names(self, field):
        known = {s.name.lower(): s.name for s in self.classroom.students.all()}
        names = []
        for given in [p.strip() for p in self.cleaned_data.get(field, "").split(";") if p.strip()]:
            if given.lower() not in known:
                raise forms.ValidationError(f"'{given}' is not a student in this class.")
            names.append(known[given.lower()])
        return names

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

    def clean_goals(self):
        return _tags(self.cleaned_data["goals"])

    def clean_strengths(self):
        return _tags(self.cleaned_data["strengths"])

    def clean_interests(self):
        return _tags(self.cleaned_data["interests"])

    def clean_choices(self):
        names = self._names("choices")
        if len(names) > 3:
            raise forms.ValidationError("Up to three choices.")
        return names

    def clean_avoid(self):
        return self._names("avoid")

    def clean_past_partners(self):
        return self._names("past_partners")


def _tags(raw: str) -> list[str]:
    return [part.strip() for part in raw.split(";") if part.strip()]
