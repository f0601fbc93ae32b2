from django.urls import path

from . import views

app_name = "reflections"
urlpatterns = [
    path("", views.overview, name="overview"),
    path("close/", views.close_flag, name="close"),
    path("goal/", views.set_goal, name="goal"),
]
