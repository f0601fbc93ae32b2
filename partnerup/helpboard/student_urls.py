from django.urls import path

from . import student_views as views

app_name = "helpboard_student"
urlpatterns = [
    path("", views.help_page, name="help"),
    path("close/", views.close, name="close"),
]
