"""Settings shared by every environment: safe by default, loosened only in dev and test."""

import datetime
import os
from pathlib import Path

import dj_database_url

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent

DEBUG = False
SECRET_KEY = os.environ.get("SECRET_KEY", "")
ALLOWED_HOSTS = [h.strip() for h in os.environ.get("ALLOWED_HOSTS", "").split(",") if h.strip()]
CSRF_TRUSTED_ORIGINS = [
    o.strip() for o in os.environ.get("CSRF_TRUSTED_ORIGINS", "").split(",") if o.strip()
]

INSTALLED_APPS = [
    "home",
    "treatments",
    "policies",
    "search",
    "consultations",
    "medical_ads",
    "events",
    "security",
    "axes",
    "csp",
    "wagtail.contrib.forms",
    "wagtail.contrib.frontend_cache",
    "wagtail.contrib.redirects",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.settings",
    "wagtail.contrib.search_promotions",
    "wagtail.contrib.sitemaps",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Outside the page cache: every response, cached or not, gets the current policy headers.
    "security.csp.ContentSecurityPolicyMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "home.cache.UpdatePageCacheMiddleware",
    "django.middleware.http.ConditionalGetMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "home.cache.FetchFromPageCacheMiddleware",
    # Last, as django-axes asks: turns a locked-out login into the Korean lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "nbsite.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

WSGI_APPLICATION = "nbsite.wsgi.application"

# DATABASE_URL selects the database; without it, a SQLite file in the project.
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DB_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Every transaction takes SQLite's write lock at BEGIN: no "database is locked" when a read
    # turns into a write, and the scheduler's lock (run_scheduler) is a plain transaction.
    DATABASES["default"].setdefault("OPTIONS", {})["transaction_mode"] = "IMMEDIATE"
elif DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # PostgreSQL's JIT compiles any plan it estimates above jit_above_cost, and on a fresh
    # database its estimates can be wild (the old menu query: ~10^15 rows, ~0.5 s of compiling on
    # every request). A site of short queries never gains from JIT; tests/home/
    # test_postgres_plans.py keeps every page's plans cheap besides.
    DATABASES["default"].setdefault("OPTIONS", {}).setdefault("options", "-c jit=off")
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# REDIS_URL turns on a shared Redis cache; without it each process keeps its own.
REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "nbsite",
        }
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "nbsite",
        }
    }

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
    # "clinic2026": the clinic's own names with digits are the first thing a guesser tries.
    {"NAME": "security.passwords.ClinicWordsValidator"},
]

# Page cache (home/cache.py): anonymous HTML kept in the cache, purged whenever content is published.
PAGE_CACHE_ENABLED = os.environ.get("PAGE_CACHE", "on") != "off"
PAGE_CACHE_EXCLUDED_PATHS = ["/admin/", "/documents/", "/search/suggest"]
CACHE_MIDDLEWARE_ALIAS = "default"
# Without Redis each process has its own cache, and the scheduler (another process) cannot purge
# it: keep copies briefly so a scheduled publish shows within a minute.
CACHE_MIDDLEWARE_SECONDS = 60 * 60 if REDIS_URL else 20
CACHE_MIDDLEWARE_KEY_PREFIX = "pages"
# A shared cache in front (deploy/varnish/nbsite.vcl, a CDN): FRONTEND_CACHE_URL is where it takes
# Wagtail's purges (Varnish: http://127.0.0.1:6081). Anonymous pages tell shared caches to keep
# them SHARED_CACHE_SECONDS (s-maxage): an hour when purged on publish, a minute when not.
# A purge waits at most FRONTEND_CACHE_TIMEOUT seconds (home/frontend_cache.py).
FRONTEND_CACHE_URL = os.environ.get("FRONTEND_CACHE_URL", "")
FRONTEND_CACHE_BACKEND = {
    "BACKEND": "home.frontend_cache.HTTPBackend",
    "TIMEOUT": float(os.environ.get("FRONTEND_CACHE_TIMEOUT", "2")),
}
if FRONTEND_CACHE_URL:
    WAGTAILFRONTENDCACHE = {"varnish": {**FRONTEND_CACHE_BACKEND, "LOCATION": FRONTEND_CACHE_URL}}
SHARED_CACHE_SECONDS = int(
    os.environ.get("SHARED_CACHE_SECONDS", "3600" if FRONTEND_CACHE_URL else "60")
)

LANGUAGE_CODE = "ko-kr"
LANGUAGES = [("ko", "한국어")]
TIME_ZONE = "Asia/Seoul"
USE_I18N = True
# Korean for the admin strings Wagtail's own Korean catalogue lacks (compiled by `make install`).
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_TZ = True

STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
]
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = BASE_DIR / "var" / "static"
STATIC_URL = "/static/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
MEDIA_URL = "/media/"

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
# Uploads on S3-compatible object storage (django-storages) when AWS_STORAGE_BUCKET_NAME is set,
# so every app server sees the same files; the keys come from AWS_ACCESS_KEY_ID and
# AWS_SECRET_ACCESS_KEY (boto3 reads them) or the machine's role. URLs are plain, not signed:
# image renditions sit in pages kept for an hour by the caches, longer than a signature lasts.
if os.environ.get("AWS_STORAGE_BUCKET_NAME"):
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": os.environ["AWS_STORAGE_BUCKET_NAME"],
            # Another S3 service (e.g. https://kr.object.ncloudstorage.com), or AWS when empty.
            "endpoint_url": os.environ.get("AWS_S3_ENDPOINT_URL") or None,
            "region_name": os.environ.get("AWS_S3_REGION_NAME") or None,
            # The CDN's host name in front of the bucket, if any (e.g. media.clinicnb.com).
            "custom_domain": os.environ.get("AWS_S3_CUSTOM_DOMAIN") or None,
            "location": os.environ.get("AWS_LOCATION", "media"),
            "querystring_auth": False,
            "file_overwrite": False,
        },
    }
    # Documents are streamed through Django, which checks a private collection's restriction.
    WAGTAILDOCS_SERVE_METHOD = "serve_view"

DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# Wagtail
WAGTAIL_SITE_NAME = "청담엔비의원"
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAIL_I18N_ENABLED = False
WAGTAILADMIN_PERMITTED_LANGUAGES = [("ko", "한국어")]
WAGTAIL_DATE_FORMAT = "%Y-%m-%d"
WAGTAIL_DATETIME_FORMAT = "%Y-%m-%d %H:%M"
# Our Korean analyzer on Wagtail's database search (SQLite FTS5 / PostgreSQL); README "Search"
# shows the settings-only switch to Elasticsearch/OpenSearch with the nori analyzer.
WAGTAILSEARCH_BACKENDS = {
    "default": {"BACKEND": "search.backends"},
}
if os.environ.get("SEARCH_ELASTICSEARCH_URL"):
    from search.elasticsearch import nori_search_backend

    WAGTAILSEARCH_BACKENDS["default"] = nori_search_backend(
        os.environ["SEARCH_ELASTICSEARCH_URL"],
        engine=os.environ.get("SEARCH_ENGINE", "wagtail.search.backends.elasticsearch8"),
    )
WAGTAILDOCS_EXTENSIONS = ["pdf", "docx", "xlsx", "hwp", "txt", "zip"]
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp", "avif"]
# Images carry a required alternative text (home/models/images.py).
WAGTAILIMAGES_IMAGE_MODEL = "home.ClinicImage"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
}

# E-mail (README "상담 신청"): SMTP from the environment in production; dev prints to the console.
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = os.environ.get("EMAIL_USE_TLS", "false").lower() == "true"
EMAIL_USE_SSL = os.environ.get("EMAIL_USE_SSL", "false").lower() == "true"
# A mail server that does not answer must not hold a visitor's request for long.
EMAIL_TIMEOUT = int(os.environ.get("EMAIL_TIMEOUT", "10"))
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "webmaster@localhost")
# Who hears of a new 상담 신청 (comma-separated); empty sends no notification.
CONSULTATION_NOTIFY_EMAILS = [
    a.strip() for a in os.environ.get("CONSULTATION_NOTIFY_EMAILS", "").split(",") if a.strip()
]

# Security (README "Security"): login throttling, sessions, two factors, browser policies.
# django-axes counts failed logins per account and per address; the 6th try within the cool-off
# gets the Korean lockout page, and superusers read the record under 설정 › 로그인 실패 기록.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = int(os.environ.get("LOGIN_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = datetime.timedelta(minutes=int(os.environ.get("LOGIN_COOLOFF_MINUTES", "15")))
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_RESET_ON_SUCCESS = True
AXES_ENABLE_ACCESS_FAILURE_LOG = True
AXES_LOCKOUT_CALLABLE = "security.views.locked_out"
AXES_CLIENT_IP_CALLABLE = "home.client.client_ip"
AXES_USERNAME_FORM_FIELD = "username"
# How many proxies in front of Django append to X-Forwarded-For (production: nginx, so 1); the
# login throttle and the 상담 신청 rate limit count per visitor's address (home.client).
TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "0"))

# An admin left idle ends: the session lasts SESSION_IDLE_MINUTES from the last request (an
# editor page open and visible pings Wagtail's editing session, so typing is never cut off).
SESSION_COOKIE_AGE = 60 * int(os.environ.get("SESSION_IDLE_MINUTES", "30"))
SESSION_SAVE_EVERY_REQUEST = True
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_HTTPONLY = True

# Content-Security-Policy (security/csp.py): our own origin only; the admin's policy adds what
# Wagtail's own inline widget scripts need. Permissions-Policy: no powerful feature for anyone.
# The video block's players (treatments.blocks.embed_url) are the only other origin, in frames.
VIDEO_PLAYER_ORIGINS = ["https://www.youtube-nocookie.com", "https://player.vimeo.com"]
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "media-src": ["'self'"],
        "frame-src": VIDEO_PLAYER_ORIGINS,
        "frame-ancestors": ["'none'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
    }
}
# Under /admin/ (and so the page preview): Wagtail 8 still writes inline scripts and style
# attributes (date pickers, inline panels), and its preview frames our own pages.
CONTENT_SECURITY_POLICY_ADMIN = {
    "script-src": ["'self'", "'unsafe-inline'"],
    "style-src": ["'self'", "'unsafe-inline'"],
    "img-src": ["'self'", "data:", "blob:"],
    "frame-src": ["'self'", *VIDEO_PLAYER_ORIGINS],
    "frame-ancestors": ["'self'"],
}
# No staff e-mail sent to Gravatar, no update check from the editors' browsers.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_ENABLE_UPDATE_CHECK = False
PERMISSIONS_POLICY = {
    feature: []
    for feature in (
        "accelerometer",
        "ambient-light-sensor",
        "browsing-topics",
        "camera",
        "display-capture",
        "geolocation",
        "gyroscope",
        "hid",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "serial",
        "usb",
    )
}
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"

# Images: a 9000×9000 PNG took 700 MB and 7.9 s to draw. 25 MP (6,000×4,000, a DSLR photo;
# phones give 12 MP) bounds what drawing one upload's renditions costs (README "Security").
WAGTAILIMAGES_MAX_IMAGE_PIXELS = int(os.environ.get("IMAGE_MAX_PIXELS", str(25_000_000)))
# Uploads are kept at most this wide or high (home.images.shrink_original): 1.5 times the widest
# picture the templates show, and what keeps drawing an upload's renditions to a few seconds.
IMAGE_ORIGINAL_MAX_SIDE = int(os.environ.get("IMAGE_ORIGINAL_MAX_SIDE", "2400"))
# How long each scheduler run may spend drawing renditions images lack (0: never).
IMAGE_RENDITIONS_JOB_SECONDS = float(os.environ.get("IMAGE_RENDITIONS_JOB_SECONDS", "5"))

# Popular-query statistics older than this are deleted by the scheduler (security/jobs.py, with
# Wagtail's own garbage_collect); 인기 검색어 and the no-result suggestions read 30 days.
WAGTAILSEARCH_HITS_MAX_AGE = int(os.environ.get("SEARCH_STATS_DAYS", "90"))

# Static error pages (500, and 503 when the database is down) with the clinic's phone and hours,
# written whenever 병원 정보 is saved and by `manage.py write_error_pages`; nginx can serve them too.
ERROR_PAGES_ROOT = Path(os.environ.get("ERROR_PAGES_ROOT", BASE_DIR / "var" / "error-pages"))
# Login records (successes, failures, lockouts) are kept a year, as 개인정보의 안전성 확보조치
# 기준 asks of access records, then deleted by the scheduler.
LOGIN_RECORD_DAYS = int(os.environ.get("LOGIN_RECORD_DAYS", "365"))
# `make backup` (manage.py backup_site) writes its dated archives here; copy them off the server.
BACKUP_ROOT = Path(os.environ.get("BACKUP_ROOT", BASE_DIR / "var" / "backups"))
