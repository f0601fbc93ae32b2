from django.apps import AppConfig


class VoiceConfig(AppConfig):
    name = "partnerup.voice"
    verbose_name = "Student voice"
