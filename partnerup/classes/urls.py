from django.urls import path

from . import views

app_name = "classes"
urlpatterns = [
    path("", views.class_list, name="list"),
    path("new/", views.class_create, name="create"),
    path("restore/", views.class_restore, name="restore"),
    path("<int:pk>/", views.class_detail, name="detail"),
    path("<int:pk>/rename/", views.class_rename, name="rename"),
    path("<int:pk>/archive/", views.class_archive, name="archive"),
    path("<int:pk>/export/", views.class_export, name="export"),
    path("<int:pk>/delete/", views.class_delete, name="delete"),
    path("<int:pk>/import/", views.roster_import, name="import"),
    path("<int:pk>/students/new/", views.student_edit, name="student_add"),
    path("<int:pk>/students/<int:student_pk>/", views.student_profile, name="student"),
    path("<int:pk>/students/<int:student_pk>/edit/", views.student_edit, name="student_edit"),
    path("<int:pk>/students/<int:student_pk>/remove/", views.student_remove, name="student_remove"),
    path("<int:pk>/import/confirm/", views.roster_import_confirm, name="import_confirm"),
    path("<int:pk>/import/columns/", views.roster_import_columns, name="import_columns"),
    path("<int:pk>/import/class/", views.roster_import_class, name="import_class"),
    path("import/template.csv", views.roster_template, name="import_template"),
    path("<int:pk>/rules/", views.rules, name="rules"),
    path("<int:pk>/rules/<int:rule_pk>/delete/", views.rule_delete, name="rule_delete"),
]
