import pytest

from partnerup.reflections import services
from partnerup.reflections.models import CheckIn
from partnerup.voice.models import Answers

from .conftest import CHECK_IN, MY_GOAL, signed_in


@pytest.fixture
def goals(room):
    Answers.objects.create(student=room.ben, goal="elaboration")
    services.set_goal_words(room.ben, "Add more details to my dragon story")


@pytest.mark.django_db
def test_a_student_checks_in_on_todays_partners_goal(room, goals):
    client = signed_in(room.ana)
    page = client.get(CHECK_IN).content.decode()
    assert "adding details" in page and "dragon story" in page
    assert "Starting to" in page and "Ben's goal" in page and "Cy's goal" not in page
    response = client.post(CHECK_IN, {"partner": room.ben.pk, "level": 2})
    assert response.status_code == 200
    checkin = CheckIn.objects.get()
    assert (checkin.student, checkin.partner, checkin.level) == (room.ana, room.ben, 2)
    assert checkin.goal_skill == "elaboration"  # the goal as it was that day


@pytest.mark.django_db
def test_a_double_tap_records_one_check_in(room, goals):
    client = signed_in(room.ana)
    for _ in range(3):
        client.post(CHECK_IN, {"partner": room.ben.pk, "level": 2})
    assert CheckIn.objects.count() == 1
    client.post(CHECK_IN, {"partner": room.ben.pk, "level": 3})  # a change of mind
    assert list(CheckIn.objects.values_list("level", flat=True)) == [3]


@pytest.mark.django_db
@pytest.mark.parametrize(
    "bad", [{"level": "4"}, {"level": ""}, {"level": "\x00"}, {"partner": "x"}]
)
def test_odd_check_ins_are_refused_plainly(room, bad):
    response = signed_in(room.ana).post(CHECK_IN, {"partner": room.ben.pk, "level": 2, **bad})
    assert response.status_code == 400 and 'class="kid-problem"' in response.content.decode()
    assert not CheckIn.objects.exists()


@pytest.mark.django_db
def test_a_student_cannot_check_in_on_a_classmate_who_is_not_their_partner(room):
    response = signed_in(room.ana).post(CHECK_IN, {"partner": room.cy.pk, "level": 1})
    assert response.status_code == 400
    assert not CheckIn.objects.exists()


@pytest.mark.django_db
def test_the_partner_it_is_about_sees_it_and_nobody_else(room, goals):
    signed_in(room.ana).post(CHECK_IN, {"partner": room.ben.pk, "level": 2})
    assert "Your partner says: Starting to" in signed_in(room.ben).get(MY_GOAL).content.decode()
    for other in (room.ana, room.cy, room.di):
        for page in (MY_GOAL, CHECK_IN):
            assert "Your partner says" not in signed_in(other).get(page).content.decode()


@pytest.mark.django_db
def test_a_student_writes_their_goal_in_their_own_words(room):
    client = signed_in(room.cy)
    assert client.post(MY_GOAL, {"words": "Use talking marks"}).status_code == 200
    assert services.goal_of(room.cy).words == "Use talking marks"
    assert client.post(MY_GOAL, {"words": "x" * 121}).status_code == 400
    assert client.post(MY_GOAL, {"words": "a\x00"}).status_code == 400
    assert services.goal_of(room.cy).words == "Use talking marks"


@pytest.mark.django_db
def test_without_a_partner_today_the_page_says_so(room):
    room.days.all().delete()  # no plan: no day, no partners
    page = signed_in(room.ana).get(CHECK_IN).content.decode()
    assert "no partner today" in page
