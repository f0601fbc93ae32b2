"""The activity record on a tablet: from the class settings, filtered, and after the
class is deleted."""

from django.urls import reverse

from partnerup.audit.models import AuditEntry
from partnerup.demo import example_roster
from tests.classes.factories import load_class, make_classroom

from .conftest import TABLET, shot
from .test_today import PASSWORD, sign_in


def test_the_owner_reads_filters_and_keeps_the_record(open_page, django_user_model):
    teacher = django_user_model.objects.create_user("ms.lee", password=PASSWORD)
    classroom = load_class(make_classroom(teacher, name="Room 12"), *example_roster())
    page = open_page(TABLET)
    sign_in(page)
    page.goto(reverse("classes:detail", args=[classroom.pk]))
    page.get_by_role("link", name="Keep apart / together").click()
    page.goto(reverse("classes:detail", args=[classroom.pk]))
    page.get_by_role("link", name="Class settings").click()
    page.get_by_label("Class name").fill("Room 12B")
    page.get_by_role("button", name="Save").click()
    page.get_by_role("link", name="Class settings").click()
    page.get_by_role("link", name="See the activity record").click()
    page.get_by_role("heading", name="Activity record").wait_for()
    rows = page.locator("table.activity tbody tr")
    # This page's own view is written once the page is sent, so it shows from the next.
    shown = AuditEntry.objects.filter(class_id=classroom.pk).exclude(page="audit:activity")
    assert rows.count() == shown.count() == 4  # class page, rules, settings seen and changed
    assert rows.nth(0).inner_text().split("\t")[2:4] == ["changed", "class settings"]
    shot(page, "95-activity-record-tablet")

    page.get_by_label("Did").select_option("changed")
    page.get_by_role("button", name="Show").click()
    assert [row.split("\t")[2:4] for row in rows.all_inner_texts()] == [
        ["changed", "class settings"]
    ]
    shot(page, "96-activity-record-changed-tablet")

    page.goto(reverse("classes:delete", args=[classroom.pk]))
    page.get_by_label("Type the class name to confirm").fill("Room 12B")
    page.get_by_role("button", name="Delete this class").click()
    page.get_by_role("link", name="Activity of deleted classes").click()
    page.get_by_role("heading", name="Activity of deleted classes").wait_for()
    text = page.locator("table.activity").inner_text()
    assert "class deleted" in text and "Room 12B" in text
    for student in ("Ana", "Ben", "Carlos"):
        assert student not in page.content()
    shot(page, "97-deleted-classes-activity-tablet")
