from django.urls import path

from . import views

app_name = "conferring"
urlpatterns = [
    path("", views.radar, name="radar"),
    path("today/", views.who_today, name="today"),
    path("note/", views.note, name="note"),
    path("colours/", views.colours, name="colours"),
    path("students/<int:student_pk>/", views.student_timeline, name="student"),
    path("partnerships/<str:members>/", views.partnership_timeline, name="partnership"),
]
