from django.urls import path

from . import views

app_name = "choicetime"
urlpatterns = [
    path("", views.log, name="log"),
    path("<int:entry_pk>/delete/", views.delete, name="delete"),
]
