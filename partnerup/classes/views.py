from base64 import b64decode, b64encode
from dataclasses import asdict

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext_lazy
from django.views.decorators.http import require_POST

from partnerup.downloads import download
from partnerup.engine import (
    RosterError,
    SchoolClass,
    accepted_columns,
    is_school_bundle,
    read_school_bundle,
    template_csv,
    too_large_message,
)
from partnerup.reflections import services as reflections
from partnerup.schools.access import is_school_admin, owner_only
from partnerup.schools.services import invitations_for
from partnerup.upkeep import retention

from . import archive, services
from .forms import (
    EDITABLE_RULE_KINDS,
    ClassroomForm,
    ClassSettingsForm,
    ColumnMappingForm,
    DeleteClassForm,
    ImportConfirmForm,
    RestoreForm,
    RosterUploadForm,
    RuleForm,
    SchoolClassForm,
    StudentForm,
)
from .models import classes_for, classroom_or_404, lock_class
from .removal import forget_students, what_removing_deletes
from .roster_import import (
    ImportRefused,
    Roster,
    apply_import,
    preview_import,
    read_upload,
    remember_columns,
)

PENDING_IMPORT = "pending_roster_import"


def _classroom(request, pk):
    return get_object_or_404(classes_for(request.user), pk=pk)


def _shown_student(classroom, student_pk):
    student = get_object_or_404(classroom.students, pk=student_pk)
    return services.with_shown_names([student], services.names_of(classroom))[0]


@login_required
def class_list(request):
    classrooms = classes_for(request.user).select_related("teacher").prefetch_related("students")
    context = {
        "classrooms": classrooms,
        "invitations": invitations_for(request.user),
        "is_school_admin": is_school_admin(request.user),
    }
    return render(request, "classes/list.html", context)


@login_required
def class_create(request):
    form = ClassroomForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        classroom = form.save(commit=False)
        classroom.teacher = request.user
        classroom.save()
        return redirect("classes:detail", pk=classroom.pk)
    return render(request, "classes/form.html", {"form": form, "title": _("New class")})


@login_required
def class_rename(request, pk):
    classroom = _classroom(request, pk)
    form = ClassSettingsForm(request.POST or None, instance=classroom)
    if request.method == "POST" and form.is_valid():
        form.save()
        return redirect("classes:detail", pk=pk)
    context = {"form": form, "title": _("Class settings"), "record_of": classroom}
    return render(request, "classes/form.html", context)


@login_required
@require_POST
def class_archive(request, pk):
    """Archive, or bring back. Under the class's lock, so the daily clean-up either
    sees the class back (and removes nothing) or has finished before it comes back."""
    with transaction.atomic():
        lock_class(_classroom(request, pk))
        classroom = _classroom(request, pk)
        classroom.set_archived(not classroom.is_archived, timezone.now())
    if classroom.is_archived:
        messages.info(request, retention.warning_words())
    return redirect("classes:list")


@login_required
def class_detail(request, pk):
    classroom = _classroom(request, pk)
    names = services.names_of(classroom)
    return render(
        request,
        "classes/detail.html",
        {
            "classroom": classroom,
            "students": services.with_shown_names(classroom.students.all(), names),
            "names": names,
            "attention": reflections.attention(classroom),  # partnerup/reflections
            "retention": retention.removal_words(classroom),  # partnerup/upkeep
            "owner": classroom.teacher,
            "co_teachers": list(classroom.co_teachers.order_by("username")),
        },
    )


@login_required
def roster_import(request, pk):
    """Upload → preview (the field each column feeds, changeable; every problem next to
    its row, or what the import would add, change and leave out) → confirm, offered
    only for a file without problems."""
    classroom = _classroom(request, pk)
    form = RosterUploadForm(request.POST or None, request.FILES or None)
    context = {"classroom": classroom, "form": form}
    if request.method == "POST" and form.is_valid():
        # A new upload replaces any earlier one, so confirm never imports a stale file.
        request.session.pop(PENDING_IMPORT, None)
        upload = form.cleaned_data["roster"]
        if upload.size > settings.PARTNERUP_MAX_UPLOAD_BYTES:
            context["problem"] = f"{upload.name}: {too_large_message()}"
        else:
            pending = {
                "class": pk,
                "data": b64encode(upload.read()).decode(),
                "name": upload.name,
                "sheet": form.cleaned_data["sheet"],
            }
            context.update(_read_or_choose(request, classroom, pending))
    return render(request, "classes/import.html", _with_columns_help(context))


def _read_or_choose(request, classroom, pending) -> dict:
    """A school's roster bundle first offers its classes to choose from (its only class
    is previewed at once); any other file is previewed."""
    data = b64decode(pending["data"])
    if not is_school_bundle(data):
        return _previewed(request, classroom, pending)
    try:
        classes = read_school_bundle(data, pending["name"]).classes
    except RosterError as problem:
        return {"problem": problem.located()}
    pending = {**pending, "classes": [asdict(c) for c in classes]}
    if len(classes) == 1:
        return _previewed(request, classroom, {**pending, "school_class": classes[0].key})
    request.session[PENDING_IMPORT] = pending
    return {"class_form": SchoolClassForm(classes=classes), "file_name": pending["name"]}


@login_required
@require_POST
def roster_import_class(request, pk):
    """The class chosen from a school's roster bundle, previewed."""
    classroom = _classroom(request, pk)
    pending = _pending(request, pk)
    if pending is None or not pending.get("classes"):
        return _upload_again(request, pk)
    form = SchoolClassForm(request.POST, classes=_school_classes(pending))
    context = {"classroom": classroom, "form": RosterUploadForm()}
    if form.is_valid():
        pending = {**pending, "school_class": form.cleaned_data["school_class"]}
        context.update(_previewed(request, classroom, pending))
    else:
        context.update(class_form=form, file_name=pending["name"])
    return render(request, "classes/import.html", _with_columns_help(context))


def _school_classes(pending) -> list[SchoolClass]:
    return [SchoolClass(**{**c, "grades": tuple(c["grades"])}) for c in pending["classes"]]


@login_required
@require_POST
def roster_import_columns(request, pk):
    """The same file previewed again with the fields the teacher chose for its columns."""
    classroom = _classroom(request, pk)
    pending = _pending(request, pk)
    if pending is None:
        return _upload_again(request, pk)
    form = ColumnMappingForm(request.POST, columns=_read_pending(classroom, pending).columns)
    if form.is_valid():
        pending = {**pending, "fields": form.chosen()}
    context = {"classroom": classroom, "form": RosterUploadForm()}
    context.update(_previewed(request, classroom, pending))
    return render(request, "classes/import.html", _with_columns_help(context))


def _previewed(request, classroom, pending) -> dict:
    """Read the pending file, keep it for confirm (or for choosing its columns again)
    and say what importing it would do."""
    read = _read_pending(classroom, pending)
    reading = read.reading
    context = {"reading": reading, "file_name": pending["name"], "read": read}
    if len(pending.get("classes") or ()) > 1:  # another class of the bundle can be chosen
        request.session[PENDING_IMPORT] = pending
        chosen = {"school_class": pending.get("school_class")}
        context["class_form"] = SchoolClassForm(classes=_school_classes(pending), initial=chosen)
    if read.columns:
        request.session[PENDING_IMPORT] = {**pending, "fields": list(read.fields)}
        columns_form = ColumnMappingForm(columns=read.columns)
        context["columns_form"] = columns_form
        context["column_rows"] = list(zip(read.columns, columns_form, strict=True))
    if not reading.problems:
        preview = preview_import(classroom, Roster.from_reading(reading))
        context["preview"] = preview
        context["max_class_size"] = settings.PARTNERUP_MAX_CLASS_SIZE
        context["confirm_form"] = ImportConfirmForm(students=[m.student for m in preview.missing])
    return context


def _upload_again(request, pk):
    messages.error(request, _("Nothing to import: upload the roster again."))
    return redirect("classes:import", pk=pk)


def _pending(request, pk):
    pending = request.session.get(PENDING_IMPORT)
    return pending if pending and pending.get("class") == pk else None


def _read_pending(classroom, pending):
    return read_upload(
        classroom,
        b64decode(pending["data"]),
        pending["name"],
        fields=pending.get("fields"),
        sheet=pending.get("sheet", ""),
        school_class=pending.get("school_class", ""),
    )


def _with_columns_help(context: dict) -> dict:
    return {**context, "accepted_columns": accepted_columns()}


@login_required
def roster_template(request):
    """A roster template: the header row of every column PartnerUp reads."""
    return download(template_csv(), "partnerup-roster.csv")


@login_required
@require_POST
def roster_import_confirm(request, pk):
    classroom = _classroom(request, pk)
    pending = _pending(request, pk)
    if pending is None:
        return _upload_again(request, pk)
    read = _read_pending(classroom, pending)
    form = ImportConfirmForm(request.POST, students=classroom.students.all())
    if read.reading.problems or not form.is_valid():
        messages.error(request, _("The file could not be read again: upload it again."))
        return redirect("classes:import", pk=pk)
    try:
        roster = Roster.from_reading(read.reading)
        done = apply_import(classroom, roster, set(form.cleaned_data["remove"]))
    except ImportRefused as refused:
        messages.error(request, str(refused))
        return redirect("classes:import", pk=pk)
    remember_columns(classroom, read)
    request.session.pop(PENDING_IMPORT, None)
    removed = len(set(form.cleaned_data["remove"]) & {m.student.pk for m in done.missing})
    messages.success(
        request,
        _(
            "Imported: %(new)s new, %(changed)s updated, %(unchanged)s unchanged, %(removed)s removed."  # noqa: E501
        )
        % {
            "new": len(done.new),
            "changed": len(done.changed),
            "unchanged": len(done.unchanged),
            "removed": removed,
        },
    )
    return redirect("classes:detail", pk=pk)


@login_required
def student_profile(request, pk, student_pk):
    """Everything the class's roster holds about one student, read-only."""
    classroom = _classroom(request, pk)
    student = get_object_or_404(classroom.students, pk=student_pk)
    names = services.names_of(classroom)
    student.shown_name = names[student.pk]

    def linked(pks):
        return [(names[pk], pk) for pk in pks if pk in names]

    partner = student.reading_partner_id
    context = {
        "classroom": classroom,
        "student": student,
        "needs_language_support": services.to_engine_student(student).needs_language_support,
        "choices": linked(student.choices),
        "avoid": linked(student.avoid),
        "past_partners": linked(student.past_partners),
        "reading_partner": linked([partner] if partner else []),
        "names": names,
    }
    return render(request, "classes/student.html", context)


@login_required
def student_edit(request, pk, student_pk=None):
    """Add a student (no student_pk) or edit one — always within the teacher's class."""
    classroom = _classroom(request, pk)
    student = get_object_or_404(classroom.students, pk=student_pk) if student_pk else None
    form = StudentForm(request.POST or None, instance=student, classroom=classroom)
    if request.method == "POST" and form.is_valid():
        saved = form.save(commit=False)
        saved.classroom = classroom
        saved.save()
        return redirect("classes:student", pk=pk, student_pk=saved.pk)
    title = _("Edit %(name)s") % {"name": student.name} if student else _("Add a student")
    back = reverse("classes:student", args=[pk, student.pk]) if student else None
    context = {"classroom": classroom, "form": form, "title": title}
    context["cancel_url"] = back or reverse("classes:detail", args=[pk])
    return render(request, "classes/student_form.html", context)


@login_required
def student_remove(request, pk, student_pk):
    """Remove a student from the class: a page asks first, the POST removes."""
    classroom = _classroom(request, pk)
    student = _shown_student(classroom, student_pk)
    if request.method != "POST":
        context = {
            "classroom": classroom,
            "student": student,
            "would_delete": what_removing_deletes(student),
        }
        return render(request, "classes/student_remove.html", context)
    forget_students(classroom, {student.pk})
    messages.success(request, _("Removed %(name)s.") % {"name": student.shown_name})
    return redirect("classes:detail", pk=pk)


@login_required
@transaction.atomic
def rules(request, pk):
    """The class's keep-apart and keep-together rules, and a form to add one. A rule
    is checked and added with the class locked, so two tablets adding the same rule
    at once add it once."""
    classroom = _classroom(request, pk)
    if request.method == "POST":
        lock_class(classroom)
    form = RuleForm(request.POST or None, classroom=classroom)
    names = services.names_of(classroom)
    if request.method == "POST" and form.is_valid():
        kind, pks = form.cleaned_data["kind"], form.cleaned_data["students"]
        rule = services.add_rule(classroom, kind, pks)
        messages.success(request, _("Added the rule “%(rule)s”.") % {"rule": rule.described(names)})
        return redirect("classes:rules", pk=pk)
    listed = classroom.rules.filter(kind__in=EDITABLE_RULE_KINDS).order_by("kind", "pk")
    rules = [(rule, rule.described(names)) for rule in listed]
    return render(
        request, "classes/rules.html", {"classroom": classroom, "rules": rules, "form": form}
    )


@login_required
@require_POST
def rule_delete(request, pk, rule_pk):
    classroom = _classroom(request, pk)
    rule = get_object_or_404(classroom.rules.filter(kind__in=EDITABLE_RULE_KINDS), pk=rule_pk)
    rule.delete()
    described = rule.described(services.names_of(classroom))
    messages.success(request, _("Deleted the rule “%(rule)s”.") % {"rule": described})
    return redirect("classes:rules", pk=pk)


# Your data: download everything, restore a class from its download, delete a class.


@login_required
def class_export(request, pk):
    """One zip with the class in spreadsheets and in class.json (see the archive package)."""
    classroom = classroom_or_404(request.user, pk)
    zipped = archive.export_class(classroom)
    return download(zipped, f"{classroom.name} PartnerUp export.zip", "application/zip")


@login_required
def class_restore(request):
    """A new class for the signed-in teacher from a PartnerUp export: all or nothing."""
    posted = request.method == "POST"
    form = RestoreForm(request.POST if posted else None, request.FILES if posted else None)
    problem = None
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["export"]
        try:
            if upload.size > archive.MAX_FILE_BYTES:
                raise archive.RestoreError(
                    _("The file is larger than 5 MB: a PartnerUp export is smaller.")
                )
            classroom = archive.restore_class(request.user, upload.read())
        except archive.RestoreError as error:
            problem = str(error)
        else:
            count = classroom.students.count()
            messages.success(
                request,
                _("Restored %(name)s with %(count)s students.")
                % {"name": classroom.name, "count": count},
            )
            return redirect("classes:detail", pk=classroom.pk)
    status = 400 if problem or form.errors else 200
    return render(
        request, "classes/restore.html", {"form": form, "problem": problem}, status=status
    )


@owner_only
def class_delete(request, pk):
    """Delete a class and everything in it, once its name is typed to confirm (its
    owner only: its co-teachers lose it too)."""
    classroom = classroom_or_404(request.user, pk)
    form = DeleteClassForm(request.POST if request.method == "POST" else None, classroom=classroom)
    if request.method == "POST" and form.is_valid():
        name = classroom.name
        with transaction.atomic():
            classroom.delete()  # every row of the class goes with it (cascades)
        messages.success(request, _("Deleted %(name)s and everything in it.") % {"name": name})
        return redirect("classes:list")
    context = {
        "classroom": classroom,
        "form": form,
        "would_delete": what_deleting_deletes(classroom),
        "co_teachers": list(classroom.co_teachers.order_by("username")),
    }
    return render(request, "classes/delete.html", context, status=400 if form.errors else 200)


def what_deleting_deletes(classroom) -> list[str]:
    """Plain counts of what goes with the class (only kinds it has)."""
    from partnerup.voice.models import Answers, SignInCard

    in_class = {"student__classroom": classroom}
    counts = [
        (classroom.students.count(), ngettext_lazy("%(n)s student", "%(n)s students", "n")),
        (classroom.rules.count(), ngettext_lazy("%(n)s rule", "%(n)s rules", "n")),
        (classroom.plans.count(), ngettext_lazy("%(n)s plan", "%(n)s plans", "n")),
        (classroom.days.count(), ngettext_lazy("%(n)s workshop day", "%(n)s workshop days", "n")),
        (classroom.headlines.count(), ngettext_lazy(
            "%(n)s week of headline partners", "%(n)s weeks of headline partners", "n")),
        (Answers.objects.filter(**in_class).count(), ngettext_lazy(
            "%(n)s student's answers", "%(n)s students' answers", "n")),
        (SignInCard.objects.filter(**in_class).count(), ngettext_lazy(
            "%(n)s sign-in card", "%(n)s sign-in cards", "n")),
    ]  # fmt: skip
    return [words % {"n": n} for n, words in counts if n]
