"""Teacher sign-in: wrong passwords counted per account and per address, a kind message,
and a reset by email that ends the pause."""

import re
from datetime import timedelta
from io import StringIO

import pytest
from django.core import mail
from django.core.management import CommandError, call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from partnerup.accounts.limits import TEACHER_ACCOUNT, TEACHER_ADDRESS
from partnerup.accounts.models import SignInCounter

RIGHT = "pw-alice-123!"
ACCOUNT_PAUSED = "Too many wrong passwords for this account. Wait 15 minutes, or reset your"
ADDRESS_PAUSED = "Too many wrong passwords from this network."


@pytest.fixture(autouse=True)
def quick_hashing(settings):
    """Each password check takes a fraction of a second with the real hasher."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def sign_in(username: str, password: str, client=None):
    client = client or Client()
    return client.post(reverse("login"), {"username": username, "password": password})


def signed_in(response) -> bool:
    return response.status_code == 302 and response.url == reverse("classes:list")


def wrong_passwords(username: str, count: int) -> None:
    for _ in range(count):
        assert not signed_in(sign_in(username, "wrong-guess"))


def test_the_right_password_is_refused_after_too_many_wrong_ones(alice):
    wrong_passwords("alice", TEACHER_ACCOUNT.most)
    response = sign_in("alice", RIGHT)
    assert not signed_in(response) and ACCOUNT_PAUSED in response.content.decode()


def test_wrong_passwords_below_the_limit_still_let_the_right_one_in(alice):
    wrong_passwords("alice", TEACHER_ACCOUNT.most - 1)
    assert signed_in(sign_in("alice", RIGHT))


def test_signing_in_starts_the_accounts_count_again(alice):
    wrong_passwords("alice", TEACHER_ACCOUNT.most - 1)
    sign_in("alice", RIGHT)
    wrong_passwords("alice", TEACHER_ACCOUNT.most - 1)
    assert signed_in(sign_in("alice", RIGHT))


def test_another_capitalisation_of_the_name_counts_for_the_same_account(alice):
    wrong_passwords("ALICE", TEACHER_ACCOUNT.most)
    assert not signed_in(sign_in("alice", RIGHT))


def test_a_paused_account_does_not_stop_another_teacher(alice, charlie):
    wrong_passwords("alice", TEACHER_ACCOUNT.most)
    assert signed_in(sign_in("charlie", "pw-charlie-123!"))


def test_many_wrong_passwords_from_one_address_stop_every_account_from_it(alice, charlie):
    SignInCounter.objects.create(
        scope=TEACHER_ADDRESS.scope,
        key="127.0.0.1",
        tries=TEACHER_ADDRESS.most,
        started=timezone.now(),
    )
    response = sign_in("charlie", "pw-charlie-123!")
    assert not signed_in(response) and ADDRESS_PAUSED in response.content.decode()


def test_the_pause_ends_by_itself(alice):
    wrong_passwords("alice", TEACHER_ACCOUNT.most)
    SignInCounter.objects.update(
        started=timezone.now() - TEACHER_ACCOUNT.window - timedelta(seconds=1)
    )
    assert signed_in(sign_in("alice", RIGHT))


def test_a_new_password_through_the_emailed_link_ends_the_pause(alice):
    wrong_passwords("alice", TEACHER_ACCOUNT.most)
    client = Client()
    client.post(reverse("password_reset"), {"email": "alice@example.org"})
    link = re.search(r"http://testserver(/accounts/reset/\S+/)", mail.outbox[0].body).group(1)
    form = client.get(link).url  # Django moves the token out of the address
    new = {"new_password1": "n3w-Pass-word!", "new_password2": "n3w-Pass-word!"}
    assert client.post(form, new).status_code == 302
    assert signed_in(sign_in("alice", "n3w-Pass-word!"))


def test_asking_for_a_reset_email_alone_does_not_end_the_pause(alice):
    wrong_passwords("alice", TEACHER_ACCOUNT.most)
    Client().post(reverse("password_reset"), {"email": "alice@example.org"})
    assert not signed_in(sign_in("alice", RIGHT))


def test_signing_up_again_with_a_paused_name_makes_no_account_and_signs_no_one_in(
    alice, django_user_model
):
    wrong_passwords("alice", TEACHER_ACCOUNT.most)
    client = Client()
    data = {"username": "alice", "email": "x@example.org"}
    response = client.post(
        reverse("signup"), {**data, "password1": "Z9-long-pw", "password2": "Z9-long-pw"}
    )
    assert response.status_code == 200 and django_user_model.objects.count() == 1
    assert client.get(reverse("classes:list")).status_code == 302


def test_an_empty_or_odd_sign_in_counts_nothing(alice):
    for data in ({}, {"username": "alice"}, {"username": "a\x00b", "password": "x"}):
        assert Client().post(reverse("login"), data).status_code == 200
    assert not SignInCounter.objects.exists()


def test_deleting_the_account_forgets_its_count(alice):
    wrong_passwords("alice", 2)
    client = Client()
    client.force_login(alice)
    client.post(reverse("accounts:delete"), {"username": "alice", "password": RIGHT})
    assert not SignInCounter.objects.filter(scope=TEACHER_ACCOUNT.scope).exists()


def test_the_it_command_lets_a_paused_teacher_sign_in_again(alice):
    wrong_passwords("alice", TEACHER_ACCOUNT.most)
    call_command("resume_sign_in", "Alice", stdout=StringIO())
    assert signed_in(sign_in("alice", RIGHT))


def test_the_it_command_ends_an_addresss_pause(alice):
    SignInCounter.objects.create(
        scope=TEACHER_ADDRESS.scope,
        key="127.0.0.1",
        tries=TEACHER_ADDRESS.most,
        started=timezone.now(),
    )
    call_command("resume_sign_in", "--address", "127.0.0.1", stdout=StringIO())
    assert signed_in(sign_in("alice", RIGHT))


def test_the_it_command_refuses_an_address_that_is_not_one():
    with pytest.raises(CommandError, match="does not appear to be an IPv4 or IPv6 address"):
        call_command("resume_sign_in", "--address", "school-router")
