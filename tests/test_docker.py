"""Dockerfile and compose.yaml: read, not built (no Docker on the test machines)."""

from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]


def test_compose_runs_the_app_on_postgresql_with_health_checks_and_secrets_from_env():
    compose = yaml.safe_load((ROOT / "compose.yaml").read_text())
    app, db = compose["services"]["app"], compose["services"]["db"]
    assert db["image"] == "postgres:15"
    assert app["depends_on"]["db"]["condition"] == "service_healthy"
    assert "pg_isready" in " ".join(db["healthcheck"]["test"])
    assert "/healthz" in " ".join(app["healthcheck"]["test"])
    environment = app["environment"]
    assert environment["DATABASE_URL"].startswith("postgres://partnerup:${POSTGRES_PASSWORD:?")
    assert environment["DATABASE_URL"].endswith("@db:5432/partnerup")
    for secret in ("SECRET_KEY", "PARTNERUP_PUBLIC_URL"):
        assert environment[secret].startswith("${" + secret + ":?"), secret  # no default
    assert db["environment"]["POSTGRES_PASSWORD"].startswith("${POSTGRES_PASSWORD:?")
    assert "db-data" in compose["volumes"]


def test_the_image_runs_the_start_script_as_a_user_without_rights():
    lines = [
        line.strip() for line in (ROOT / "Dockerfile").read_text().splitlines() if line.strip()
    ]
    assert lines[[i for i, line in enumerate(lines) if not line.startswith("#")][0]] == (
        "FROM python:3.11-slim"
    )
    user = next(i for i, line in enumerate(lines) if line.startswith("USER "))
    assert lines[user] == "USER partnerup"
    assert lines[-1] == 'CMD ["partnerup-start"]' and user < len(lines) - 1
    assert "COPY bin/partnerup-start /usr/local/bin/partnerup-start" in lines
    assert any(line.startswith("RUN pip install .") for line in lines)
    assert any("DJANGO_SETTINGS_MODULE=partnerup.settings_production" in line for line in lines)


def test_compose_runs_the_daily_clean_up_once_a_day_with_the_app_s_image_and_settings():
    compose = yaml.safe_load((ROOT / "compose.yaml").read_text())
    app, daily = compose["services"]["app"], compose["services"]["daily"]
    assert daily["build"] == app["build"] and daily["environment"] == app["environment"]
    assert app["environment"]["PARTNERUP_RETENTION_DAYS"] == "${PARTNERUP_RETENTION_DAYS:-60}"
    assert daily["depends_on"]["app"]["condition"] == "service_healthy"  # migrated first
    script = daily["command"][-1]
    assert daily["command"][:2] == ["sh", "-c"]
    assert "python -m django daily" in script and "sleep 86400" in script
    assert script.startswith("while true; do") and script.endswith("done")
    assert daily["healthcheck"] == {"disable": True} and "ports" not in daily
