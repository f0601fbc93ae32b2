from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy

from partnerup.textcheck import TextChecked


class InviteForm(TextChecked, forms.Form):
    """Someone with a PartnerUp account, by username or email."""

    who = forms.CharField(
        label=gettext_lazy("Username or email"),
        max_length=254,
        help_text=gettext_lazy("They need a PartnerUp account; they accept on their class list."),
    )


class HandOverForm(TextChecked, forms.Form):
    """Which teacher of the school gets the class, whether its owner stays on."""

    new_owner = forms.TypedChoiceField(label=gettext_lazy("New owner"), coerce=int)
    keep_old_owner = forms.BooleanField(
        required=False,
        initial=True,
        label=gettext_lazy("The old owner stays as a co-teacher"),
    )
    # The owner shown on the page: the hand-over happens only if it is still the owner.
    seen_owner = forms.IntegerField(widget=forms.HiddenInput, min_value=1)

    def __init__(self, *args, teachers, **kwargs):
        super().__init__(*args, **kwargs)
        self.teachers = {user.pk: user for user in teachers}
        self.fields["new_owner"].choices = [(pk, str(u)) for pk, u in self.teachers.items()]

    def chosen(self):
        return self.teachers[self.cleaned_data["new_owner"]]
