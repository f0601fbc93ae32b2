from django.apps import AppConfig


class ReflectionsConfig(AppConfig):
    name = "partnerup.reflections"
    verbose_name = "Goals, check-ins and reflections"
