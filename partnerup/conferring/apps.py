from django.apps import AppConfig


class ConferringConfig(AppConfig):
    name = "partnerup.conferring"
    verbose_name = "Conferring"
