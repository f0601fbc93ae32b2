import subprocess
import sys

from django.core import mail
from django.test import Client
from django.urls import reverse


def test_sign_up_signs_the_teacher_in(client, django_user_model):
    response = client.post(
        reverse("signup"),
        {
            "username": "maria",
            "email": "m@example.org",
            "password1": "a-Long-pass-42",
            "password2": "a-Long-pass-42",
        },
    )
    assert response.status_code == 302
    assert client.get(reverse("classes:list")).status_code == 200
    assert django_user_model.objects.filter(username="maria").exists()


def test_sign_in_and_sign_out(client, alice):
    response = client.post(reverse("login"), {"username": "alice", "password": "pw-alice-123!"})
    assert response.status_code == 302
    client.post(reverse("logout"))
    assert client.get(reverse("classes:list")).status_code == 302


def test_wrong_password_does_not_sign_in(client, alice):
    response = client.post(reverse("login"), {"username": "alice", "password": "nope"})
    assert response.status_code == 200
    assert client.get(reverse("classes:list")).status_code == 302


def test_change_password(alice_client, alice):
    alice_client.post(
        reverse("password_change"),
        {
            "old_password": "pw-alice-123!",
            "new_password1": "n3w-Pass-word!",
            "new_password2": "n3w-Pass-word!",
        },
    )
    alice.refresh_from_db()
    assert alice.check_password("n3w-Pass-word!")


def test_password_reset_sends_an_email(client, alice):
    client.post(reverse("password_reset"), {"email": "alice@example.org"})
    assert len(mail.outbox) == 1
    assert "reset" in mail.outbox[0].body


def test_demo_sign_in_is_off_outside_demo_mode(client, django_user_model):
    django_user_model.objects.create_user("demo", "", "x-demo-pass-1")
    assert client.post(reverse("demo_sign_in")).status_code == 404


def test_production_settings_refuse_the_default_secret():
    code = "import os; os.environ.pop('SECRET_KEY', None); import partnerup.settings_production"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode != 0
    assert "set SECRET_KEY" in result.stderr


def test_home_explains_partnerup_to_visitors_and_sends_teachers_to_their_classes(alice_client):
    page = Client().get("/").content.decode()
    assert "Writing partnerships, on purpose" in page and "Create a teacher account" in page
    assert alice_client.get("/").url == reverse("classes:list")
