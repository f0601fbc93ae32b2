"""Production settings: the local defaults plus refusals to run unsafely."""

from django.core.exceptions import ImproperlyConfigured

from .settings import *  # noqa: F403
from .settings import DEFAULT_SECRET, SECRET_KEY

if SECRET_KEY == DEFAULT_SECRET or len(SECRET_KEY) < 32:
    raise ImproperlyConfigured("set SECRET_KEY to a long random value before running in production")

DEBUG = False
DEMO_MODE = False
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_CONTENT_TYPE_NOSNIFF = True
