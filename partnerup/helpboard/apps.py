from django.apps import AppConfig


class HelpboardConfig(AppConfig):
    name = "partnerup.helpboard"
    verbose_name = "Help board"
