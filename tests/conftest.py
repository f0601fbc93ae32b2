import pytest


@pytest.fixture
def alice(django_user_model):
    """Owns the class."""
    return django_user_model.objects.create_user("alice", "alice@example.org", "pw-alice-123!")


@pytest.fixture
def charlie(django_user_model):
    """An outsider who must see nothing of alice's classes."""
    return django_user_model.objects.create_user(
        "charlie", "charlie@example.org", "pw-charlie-123!"
    )


@pytest.fixture
def alice_client(client, alice):
    client.force_login(alice)
    return client
