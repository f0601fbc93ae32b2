from django.urls import path

from . import teacher_views

app_name = "invitations"
urlpatterns = [
    path("<int:invitation_pk>/accept/", teacher_views.accept, name="accept"),
    path("<int:invitation_pk>/decline/", teacher_views.decline, name="decline"),
]
