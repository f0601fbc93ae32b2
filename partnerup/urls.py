from django.urls import include, path

from partnerup.accounts.views import home
from partnerup.health import healthz

urlpatterns = [
    path("", home, name="home"),
    path("healthz", healthz, name="healthz"),
    path("accounts/", include("partnerup.accounts.urls")),
    path("classes/", include("partnerup.classes.urls")),
    path("classes/<int:pk>/teachers/", include("partnerup.schools.teacher_urls")),
    path("invitations/", include("partnerup.schools.invitation_urls")),
    path("school/", include("partnerup.schools.urls")),
    path("classes/<int:pk>/plans/", include("partnerup.plans.urls")),
    path("classes/<int:pk>/today/", include("partnerup.workshop.urls")),
    path("classes/<int:pk>/voice/", include("partnerup.voice.teacher_urls")),
    path("classes/<int:pk>/jobs/", include("partnerup.jobs.urls")),
    path("classes/<int:pk>/help/", include("partnerup.helpboard.urls")),
    path("s/help/", include("partnerup.helpboard.student_urls")),
    path("classes/<int:pk>/conferring/", include("partnerup.conferring.urls")),
    path("classes/<int:pk>/choice-time/", include("partnerup.choicetime.urls")),
    path("classes/<int:pk>/insights/", include("partnerup.insights.urls")),
    path("classes/<int:pk>/reflections/", include("partnerup.reflections.urls")),
    path("s/", include("partnerup.voice.student_urls")),
    path("s/job/", include("partnerup.jobs.student_urls")),
    path("", include("partnerup.audit.urls")),
]
