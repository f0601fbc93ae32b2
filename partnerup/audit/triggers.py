"""Database triggers that refuse UPDATE and DELETE on the activity record's table.

The model already refuses (models.AuditEntry), but a queryset's update() or delete(),
a raw statement or another program reaches the table without the model. Installed by
migration 0002; the SQL lives here so tests can put the same triggers back after the
test runner empties the database (tests/conftest.py). Changing it needs a new migration.

PostgreSQL's TRUNCATE fires no row trigger: emptying the whole table stays possible for
whoever owns the database (Django's test flush uses it), as does dropping the triggers —
these guard against the application, not against the database's owner.
"""

from __future__ import annotations

TABLE = "audit_auditentry"
REFUSAL = "the activity record is append-only"

SQLITE_CREATE = [
    f"""CREATE TRIGGER audit_entry_no_update BEFORE UPDATE ON {TABLE}
        BEGIN SELECT RAISE(ABORT, '{REFUSAL}'); END""",
    f"""CREATE TRIGGER audit_entry_no_delete BEFORE DELETE ON {TABLE}
        BEGIN SELECT RAISE(ABORT, '{REFUSAL}'); END""",
]
SQLITE_DROP = [
    "DROP TRIGGER IF EXISTS audit_entry_no_update",
    "DROP TRIGGER IF EXISTS audit_entry_no_delete",
]
POSTGRESQL_CREATE = [
    f"""CREATE OR REPLACE FUNCTION audit_entry_refuse() RETURNS trigger
        LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION '{REFUSAL}'; END $$""",
    f"""CREATE TRIGGER audit_entry_append_only BEFORE UPDATE OR DELETE ON {TABLE}
        FOR EACH ROW EXECUTE FUNCTION audit_entry_refuse()""",
]
POSTGRESQL_DROP = [
    f"DROP TRIGGER IF EXISTS audit_entry_append_only ON {TABLE}",
    "DROP FUNCTION IF EXISTS audit_entry_refuse()",
]


def statements(vendor: str, create: bool) -> list[str]:
    if vendor == "sqlite":
        return SQLITE_CREATE if create else SQLITE_DROP
    if vendor == "postgresql":
        return POSTGRESQL_CREATE if create else POSTGRESQL_DROP
    return []  # another database: the model's own refusal still holds


def install(apps, schema_editor) -> None:
    for sql in statements(schema_editor.connection.vendor, create=True):
        schema_editor.execute(sql)


def remove(apps, schema_editor) -> None:
    for sql in statements(schema_editor.connection.vendor, create=False):
        schema_editor.execute(sql)
