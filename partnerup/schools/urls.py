from django.urls import path

from . import school_views

app_name = "schools"
urlpatterns = [
    path("", school_views.school, name="index"),
    path("invitations/<int:invitation_pk>/withdraw/", school_views.withdraw, name="withdraw"),
    path("classes/<int:pk>/", school_views.overview, name="class"),
    path("classes/<int:pk>/hand-over/", school_views.hand_over, name="hand_over"),
]
