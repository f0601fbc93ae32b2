from django.apps import AppConfig


class UpkeepConfig(AppConfig):
    name = "partnerup.upkeep"
    verbose_name = "Upkeep"
