from django.urls import path

from . import teacher_views as views

app_name = "voice_teacher"
urlpatterns = [
    path("cards/", views.card_list, name="cards"),
    path("cards/sheet/", views.card_sheet, name="sheet"),
    path("cards/reissue/", views.reissue_all, name="reissue_all"),
    path("cards/<int:student_pk>/reissue/", views.reissue, name="reissue"),
    path("cards/<int:student_pk>/revoke/", views.revoke, name="revoke"),
    path("cards/<int:student_pk>/language/", views.set_language, name="language"),
    path("responses/", views.responses, name="responses"),
    path("survey/", views.survey_questions, name="survey"),
    path("survey/<int:question_pk>/delete/", views.survey_delete, name="survey_delete"),
    path("posters/", views.posters, name="posters"),
    path("traits/", views.traits, name="traits"),
    path("traits/<int:trait_pk>/switch/", views.trait_switch, name="trait_switch"),
]
