from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from partnerup.reflections import services
from partnerup.reflections.models import CheckIn
from partnerup.voice.models import Answers

TODAY = timezone.localdate()


@pytest.mark.django_db
def test_the_teacher_sets_a_goal_from_the_checklist_and_in_own_words(alice_client, room):
    url = reverse("reflections:goal", args=[room.pk])
    sent = {"student": room.cy.pk, "skill": "dialogue", "words": "Talking marks"}
    assert alice_client.post(url, sent).status_code == 302
    assert services.goal_of(room.cy) == services.Goal("dialogue", "Talking marks")
    assert Answers.objects.get(student=room.cy).goal == "dialogue"
    room.cy.refresh_from_db()
    assert room.cy.goals[0] == "dialogue"
    page = alice_client.get(reverse("reflections:overview", args=[room.pk])).content.decode()
    assert "using dialogue · Talking marks" in page


@pytest.mark.django_db
@pytest.mark.parametrize("bad", [{"student": "999999"}, {"skill": "flying"}, {"words": "x" * 121}])
def test_odd_goals_are_refused(alice_client, room, bad):
    sent = {"student": room.cy.pk, "skill": "dialogue", "words": "", **bad}
    alice_client.post(reverse("reflections:goal", args=[room.pk]), sent)
    assert services.goal_of(room.cy) == services.Goal("", "")


@pytest.mark.django_db
def test_a_goal_whose_check_ins_do_not_move_up_is_stalled(room):
    Answers.objects.create(student=room.ben, goal="lead")
    for days_ago, level in ((3, 2), (2, 1), (1, 1)):
        CheckIn.objects.create(
            student=room.ana, partner=room.ben, on=TODAY - timedelta(days=days_ago),
            level=level, goal_skill="lead",
        )  # fmt: skip
    (stalled,) = services.stalled_goals(room, TODAY)
    assert stalled.student == room.ben.pk
    assert stalled.reason == "The last 3 check-ins on a strong lead did not move up."
    CheckIn.objects.create(student=room.ana, partner=room.ben, on=TODAY, level=2, goal_skill="lead")
    assert services.stalled_goals(room, TODAY) == []


@pytest.mark.django_db
def test_the_teacher_sees_each_partnerships_goal_progress(alice_client, room):
    Answers.objects.create(student=room.ben, goal="lead")
    CheckIn.objects.create(student=room.ana, partner=room.ben, on=TODAY, level=3, goal_skill="lead")
    groups = services.goal_progress(room, TODAY)
    assert [[p.student for p in g] for g in groups] == [
        [room.ana.pk, room.ben.pk],
        [room.cy.pk, room.di.pk],
    ]
    assert groups[0][1].checkins == ((TODAY, "Ana Ruiz", 3),)
