from django.urls import path

from . import views

app_name = "plans"
urlpatterns = [
    path("", views.plan_index, name="index"),
    path("generate/", views.plan_generate, name="generate"),
    path("<int:plan_pk>/", views.plan_show, name="show"),
    path("<int:plan_pk>/board/", views.plan_board, name="board"),
    path("<int:plan_pk>/board/move/", views.board_move, name="move"),
    path("<int:plan_pk>/board/lock/<int:card>/", views.board_lock, name="lock"),
    path("<int:plan_pk>/board/flip/<int:card>/", views.board_flip, name="flip"),
    path("<int:plan_pk>/board/replan/", views.board_replan, name="replan"),
    path("<int:plan_pk>/board/undo/", views.board_undo, name="undo"),
    path("<int:plan_pk>/save/", views.plan_save, name="save"),
    path("<int:plan_pk>/copy/", views.plan_copy, name="copy"),
    path("<int:plan_pk>/make-current/", views.plan_make_current, name="make_current"),
    path("<int:plan_pk>/print/", views.plan_print, name="print"),
    path("<int:plan_pk>/projector/", views.plan_projector, name="projector"),
    path("<int:plan_pk>/export.csv", views.plan_export, name="export"),
]
