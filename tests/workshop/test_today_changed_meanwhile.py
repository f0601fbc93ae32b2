import pytest

from partnerup.plans.services import BOARD_CHANGED, members_token
from tests.workshop.test_today import groups, open_today, post, room12, today  # noqa: F401

pytestmark = pytest.mark.django_db


def test_a_move_on_today_that_changed_meanwhile_shows_today_now(alice_client, room12):  # noqa: F811
    open_today(alice_client, room12)
    before = groups(today(room12))
    stale = members_token(before[0])
    post(alice_client, room12, "adjust", student=before[0][0], to="new", confirm="yes")
    mover = before[3][0]
    response = post(
        alice_client, room12, "adjust", student=mover, to="0", members=stale, confirm="yes"
    )
    assert BOARD_CHANGED in response.content.decode()
    assert mover in groups(today(room12))[3]
    assert f'data-members="{members_token(groups(today(room12))[0])}"' in open_today(
        alice_client, room12
    )
