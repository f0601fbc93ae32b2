from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "partnerup.accounts"
    verbose_name = "Accounts"
