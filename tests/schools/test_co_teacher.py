"""A co-teacher plans and runs the day; the owner alone deletes, hands on and
chooses co-teachers."""

from django.urls import reverse

from tests.plans.test_plans import generate


def test_the_co_teachers_class_list_and_class_page_show_the_class(bob_client, co_taught):
    assert "Room 12" in bob_client.get(reverse("classes:list")).content.decode()
    page = bob_client.get(reverse("classes:detail", args=[co_taught.pk])).content.decode()
    assert "Owner: alice" in page and "Leave this class" in page


def test_a_co_teacher_plans_partnerships(bob_client, co_taught):
    generate(bob_client, co_taught)
    assert co_taught.plans.filter(is_draft=True).exists()


def test_a_co_teacher_does_not_see_delete_or_the_co_teachers_page(bob_client, co_taught):
    page = bob_client.get(reverse("classes:detail", args=[co_taught.pk])).content.decode()
    assert reverse("classes:delete", args=[co_taught.pk]) not in page
    assert f'href="{reverse("teachers:index", args=[co_taught.pk])}"' not in page


def test_a_co_teacher_cannot_delete_the_class_or_manage_its_teachers(bob_client, co_taught, bob):
    at = [co_taught.pk]
    for url in (
        reverse("classes:delete", args=at),
        reverse("teachers:index", args=at),
        reverse("teachers:remove", args=[*at, bob.pk]),
        reverse("teachers:transfer", args=[*at, bob.pk]),
    ):
        assert bob_client.post(url, {"name": "Room 12", "who": "alice"}).status_code == 403, url
    co_taught.refresh_from_db()
    assert co_taught.teacher.username == "alice" and list(co_taught.co_teachers.all()) == [bob]


def test_the_owner_sees_delete_and_the_co_teachers(alice_client, co_taught):
    page = alice_client.get(reverse("classes:detail", args=[co_taught.pk])).content.decode()
    assert reverse("classes:delete", args=[co_taught.pk]) in page
    assert "Co-teachers: bob" in page


def test_a_co_teacher_leaves_the_class(bob_client, co_taught):
    url = reverse("teachers:leave", args=[co_taught.pk])
    assert "Stop co-teaching Room 12?" in bob_client.get(url).content.decode()
    bob_client.post(url)
    assert not co_taught.co_teachers.exists()
    assert bob_client.get(reverse("classes:detail", args=[co_taught.pk])).status_code == 404


def test_the_owner_cannot_leave_their_own_class(alice_client, co_taught):
    assert alice_client.post(reverse("teachers:leave", args=[co_taught.pk])).status_code == 403


def test_the_owner_removes_a_co_teacher(alice_client, co_taught, bob):
    alice_client.post(reverse("teachers:remove", args=[co_taught.pk, bob.pk]))
    assert not co_taught.co_teachers.exists()


def test_the_delete_page_says_the_co_teachers_lose_the_class(alice_client, co_taught):
    page = alice_client.get(reverse("classes:delete", args=[co_taught.pk])).content.decode()
    assert "Its co-teachers (bob) lose it too." in page


def test_a_restored_class_has_the_restorer_as_owner_and_no_co_teachers(co_taught, bob):
    from partnerup.classes import archive

    restored = archive.restore_class(bob, archive.export_class(co_taught))
    assert restored.teacher == bob and not restored.co_teachers.exists()
    assert restored.name == "Room 12 (restored)"  # bob already has a Room 12: the co-taught one
