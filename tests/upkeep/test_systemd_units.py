"""deploy/systemd: the service runs `manage.py daily` with the app's settings once, and
the timer starts it every night (read, not installed: no systemd in the tests)."""

import configparser
from pathlib import Path

UNITS = Path(__file__).resolve().parents[2] / "deploy" / "systemd"


def unit(name: str) -> configparser.ConfigParser:
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # systemd keys are case-sensitive
    parser.read_string((UNITS / name).read_text())
    return parser


def test_the_service_runs_the_daily_command_once_with_the_production_settings():
    service = unit("partnerup-daily.service")["Service"]
    assert service["Type"] == "oneshot" and service["User"] == "partnerup"
    assert service["ExecStart"].endswith("/bin/python -m django daily")
    assert service["Environment"] == "DJANGO_SETTINGS_MODULE=partnerup.settings_production"
    assert service["EnvironmentFile"].startswith("/")


def test_the_timer_starts_it_every_night_and_catches_up_after_a_shutdown():
    timer = unit("partnerup-daily.timer")
    assert timer["Timer"]["OnCalendar"] == "*-*-* 03:15:00"
    assert timer["Timer"]["Persistent"] == "true"
    assert timer["Install"]["WantedBy"] == "timers.target"
