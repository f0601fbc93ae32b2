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


@pytest.fixture(autouse=True, scope="session")
def _test_flush_keeps_the_activity_record_append_only():
    """Between transactional tests Django empties every table; on SQLite that is a
    DELETE, which the activity record's trigger refuses. The flush lifts the triggers
    and puts the same ones back in its own transaction (PostgreSQL's TRUNCATE fires
    no row trigger)."""
    from django.db import connection

    from partnerup.audit import triggers

    if connection.vendor != "sqlite":
        yield
        return
    DatabaseOperations = type(connection.ops)
    emptying = DatabaseOperations.sql_flush

    def sql_flush(self, style, tables, **options):
        statements = emptying(self, style, tables, **options)
        if triggers.TABLE not in tables:
            return statements
        return [*triggers.SQLITE_DROP, *statements, *triggers.SQLITE_CREATE]

    DatabaseOperations.sql_flush = sql_flush
    yield
    DatabaseOperations.sql_flush = emptying
