from django.apps import AppConfig


class VoiceConfig(AppConfig):
    name = "partnerup.voice"
    verbose_name = "Student voice"

    def ready(self) -> None:
        from django.contrib.auth.signals import user_logged_in

        from .session import end_student_session

        user_logged_in.connect(end_student_session, dispatch_uid="end_student_session")
