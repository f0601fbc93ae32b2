"""Download everything (classes:export) and restore a class from it (classes:restore)."""

import csv
import io
import json
import zipfile
from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from partnerup import demo
from partnerup.classes.keys import key_pk, shown
from partnerup.classes.models import Classroom
from partnerup.classes.services import class_roster
from partnerup.conferring.models import ConferringSettings
from partnerup.reflections import services as reflections
from partnerup.reflections.models import CheckIn, ClosedFlag, GoalWords, Reflection
from partnerup.voice.class_traits import traits_of
from partnerup.voice.models import Answers, SignInCard, SurveyQuestion
from partnerup.workshop.models import HeadlineNote, Support
from tests.classes.factories import load_class, make_classroom, make_rule, pk_of, pks_of
from tests.classes.test_delete_class import row_counts
from tests.plans.test_plans import draft_of, generate

TRICKY_NAME = '=HYPERLINK("x")'


def make_rich_class(client, teacher, name="Room 12"):
    """The demo roster with a rule, answers, a card, a saved plan, today's day with an
    absence and a lead turn, and a week of headline partners with a note."""
    classroom = load_class(make_classroom(teacher, name=name), *demo.example_roster())
    Classroom.objects.filter(pk=classroom.pk).update(name_display="first_initial")
    classroom.refresh_from_db()
    make_rule(classroom, kind="keep_apart", students=pks_of(classroom, "Maya", "Zoe"))
    ana, ben = pks_of(classroom, "Ana", "Ben")
    classroom.students.filter(pk=ana).update(teacher_notes="Loves horses.\nShy at first.")
    Support.objects.create(student_id=ben, observe_until=timezone.localdate())
    traits_of(classroom)
    classroom.traits.create(
        key="reads-aloud", en="reads my work aloud", es="lee mi trabajo en voz alta",
        offer_en="I can read your work aloud", offer_es="Puedo leer tu trabajo en voz alta",
        icon="listens",
    )  # fmt: skip
    question = SurveyQuestion.objects.create(classroom=classroom, text="What do you write?")
    Answers.objects.create(
        student_id=ana,
        wanted=["listens", "kind"],
        offered=["ideas"],
        ad_sentence="I want a partner who likes horses.",
        answered_ads=pks_of(classroom, "Lucia", "Camila"),
        tchart_like="listens",
        tchart_offer="ideas",
        goal="spelling",
        survey={str(question.pk): "Stories about ñandúes"},
        ad_at=timezone.now(),
        survey_at=timezone.now(),
    )
    SignInCard.objects.create(student_id=ana, language="es")
    generate(client, classroom)
    plan = draft_of(classroom)
    save = reverse("plans:save", args=[classroom.pk, plan.pk])
    client.post(save, {"name": "Unit 1", "starts": "2026-09-15", "ends": "2026-10-20"})
    assert classroom.current_plan is not None
    assert client.get(reverse("workshop:today", args=[classroom.pk])).status_code == 200
    absent = reverse("workshop:absent", args=[classroom.pk])
    client.post(absent, {"student": pk_of(classroom, "Theo"), "absent": "yes"})
    client.post(reverse("workshop:turn", args=[classroom.pk]), {"turns_seen": 0})
    client.post(reverse("workshop:quiet_first", args=[classroom.pk]), {"on": "yes"})
    choosers = {"choosers": pks_of(classroom, "Ben", "Maya", "Ella", "Omar"), "length": "week"}
    client.post(reverse("workshop:temporary", args=[classroom.pk]), choosers)
    make = reverse("workshop:headline_make", args=[classroom.pk])
    client.post(make, {"monday": "2026-09-14"})
    week = classroom.headlines.get()
    HeadlineNote.objects.create(week=week, student_id=week.groups[0][0], plus_one="Funny start")
    note = reverse("conferring:note", args=[classroom.pk])
    three_days_ago = str(timezone.localdate() - timedelta(days=3))
    client.post(note, {"students": [ana, ben], "skill": "lead", "support": "coach",
                       "compliment": "Your lead hooks me", "teaching_point": "Try a question",
                       "next_step_typed": "=SUM(A1)", "day": three_days_ago,
                       "once": "abcdefgh12"})  # fmt: skip
    client.post(note, {"students": [ana], "skill": "ending", "next_step": "dialogue"})
    client.post(
        reverse("conferring:colours", args=[classroom.pk]), {"green_days": 7, "yellow_days": 20}
    )
    assert classroom.conference_notes.count() == 3
    log = reverse("choicetime:log", args=[classroom.pk])
    seen = {"students": pks_of(classroom, "Ana", "Omar", "Ella"), "date": "2026-09-15"}
    client.post(log, {**seen, "date": timezone.localdate().isoformat()})
    client.post(log, {"students": pks_of(classroom, "Ben", "Maya"), "date": seen["date"]})
    assert classroom.choice_time.count() == 2
    assert classroom.days.get().absent and classroom.days.get().turns.exists()
    assert classroom.routine.quiet_lead_first and classroom.temporary_partners.exists()
    add_partner_jobs(client, classroom)
    _help_board(classroom, ana, ben)
    add_reflections(classroom)
    return classroom


def add_partner_jobs(client, classroom):
    """Partner jobs: a role of the class's own with a frame, roles for the unit and today."""
    jobs = reverse("jobs:index", args=[classroom.pk])
    client.get(jobs)
    pair = {"en": "Asker", "es": "Preguntón", "pair_en": "Answerer", "pair_es": "Respondón"}
    client.post(reverse("jobs:role_add", args=[classroom.pk]), pair)
    asker = classroom.partner_roles.get(en="Asker")
    frame = {"en": "Why did you…?", "es": "¿Por qué…?"}
    client.post(reverse("jobs:frame_add", args=[classroom.pk, asker.pk]), frame)
    editor = classroom.partner_roles.get(key="editor")
    choose = reverse("jobs:choose", args=[classroom.pk])
    client.post(choose, {"roles": [asker.pk, editor.pk], "length": "unit"})
    client.post(choose, {"roles": [editor.pk], "length": "today"})
    assert classroom.job_choices.count() == 2


def _help_board(classroom, ana, ben):
    """The help board: approval on, Ana's need matched to Ben, a closed need (helpboard)."""
    from partnerup.helpboard import services as help

    help.set_needs_approval(classroom, False)
    maya = classroom.students.get(name="Maya")
    help.post_help(classroom.students.get(pk=ben), "offer", "spelling", timezone.now())
    help.post_help(classroom.students.get(pk=ana), "need", "spelling", timezone.now())
    closed = help.post_help(maya, "need", "spelling", timezone.now())
    help.close_post(closed, timezone.now())
    help.set_needs_approval(classroom, True)
    help.post_help(maya, "offer", "craft", timezone.now())
    assert classroom.help_posts.get(student_id=ana).helper_id == ben


def add_reflections(classroom):
    """Goals in own words, a check-in, reflections that raised flags, one closed."""
    ana, ben, lucia = pks_of(classroom, "Ana", "Ben", "Lucia")
    GoalWords.objects.create(student_id=ana, words="Más detalles")
    today = timezone.localdate()
    CheckIn.objects.create(
        student_id=ben, partner_id=ana, on=today, level=2, goal_skill="spelling", goal_words="Más"
    )
    for days_ago, student, partner in ((1, ana, ben), (0, ana, ben), (0, lucia, ben)):
        Reflection.objects.create(
            student_id=student, on=today - timezone.timedelta(days=days_ago), partners=[partner],
            comfortable=1, partner_helped=2, helped_with=["lead"], sentence="¿Ayuda?",
            wants_talk=student == lucia,
        )  # fmt: skip
    low = next(f for f in reflections.open_flags(classroom) if f.kind == "low_twice")
    assert reflections.close_flag(classroom, "low_twice", low.reflections, "Hablamos.")
    assert [f.kind for f in reflections.open_flags(classroom)] == ["asks_to_talk"]


def described(classroom: Classroom) -> dict:
    """Everything the class holds, with every student named (ids differ after restore)."""
    names = dict(classroom.students.values_list("pk", "name"))
    plan_names = dict(classroom.plans.values_list("pk", "name"))
    questions = dict(classroom.survey_questions.values_list("pk", "text"))

    def named(pks):
        return [names[pk] for pk in pks]

    def arrangement(stored):
        groups = [
            (
                [names[key_pk(k)] for k in g["members"]],
                {names[key_pk(k)]: role for k, role in g["roles"].items()},
                [shown(reason, names) for reason in g["reasons"]],
                g["score"],
            )
            for g in stored["groups"]
        ]
        return groups, [names[key_pk(k)] for k in stored["floaters"]]

    students = {}
    for s in classroom.students.select_related("answers", "card", "support"):
        fields = {
            f: getattr(s, f)
            for f in (
                "external_id", "level", "goals", "strengths", "interests", "home_language",
                "english_level", "talk", "often_absent", "social_support", "floater",
                "new_student", "teacher_notes",
            )
        }  # fmt: skip
        fields.update({f: named(getattr(s, f)) for f in ("choices", "avoid", "past_partners")})
        fields["reading_partner"] = names.get(s.reading_partner_id)
        card = getattr(s, "card", None)
        fields["card"] = card.language if card else None
        support = getattr(s, "support", None)
        fields["support"] = (support.observe_until, support.with_teacher) if support else None
        answers = getattr(s, "answers", None)
        if answers:
            fields["answers"] = (
                answers.wanted, answers.offered, answers.ad_sentence,
                named(answers.answered_ads), answers.tchart_like, answers.tchart_offer,
                answers.goal, {questions[int(q)]: a for q, a in answers.survey.items()},
                answers.ad_at, answers.survey_at,
            )  # fmt: skip
        students[s.name] = fields
    reflections_of = classroom.students.filter(pk__in=names)
    return {
        "class": classroom.name_display,
        "goal_words": sorted(
            (names[g.student_id], g.words)
            for g in GoalWords.objects.filter(student__in=reflections_of)
        ),
        "checkins": sorted(
            (names[c.student_id], names[c.partner_id], c.on, c.level, c.goal_skill, c.goal_words)
            for c in CheckIn.objects.filter(student__in=reflections_of)
        ),
        "reflections": sorted(
            (
                names[r.student_id],
                r.on,
                named(r.partners),
                r.comfortable,
                r.partner_helped,
                r.helped_with,
                r.sentence,
                r.wants_talk,
            )
            for r in Reflection.objects.filter(student__in=reflections_of)
        ),  # fmt: skip
        "closed_flags": [
            (
                names[f.student_id],
                named(f.partners),
                f.kind,
                f.template,
                f.times,
                f.note,
                sorted(
                    (names[r.student_id], r.on)
                    for r in Reflection.objects.filter(pk__in=f.reflections)
                ),
            )
            for f in ClosedFlag.objects.filter(classroom=classroom)
        ],  # fmt: skip
        "open_flags": [(f.kind, f.reason) for f in reflections.open_flags(classroom)],
        "students": students,
        "rules": sorted((r.kind, named(r.students)) for r in classroom.rules.all()),
        "traits": list(
            classroom.traits.values_list("key", "en", "es", "offer_en", "offer_es", "icon", "is_on")
        ),
        "plans": [
            (
                p.name,
                p.starts,
                p.ends,
                p.is_current,
                p.is_draft,
                p.saved,
                p.settings,
                arrangement(p.arrangement),
            )  # fmt: skip
            for p in classroom.plans.order_by("created")
        ],
        "days": [
            (
                d.date,
                plan_names.get(d.plan_id),
                named(d.absent),
                d.turns_done,
                d.is_accepted,
                arrangement(d.arrangement),
                sorted(
                    (sorted(named(map(int, t.members.split("|")))), names[t.leader_id])
                    for t in d.turns.all()
                ),
            )  # fmt: skip
            for d in classroom.days.all()
        ],
        "quiet_lead_first": classroom.routine.quiet_lead_first,
        "temporary_partners": [
            (t.starts, t.ends, sorted(named(t.choosers)), arrangement(t.arrangement))
            for t in classroom.temporary_partners.all()
        ],
        "questions": list(questions.values()),
        "partner_jobs": (
            [
                (
                    r.key,
                    r.en,
                    r.es,
                    r.pair_en,
                    r.pair_es,
                    r.icon,
                    [(f.en, f.es) for f in r.frames.all()],
                )
                for r in classroom.partner_roles.all()
            ],
            sorted(
                (
                    str(plan_names.get(c.plan_id)),
                    str(c.day),
                    [classroom.partner_roles.get(pk=pk).key for pk in c.roles],
                )
                for c in classroom.job_choices.all()
            ),
        ),  # fmt: skip
        "conferring": (
            sorted(
                (
                    names[n.student_id],
                    sorted(named(map(int, n.members.split(",")))),
                    n.date,
                    n.skill,
                    n.support,
                    n.compliment,
                    n.teaching_point,
                    n.next_step,
                )
                for n in classroom.conference_notes.all()
            ),
            list(
                ConferringSettings.objects.filter(classroom=classroom).values_list(
                    "green_days", "yellow_days"
                )
            ),
        ),  # fmt: skip
        "headline_weeks": [
            (
                w.monday,
                [named(g) for g in w.groups],
                sorted(
                    (names[n.student_id], n.plus_one, n.plus_two, n.wish) for n in w.notes.all()
                ),
            )
            for w in classroom.headlines.all()
        ],  # fmt: skip
        "help_board": (
            classroom.__class__.objects.get(pk=classroom.pk).helpboard.needs_approval,
            sorted(
                (
                    names[p.student_id],
                    p.kind,
                    p.skill,
                    p.is_approved,
                    p.created,
                    p.closed,
                    names.get(p.helper_id),
                    p.matched,
                )
                for p in classroom.help_posts.all()
            ),
        ),  # fmt: skip
        "choice_time": sorted(
            (e.date, sorted(named(e.students.values_list("pk", flat=True))))
            for e in classroom.choice_time.all()
        ),
    }


def export(client, classroom) -> bytes:
    response = client.get(reverse("classes:export", args=[classroom.pk]))
    assert response.status_code == 200
    return response.content


def restore(client, content: bytes, name="Room 12 PartnerUp export.zip"):
    upload = SimpleUploadedFile(name, content, content_type="application/zip")
    return client.post(reverse("classes:restore"), {"export": upload})


def class_json(content: bytes) -> dict:
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        return json.loads(archive.read("class.json"))


def zipped(files: dict[str, str | bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, content in files.items():
            archive.writestr(name, content)
    return buffer.getvalue()


@pytest.fixture
def room12(alice_client, alice):
    return make_rich_class(alice_client, alice)


def test_restoring_the_download_makes_the_same_class_for_the_teacher(alice_client, alice, room12):
    response = restore(alice_client, export(alice_client, room12))
    restored = Classroom.objects.get(teacher=alice, name="Room 12 (restored)")
    assert response.status_code == 302
    assert response.url == reverse("classes:detail", args=[restored.pk])
    before, after = described(room12), described(restored)
    assert len(after["students"]) == 24 and after["students"]["Ana"]["answers"]
    assert after["plans"][0][0] == "Unit 1" and after["days"][0][2] == ["Theo"]
    for section in before:
        assert after[section] == before[section], section
    assert set(restored.students.values_list("pk", flat=True)).isdisjoint(
        room12.students.values_list("pk", flat=True)
    )


def test_a_restored_class_gets_new_sign_in_cards(alice_client, alice, room12):
    restore(alice_client, export(alice_client, room12))
    old = SignInCard.objects.get(student__classroom=room12)
    new = SignInCard.objects.get(student__classroom__name="Room 12 (restored)")
    assert (new.student.name, new.language) == ("Ana", "es")
    assert new.token != old.token and new.code != old.code


def test_the_restored_class_works_on_today_and_the_plan_pages(alice_client, alice, room12):
    restore(alice_client, export(alice_client, room12))
    restored = Classroom.objects.get(name="Room 12 (restored)")
    plan = restored.current_plan
    for url in (
        reverse("workshop:today", args=[restored.pk]),
        reverse("plans:show", args=[restored.pk, plan.pk]),
        reverse("workshop:headlines", args=[restored.pk]),
        reverse("classes:detail", args=[restored.pk]),
    ):
        page = alice_client.get(url).content.decode()
        assert "Ana" in page and "\ue000" not in page and "\ue001" not in page, url


def test_a_class_of_a_free_name_is_restored_under_its_own_name(alice_client, alice, room12):
    content = export(alice_client, room12)
    room12.delete()
    restore(alice_client, content)
    assert Classroom.objects.filter(teacher=alice, name="Room 12").exists()


def test_the_download_is_one_zip_named_after_the_class(alice_client, room12):
    response = alice_client.get(reverse("classes:export", args=[room12.pk]))
    assert response["Content-Type"] == "application/zip"
    assert response["Content-Disposition"] == 'attachment; filename="Room 12 PartnerUp export.zip"'
    with zipfile.ZipFile(io.BytesIO(response.content)) as archive:
        files = set(archive.namelist())
    assert {
        "roster.csv", "rules.csv", "answers.csv", "plans.csv", "days.csv", "lead_turns.csv",
        "headline_weeks.csv", "headline_notes.csv", "notes.csv", "conference_notes.csv",
        "class.json",
    } <= files  # fmt: skip


def read_csv(content: bytes, name: str) -> list[dict]:
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        raw = archive.read(name)
    assert raw.startswith(b"\xef\xbb\xbf"), name  # Excel reads UTF-8 with its BOM
    return list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))


def test_the_spreadsheets_name_students_and_are_safe_to_open(alice_client, room12):
    zoe = room12.students.get(name="Zoe")
    zoe.name = TRICKY_NAME
    zoe.save()
    content = export(alice_client, room12)
    roster = {row["name"]: row for row in read_csv(content, "roster.csv")}
    assert "'" + TRICKY_NAME in roster and TRICKY_NAME not in roster
    assert roster["Ana"]["choices"] == "Lucia; Camila; Maya"
    assert roster["Ana"]["reading_partner"] == "Sofia" and roster["Ana"]["english_level"] == "2.5"
    answers = read_csv(content, "answers.csv")
    assert answers[0]["name"] == "Ana" and answers[0]["answers the ads of"] == "Lucia; Camila"
    assert answers[0]["What do you write?"] == "Stories about ñandúes"
    rules = [row["students"] for row in read_csv(content, "rules.csv")]
    assert "Maya; " + TRICKY_NAME in rules and "Ben; Jayden" in rules
    plans = read_csv(content, "plans.csv")
    assert {row["plan"] for row in plans} == {"Unit 1"}
    assert sum(len(row["members"].split("; ")) for row in plans) == 24
    days = read_csv(content, "days.csv")
    assert {row["away"] for row in days} == {"Theo"}
    notes = read_csv(content, "conference_notes.csv")
    assert [(n["students"], n["skill"], n["next step"]) for n in notes] == [
        ("Ana; Ben", "a strong lead", "'=SUM(A1)"), ("Ana", "a strong ending", "using dialogue"),
    ]  # fmt: skip
    assert read_csv(content, "lead_turns.csv")[0]["leader"]
    assert len(read_csv(content, "headline_weeks.csv")) >= 12
    assert read_csv(content, "headline_notes.csv")[0]["plus one"] == "Funny start"
    helped = [row for row in read_csv(content, "help_board.csv") if row["helper"]]
    assert [(r["student"], r["post"], r["skill"], r["helper"]) for r in helped][0] == (
        "Ana", "needs help with", "spelling", "Ben",
    )  # fmt: skip
    assert read_csv(content, "choice_time.csv")[0] == {
        "date": "2026-09-15",
        "students": "; ".join(sorted(("Ben", "Maya"), key=lambda n: pk_of(room12, n))),
    }
    assert read_csv(content, "notes.csv") == [
        {"name": "Ana", "teacher notes": "Loves horses.\nShy at first."}
    ]


def test_class_json_refers_to_students_by_the_files_own_refs(alice_client, room12):
    data = class_json(export(alice_client, room12))
    assert (data["format"], data["version"]) == ("partnerup-class", 1)
    refs = {s["ref"]: s["name"] for s in data["students"]}
    ana = next(s for s in data["students"] if s["name"] == "Ana")
    assert [refs[r] for r in ana["choices"]] == ["Lucia", "Camila", "Maya"]
    assert ana["card"] == {"language": "es"}
    assert "token" not in json.dumps(data) and "code" not in ana["card"]
    members = [m for g in data["plans"][0]["arrangement"]["groups"] for m in g["members"]]
    assert sorted(refs[key_pk(m)] for m in members) == sorted(refs.values())


def test_another_teacher_cannot_download_a_class(client, charlie, room12):
    client.force_login(charlie)
    response = client.get(reverse("classes:export", args=[room12.pk]))
    assert response.status_code == 404 and b"Ana" not in response.content


def restore_refused(client, content: bytes, says: str, name="export.zip"):
    before = row_counts()
    response = restore(client, content, name=name)
    page = response.content.decode()
    assert response.status_code == 400
    assert "Nothing was restored" in page and says in page, page
    assert row_counts() == before
    return page


def test_a_file_that_is_not_a_zip_is_refused(alice_client):
    restore_refused(alice_client, b"PK\x03\x04 not really a zip", "cannot be opened")
    restore_refused(alice_client, b"name,level\nAna,2\n", "not a PartnerUp export", "x.csv")


def test_a_zip_without_class_json_is_refused(alice_client, room12):
    restore_refused(alice_client, zipped({"roster.csv": "name\nAna\n"}), "has no class.json")


def test_an_export_of_another_version_is_refused(alice_client, room12):
    data = class_json(export(alice_client, room12))
    data["version"] = 2
    content = zipped({"class.json": json.dumps(data)})
    restore_refused(alice_client, content, "This export is version 2")


def test_class_json_alone_can_be_restored(alice_client, alice, room12):
    data = class_json(export(alice_client, room12))
    response = restore(alice_client, json.dumps(data).encode(), name="class.json")
    assert response.status_code == 302
    assert Classroom.objects.get(name="Room 12 (restored)").students.count() == 24


def test_a_class_larger_than_a_class_can_be_is_refused(alice_client, room12, settings):
    data = class_json(export(alice_client, room12))
    data["students"] = [
        {"ref": n, "name": f"Student {n}"} for n in range(1, settings.PARTNERUP_MAX_CLASS_SIZE + 2)
    ]
    for section in ("rules", "plans", "days", "headline_weeks"):
        data[section] = []
    content = zipped({"class.json": json.dumps(data)})
    restore_refused(alice_client, content, "The file has 61 students; a class holds at most 60")


def test_a_name_with_an_invisible_character_is_refused(alice_client, room12):
    data = class_json(export(alice_client, room12))
    data["students"][0]["name"] = "An\x00a"
    says = "student 1: name has an invisible character (control character, U+0000)"
    restore_refused(alice_client, zipped({"class.json": json.dumps(data)}), says)


@pytest.mark.parametrize(
    "spoil, says",
    [
        (lambda d: d["students"][1].update(name=d["students"][0]["name"].upper()), "two students"),
        (
            lambda d: d["students"][0].update(choices=[999]),
            "choices: 999 is not the ref of a student in the file",
        ),
        (lambda d: d["students"][0].update(level="2"), "level is a number from 1 to 4"),
        (lambda d: d["students"][0].update(name="x" * 81), "at most 80 fit"),
        (lambda d: d["rules"][0].update(kind="glue"), "kind is one of keep_apart"),
        (
            lambda d: d["plans"][0]["arrangement"]["groups"][0].update(members=["\ue000999\ue001"]),
            "names a student not in the file",
        ),  # fmt: skip
        (lambda d: d["plans"][0].update(settings={"strategy": "magic"}), "planning choices"),
        (lambda d: d["days"].append(d["days"][0]), "is in the file twice"),
        (lambda d: d["plans"].append({**d["plans"][0], "ref": 9}), "are both the current plan"),
        (lambda d: d.update(students="everyone"), "is not a list"),
        (lambda d: d["class"].update(name_display="initials"), "name_display is one of full"),
        (lambda d: d["choice_time"][0].update(students=[1]), "two or three students"),
        (lambda d: d["choice_time"][0].update(students=[1, 1]), "names a student twice"),
        (lambda d: d["choice_time"][0].update(students=[1, 999]), "not the ref of a student"),
        (lambda d: d["choice_time"][0].update(date="soon"), "is not a date"),
    ],
)
def test_a_spoiled_class_json_is_refused_and_creates_nothing(alice_client, room12, spoil, says):
    data = class_json(export(alice_client, room12))
    spoil(data)
    restore_refused(alice_client, zipped({"class.json": json.dumps(data)}), says)


WRONG = [{"not": "what PartnerUp writes"}]


def sections(data):
    """The first record of each kind in class.json, as (where, record)."""
    ana = next(s for s in data["students"] if s["name"] == "Ana")
    week = data["headline_weeks"][0]
    return [
        ("class", data["class"]), ("student", ana), ("answers", ana["answers"]),
        ("rule", data["rules"][0]), ("trait", data["traits"][0]),
        ("question", data["survey_questions"][0]), ("plan", data["plans"][0]),
        ("day", data["days"][0]), ("lead turn", data["days"][0]["lead_turns"][0]),
        ("temporary", data["temporary_partners"][0]), ("week", week),
        ("note", week["notes"][0]),
        ("partner job", data["partner_jobs"]["roles"][0]),
        ("frame", data["partner_jobs"]["roles"][0]["frames"][0]),
        ("jobs in use", data["partner_jobs"]["in_use"][0]),
        ("help board", data["help_board"]),
        ("help post", data["help_board"]["posts"][0]),
        ("conferring", data["conferring"]),
        ("conference note", data["conferring"]["notes"][0]),
        ("choice time", data["choice_time"][0]),
        ("goal words", data["reflections"]["goal_words"][0]),
        ("check-in", data["reflections"]["checkins"][0]),
        ("reflection", data["reflections"]["reflections"][0]),
        ("closed flag", data["reflections"]["closed_flags"][0]),
    ]  # fmt: skip


def test_a_value_of_the_wrong_shape_anywhere_is_refused_plainly(alice_client, room12):
    data = class_json(export(alice_client, room12))
    before = row_counts()
    fields = [(where, key) for where, record in sections(data) for key in record]
    assert len(fields) >= 75
    for where, key in fields:
        spoiled = json.loads(json.dumps(data))
        dict(sections(spoiled))[where][key] = WRONG
        response = restore(alice_client, json.dumps(spoiled).encode(), name="class.json")
        assert response.status_code == 400, (where, key)
        assert "Nothing was restored" in response.content.decode(), (where, key)
    assert row_counts() == before


def test_a_file_over_5_mb_is_refused(alice_client):
    restore_refused(alice_client, b"PK" + b"0" * 5_000_001, "larger than 5 MB")


def test_restore_needs_a_file(alice_client):
    response = alice_client.post(reverse("classes:restore"), {})
    assert response.status_code == 400 and Classroom.objects.count() == 0


def test_the_class_page_links_to_download_and_delete(alice_client, room12):
    page = alice_client.get(reverse("classes:detail", args=[room12.pk])).content.decode()
    assert reverse("classes:export", args=[room12.pk]) in page and "Download everything" in page
    assert reverse("classes:delete", args=[room12.pk]) in page and "Delete class" in page
    listing = alice_client.get(reverse("classes:list")).content.decode()
    assert reverse("classes:restore") in listing and "Restore a class" in listing


def test_the_classs_partner_jobs_and_frames_come_back_on_restore(alice_client, alice, room12):
    data = class_json(export(alice_client, room12))
    asker = next(r for r in data["partner_jobs"]["roles"] if r["en"] == "Asker")
    assert asker["frames"] == [{"en": "Why did you…?", "es": "¿Por qué…?"}]
    restore(alice_client, export(alice_client, room12))
    restored = Classroom.objects.get(teacher=alice, name="Room 12 (restored)")
    assert described(restored)["partner_jobs"] == described(room12)["partner_jobs"]
    unit = restored.job_choices.get(plan__isnull=False)
    assert unit.plan == restored.current_plan
    assert [restored.partner_roles.get(pk=pk).en for pk in unit.roles] == ["Asker", "Editor"]


def test_partner_jobs_naming_an_unknown_job_are_refused(alice_client, room12):
    data = class_json(export(alice_client, room12))
    data["partner_jobs"]["in_use"][0]["roles"] = ["no-such-job"]
    restore_refused(
        alice_client, json.dumps(data).encode(), "not one of the class", name="class.json"
    )


def test_an_export_from_before_choice_time_still_restores(alice_client, alice, room12):
    data = class_json(export(alice_client, room12))
    del data["choice_time"]
    response = restore(alice_client, json.dumps(data).encode(), name="class.json")
    assert response.status_code == 302
    assert not Classroom.objects.get(name="Room 12 (restored)").choice_time.exists()


def test_the_restored_choice_time_log_reaches_the_planner(alice_client, alice, room12):
    restore(alice_client, export(alice_client, room12))
    restored = Classroom.objects.get(name="Room 12 (restored)")
    names = dict(restored.students.values_list("pk", "name"))
    students, _ = class_roster(restored)
    ana = next(s for s in students if names[key_pk(s.name)] == "Ana")
    assert sorted(names[key_pk(k)] for k in ana.chose_in_choice_time) == ["Ella", "Omar"]
