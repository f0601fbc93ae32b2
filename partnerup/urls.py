from django.urls import include, path

from partnerup.accounts.views import home

urlpatterns = [
    path("", home, name="home"),
    path("accounts/", include("partnerup.accounts.urls")),
    path("classes/", include("partnerup.classes.urls")),
    path("classes/<int:pk>/plans/", include("partnerup.plans.urls")),
    path("classes/<int:pk>/today/", include("partnerup.workshop.urls")),
    path("classes/<int:pk>/voice/", include("partnerup.voice.teacher_urls")),
    path("classes/<int:pk>/reflections/", include("partnerup.reflections.urls")),
    path("s/", include("partnerup.voice.student_urls")),
]
