"""Co-teachers and a school admin on a tablet: the owner invites, the co-teacher
accepts and runs Today without a Delete button; the school admin reads the school
and hands a class to another teacher."""

from partnerup import demo
from partnerup.classes.models import Classroom
from partnerup.plans import services as plans
from tests.classes.factories import load_class
from tests.schools.factories import make_school, make_teacher

from .conftest import TABLET, shot


def sign_in(open_page, username):
    page = open_page(viewport=TABLET)
    page.goto("/accounts/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(f"pw-{username}-123!")
    page.get_by_role("button", name="Sign in").click()
    page.get_by_role("heading", name="My classes").wait_for()
    return page


def room_of(owner) -> Classroom:
    classroom = load_class(
        Classroom.objects.create(teacher=owner, name="Room 12"), *demo.example_roster()
    )
    plans.save_as_current(plans.generate(classroom, {}), "Unit 1", None, None)
    return classroom


def test_the_owner_invites_and_the_co_teacher_runs_today_without_delete(open_page):
    alice, bob = make_teacher("alice"), make_teacher("bob")
    room = room_of(alice)
    owner = sign_in(open_page, "alice")
    owner.get_by_role("link", name="Room 12").click()
    owner.get_by_role("link", name="Co-teachers").click()
    owner.get_by_label("Username or email").fill("bob@example.org")
    owner.get_by_role("button", name="Invite").click()
    owner.get_by_text("Invited bob: they accept on their class list.").wait_for()
    shot(owner, "roles-01-owner-invited")

    co_teacher = sign_in(open_page, "bob")
    co_teacher.get_by_text("alice invites you to co-teach Room 12.").wait_for()
    shot(co_teacher, "roles-02-invitation-on-class-list")
    co_teacher.get_by_role("button", name="Accept").click()
    co_teacher.get_by_text("You now co-teach Room 12.").wait_for()
    co_teacher.get_by_role("link", name="Room 12").click()
    assert co_teacher.get_by_role("link", name="Delete class").count() == 0
    assert co_teacher.get_by_role("link", name="Leave this class").count() == 1
    shot(co_teacher, "roles-03-co-teacher-class-page")
    co_teacher.get_by_role("link", name="Today").first.click()
    co_teacher.get_by_role("heading", name="Today").first.wait_for()
    shot(co_teacher, "roles-04-co-teacher-today")
    assert list(room.co_teachers.all()) == [bob]
    owner.get_by_role("link", name="Room 12").click()
    owner.get_by_role("link", name="Co-teachers").click()
    shot(owner, "roles-05-owner-sees-the-co-teacher")


def test_the_school_admin_reads_the_school_and_hands_a_class_over(open_page):
    alice, dana, sam = make_teacher("alice"), make_teacher("dana"), make_teacher("sam")
    make_school(admins=[sam], teachers=[alice, dana])
    room = room_of(alice)
    admin = sign_in(open_page, "sam")
    admin.get_by_role("link", name="My school").click()
    admin.get_by_role("heading", name="Lincoln Elementary").wait_for()
    shot(admin, "roles-06-school-page")
    admin.get_by_role("link", name="Room 12").click()
    admin.get_by_role("heading", name="Current partnerships").wait_for()
    shot(admin, "roles-07-class-overview")
    admin.get_by_role("link", name="Hand this class to another teacher").click()
    admin.get_by_label("New owner").select_option(label="dana")
    shot(admin, "roles-08-hand-over")
    admin.get_by_role("button", name="Hand over the class").click()
    admin.get_by_text("Room 12 now belongs to dana.").wait_for()
    shot(admin, "roles-09-handed-over")
    room.refresh_from_db()
    assert room.teacher == dana and list(room.co_teachers.all()) == [alice]
    admin.get_by_role("link", name="Activity record").click()
    admin.get_by_role("heading", name="Activity record").wait_for()
    record = admin.locator("table").inner_text()
    assert "class handed to another teacher (school admin)" in record and "sam" in record
    assert "hand-over page (school admin)" in record  # looking is not handing over
    assert "Ana" not in record
    shot(admin, "roles-10-school-activity-record")
