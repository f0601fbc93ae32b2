from django.apps import AppConfig


class WorkshopConfig(AppConfig):
    name = "partnerup.workshop"
    verbose_name = "Workshop day"
