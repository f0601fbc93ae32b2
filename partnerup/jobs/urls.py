from django.urls import path

from . import views

app_name = "jobs"
urlpatterns = [
    path("", views.index, name="index"),
    path("choose/", views.choose, name="choose"),
    path("roles/add/", views.role_add, name="role_add"),
    path("roles/<int:role_pk>/", views.role, name="role"),
    path("roles/<int:role_pk>/remove/", views.role_remove, name="role_remove"),
    path("roles/<int:role_pk>/frames/add/", views.frame_add, name="frame_add"),
    path("roles/<int:role_pk>/frames/<int:frame_pk>/", views.frame_edit, name="frame_edit"),
    path(
        "roles/<int:role_pk>/frames/<int:frame_pk>/remove/",
        views.frame_remove,
        name="frame_remove",
    ),
    path("print/", views.charts, name="print"),
    path("roles/<int:role_pk>/print/", views.chart, name="role_print"),
]
