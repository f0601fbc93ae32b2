from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "partnerup.audit"
    verbose_name = "Activity record"
