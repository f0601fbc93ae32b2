from django.urls import path

from . import student_views

app_name = "student_jobs"
urlpatterns = [
    path("", student_views.my_job, name="mine"),
]
