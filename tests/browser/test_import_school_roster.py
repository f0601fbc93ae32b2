"""A teacher on a tablet imports one class of the school's OneRoster bundle: the classes
are offered, one is chosen, the preview lists its students, and the class page shows
them, with the school's ids kept."""

from partnerup.classes.models import Classroom
from tests.school_bundles import PRIVATE, oneroster_bundle

from .conftest import shot
from .test_import_forms_export import open_import_page


def test_a_class_of_a_oneroster_bundle_is_chosen_previewed_and_imported(open_page, tmp_path):
    bundle = tmp_path / "lincoln-elementary.zip"
    bundle.write_bytes(oneroster_bundle("1.2"))
    page = open_import_page(open_page)
    page.get_by_label("Roster file").set_input_files(str(bundle))
    page.get_by_role("button", name="Preview", exact=True).click()
    choice = page.get_by_label("Class in the school's roster")
    assert "Writing 3A · 3A-W · grade 3 · 4 students" in choice.inner_text()
    shot(page, "import-oneroster-01-classes")

    choice.select_option(label="Writing 3A · 3A-W · grade 3 · 4 students")
    page.get_by_role("button", name="Preview this class").click()
    names = page.locator("table.import-new tbody td:first-child").all_inner_texts()
    assert names == ["Ana Ruiz", "Ben Okafor", "Cy Lee", "Di Park"]
    assert page.get_by_label("First name").input_value() == "first_name"
    shot(page, "import-oneroster-02-preview")

    page.get_by_role("button", name="Import 4 students").click()
    page.get_by_text("Imported: 4 new, 0 updated, 0 unchanged, 0 removed.").wait_for()
    assert page.get_by_role("link", name="Cy Lee").is_visible()
    assert not [value for value in PRIVATE if value in page.content()]
    shot(page, "import-oneroster-03-class-page")
    classroom = Classroom.objects.get(name="Room 12")
    assert sorted(classroom.students.values_list("external_id", flat=True)) == [
        "s-101", "s-102", "s-103", "s-104"
    ]  # fmt: skip
