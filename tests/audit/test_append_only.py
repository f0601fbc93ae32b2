"""The activity record is append-only: the model and the database refuse change and delete.

Run on both databases (SQLite by default; PostgreSQL with DATABASE_URL)."""

import pytest
from django.db import DatabaseError, connection, transaction

from partnerup.audit.models import AppendOnlyError, AuditEntry

pytestmark = pytest.mark.django_db


@pytest.fixture
def entry():
    return AuditEntry.objects.create(
        class_id=7, class_name="Room 12", owner_id=1, actor_id=1, actor_label="alice",
        action="viewed", page="workshop:today", what="Today page", address="10.0.0.5",
        request_id="abc",
    )  # fmt: skip


def test_a_new_entry_is_saved(entry):
    assert AuditEntry.objects.get(pk=entry.pk).what == "Today page"


def test_the_model_refuses_to_save_an_existing_entry_again(entry):
    entry.what = "something else"
    with pytest.raises(AppendOnlyError):
        entry.save()
    assert AuditEntry.objects.get(pk=entry.pk).what == "Today page"


def test_the_model_refuses_to_delete_an_entry(entry):
    with pytest.raises(AppendOnlyError):
        entry.delete()
    assert AuditEntry.objects.filter(pk=entry.pk).exists()


def test_the_database_refuses_a_queryset_update(entry):
    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic():
        AuditEntry.objects.filter(pk=entry.pk).update(what="rewritten")
    assert AuditEntry.objects.get(pk=entry.pk).what == "Today page"


def test_the_database_refuses_a_queryset_delete(entry):
    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic():
        AuditEntry.objects.filter(pk=entry.pk).delete()
    assert AuditEntry.objects.filter(pk=entry.pk).exists()


def test_the_database_refuses_a_raw_update(entry):
    refused = pytest.raises(DatabaseError, match="append-only")
    with refused, transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("UPDATE audit_auditentry SET actor_label = 'mallory'")
    assert AuditEntry.objects.get(pk=entry.pk).actor_label == "alice"


def test_the_database_refuses_a_raw_delete(entry):
    refused = pytest.raises(DatabaseError, match="append-only")
    with refused, transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("DELETE FROM audit_auditentry")
    assert AuditEntry.objects.filter(pk=entry.pk).exists()
