from django.apps import AppConfig


class InsightsConfig(AppConfig):
    name = "partnerup.insights"
    verbose_name = "Insights"
