"""Django settings for PartnerUp, read from the environment with safe local defaults.

`DEBUG`, `SECRET_KEY`, `ALLOWED_HOSTS`, `DATABASE_URL`, the public address, the proxy,
CSRF trusted origins, email and logging come from the environment (README: Run it for a
school). Without `DATABASE_URL` a SQLite file in `./data/` is used. Production settings
(`partnerup.settings_production`) refuse to start with the default secret.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent
DATA_DIR = Path(os.environ.get("PARTNERUP_DATA_DIR", Path.cwd() / "data"))
DEFAULT_SECRET = "partnerup-local-development-only"


def envbool(name: str, default: bool) -> bool:
    raw = os.environ.get(name)
    if raw is None:
        return default
    if raw.lower() in ("1", "true", "yes", "on"):
        return True
    if raw.lower() in ("0", "false", "no", "off", ""):
        return False
    raise ImproperlyConfigured(f"{name} must be true or false, not {raw!r}")


def envlist(name: str, default: str) -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def envint(name: str, default: int, least: int = 1) -> int:
    raw = os.environ.get(name)
    if raw is None:
        return default
    if not (raw.isascii() and raw.isdigit()) or int(raw) < least:
        raise ImproperlyConfigured(f"{name} must be a whole number from {least}, not {raw!r}")
    return int(raw)


SECRET_KEY = os.environ.get("SECRET_KEY", DEFAULT_SECRET)
DEBUG = envbool("DEBUG", False)
ALLOWED_HOSTS = envlist("ALLOWED_HOSTS", "127.0.0.1,localhost,testserver")
# Demo sign-in (a one-click button for the demo teacher) exists only in local demo mode.
DEMO_MODE = envbool("PARTNERUP_DEMO", False)


def envurl(name: str) -> str:
    raw = os.environ.get(name, "").strip().rstrip("/")
    if raw and not raw.startswith(("http://", "https://")):
        raise ImproperlyConfigured(f"{name} must start with http:// or https://, not {raw!r}")
    return raw


# The address students' devices use to reach PartnerUp (printed on sign-in cards), e.g.
# https://partnerup.myschool.org; blank: the address the teacher's browser used.
PARTNERUP_PUBLIC_URL = envurl("PARTNERUP_PUBLIC_URL")


def origin_of(url: str) -> str:
    """scheme://host[:port] of an address, as browsers send it in the Origin header."""
    parts = urlsplit(url)
    if not parts.hostname:
        raise ImproperlyConfigured(f"{url!r} has no host name")
    return f"{parts.scheme}://{parts.netloc}"


# The public address is always an allowed host and a trusted origin for POSTs.
if PARTNERUP_PUBLIC_URL:
    origin_of(PARTNERUP_PUBLIC_URL)  # refuses an address without a host name
    ALLOWED_HOSTS.append(str(urlsplit(PARTNERUP_PUBLIC_URL).hostname))
# Other addresses a form may be posted from (e.g. a second name of the server), comma-separated.
CSRF_TRUSTED_ORIGINS = []
for _origin in envlist("CSRF_TRUSTED_ORIGINS", ""):
    if not _origin.startswith(("http://", "https://")):
        raise ImproperlyConfigured(
            f"CSRF_TRUSTED_ORIGINS entries must start with http:// or https://, not {_origin!r}"
        )
    CSRF_TRUSTED_ORIGINS.append(origin_of(_origin))
if PARTNERUP_PUBLIC_URL:
    CSRF_TRUSTED_ORIGINS.append(origin_of(PARTNERUP_PUBLIC_URL))

# Behind a proxy that ends HTTPS (nginx, Caddy, a load balancer), the proxy tells the app
# the browser used https in this header; only set it when the proxy always sets (or strips)
# the header, or anyone could claim https.
PARTNERUP_BEHIND_PROXY = envbool("PARTNERUP_BEHIND_PROXY", False)
if PARTNERUP_BEHIND_PROXY:
    _header = os.environ.get("PARTNERUP_PROXY_SSL_HEADER", "X-Forwarded-Proto").strip()
    if not _header or not all(c.isascii() and (c.isalnum() or c == "-") for c in _header):
        raise ImproperlyConfigured(f"PARTNERUP_PROXY_SSL_HEADER is not a header name: {_header!r}")
    SECURE_PROXY_SSL_HEADER = ("HTTP_" + _header.upper().replace("-", "_"), "https")
# How many proxies stand in front of the app, each adding the address it saw to
# X-Forwarded-For: the client is that many entries from the right (partnerup.clientaddress).
# Entries further left are whatever the browser sent, so they are never believed.
PARTNERUP_TRUSTED_PROXIES = envint(
    "PARTNERUP_TRUSTED_PROXIES", 1 if PARTNERUP_BEHIND_PROXY else 0, least=0
)

# A class on the web has at most this many students (grade-level pools are the CLI's).
PARTNERUP_MAX_CLASS_SIZE = envint("PARTNERUP_MAX_CLASS_SIZE", 60, least=2)
# A roster upload is refused above this size.
PARTNERUP_MAX_UPLOAD_BYTES = 1_000_000
# Student answers, reflections, days and notes of a class archived this many days are
# deleted by the daily clean-up (`manage.py daily`, partnerup/upkeep); 0: at its next run.
PARTNERUP_RETENTION_DAYS = envint("PARTNERUP_RETENTION_DAYS", 60, least=0)

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django_htmx",
    "partnerup.accounts",
    "partnerup.classes",
    "partnerup.plans",
    "partnerup.workshop",
    "partnerup.voice",
    "partnerup.jobs",
    "partnerup.helpboard",
    "partnerup.conferring",
    "partnerup.choicetime",  # natural partnerships (issue 13)
    "partnerup.insights",  # per-student and class insights (issue 13)
    "partnerup.reflections",  # goals, check-ins, reflections and flags (issue 13)
    "partnerup.upkeep",  # the daily clean-up: retention, expired sessions (issue 15)
    "partnerup.schools",  # co-teachers, schools and school admins (issue 15)
    "partnerup.audit",  # the activity record (issue 15)
]

MIDDLEWARE = [
    # First, so every log line of the request (and its response) carries the request id.
    "partnerup.requestid.RequestIdMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # Teacher pages follow the browser's language (Accept-Language); student pages
    # follow the card's language instead (voice/language.py).
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    # Records who viewed, changed, exported or deleted a class's data (audit/recording.py).
    "partnerup.audit.recording.AuditMiddleware",
]

ROOT_URLCONF = "partnerup.urls"
WSGI_APPLICATION = "partnerup.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "partnerup.context.site",
            ]
        },
    }
]


def _database() -> dict:
    url = os.environ.get("DATABASE_URL")
    if url:
        return dj_database_url.parse(url, conn_max_age=60)
    DATA_DIR.mkdir(parents=True, exist_ok=True)
    return {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": DATA_DIR / "partnerup.sqlite3",
        # Concurrent writers wait instead of failing (several app processes).
        "OPTIONS": {"timeout": 20, "transaction_mode": "IMMEDIATE"},
        # Tests use a file, not memory, so a live server's threads each get their own
        # connection and concurrent requests are truly concurrent (one file per run).
        "TEST": {"NAME": Path(tempfile.gettempdir()) / f"partnerup-test-{os.getpid()}.sqlite3"},
    }


DATABASES = {"default": _database()}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "classes:list"
LOGOUT_REDIRECT_URL = "login"

# Password-reset mail: printed on the console unless an SMTP server is named.
EMAIL_HOST = os.environ.get("EMAIL_HOST", "").strip()
EMAIL_BACKEND = os.environ.get(
    "EMAIL_BACKEND",
    "django.core.mail.backends.smtp.EmailBackend"
    if EMAIL_HOST
    else "django.core.mail.backends.console.EmailBackend",
)
EMAIL_PORT = envint("EMAIL_PORT", 587)
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = envbool("EMAIL_USE_TLS", EMAIL_PORT == 587)
EMAIL_USE_SSL = envbool("EMAIL_USE_SSL", EMAIL_PORT == 465)
EMAIL_TIMEOUT = 20
if EMAIL_USE_TLS and EMAIL_USE_SSL:
    raise ImproperlyConfigured("set EMAIL_USE_TLS or EMAIL_USE_SSL, not both")
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "PartnerUp <noreply@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

LANGUAGE_CODE = "en-us"
# The app's own words come from locale/<lang>/LC_MESSAGES/django.po (README: Languages).
LANGUAGES = [("en", "English"), ("es", "Español")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = os.environ.get("TIME_ZONE", "America/New_York")
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = DATA_DIR / "static"
STATICFILES_DIRS = [BASE_DIR / "static"]

SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = False  # htmx reads the token from the page, not the cookie
X_FRAME_OPTIONS = "DENY"

# One line per event on standard output, each with the id of the request it belongs to
# (partnerup/requestid.py); a 500 is logged by django.request with its traceback.
PARTNERUP_LOG_LEVEL = os.environ.get("PARTNERUP_LOG_LEVEL", "INFO").upper()
if PARTNERUP_LOG_LEVEL not in ("DEBUG", "INFO", "WARNING", "ERROR"):
    raise ImproperlyConfigured(
        f"PARTNERUP_LOG_LEVEL must be DEBUG, INFO, WARNING or ERROR, not {PARTNERUP_LOG_LEVEL!r}"
    )
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"request_id": {"()": "partnerup.requestid.RequestIdFilter"}},
    "formatters": {
        "line": {"format": "%(asctime)s %(levelname)s [%(request_id)s] %(name)s: %(message)s"}
    },
    "handlers": {
        "stdout": {
            "class": "logging.StreamHandler",
            "stream": "ext://sys.stdout",
            "filters": ["request_id"],
            "formatter": "line",
        }
    },
    "root": {"handlers": ["stdout"], "level": PARTNERUP_LOG_LEVEL},
    "loggers": {
        # django.server (runserver, make run) keeps Django's own handler and lines.
        "django": {"handlers": ["stdout"], "level": PARTNERUP_LOG_LEVEL, "propagate": False},
    },
}
