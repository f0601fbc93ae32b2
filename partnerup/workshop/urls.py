from django.urls import path

from . import headline_views, views

app_name = "workshop"
urlpatterns = [
    path("", views.today, name="today"),
    path("absent/", views.mark_absent, name="absent"),
    path("adjust/", views.adjust, name="adjust"),
    path("accept/", views.accept, name="accept"),
    path("undo/", views.undo, name="undo"),
    path("start-again/", views.start_again, name="start_again"),
    path("turn/", views.turn_done, name="turn"),
    path("quiet-first/", views.quiet_first, name="quiet_first"),
    path("teacher-partner/", views.teacher_partner, name="teacher_partner"),
    path("observe/", views.observe, name="observe"),
    path("observe/end/", views.observe_end, name="observe_end"),
    path("place/", views.place, name="place"),
    path("temporary/", views.temporary, name="temporary"),
    path("temporary/end/", views.temporary_end, name="temporary_end"),
    path("projector/", views.projector, name="projector"),
    path("history/", views.history, name="history"),
    path("headlines/", headline_views.week_list, name="headlines"),
    path("headlines/make/", headline_views.week_make, name="headline_make"),
    path("headlines/<int:week_pk>/", headline_views.week_show, name="headline_week"),
    path("headlines/<int:week_pk>/print/", headline_views.week_print, name="headline_print"),
    path(
        "headlines/<int:week_pk>/projector/",
        headline_views.week_projector,
        name="headline_projector",
    ),
    path("headlines/<int:week_pk>/note/", headline_views.week_note, name="headline_note"),
]
