"""Settings: production refuses to start without its secrets; the embedded database."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings

from mpp.settings import email_settings

BASE_DIR = Path(__file__).resolve().parents[2]


# Set by the browser tests for their own process; a deployment never has it.
NOT_INHERITED = {"SECRET_KEY", "DATABASE_URL", "DJANGO_ALLOW_ASYNC_UNSAFE"}


def clean_environment() -> dict:
    return {k: v for k, v in os.environ.items() if k not in NOT_INHERITED}


def start_django(**env) -> subprocess.CompletedProcess:
    environment = clean_environment()
    environment.update(env)
    return subprocess.run(
        [sys.executable, "-c", "import django; django.setup()"],
        cwd=BASE_DIR,
        env={**environment, "DJANGO_SETTINGS_MODULE": "mpp.settings"},
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.mark.parametrize(
    ("env", "missing"),
    [
        ({}, "SECRET_KEY, DATABASE_URL"),
        ({"SECRET_KEY": "x" * 50}, "DATABASE_URL"),
        ({"DATABASE_URL": "postgres://u:p@db/mpp"}, "SECRET_KEY"),
    ],
)
def test_production_refuses_to_start_without_secrets(env, missing):
    result = start_django(DEBUG="0", **env)
    assert result.returncode != 0
    assert f"needs these environment variables: {missing}" in result.stderr


def test_production_starts_with_its_secrets():
    result = start_django(
        DEBUG="0", SECRET_KEY="k" * 50, DATABASE_URL="postgres://u:p@db.example/mpp"
    )
    assert result.returncode == 0, result.stderr


def test_tests_run_on_postgresql():
    assert settings.DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql"


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("console://", {"EMAIL_BACKEND": "django.core.mail.backends.console.EmailBackend"}),
        (
            "smtp://mpp%40kutaitimurkab.go.id:rahasia@mail.kutaitimurkab.go.id:587",
            {
                "EMAIL_HOST": "mail.kutaitimurkab.go.id",
                "EMAIL_PORT": 587,
                "EMAIL_HOST_USER": "mpp@kutaitimurkab.go.id",
                "EMAIL_HOST_PASSWORD": "rahasia",
                "EMAIL_USE_TLS": True,
                "EMAIL_USE_SSL": False,
            },
        ),
        ("smtps://mail.example.org", {"EMAIL_PORT": 465, "EMAIL_USE_SSL": True}),
    ],
)
def test_email_url_is_parsed(url, expected):
    parsed = email_settings(url)
    assert expected.items() <= parsed.items()


def test_deploy_check_is_clean_in_production():
    environment = clean_environment()
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=BASE_DIR,
        env={
            **environment,
            "DEBUG": "0",
            "SECRET_KEY": "a-long-random-production-secret-key-0123456789-abcdefghijklmnop",
            "DATABASE_URL": "postgres://mpp:secret@db.example/mpp",
            "ALLOWED_HOSTS": "mpp.kutaitimurkab.go.id",
        },
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_pages_carry_security_headers(client, db):
    response = client.get("/")
    policy = response["Content-Security-Policy"]
    assert "default-src 'self'" in policy
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Frame-Options"] == "DENY"
