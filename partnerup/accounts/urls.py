from django.urls import include, path

from . import views

urlpatterns = [
    path("signup/", views.signup, name="signup"),
    path("demo/", views.demo_sign_in, name="demo_sign_in"),
    path("", include("django.contrib.auth.urls")),
]
