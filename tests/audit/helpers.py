from partnerup.audit.models import AuditEntry


def recorded(**where) -> list[tuple[str, str]]:
    """(action, page) of the entries matching, oldest first."""
    return list(AuditEntry.objects.filter(**where).order_by("pk").values_list("action", "page"))
