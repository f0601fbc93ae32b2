from django.apps import AppConfig


class ChoiceTimeConfig(AppConfig):
    name = "partnerup.choicetime"
    verbose_name = "Choice time"
