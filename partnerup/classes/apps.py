from django.apps import AppConfig


class ClassesConfig(AppConfig):
    name = "partnerup.classes"
    verbose_name = "Classes"
