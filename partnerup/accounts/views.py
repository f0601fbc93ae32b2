from django import forms
from django.conf import settings
from django.contrib.auth import get_user_model, login
from django.contrib.auth.forms import UserCreationForm
from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST


class SignUpForm(UserCreationForm):
    email = forms.EmailField(help_text="For password resets only.")

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
