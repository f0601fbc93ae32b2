"""What the help board's taps send, checked before anything changes."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy

from partnerup.textcheck import TextChecked

from .models import HelpPost

KIND_CHOICES = [(HelpPost.NEED, "need"), (HelpPost.OFFER, "offer")]


class PostForm(TextChecked, forms.Form):
    """A student's post: a kind and one of the class's skills (`skills`: their keys)."""

    kind = forms.ChoiceField(
        choices=KIND_CHOICES, error_messages={"invalid_choice": gettext_lazy("Tap a button.")}
    )
    skill = forms.ChoiceField(
        error_messages={
            "required": gettext_lazy("Choose one thing from the list."),
            "invalid_choice": gettext_lazy("Choose one thing from the list."),
        }
    )

    def __init__(self, *args, skills: list[str], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["skill"].choices = [(key, key) for key in skills]


class PostChoiceForm(TextChecked, forms.Form):
    """A post named by id, among `posts` only (the student's own, or the class's)."""

    post = forms.TypedChoiceField(
        coerce=int,
        error_messages={
            "required": gettext_lazy("That is not on the board any more."),
            "invalid_choice": gettext_lazy("That is not on the board any more."),
        },
    )

    def __init__(self, *args, posts, **kwargs):
        super().__init__(*args, **kwargs)
        self.posts = {p.pk: p for p in posts}
        self.fields["post"].choices = [(str(pk), str(pk)) for pk in self.posts]

    @property
    def chosen(self) -> HelpPost:
        return self.posts[self.cleaned_data["post"]]


class ApproveForm(PostChoiceForm):
    decision = forms.ChoiceField(choices=[("approve", "approve"), ("remove", "remove")])


class SettingsForm(TextChecked, forms.Form):
    needs_approval = forms.BooleanField(required=False)
