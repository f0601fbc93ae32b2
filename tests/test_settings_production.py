"""Production settings from the environment: `check --deploy` is clean with the
environment README: Run it for a school documents, and bad values are refused at start."""

import json
import socket
import subprocess
import sys
import threading
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SECRET = "k9Vq3-Zr8pXw_2LmT7cYhB4nD6sFj1QaE5uGo0RtWiKyHvMxNbPe"  # 52 characters
DOCUMENTED = {
    "SECRET_KEY": SECRET,
    "DATABASE_URL": "postgres://partnerup:pw@db:5432/partnerup",
    "PARTNERUP_PUBLIC_URL": "https://partnerup.myschool.org",
    "PARTNERUP_BEHIND_PROXY": "true",
}


def run(code, env, tmp_path, settings="partnerup.settings_production"):
    environment = {
        "PATH": "/usr/bin:/bin",
        "PYTHONPATH": str(ROOT),
        "DJANGO_SETTINGS_MODULE": settings,
        "PARTNERUP_DATA_DIR": str(tmp_path),
        **env,
    }
    return subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=environment, cwd=ROOT
    )


def settings_of(env, tmp_path, *names, settings="partnerup.settings_production"):
    code = (
        "import json; from django.conf import settings as s; "
        f"print(json.dumps({{n: getattr(s, n, None) for n in {list(names)!r}}}, default=str))"
    )
    result = run(code, env, tmp_path, settings)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_check_deploy_prints_no_warning_with_the_documented_environment(tmp_path):
    code = "from django.core.management import execute_from_command_line as run; "
    code += "run(['manage.py', 'check', '--deploy', '--fail-level', 'WARNING'])"
    result = run(code, DOCUMENTED, tmp_path)
    assert result.returncode == 0, result.stderr
    assert "System check identified no issues (0 silenced)." in result.stdout
    assert "WARNINGS" not in result.stdout + result.stderr


def test_check_deploy_would_warn_about_what_the_production_settings_fix(tmp_path):
    """The same check on the local settings warns: the test above can fail."""
    code = "from django.core.management import execute_from_command_line as run; "
    code += "run(['manage.py', 'check', '--deploy'])"
    result = run(code, DOCUMENTED, tmp_path, settings="partnerup.settings")
    for warning in ("security.W004", "security.W008", "security.W012", "security.W016"):
        assert warning in result.stderr


@pytest.mark.parametrize(
    "secret",
    [None, "partnerup-local-development-only", "short-but-random-3f9a", "a" * 60],
)
def test_production_refuses_a_missing_short_or_plain_secret_key(tmp_path, secret):
    env = {k: v for k, v in DOCUMENTED.items() if k != "SECRET_KEY"}
    if secret is not None:
        env["SECRET_KEY"] = secret
    result = run("import django; django.setup()", env, tmp_path)
    assert result.returncode != 0
    assert "ImproperlyConfigured: set SECRET_KEY" in result.stderr


def test_production_is_https_only_behind_the_proxy(tmp_path):
    found = settings_of(
        DOCUMENTED,
        tmp_path,
        "DEBUG",
        "SECURE_SSL_REDIRECT",
        "SECURE_REDIRECT_EXEMPT",
        "SECURE_HSTS_SECONDS",
        "SECURE_PROXY_SSL_HEADER",
        "CSRF_TRUSTED_ORIGINS",
        "ALLOWED_HOSTS",
        "SESSION_COOKIE_SECURE",
        "MIDDLEWARE",
        "STORAGES",
    )
    assert found["DEBUG"] is False and found["SECURE_SSL_REDIRECT"] is True
    assert found["SECURE_REDIRECT_EXEMPT"] == [r"^healthz$"]  # tests/test_health.py
    assert found["SECURE_HSTS_SECONDS"] == 31_536_000 and found["SESSION_COOKIE_SECURE"]
    assert found["SECURE_PROXY_SSL_HEADER"] == ["HTTP_X_FORWARDED_PROTO", "https"]
    assert found["CSRF_TRUSTED_ORIGINS"] == ["https://partnerup.myschool.org"]
    assert "partnerup.myschool.org" in found["ALLOWED_HOSTS"]
    middleware = found["MIDDLEWARE"]
    security = middleware.index("django.middleware.security.SecurityMiddleware")
    assert middleware[security + 1] == "whitenoise.middleware.WhiteNoiseMiddleware"
    assert "CompressedManifest" in found["STORAGES"]["staticfiles"]["BACKEND"]


def test_the_local_settings_trust_no_proxy_and_keep_plain_static_files(tmp_path):
    found = settings_of(
        {},
        tmp_path,
        "SECURE_PROXY_SSL_HEADER",
        "MIDDLEWARE",
        "EMAIL_BACKEND",
        settings="partnerup.settings",
    )
    assert found["SECURE_PROXY_SSL_HEADER"] is None
    assert "whitenoise.middleware.WhiteNoiseMiddleware" not in found["MIDDLEWARE"]
    assert found["EMAIL_BACKEND"] == "django.core.mail.backends.console.EmailBackend"


def test_proxy_header_and_trusted_origins_from_the_environment(tmp_path):
    env = {
        **DOCUMENTED,
        "PARTNERUP_PROXY_SSL_HEADER": "X-Forwarded-Scheme",
        "CSRF_TRUSTED_ORIGINS": "https://pu.myschool.org, http://10.0.0.5:8080/path",
    }
    found = settings_of(env, tmp_path, "SECURE_PROXY_SSL_HEADER", "CSRF_TRUSTED_ORIGINS")
    assert found["SECURE_PROXY_SSL_HEADER"] == ["HTTP_X_FORWARDED_SCHEME", "https"]
    assert found["CSRF_TRUSTED_ORIGINS"] == [
        "https://pu.myschool.org",
        "http://10.0.0.5:8080",
        "https://partnerup.myschool.org",
    ]


def test_smtp_mail_when_a_host_is_named(tmp_path):
    env = {
        **DOCUMENTED,
        "EMAIL_HOST": "smtp.myschool.org",
        "EMAIL_HOST_USER": "partnerup",
        "EMAIL_HOST_PASSWORD": "mail-pw",
        "DEFAULT_FROM_EMAIL": "PartnerUp <partnerup@myschool.org>",
    }
    names = ("EMAIL_BACKEND", "EMAIL_HOST", "EMAIL_PORT", "EMAIL_USE_TLS", "EMAIL_USE_SSL")
    found = settings_of(env, tmp_path, *names, "EMAIL_HOST_USER", "DEFAULT_FROM_EMAIL")
    assert found["EMAIL_BACKEND"] == "django.core.mail.backends.smtp.EmailBackend"
    assert (found["EMAIL_HOST"], found["EMAIL_PORT"]) == ("smtp.myschool.org", 587)
    assert found["EMAIL_USE_TLS"] is True and found["EMAIL_USE_SSL"] is False
    assert found["DEFAULT_FROM_EMAIL"] == "PartnerUp <partnerup@myschool.org>"
    found = settings_of({**env, "EMAIL_PORT": "465"}, tmp_path, *names)
    assert found["EMAIL_USE_TLS"] is False and found["EMAIL_USE_SSL"] is True


@pytest.mark.parametrize(
    "name, value",
    [
        ("PARTNERUP_BEHIND_PROXY", "maybe"),
        ("PARTNERUP_PROXY_SSL_HEADER", "X Forwarded\nProto"),
        ("CSRF_TRUSTED_ORIGINS", "partnerup.myschool.org"),
        ("PARTNERUP_PUBLIC_URL", "https://"),
        ("PARTNERUP_HSTS_SECONDS", "-1"),
        ("PARTNERUP_LOG_LEVEL", "LOUD"),
        ("EMAIL_PORT", "smtp"),
        ("EMAIL_USE_SSL", "true"),  # with port 587's TLS: not both
    ],
)
def test_a_bad_value_stops_the_start_with_its_name(tmp_path, name, value):
    result = run("import django; django.setup()", {**DOCUMENTED, name: value}, tmp_path)
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert name.split("_")[-1] in result.stderr or "EMAIL_USE" in result.stderr


class _OneMailServer(threading.Thread):
    """Just enough SMTP to take one message (no TLS, no auth), for the test below."""

    def __init__(self) -> None:
        super().__init__(daemon=True)
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = self.listener.getsockname()[1]
        self.received = b""

    def run(self) -> None:
        self.listener.settimeout(60)
        connection, _ = self.listener.accept()
        with connection, connection.makefile("rb") as lines:
            connection.sendall(b"220 test ESMTP\r\n")
            for line in lines:
                command = line.strip().upper()
                if command == b"DATA":
                    connection.sendall(b"354 go on\r\n")
                    for body in lines:
                        if body.strip() == b".":
                            break
                        self.received += body
                    connection.sendall(b"250 queued\r\n")
                elif command == b"QUIT":
                    connection.sendall(b"221 bye\r\n")
                    return
                else:
                    connection.sendall(b"250 ok\r\n")


def test_password_reset_mail_goes_to_the_smtp_server(tmp_path):
    server = _OneMailServer()
    server.start()
    env = {
        **DOCUMENTED,
        "DATABASE_URL": f"sqlite:///{tmp_path}/db.sqlite3",
        "EMAIL_HOST": "127.0.0.1",
        "EMAIL_PORT": str(server.port),
        "EMAIL_USE_TLS": "false",
        "DEFAULT_FROM_EMAIL": "PartnerUp <partnerup@myschool.org>",
    }
    code = (
        "import django; django.setup(); "
        "from django.core.management import call_command; call_command('migrate', verbosity=0); "
        "from django.contrib.auth.models import User; "
        "User.objects.create_user('ms-lee', 'lee@myschool.org', 'pw-lee-123!'); "
        "from django.test import Client; "
        "r = Client().post('/accounts/password_reset/', {'email': 'lee@myschool.org'}, "
        "secure=True, HTTP_HOST='partnerup.myschool.org'); print(r.status_code)"
    )
    result = run(code, env, tmp_path)
    server.join(timeout=30)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "302"
    mail = server.received.decode()
    assert "To: lee@myschool.org" in mail and "From: PartnerUp <partnerup@myschool.org>" in mail
    assert "https://partnerup.myschool.org/accounts/reset/" in mail
