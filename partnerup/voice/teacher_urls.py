from django.urls import path

from . import teacher_answers as answers
from . import teacher_views as views

app_name = "voice_teacher"
urlpatterns = [
    path("cards/", views.card_list, name="cards"),
    path("cards/sheet/", views.card_sheet, name="sheet"),
    path("cards/reissue/", views.reissue_all, name="reissue_all"),
    path("cards/language/", views.set_every_language, name="language_all"),
    path("cards/resume/", views.resume_sign_in, name="resume_sign_in"),
    path("cards/<int:student_pk>/reissue/", views.reissue, name="reissue"),
    path("cards/<int:student_pk>/revoke/", views.revoke, name="revoke"),
    path("cards/<int:student_pk>/language/", views.set_language, name="language"),
    path("responses/", answers.responses, name="responses"),
    path("survey/", answers.survey_questions, name="survey"),
    path("survey/<int:question_pk>/edit/", answers.survey_edit, name="survey_edit"),
    path("survey/<int:question_pk>/delete/", answers.survey_delete, name="survey_delete"),
    path("posters/", answers.posters, name="posters"),
    path("traits/", answers.traits, name="traits"),
    path("traits/<int:trait_pk>/edit/", answers.trait_edit, name="trait_edit"),
    path("traits/<int:trait_pk>/switch/", answers.trait_switch, name="trait_switch"),
]
