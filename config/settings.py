"""Settings for Xen or KVM?

Safe local defaults; production values come from environment variables:
SECRET_KEY, DEBUG, ALLOWED_HOSTS, DATABASE_URL, REDIS_URL, CSRF_TRUSTED_ORIGINS, SECURE_SSL,
SECURE_HSTS_PRELOAD, TRUSTED_PROXIES (see README.md, "Settings").
"""

import os
from datetime import date, timedelta
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent


def envbool(name: str, default: str = "False") -> bool:
    return os.environ.get(name, default).strip().lower() in ("1", "true", "yes", "on")


def envlist(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = envbool("DEBUG")


def secret_key() -> str:
    """SECRET_KEY from the environment, else the machine's own `.secret_key` file (`make setup`
    writes a random one, git-ignored). Never a committed default: with DEBUG off and neither of
    them, the site refuses to start."""
    if key := os.environ.get("SECRET_KEY", "").strip():
        return key
    local = BASE_DIR / ".secret_key"
    if local.is_file() and (key := local.read_text().strip()):
        return key
    if DEBUG:
        return "development-only-key-" + "x" * 40
    raise ImproperlyConfigured(
        "SECRET_KEY is not set. Set the SECRET_KEY environment variable to a long random string "
        "(the same on every instance), or run `make setup`, which writes one to .secret_key."
    )


SECRET_KEY = secret_key()
ALLOWED_HOSTS = envlist("ALLOWED_HOSTS", "127.0.0.1,localhost,[::1],testserver")
CSRF_TRUSTED_ORIGINS = envlist("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    # modeltranslation patches the admin, so it comes before it.
    "modeltranslation",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.humanize",
    "axes",
    "django_htmx",
    "crispy_forms",
    "crispy_bootstrap5",
    # History of the content: every admin save is a revision (registered in the apps' admin.py).
    "reversion",
    "reversion_compare",
    "core",
    "comparison",
    "advisor",
    "pagecache",
]
# Changes to these apps' models bump the content version (pagecache/signals.py).
CONTENT_APPS = ["comparison", "advisor"]

MIDDLEWARE = [
    # Outermost: a stored response carries every header the middleware below adds.
    "pagecache.middleware.PageCacheMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "config.security.HeadersMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # HTML leaves compressed (the comparison page is ~70 KB raw); below WhiteNoise, whose static
    # files are already brotli/gzip. Django masks the CSRF token per response and pads gzip (BREACH).
    "django.middleware.gzip.GZipMiddleware",
    # Sessions, the signed-in user and messages are the admin's only (core/middleware.py).
    "core.middleware.AdminSessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    # Before the CSRF check: the read-only API answers any other method with a JSON 405.
    "api.errors.ApiMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "core.middleware.AdminAuthenticationMiddleware",
    "core.middleware.AdminMessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    # Last, as django-axes requires: it turns a locked-out sign-in into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "config.urls"

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
                "config.context_processors.languages",
            ],
        },
    },
]

WSGI_APPLICATION = "config.wsgi.application"

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}", conn_max_age=60, conn_health_checks=True
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL: readers never wait for a writer. IMMEDIATE: a transaction takes the write lock when it
    # begins, so two editors saving at once queue (up to `timeout` seconds) instead of one failing
    # with "database is locked" when both try to upgrade a read lock.
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }

# Redis when REDIS_URL is set (production); a per-process memory cache otherwise. A Redis that is
# down or hangs costs a visitor at most a second: the page cache then goes without it for a while
# (pagecache/store.py). Sessions stay in the database (Django's default), never in Redis: only
# editors have one, a read per admin request is nothing, and a logout always holds.
if os.environ.get("REDIS_URL"):
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": os.environ["REDIS_URL"],
            "KEY_PREFIX": os.environ.get("CACHE_PREFIX", "xenkvm"),
            "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
        }
    }
else:
    CACHES = {
        "default": {
            # LocMemCache without pickling: the page cache's entries are immutable.
            "BACKEND": "pagecache.memory.MemoryCache",
            "OPTIONS": {"MAX_ENTRIES": 2000},
        }
    }
PAGECACHE_ALIAS = "default"
# Entries of older versions are never read again; they age out (Redis: set maxmemory-policy).
PAGECACHE_SECONDS = 60 * 60 * 24
PAGECACHE_EXCLUDE = ("/admin/", "/static/", "/healthz", "/media/")

AUTHENTICATION_BACKENDS = [
    # First, so that a locked-out sign-in is refused before the password is even checked.
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

# Admin brute force: 5 wrong passwords for one username from one address lock that pair for an
# hour. The database handler keeps the count where every worker and instance sees it.
AXES_HANDLER = "axes.handlers.database.AxesDatabaseHandler"
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = timedelta(hours=1)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "lockout.html"
AXES_CLIENT_IP_CALLABLE = "config.security.client_ip"
# Addresses (or networks) of the reverse proxies in front of the site: only a request that comes
# from one of them may name the client's address in X-Forwarded-For.
TRUSTED_PROXIES = envlist("TRUSTED_PROXIES")

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en"
LANGUAGES = [
    ("ru", _("Russian")),
    ("es", _("Spanish")),
    ("en", _("English")),
]
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_I18N = True
# Where a number is grouped in thousands (`intcomma`): ru and en as Django has them, es in config/formats.
FORMAT_MODULE_PATH = ["config.formats"]
USE_TZ = True
TIME_ZONE = "UTC"

# Content fields fall back to English when a translation is missing; templates show that it did.
MODELTRANSLATION_DEFAULT_LANGUAGE = "en"
MODELTRANSLATION_FALLBACK_LANGUAGES = ("en",)

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static", BASE_DIR / "build" / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if envbool("STATIC_PLAIN")
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}
WHITENOISE_MAX_AGE = 60 * 60 * 24 * 365 if not DEBUG else 0

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
# Scripts, styles, fonts and images come from the site only; nothing inline (htmx's indicator
# style is switched off in base.html). `data:` images are the stylesheet's own: Bootstrap draws
# check marks and select arrows as inline SVG. No nonce, so cached pages stay valid as they are.
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "object-src": [CSP.NONE],
    "frame-ancestors": [CSP.NONE],
    "base-uri": [CSP.NONE],
    "form-action": [CSP.SELF],
}
# Features the site never uses, refused for it and anything it could embed (config/security.py).
PERMISSIONS_POLICY = "camera=(), geolocation=(), microphone=(), payment=(), usb=()"
if envbool("SECURE_SSL"):
    SECURE_SSL_REDIRECT = True
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = 60 * 60 * 24 * 365
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    # Asks browsers' preload lists to hard-code HTTPS for the domain; SECURE_HSTS_PRELOAD=0 for a
    # domain whose other sub-domains are not all on HTTPS yet.
    SECURE_HSTS_PRELOAD = envbool("SECURE_HSTS_PRELOAD", "1")
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
    # A request for a Host the site does not serve gets its 400; a scanner's noise is not an error.
    "loggers": {"django.security.DisallowedHost": {"handlers": [], "propagate": False}},
}

# `manage.py seed` loads each fixture, in order, when its model has no rows yet.
SEED_FIXTURES = {"comparison": "comparison.Source", "advisor": "advisor.Question"}
# When the seeded content was last checked against its sources and today's facts: the "last
# updated" date the pages show until an editor saves something later in admin.
CONTENT_REVIEWED = date(2026, 11, 21)
