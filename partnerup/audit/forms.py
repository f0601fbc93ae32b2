"""The activity record's filters (a GET form: the page's address keeps the choice)."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from partnerup.textcheck import TextChecked

from .models import ACTION_LABELS


class ActivityFilterForm(TextChecked, forms.Form):
    action = forms.ChoiceField(label=_("Did"), required=False)
    who = forms.ChoiceField(label=_("Who"), required=False)
    classroom = forms.ChoiceField(label=_("Class"), required=False)

    def __init__(self, data, *, actors, classes=None):
        super().__init__(data)
        everything = [("", _("all"))]
        self.fields["action"].choices = everything + list(ACTION_LABELS.items())
        self.fields["who"].choices = everything + actors
        if classes is None:
            del self.fields["classroom"]
        else:
            self.fields["classroom"].choices = everything + classes
