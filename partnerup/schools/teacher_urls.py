from django.urls import path

from . import teacher_views

app_name = "teachers"
urlpatterns = [
    path("", teacher_views.teachers, name="index"),
    path("leave/", teacher_views.leave, name="leave"),
    path("<int:teacher_pk>/remove/", teacher_views.remove, name="remove"),
    path("<int:teacher_pk>/transfer/", teacher_views.transfer, name="transfer"),
    path("invitations/<int:invitation_pk>/withdraw/", teacher_views.withdraw, name="withdraw"),
]
