from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import get_user_model, login, logout
from django.contrib.auth.decorators import login_required
from django.contrib.auth.forms import UserCreationForm
from django.db import transaction
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from partnerup.classes.models import classes_for, owned_classes

from .forms import DeleteAccountForm
from .limits import TEACHER_ACCOUNT, account_key, forget


class SignUpForm(UserCreationForm):
    email = forms.EmailField(help_text=gettext_lazy("For password resets only."))

    class Meta(UserCreationForm.Meta):
        model = get_user_model()
        fields = ("username", "email")


def home(request):
    """Teachers go straight to their classes; anyone else sees what PartnerUp is."""
    if request.user.is_authenticated:
        return redirect("classes:list")
    return render(request, "home.html")


def signup(request):
    form = SignUpForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        user = form.save()
        login(request, user)
        return redirect("classes:list")
    return render(request, "registration/signup.html", {"form": form})


@require_POST
def demo_sign_in(request):
    """One click into the demo teacher's account — only in local demo mode."""
    if not settings.DEMO_MODE:
        raise Http404
    user = get_user_model().objects.filter(username="demo").first()
    if user is None:
        raise Http404
    login(request, user, backend="django.contrib.auth.backends.ModelBackend")
    return redirect("classes:list")


@login_required
def delete_account(request):
    """Delete the teacher's account and every class it owns, once they confirm. The
    classes they co-teach stay with their owners; owned classes go for their
    co-teachers too (the page says so and suggests handing them on first)."""
    user = request.user
    form = DeleteAccountForm(request.POST if request.method == "POST" else None, user=user)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            owned_classes(user).delete()  # with every row of each class (cascades)
            forget(TEACHER_ACCOUNT, account_key(user.get_username()))
            user.delete()  # and with it their co-teaching, school place and invitations
        logout(request)
        messages.success(request, _("Your account and all its classes are deleted."))
        return redirect("home")
    owned = owned_classes(user).prefetch_related("co_teachers")
    context = {
        "form": form,
        "classrooms": owned,
        "co_taught": classes_for(user).exclude(teacher=user).select_related("teacher"),
    }
    return render(request, "accounts/delete.html", context, status=400 if form.errors else 200)
