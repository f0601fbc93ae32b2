from django.urls import path

from . import views

app_name = "helpboard"
urlpatterns = [
    path("", views.board, name="board"),
    path("projector/", views.projector, name="projector"),
    path("settings/", views.settings, name="settings"),
    path("approve/", views.approve, name="approve"),
    path("close/", views.close, name="close"),
]
