from django.urls import path

from . import views

app_name = "audit"
urlpatterns = [
    path("classes/<int:pk>/activity/", views.class_activity, name="activity"),
    path("classes/<int:pk>/activity/export.csv", views.class_activity_export, name="export"),
    path("accounts/deleted-classes/activity/", views.deleted_classes_activity, name="deleted"),
    path("school/activity/", views.school_activity, name="school"),
]
