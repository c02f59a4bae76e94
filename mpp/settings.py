"""Settings of the MPP Kutai Timur portal, read from environment variables."""

import os
from datetime import timedelta
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlparse

from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from mpp.database import connection_options

BASE_DIR = Path(__file__).resolve().parent.parent
DATA_DIR = Path(os.environ.get("MPP_DATA_DIR", BASE_DIR / ".data"))


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str) -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DEBUG", True)

if not DEBUG:
    missing = [name for name in ("SECRET_KEY", "DATABASE_URL") if not os.environ.get(name)]
    if missing:
        raise ImproperlyConfigured(
            "Production (DEBUG off) needs these environment variables: " + ", ".join(missing)
        )

SECRET_KEY = os.environ.get("SECRET_KEY") or "development-only-key-not-for-production"
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost,[::1]" if DEBUG else "")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", "")
# Where citizens open the portal: the links in messages, which no request is there to name.
PUBLIC_BASE_URL = os.environ.get("PUBLIC_BASE_URL", "").rstrip("/") or (
    f"https://{ALLOWED_HOSTS[0].lstrip('.')}"
    if ALLOWED_HOSTS and not DEBUG
    else "http://127.0.0.1:8000"
)

INSTALLED_APPS = [
    "mpp.apps.MallAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "crispy_forms",
    "crispy_bootstrap5",
    "bootstrap",
    "django_htmx",
    "django_scopes",
    "ninja",
    "axes",
    "csp",
    "procrastinate.contrib.django",
    "mpp",
    "notifications",
    "services",
    "counters",
    "cases",
    "complaints",
    "umkm",
    "oversight",
]

MIDDLEWARE = [
    "mpp.middleware.ClientAddressMiddleware",
    "mpp.middleware.NulCharactersMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "mpp.middleware.ChosenLanguageMiddleware",
    "mpp.middleware.DatabaseUnavailableMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "mpp.htmx_vary.HtmxVaryMiddleware",
    "csp.middleware.CSPMiddleware",
    "mpp.headers.PermissionsPolicyMiddleware",
    "mpp.throttle.PublicWriteLimitMiddleware",
    "mpp.tenancy.TenancyMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "mpp.urls"
WSGI_APPLICATION = "mpp.wsgi.application"
ASGI_APPLICATION = "mpp.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "mpp.context_processors.site",
            ],
        },
    }
]

# Database: DATABASE_URL, or the embedded PostgreSQL under .data/ (never SQLite).
if os.environ.get("DATABASE_URL"):
    import dj_database_url

    DATABASES = {"default": dj_database_url.parse(os.environ["DATABASE_URL"])}
else:
    from mpp.embedded_db import embedded_database

    DATABASES = {"default": embedded_database(DATA_DIR)}
# Persistent connections: a new PostgreSQL connection per request costs more than the request.
DATABASES["default"]["CONN_MAX_AGE"] = int(os.environ.get("CONN_MAX_AGE", "60"))
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
# No statement waits longer than this for a lock: a booking of a slot that someone holds
# too long answers "busy, try again", a migration can't stall the whole site behind it.
DATABASES["default"].setdefault("OPTIONS", {})["options"] = (
    f"-c lock_timeout={int(os.environ.get('DB_LOCK_TIMEOUT_MS', '5000'))}"
)
connection_options(
    DATABASES["default"], transaction_pooler=os.environ.get("DB_TRANSACTION_POOLER") == "1"
)
DATABASES["default"]["TEST"] = {"NAME": os.environ.get("TEST_DATABASE_NAME", "test_mpp")}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Cache: Redis shared by every app node when REDIS_URL is set; otherwise a file cache that
# still works across the processes of one machine.
if os.environ.get("REDIS_URL"):
    CACHES = {
        "default": {
            "BACKEND": "mpp.cache.RedisCache",
            "LOCATION": os.environ["REDIS_URL"],
            "KEY_PREFIX": "mpp",
        }
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": str(DATA_DIR / "cache"),
        }
    }


def email_settings(url: str) -> dict:
    """EMAIL_URL: console://, smtp://user:pass@host:587?tls=1 or smtps://… (SSL)."""
    parsed = urlparse(url)
    if parsed.scheme in ("", "console"):
        return {"EMAIL_BACKEND": "django.core.mail.backends.console.EmailBackend"}
    if parsed.scheme not in ("smtp", "smtps"):
        raise ImproperlyConfigured(f"EMAIL_URL scheme not supported: {parsed.scheme}")
    query = parse_qs(parsed.query)
    return {
        "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "EMAIL_HOST": parsed.hostname or "localhost",
        "EMAIL_PORT": parsed.port or (465 if parsed.scheme == "smtps" else 587),
        "EMAIL_HOST_USER": unquote(parsed.username or ""),
        "EMAIL_HOST_PASSWORD": unquote(parsed.password or ""),
        "EMAIL_USE_SSL": parsed.scheme == "smtps",
        "EMAIL_USE_TLS": parsed.scheme == "smtp" and query.get("tls", ["1"])[0] == "1",
    }


globals().update(email_settings(os.environ.get("EMAIL_URL", "console://")))
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "MPP Kutai Timur <noreply@localhost>")

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "home"

LANGUAGE_CODE = "id"
LANGUAGES = [("id", _("Bahasa Indonesia")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Asia/Makassar"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "staticfiles"))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", DATA_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

# Login throttling on every login page (mall, agency sites, console, UMKM owners): ten
# failures lock that username and that address for a while; `manage.py axes_reset_username
# NAME` or `axes_reset_ip ADDRESS` unlocks.
AXES_FAILURE_LIMIT = 10
AXES_COOLOFF_TIME = timedelta(minutes=int(os.environ.get("AXES_COOLOFF_MINUTES", "15")))
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_RESET_ON_SUCCESS = True
AXES_VERBOSE = False
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
# Client addresses come from REMOTE_ADDR, which mpp.middleware sets behind trusted proxies.
PROXY_COUNT = int(os.environ.get("PROXY_COUNT", "0"))
AXES_IPWARE_META_PRECEDENCE_ORDER = ["REMOTE_ADDR"]

SESSION_COOKIE_HTTPONLY = True
# A counter PC's sign-in lasts one working day.
SESSION_COOKIE_AGE = int(os.environ.get("SESSION_COOKIE_AGE", str(9 * 3600)))
X_FRAME_OPTIONS = "DENY"
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:", "blob:"],
        "connect-src": ["'self'"],
        "font-src": ["'self'", "data:"],
        "media-src": ["'self'", "data:"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}
# Browser features: only what the pages use (the share buttons, the board's sound and
# full screen); the rest is off. The kiosk's QR scanner types the code like a keyboard; the
# exit survey station alone turns the camera on for its own page (common.headers).
PERMISSIONS_POLICY = {
    "web-share": ["self"],
    "clipboard-write": ["self"],
    "autoplay": ["self"],
    "fullscreen": ["self"],
    "screen-wake-lock": ["self"],
    "camera": [],
    "microphone": [],
    "geolocation": [],
    "payment": [],
    "usb": [],
    "serial": [],
    "hid": [],
    "bluetooth": [],
    "midi": [],
    "accelerometer": [],
    "gyroscope": [],
    "magnetometer": [],
    "display-capture": [],
    "xr-spatial-tracking": [],
    "browsing-topics": [],
}
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
if not DEBUG:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
    SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", str(365 * 24 * 3600)))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True

# Every log line goes through one handler whose filter masks NIKs and phone numbers,
# Django's own request and development-server lines included.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"personal_data": {"()": "mpp.log_filters.RedactPersonalData"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "filters": ["personal_data"]}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {
        "django": {"handlers": ["console"], "level": "INFO", "propagate": False},
        "django.server": {"handlers": ["console"], "level": "INFO", "propagate": False},
        "pgserver": {"level": "WARNING"},
        "axes": {"level": "WARNING"},
        "procrastinate": {"level": os.environ.get("WORKER_LOG_LEVEL", "WARNING")},
    },
}

# Abuse limits of booking per local day: per client address, per NIK, and booking look-ups.
BOOKING_LIMITS = {
    "ip": int(os.environ.get("BOOKING_LIMIT_PER_ADDRESS", "10")),
    "nik": int(os.environ.get("BOOKING_LIMIT_PER_NIK", "3")),
    "lookup": int(os.environ.get("BOOKING_LOOKUP_LIMIT_PER_ADDRESS", "60")),
}

# Abuse limits of the public writes, per client address and per signed-in account (staff
# are exempt, see mpp.throttle): view name -> (requests, seconds). A kiosk PC takes a ticket
# at most every few seconds; a booking check-in answers whether a code is real, so it is
# limited like a look-up, above what a kiosk's queue of booked visitors needs. A survey needs
# a finished ticket's code, so its limit is generous for phones that share the mall's Wi-Fi
# address. The exit survey station looks a ticket up and takes its survey, limited like the
# kiosk's check-in look-ups and the survey. A case lookup is also limited per tracking code
# (cases.limits); its limit per address stops one device from trying many codes.
# PUBLIC_WRITE_LIMITS_SCALE multiplies every count where many more visitors share one
# address (a carrier's NAT), or for a load test from one machine.
_limits_scale = int(os.environ.get("PUBLIC_WRITE_LIMITS_SCALE", "1"))
PUBLIC_WRITE_LIMITS = {
    name: (count * _limits_scale, seconds)
    for name, (count, seconds) in {
        "booking:create": (30, 600),
        "api-1:booking_create_endpoint": (30, 600),
        "counters:kiosk_priority": (120, 600),
        "booking:kiosk_check_in": (60, 600),
        "api-1:booking_check_in_endpoint": (60, 600),
        "counters:survey": (60, 600),
        "counters:station_start": (60, 600),
        "counters:station_survey": (60, 600),
        "counters:ticket_messages": (20, 600),
        "counters:online_take": (10, 600),
        "api-1:online_ticket_create": (10, 600),
        "counters:kiosk_online_check_in": (60, 600),
        "api-1:survey_create": (60, 600),
        "umkm:register": (5, 3600),
        "cases:lookup": (30, 600),
        "cases:track": (30, 600),
        "api-1:case_lookup_endpoint": (30, 600),
        "cases:messages": (20, 600),
        "complaints:intake": (10, 3600),
        "api-1:complaint_create": (10, 3600),
        "complaints:add_information": (20, 3600),
        "complaints:rate": (10, 3600),
    }.items()
}

# Following a complaint with its number and secret, per local day: tries per client address,
# and wrong secrets per complaint number, after which the number is locked for the day
# (a 12-character secret is not guessed in 10 tries, nor in 10 a day for years).
COMPLAINT_LOOKUP_LIMITS = {
    "address": int(os.environ.get("COMPLAINT_LOOKUP_LIMIT_PER_ADDRESS", "60")),
    "code": int(os.environ.get("COMPLAINT_WRONG_SECRETS_PER_CODE", "10")),
}

# Personal data of bookings is erased this many days after the visit (anonymise_bookings).
PERSONAL_DATA_RETENTION_DAYS = int(os.environ.get("PERSONAL_DATA_RETENTION_DAYS", "180"))

# An IKM (an agency's period report, or per service, counter or officer) is shown from this
# many SKM answers on; below it the page says there are not enough respondents yet.
SKM_MIN_RESPONSES = int(os.environ.get("SKM_MIN_RESPONSES", "30"))

# A case late by more than this many working days is told to the mall admins as well as
# to its agency (cases.overdue).
CASE_ESCALATION_WORKING_DAYS = int(os.environ.get("CASE_ESCALATION_WORKING_DAYS", "3"))

# `make bench` mounts its floor views (mpp.bench_views); never on in production.
BENCH_FLOORS = env_bool("BENCH_FLOORS", False)

# Browsers on these networks (the mall's kiosk PCs) may issue queue tickets at /antrian/ambil/;
# elsewhere only a kiosk token (API) or signed-in staff may.
KIOSK_ALLOWED_NETWORKS = env_list("KIOSK_ALLOWED_NETWORKS", "127.0.0.0/8,::1/128" if DEBUG else "")

# Groups whose members are mall admins (pengelola MPP) besides superusers.
MALL_ADMIN_GROUP = "pengelola-mpp"
# The mall's complaint officers: they alone see a confidential complainant's identity and
# handle reports of pungli or staff misconduct (mall admins are officers too).
COMPLAINT_OFFICER_GROUP = "petugas-pengaduan"

# Background work: Procrastinate on the same PostgreSQL. Tasks live in each app's tasks.py;
# `manage.py serve` starts one worker beside the web server, production runs N of them
# (deploy/systemd/mpp-worker@.service). Finished jobs are kept a month (mpp.tasks).
PROCRASTINATE_AUTODISCOVER_MODULE_NAME = "tasks"
PROCRASTINATE_ON_APP_READY = "mpp.worker.configure"

# Messages to citizens (notifications): channels in order of preference; a message goes to
# the first one the citizen consented to and falls back to the next after its retries.
# WhatsApp and SMS send for real once their credentials are set; without them development
# prints the message (console) and production leaves the channel out.
WHATSAPP = {
    "API_URL": os.environ.get("WHATSAPP_API_URL", "https://graph.facebook.com/v21.0"),
    "PHONE_NUMBER_ID": os.environ.get("WHATSAPP_PHONE_NUMBER_ID", ""),
    "TOKEN": os.environ.get("WHATSAPP_TOKEN", ""),
    "APP_SECRET": os.environ.get("WHATSAPP_APP_SECRET", ""),
    "VERIFY_TOKEN": os.environ.get("WHATSAPP_VERIFY_TOKEN", ""),
}
SMS_GATEWAY = {
    "URL": os.environ.get("SMS_GATEWAY_URL", ""),
    "TOKEN": os.environ.get("SMS_GATEWAY_TOKEN", ""),
}
CONSOLE_CHANNEL = "notifications.channels.ConsoleChannel"
MESSAGE_CHANNELS = {}
for _name, _backend, _configured in (
    ("whatsapp", "notifications.channels.WhatsAppChannel", WHATSAPP["TOKEN"]),
    ("sms", "notifications.channels.SmsGatewayChannel", SMS_GATEWAY["URL"]),
):
    if _configured or DEBUG:
        MESSAGE_CHANNELS[_name] = _backend if _configured else CONSOLE_CHANNEL
MESSAGE_CHANNELS["email"] = "notifications.channels.EmailChannel"
if not DEBUG and WHATSAPP["TOKEN"] and not (WHATSAPP["APP_SECRET"] and WHATSAPP["VERIFY_TOKEN"]):
    raise ImproperlyConfigured(
        "WhatsApp needs WHATSAPP_APP_SECRET and WHATSAPP_VERIFY_TOKEN for its delivery reports"
    )
# A failed attempt waits MESSAGE_RETRY_SECONDS x 2^(attempt-1) (at most an hour, or what
# the gateway asks in Retry-After); after MESSAGE_MAX_ATTEMPTS the next channel is tried.
MESSAGE_MAX_ATTEMPTS = int(os.environ.get("MESSAGE_MAX_ATTEMPTS", "4"))
MESSAGE_RETRY_SECONDS = float(os.environ.get("MESSAGE_RETRY_SECONDS", "30"))
# An attempt cut off by a worker's death, on a channel that cannot tell a repeat, is sent
# again only after this long without any delivery report of it (see notifications.delivery).
MESSAGE_OUTCOME_WAIT_SECONDS = float(os.environ.get("MESSAGE_OUTCOME_WAIT_SECONDS", "900"))
MESSAGE_HTTP_TIMEOUT_SECONDS = float(os.environ.get("MESSAGE_HTTP_TIMEOUT_SECONDS", "10"))
