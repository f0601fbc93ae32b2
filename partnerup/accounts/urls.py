from django.contrib.auth import views as auth_views
from django.urls import include, path

from . import views
from .forms import NewPasswordForm, SignInForm

# The teacher's own account pages, named accounts:…; the sign-in pages keep Django's
# own names (login, password_change, …) as django.contrib.auth.urls gives them, with
# sign-in limited (forms.SignInForm) and a reset by email ending a pause.
account_pages = ([path("delete/", views.delete_account, name="delete")], "accounts")

urlpatterns = [
    path("signup/", views.signup, name="signup"),
    path("demo/", views.demo_sign_in, name="demo_sign_in"),
    path("login/", auth_views.LoginView.as_view(authentication_form=SignInForm), name="login"),
    path(
        "reset/<uidb64>/<token>/",
        auth_views.PasswordResetConfirmView.as_view(form_class=NewPasswordForm),
        name="password_reset_confirm",
    ),
    path("", include(account_pages)),
    path("", include("django.contrib.auth.urls")),
]
