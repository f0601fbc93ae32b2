from django.urls import reverse

from partnerup.classes.models import Rule

from .factories import make_classroom, make_rule, make_student, pk_of, pks_of


def room_with(alice, *names, **fields_by_name):
    """A class of these students; avoid and past_partners name classmates and
    reading_partner names one, stored as their ids once everyone is in the class."""
    classroom = make_classroom(alice)
    for name in names:
        make_student(classroom, name=name)
    for name, fields in fields_by_name.items():
        student = classroom.students.get(name=name)
        for field in ("avoid", "past_partners"):
            if field in fields:
                setattr(student, field, pks_of(classroom, *fields[field]))
        if "reading_partner" in fields:
            student.reading_partner = classroom.students.get(name=fields["reading_partner"])
        student.save()
    return classroom


def rule_of(classroom, kind, *names):
    return make_rule(classroom, kind=kind, students=pks_of(classroom, *names))


def add(client, classroom, kind, *students):
    """Posts the rules form; a student is named (a student of the class: sent as their
    id) or given as an id or any other value, sent as it is."""
    sent = [pk_of(classroom, s) if _in_class(classroom, s) else s for s in students]
    return client.post(
        reverse("classes:rules", args=[classroom.pk]), {"kind": kind, "students": sent}
    )


def _in_class(classroom, student) -> bool:
    return isinstance(student, str) and classroom.students.filter(name=student).exists()


def saved_rules(classroom):
    """Each rule as (kind, [names]), in the order the rule keeps its students."""
    names = dict(classroom.students.values_list("pk", "name"))
    return [(r.kind, [names[pk] for pk in r.students]) for r in classroom.rules.order_by("pk")]


def test_the_rules_page_lists_each_rule_in_plain_words_with_a_delete_button(alice_client, alice):
    classroom = room_with(alice, "Ana", "Ben", "Cy")
    apart = rule_of(classroom, "keep_apart", "Ana", "Ben")
    rule_of(classroom, "keep_together", "Ben", "Cy")
    html = alice_client.get(reverse("classes:rules", args=[classroom.pk])).content.decode()
    assert "Keep apart: Ana, Ben" in html and "Keep together: Ben, Cy" in html
    assert reverse("classes:rule_delete", args=[classroom.pk, apart.pk]) in html


def test_the_form_offers_the_class_students_as_checkboxes(alice_client, alice):
    classroom = room_with(alice, "Ana", "Ben")
    html = alice_client.get(reverse("classes:rules", args=[classroom.pk])).content.decode()
    for name in ("Ana", "Ben"):
        checkbox = f'type="checkbox" name="students" value="{pk_of(classroom, name)}"'
        assert checkbox in html and f"<span>{name}</span>" in html
    assert 'type="radio" name="kind" value="keep_together"' in html


def test_the_class_page_links_to_the_rules(alice_client, alice):
    classroom = make_classroom(alice)
    html = alice_client.get(reverse("classes:detail", args=[classroom.pk])).content.decode()
    assert reverse("classes:rules", args=[classroom.pk]) in html


def test_add_a_keep_apart_rule_of_three(alice_client, alice):
    classroom = room_with(alice, "Ana", "Ben", "Cy", "Di")
    response = add(alice_client, classroom, "keep_apart", "Cy", "Ana", "Ben")
    assert response.url == reverse("classes:rules", args=[classroom.pk])
    assert saved_rules(classroom) == [("keep_apart", ["Ana", "Ben", "Cy"])]
    assert classroom.rules.get().students == pks_of(classroom, "Ana", "Ben", "Cy")
    page = alice_client.get(response.url).content.decode()
    assert "Added the rule “Keep apart: Ana, Ben, Cy”" in page


def test_add_a_keep_together_rule(alice_client, alice):
    classroom = room_with(alice, "Ana", "Ben", "Cy")
    add(alice_client, classroom, "keep_together", "Ana", "Ben")
    assert saved_rules(classroom) == [("keep_together", ["Ana", "Ben"])]


def test_delete_a_rule(alice_client, alice):
    classroom = room_with(alice, "Ana", "Ben")
    rule = rule_of(classroom, "keep_apart", "Ana", "Ben")
    response = alice_client.post(reverse("classes:rule_delete", args=[classroom.pk, rule.pk]))
    assert response.url == reverse("classes:rules", args=[classroom.pk])
    assert not classroom.rules.exists()


def test_delete_needs_a_post(alice_client, alice):
    classroom = room_with(alice, "Ana", "Ben")
    rule = rule_of(classroom, "keep_apart", "Ana", "Ben")
    response = alice_client.get(reverse("classes:rule_delete", args=[classroom.pk, rule.pk]))
    assert response.status_code == 405 and classroom.rules.exists()


# --- bad input: each refused in plain words, nothing saved ----------------------------


def refused(client, classroom, kind, *students):
    before = saved_rules(classroom)
    response = add(client, classroom, kind, *students)
    assert response.status_code == 200
    assert saved_rules(classroom) == before
    return response.content.decode()


def test_one_student_is_refused(alice_client, alice):
    classroom = room_with(alice, "Ana", "Ben")
    assert "Pick at least two students." in refused(alice_client, classroom, "keep_apart", "Ana")


def test_no_student_is_refused(alice_client, alice):
    classroom = room_with(alice, "Ana", "Ben")
    assert "Pick at least two students." in refused(alice_client, classroom, "keep_apart")


def test_a_missing_kind_is_refused(alice_client, alice):
    classroom = room_with(alice, "Ana", "Ben")
    assert "Choose keep apart or keep together." in refused(
        alice_client, classroom, "", "Ana", "Ben"
    )


def test_a_lock_cannot_be_added_here(alice_client, alice):
    classroom = room_with(alice, "Ana", "Ben")
    assert "lock is not one of the available choices" in refused(
        alice_client, classroom, "lock", "Ana", "Ben"
    )


def test_a_name_not_in_the_class_is_refused(alice_client, alice):
    classroom = room_with(alice, "Ana", "Ben")
    zed = make_student(make_classroom(alice, name="Room 14"), name="Zed")
    html = refused(alice_client, classroom, "keep_apart", "Ana", zed.pk)
    assert f"&#x27;{zed.pk}&#x27; is not a student in this class." in html
    html = refused(alice_client, classroom, "keep_apart", "Ana", "Zed")
    assert "&#x27;Zed&#x27; is not a student in this class." in html


def test_keep_together_of_four_is_refused(alice_client, alice):
    classroom = room_with(alice, "Ana", "Ben", "Cy", "Di")
    html = refused(alice_client, classroom, "keep_together", "Ana", "Ben", "Cy", "Di")
    assert "Keep together is for two or three students" in html and "you picked 4" in html


def test_the_same_rule_twice_is_refused(alice_client, alice):
    classroom = room_with(alice, "Ana", "Ben")
    rule_of(classroom, "keep_apart", "Ana", "Ben")
    html = refused(alice_client, classroom, "keep_apart", "Ben", "Ana")
    assert "The rule “Keep apart: Ana, Ben” already covers this." in html


def test_a_rule_inside_an_existing_one_is_refused_as_a_duplicate(alice_client, alice):
    classroom = room_with(alice, "Ana", "Ben", "Cy")
    rule_of(classroom, "keep_apart", "Ana", "Ben", "Cy")
    html = refused(alice_client, classroom, "keep_apart", "Ana", "Cy")
    assert "The rule “Keep apart: Ana, Ben, Cy” already covers this." in html


def test_keep_together_of_a_pair_kept_apart_names_the_clash(alice_client, alice):
    classroom = room_with(alice, "Ana", "Ben", "Cy")
    rule_of(classroom, "keep_apart", "Ana", "Ben")
    html = refused(alice_client, classroom, "keep_together", "Ana", "Ben")
    assert "clashes with the class&#x27;s other rules" in html
    assert "Ana and Ben: keep-apart rule Ana–Ben" in html


def test_keep_apart_of_a_pair_kept_together_names_the_clash(alice_client, alice):
    classroom = room_with(alice, "Ana", "Ben", "Cy")
    rule_of(classroom, "keep_together", "Ana", "Ben")
    html = refused(alice_client, classroom, "keep_apart", "Ben", "Ana")
    assert "keep-together Ana–Ben breaks a rule: Ana and Ben: keep-apart rule Ana–Ben" in html


def test_keep_together_of_a_student_and_someone_they_avoid_names_the_clash(alice_client, alice):
    classroom = room_with(alice, "Ana", "Ben", "Cy", Ana={"avoid": ["Cy"]})
    html = refused(alice_client, classroom, "keep_together", "Ana", "Ben", "Cy")
    assert "Ana and Cy: Ana avoids Cy" in html


def test_keep_together_of_reading_partners_names_the_clash(alice_client, alice):
    classroom = room_with(alice, "Ana", "Ben", Ben={"reading_partner": "Ana"})
    assert "Ana and Ben: reading partners" in refused(
        alice_client, classroom, "keep_together", "Ana", "Ben"
    )


def test_keep_together_rules_joining_four_students_name_the_clash(alice_client, alice):
    classroom = room_with(alice, "Ana", "Ben", "Cy", "Di")
    rule_of(classroom, "keep_together", "Ana", "Ben")
    html = refused(alice_client, classroom, "keep_together", "Ben", "Cy", "Di")
    assert "keep-together rules join 4 students (Ana, Ben, Cy, Di)" in html


def test_past_partners_may_be_kept_together_since_repeats_are_a_plan_setting(alice_client, alice):
    classroom = room_with(alice, "Ana", "Ben", Ana={"past_partners": ["Ben"]})
    add(alice_client, classroom, "keep_together", "Ana", "Ben")
    assert saved_rules(classroom) == [("keep_together", ["Ana", "Ben"])]


def test_an_old_clash_does_not_block_an_unrelated_rule(alice_client, alice):
    classroom = room_with(alice, "Ana", "Ben", "Cy", "Di", Ana={"avoid": ["Ben"]})
    rule_of(classroom, "keep_together", "Ana", "Ben")
    add(alice_client, classroom, "keep_apart", "Cy", "Di")
    assert ("keep_apart", ["Cy", "Di"]) in saved_rules(classroom)


def test_names_in_rules_are_shown_as_text(alice_client, alice):
    classroom = room_with(alice, "<script>alert(1)</script>", "Ben")
    rule_of(classroom, "keep_apart", "<script>alert(1)</script>", "Ben")
    html = alice_client.get(reverse("classes:rules", args=[classroom.pk])).content.decode()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html and "<script>alert" not in html


# --- another teacher -------------------------------------------------------------------


def test_another_teacher_gets_404_on_every_rules_url_and_cannot_delete(client, alice, charlie):
    classroom = room_with(alice, "Secretname", "Ben")
    rule = rule_of(classroom, "keep_apart", "Secretname", "Ben")
    own = make_classroom(charlie)
    client.force_login(charlie)
    urls = [
        ("get", reverse("classes:rules", args=[classroom.pk])),
        ("post", reverse("classes:rules", args=[classroom.pk])),
        ("post", reverse("classes:rule_delete", args=[classroom.pk, rule.pk])),
        # Their own class with alice's rule id must not reach alice's rule.
        ("post", reverse("classes:rule_delete", args=[own.pk, rule.pk])),
    ]
    tried = {"kind": "keep_together", "students": pks_of(classroom, "Secretname", "Ben")}
    for method, url in urls:
        response = getattr(client, method)(url, tried)
        assert response.status_code == 404, url
        assert b"Secretname" not in response.content
    assert Rule.objects.filter(pk=rule.pk).exists() and saved_rules(classroom) == [
        ("keep_apart", ["Secretname", "Ben"])
    ]
