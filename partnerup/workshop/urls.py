from django.urls import path

from . import views

app_name = "workshop"
urlpatterns = [
    path("", views.today, name="today"),
    path("absent/", views.mark_absent, name="absent"),
    path("adjust/", views.adjust, name="adjust"),
    path("accept/", views.accept, name="accept"),
    path("start-again/", views.start_again, name="start_again"),
    path("turn/", views.turn_done, name="turn"),
    path("quiet-first/", views.quiet_first, name="quiet_first"),
    path("teacher-partner/", views.teacher_partner, name="teacher_partner"),
    path("observe/", views.observe, name="observe"),
    path("temporary/", views.temporary, name="temporary"),
    path("temporary/end/", views.temporary_end, name="temporary_end"),
    path("projector/", views.projector, name="projector"),
    path("history/", views.history, name="history"),
]
