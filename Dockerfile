# PartnerUp for a school: gunicorn + WhiteNoise, settings from the environment
# (README: Run it for a school). compose.yaml runs it with PostgreSQL.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    DJANGO_SETTINGS_MODULE=partnerup.settings_production \
    PARTNERUP_DATA_DIR=/app/data \
    PARTNERUP_BIND=0.0.0.0:8000 \
    PYTHON=python

WORKDIR /app
COPY pyproject.toml README.md ./
COPY partnerup ./partnerup
RUN pip install . && rm -rf partnerup build
COPY bin/partnerup-start /usr/local/bin/partnerup-start

# A user without a password or a shell who owns only the data folder.
RUN useradd --system --create-home --home-dir /home/partnerup --shell /usr/sbin/nologin partnerup \
    && mkdir -p /app/data \
    && chown partnerup:partnerup /app/data
USER partnerup

EXPOSE 8000
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
    CMD ["python", "-c", "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8000/healthz', timeout=4)"]
CMD ["partnerup-start"]
