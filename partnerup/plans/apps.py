from django.apps import AppConfig


class PlansConfig(AppConfig):
    name = "partnerup.plans"
    verbose_name = "Plans"
