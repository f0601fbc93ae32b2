from django.urls import path

from . import student_views as views

app_name = "reflections"
urlpatterns = [
    path("reflect/", views.reflect, name="reflect"),
    path("check-in/", views.checkin, name="checkin"),
    path("goal/", views.my_goal, name="goal"),
]
