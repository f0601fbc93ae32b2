"""Production settings: the local defaults plus refusals to run unsafely.

HTTPS everywhere (redirect, HSTS, secure cookies), static files served by WhiteNoise from
`collectstatic`'s hashed, compressed copies, and a persistent database connection.
`DJANGO_SETTINGS_MODULE=partnerup.settings_production manage.py check --deploy` is clean
with the environment of README: Run it for a school.
"""

from django.core.exceptions import ImproperlyConfigured

from .settings import *  # noqa: F403
from .settings import DEFAULT_SECRET, MIDDLEWARE, SECRET_KEY, envbool, envint

if SECRET_KEY == DEFAULT_SECRET or len(SECRET_KEY) < 50 or len(set(SECRET_KEY)) < 5:
    raise ImproperlyConfigured(
        "set SECRET_KEY to a long random value (50 characters or more) before running in "
        "production, e.g. python -c 'import secrets; print(secrets.token_urlsafe(50))'"
    )

DEBUG = False
DEMO_MODE = False
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_CONTENT_TYPE_NOSNIFF = True

# Plain http is redirected to https, except the health check that Docker and load
# balancers call from inside.
SECURE_SSL_REDIRECT = envbool("PARTNERUP_SSL_REDIRECT", True)
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
# Browsers remember to use https only (a year by default; 0 turns HSTS off, e.g. while
# trying HTTPS out). includeSubDomains covers names under the app's own host name only.
SECURE_HSTS_SECONDS = envint("PARTNERUP_HSTS_SECONDS", 31_536_000, least=0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = envbool("PARTNERUP_HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = envbool("PARTNERUP_HSTS_PRELOAD", True)

# WhiteNoise serves /static/ from STATIC_ROOT (filled by collectstatic in the start script)
# with hashed names, gzip/brotli copies and far-future caching.
MIDDLEWARE = list(MIDDLEWARE)
MIDDLEWARE.insert(
    MIDDLEWARE.index("django.middleware.security.SecurityMiddleware") + 1,
    "whitenoise.middleware.WhiteNoiseMiddleware",
)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
