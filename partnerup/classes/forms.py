from django import forms

from .models import Classroom


class ClassroomForm(forms.ModelForm):
    class Meta:
        model = Classroom
        fields = ["name"]
        labels = {"name": "Class name"}


class RosterUploadForm(forms.Form):
    roster = forms.FileField(label="Roster CSV file", help_text="Saved from a spreadsheet as CSV.")
