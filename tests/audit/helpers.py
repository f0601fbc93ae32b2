from partnerup.audit.models import AuditEntry


def recorded(**where) -> list[tuple[str, str]]:
    """(action, page) of the entries matching, oldest first."""
    return list(AuditEntry.objects.filter(**where).order_by("pk").values_list("action", "page"))


def make_entry(classroom=None, **fields) -> AuditEntry:
    """An entry as the middleware would write it, defaults filled in."""
    if classroom is not None:
        fields.setdefault("class_id", classroom.pk)
        fields.setdefault("class_name", classroom.name)
        fields.setdefault("owner_id", classroom.teacher_id)
        fields.setdefault("actor_id", classroom.teacher_id)
    fields.setdefault("actor_label", "alice")
    fields.setdefault("action", "viewed")
    fields.setdefault("page", "workshop:today")
    fields.setdefault("what", "Today page")
    fields.setdefault("address", "10.0.0.5")
    fields.setdefault("request_id", "r1")
    return AuditEntry.objects.create(**fields)
