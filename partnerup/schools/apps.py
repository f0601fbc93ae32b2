from django.apps import AppConfig


class SchoolsConfig(AppConfig):
    name = "partnerup.schools"
    verbose_name = "Schools and co-teachers"
