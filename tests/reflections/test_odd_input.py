"""Odd input to every student form of this app: a plain answer, never a server error
(tests/test_fuzz_forms.py walks the pages as a teacher, who sees no student form)."""

import pytest

from tests.test_fuzz_forms import ODD_VALUES

from .conftest import CHECK_IN, MY_GOAL, REFLECT, signed_in

FORMS = {
    REFLECT: ("comfortable", "partner_helped", "helped_with", "sentence", "wants_talk"),
    CHECK_IN: ("partner", "level"),
    MY_GOAL: ("words",),
}


@pytest.mark.django_db
def test_odd_values_in_every_student_field_never_break_a_page(room):
    client = signed_in(room.ana)
    for url, fields in FORMS.items():
        for field in fields:
            for value in ODD_VALUES:
                for sent in ({field: value}, {field: [value, value]}):
                    response = client.post(url, sent)
                    assert response.status_code in (200, 400), (url, field, value[:20])
