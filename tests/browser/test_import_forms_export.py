"""A teacher on a tablet imports a Google Forms export: the preview shows what each
question feeds, one column is changed, and the class page shows the ranked choices."""

from pathlib import Path

from partnerup.classes.models import Classroom

from .conftest import TABLET, shot
from .test_new_teacher import sign_up

EXPORT = Path(__file__).parent.parent / "fixtures" / "rosters" / "google_forms_en.csv"


def open_import_page(open_page, name="Room 12"):
    """A new teacher on a tablet, on the import page of a new class."""
    page = open_page(TABLET)
    sign_up(page)
    page.get_by_role("link", name="New class").click()
    page.get_by_label("Class name").fill(name)
    page.get_by_role("button", name="Save").click()
    page.get_by_role("link", name="Import roster CSV").click()
    return page


def test_a_google_forms_export_is_imported_with_one_column_changed(open_page):
    page = open_import_page(open_page)
    page.get_by_text("Accepted columns and a template").click()
    assert page.get_by_role("link", name="Download a template (CSV)").is_visible()
    shot(page, "import-forms-01-import-page")
    page.get_by_label("Roster file").set_input_files(str(EXPORT))
    page.get_by_role("button", name="Preview", exact=True).click()
    goal = page.get_by_label("What is your writing goal?")
    assert goal.input_value() == "goals"
    assert page.get_by_label("Email address").input_value() == ""
    shot(page, "import-forms-02-columns-guessed")

    goal.select_option("interests")
    page.get_by_role("button", name="Preview with these columns").click()
    assert page.get_by_label("What is your writing goal?").input_value() == "interests"
    ana = page.locator("table.import-new tbody tr").first  # Ana Ruiz, the first answer
    assert ana.inner_text().startswith("Ana Ruiz") and "horses, lead" in ana.inner_text()
    shot(page, "import-forms-03-column-changed")

    page.get_by_role("button", name="Import 6 students").click()
    page.get_by_text("Imported: 6 new, 0 updated, 0 unchanged, 0 removed.").wait_for()
    row = page.locator("tbody tr", has=page.get_by_role("link", name="Ana Ruiz")).inner_text()
    assert "Ben Okafor, Cy Lee, Di Park" in row
    shot(page, "import-forms-04-class-page")
    classroom = Classroom.objects.get(name="Room 12")
    assert classroom.students.get(name="Ana Ruiz").goals == []
    assert classroom.import_columns["fields"][5] == "interests"
