import os
import subprocess
import sys
from pathlib import Path

from django.conf import settings

REPO = Path(__file__).resolve().parents[1]


def test_korean_language_and_seoul_time():
    assert settings.LANGUAGE_CODE == "ko-kr"
    assert settings.TIME_ZONE == "Asia/Seoul"
    assert settings.USE_TZ is True


def run_check(settings_module, *args, **env):
    clean = {
        k: v
        for k, v in os.environ.items()
        if k not in ("SECRET_KEY", "ALLOWED_HOSTS", "DATABASE_URL")
    }
    clean.update(env, DJANGO_SETTINGS_MODULE=settings_module)
    return subprocess.run(
        [sys.executable, "manage.py", "check", *args],
        cwd=REPO,
        env=clean,
        capture_output=True,
        text=True,
        check=False,
    )


def test_production_refuses_to_start_without_its_environment():
    result = run_check("nbsite.settings.production")
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_production_starts_with_its_environment():
    result = run_check(
        "nbsite.settings.production",
        SECRET_KEY="x" * 50,
        ALLOWED_HOSTS="clinicnb.com",
        DATABASE_URL="sqlite:///:memory:",
    )
    assert result.returncode == 0, result.stderr


def test_redis_url_selects_the_redis_cache():
    code = "from nbsite.settings import base; print(base.CACHES['default']['BACKEND'])"
    env = {**os.environ, "REDIS_URL": "redis://127.0.0.1:6379/1"}
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=REPO, env=env, capture_output=True, text=True, check=False
    )
    assert out.stdout.strip() == "django.core.cache.backends.redis.RedisCache"
    env.pop("REDIS_URL")
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=REPO, env=env, capture_output=True, text=True, check=False
    )
    assert out.stdout.strip() == "django.core.cache.backends.locmem.LocMemCache"


def production_settings(code, **env):
    """Runs `code` with Django set up on the production settings and `env` in the environment."""
    clean = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith("AWS_") and k not in ("FRONTEND_CACHE_URL", "SHARED_CACHE_SECONDS")
    }
    clean.update(
        DJANGO_SETTINGS_MODULE="nbsite.settings.production",
        SECRET_KEY="x" * 50,
        ALLOWED_HOSTS="clinicnb.com",
        DATABASE_URL="sqlite:///:memory:",
        MEDIA_ROOT="/srv/nbsite/media",
        **env,
    )
    out = subprocess.run(
        [sys.executable, "-c", f"import django; django.setup()\n{code}"],
        cwd=REPO,
        env=clean,
        capture_output=True,
        text=True,
        check=False,
    )
    assert out.returncode == 0, out.stderr
    return out.stdout.split()


def test_uploads_go_to_object_storage_when_a_bucket_is_named():
    code = (
        "from django.core.files.storage import storages\n"
        "s = storages['default']\n"
        "print(type(s).__module__ + '.' + type(s).__name__, s.url('original_images/a.jpg'))"
    )
    assert production_settings(code) == [
        "django.core.files.storage.filesystem.FileSystemStorage",
        "/media/original_images/a.jpg",
    ]
    assert production_settings(
        code + "\nprint(s.bucket_name, s.endpoint_url, s.querystring_auth)",
        AWS_STORAGE_BUCKET_NAME="nbsite-media",
        AWS_S3_ENDPOINT_URL="https://kr.object.ncloudstorage.com",
        AWS_S3_CUSTOM_DOMAIN="media.clinicnb.com",
    ) == [
        "storages.backends.s3.S3Storage",
        "https://media.clinicnb.com/media/original_images/a.jpg",
        "nbsite-media",
        "https://kr.object.ncloudstorage.com",
        "False",
    ]


def test_frontend_cache_url_turns_on_wagtails_purges_and_longer_shared_caching():
    code = (
        "from django.conf import settings as s\n"
        "print(getattr(s, 'WAGTAILFRONTENDCACHE', {}).get('varnish', {}).get('LOCATION'),"
        " s.SHARED_CACHE_SECONDS)"
    )
    assert production_settings(code) == ["None", "60"]
    assert production_settings(code, FRONTEND_CACHE_URL="http://127.0.0.1:6081") == [
        "http://127.0.0.1:6081",
        "3600",
    ]
