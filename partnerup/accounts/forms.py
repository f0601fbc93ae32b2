from __future__ import annotations

from django import forms
from django.contrib.auth import authenticate
from django.contrib.auth.forms import AuthenticationForm, SetPasswordForm
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from partnerup.clientaddress import client_address
from partnerup.textcheck import TextChecked

from .limits import (
    TEACHER_ACCOUNT,
    TEACHER_ADDRESS,
    Try,
    account_key,
    forget,
    give_back,
    reserve,
)


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


ACCOUNT_PAUSED = gettext_lazy(
    "Too many wrong passwords for this account. Wait 15 minutes, or reset your password "
    "by email to sign in now."
)
ADDRESS_PAUSED = gettext_lazy(
    "Too many wrong passwords from this network. Wait 15 minutes, then try again."
)


def teacher_tries(request, username: str) -> tuple[Try, Try]:
    """A password try counts for the account (however its name is capitalised) and for
    the address it came from."""
    return (
        Try(TEACHER_ACCOUNT, account_key(username)),
        Try(TEACHER_ADDRESS, client_address(request)),
    )


class SignInForm(AuthenticationForm):
    """Django's sign-in form with a limit: a try is counted before the password is
    checked, so wrong passwords sent at once never get more than the limit checked."""

    def clean(self):
        username = self.cleaned_data.get("username")
        password = self.cleaned_data.get("password")
        if username is None or not password:
            return self.cleaned_data
        tries = teacher_tries(self.request, username)
        full = reserve(*tries)
        if full is not None:
            said = ACCOUNT_PAUSED if full == TEACHER_ACCOUNT else ADDRESS_PAUSED
            raise forms.ValidationError(said, code="paused")
        self.user_cache = authenticate(self.request, username=username, password=password)
        if self.user_cache is None:
            raise self.get_invalid_login_error()
        forget(TEACHER_ACCOUNT, tries[0].key)
        give_back(tries[1])
        self.confirm_login_allowed(self.user_cache)
        return self.cleaned_data


class NewPasswordForm(SetPasswordForm):
    """A new password through the emailed link also ends the account's pause."""

    def save(self, commit=True):
        user = super().save(commit)
        forget(TEACHER_ACCOUNT, account_key(user.get_username()))
        return user
