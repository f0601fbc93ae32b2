"""Upkeep: what a school's PartnerUp does once a day (`python manage.py daily`).

tasks.py lists the tasks, each `task(now) -> int` (rows removed); retention.py deletes
the students' answers of classes archived long enough (PARTNERUP_RETENTION_DAYS);
sessions.py removes expired sign-in sessions.
"""
