from __future__ import annotations

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from partnerup.textcheck import TextChecked


class DeleteAccountForm(TextChecked, forms.Form):
    """Deleting an account asks for the username typed exactly, and the password of
    an account that has one: a borrowed, signed-in laptop cannot delete it."""

    username = forms.CharField(label=gettext_lazy("Type your username to confirm"), max_length=200)
    password = forms.CharField(
        label=gettext_lazy("Your password"), widget=forms.PasswordInput, strip=False
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        if not user.has_usable_password():
            del self.fields["password"]

    def clean_username(self):
        typed = self.cleaned_data["username"]
        if typed != self.user.get_username():
            raise forms.ValidationError(
                _("That is not your username: type %(username)s exactly.")
                % {"username": self.user.get_username()}
            )
        return typed

    def clean_password(self):
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError(_("That is not your password."))
        return password
