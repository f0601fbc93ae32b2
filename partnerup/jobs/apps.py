from django.apps import AppConfig


class JobsConfig(AppConfig):
    name = "partnerup.jobs"
    verbose_name = "Partner jobs"
