from django.urls import include, path

from . import views

# The teacher's own account pages, named accounts:…; the sign-in pages keep Django's
# own names (login, password_change, …) as django.contrib.auth.urls gives them.
account_pages = ([path("delete/", views.delete_account, name="delete")], "accounts")

urlpatterns = [
    path("signup/", views.signup, name="signup"),
    path("demo/", views.demo_sign_in, name="demo_sign_in"),
    path("", include(account_pages)),
    path("", include("django.contrib.auth.urls")),
]
