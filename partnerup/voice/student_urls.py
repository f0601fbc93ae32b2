from django.urls import include, path

from . import student_views as views

app_name = "voice"
urlpatterns = [
    path("", views.code_entry, name="code"),
    path("home/", views.home, name="home"),
    path("three/", views.three_classmates, name="three"),
    path("ad/", views.want_ad, name="ad"),
    path("ads/", views.ads, name="ads"),
    path("tchart/", views.tchart, name="tchart"),
    path("goal/", views.goal, name="goal"),
    path("survey/", views.survey, name="survey"),
    path("ads/<int:student_pk>/answer/", views.answer_ad, name="answer_ad"),
    path("language/", views.switch_language, name="language"),
    path("done/", views.done, name="done"),
    path("card/<slug:token>/", views.token_entry, name="card"),
    path("c/<str:class_key>/", views.class_code_entry, name="class_code"),
    # Goals, partner check-ins and reflections (issue 13): voice:reflections:…
    path("partner/", include("partnerup.reflections.student_urls")),
]
