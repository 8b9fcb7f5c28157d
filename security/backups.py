"""Backup archives: the database (pg_dump, or SQLite's online backup) and the media files.

One .tar.gz per backup, named by its Seoul time, holding manifest.json (what, when, checksums,
row counts), the database and media/. Restoring checks the checksums before touching anything.
"""

import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.core.management.base import CommandError
from django.db import DatabaseError, connection, connections
from django.utils import timezone

# What the manifest counts and a restore reports: what losing the server would cost.
COUNTED_MODELS = [
    "wagtailcore.Page",
    "wagtailcore.Revision",
    "policies.PolicyVersion",
    "home.ClinicImage",
    "wagtaildocs.Document",
    "auth.User",
]


def counts():
    return {label: apps.get_model(label).objects.count() for label in COUNTED_MODELS}


def sha256(path):
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def pg_env(db):
    env = dict(os.environ)
    for key, name in (("HOST", "PGHOST"), ("PORT", "PGPORT"), ("USER", "PGUSER")):
        if db.get(key):
            env[name] = str(db[key])
    if db.get("PASSWORD"):
        env["PGPASSWORD"] = db["PASSWORD"]
    return env


def run(command, env):
    result = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise CommandError(f"{command[0]} 실패: {result.stderr.strip()}")
    return result


def dump_database(target_dir):
    db = connection.settings_dict
    if connection.vendor == "postgresql":
        path = target_dir / "database.pgdump"
        run(["pg_dump", "--format=custom", "--file", str(path), db["NAME"]], pg_env(db))
    elif connection.vendor == "sqlite":
        path = target_dir / "database.sqlite3"
        connection.ensure_connection()
        with sqlite3.connect(path) as copy:
            connection.connection.backup(copy)  # consistent even while the site writes
        copy.close()
    else:
        raise CommandError(f"백업할 수 없는 데이터베이스입니다: {connection.vendor}")
    return path


def create_backup(directory):
    """Write one archive into `directory` and return its path."""
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    stamp = timezone.localtime().strftime("%Y%m%d-%H%M%S")
    archive = directory / f"nbsite-{stamp}.tar.gz"
    with tempfile.TemporaryDirectory() as work:
        work = Path(work)
        database = dump_database(work)
        manifest = {
            "created": timezone.localtime().isoformat(timespec="seconds"),
            "engine": connection.vendor,
            "database": database.name,
            "sha256": {database.name: sha256(database)},
            "counts": counts(),
        }
        (work / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=2))
        partial = archive.with_suffix(".partial")
        with tarfile.open(partial, "w:gz") as tar:
            tar.add(work / "manifest.json", arcname="manifest.json")
            tar.add(database, arcname=database.name)
            media = Path(settings.MEDIA_ROOT)
            if media.exists():
                tar.add(media, arcname="media")
        os.chmod(partial, 0o600)  # it holds personal data
        partial.rename(archive)
    return archive, manifest


def read_archive(archive, work):
    """Unpack into `work` and check the database file against the manifest."""
    try:
        with tarfile.open(archive, "r:gz") as tar:
            tar.extractall(work, filter="data")
    except (OSError, tarfile.TarError) as error:
        raise CommandError(f"백업 파일을 열 수 없습니다: {error}") from error
    manifest = json.loads((work / "manifest.json").read_text())
    database = work / manifest["database"]
    if sha256(database) != manifest["sha256"][manifest["database"]]:
        raise CommandError("백업 파일이 손상되었습니다(체크섬 불일치). 다른 백업을 쓰세요.")
    return manifest, database


def database_in_use():
    """True when the database holds pages or users: restoring over them needs --replace."""
    try:
        tables = connection.introspection.table_names()
        return any(
            model._meta.db_table in tables and model.objects.exists()
            for model in (apps.get_model("wagtailcore.Page"), apps.get_model("auth.User"))
        )
    except DatabaseError:  # a database that does not exist yet (the server was lost)
        return False
    finally:
        connections.close_all()


def restore_postgresql(database, replace):
    import psycopg

    db = connection.settings_dict
    name = db["NAME"]
    connections.close_all()
    params = {
        k: v
        for k, v in {
            "host": db.get("HOST"),
            "port": db.get("PORT"),
            "user": db.get("USER"),
            "password": db.get("PASSWORD"),
        }.items()
        if v
    }
    with psycopg.connect(dbname="postgres", autocommit=True, **params) as admin:
        exists = admin.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
        if exists and replace:
            admin.execute(f'DROP DATABASE "{name}" WITH (FORCE)')
            exists = False
        if not exists:
            admin.execute(f'CREATE DATABASE "{name}"')
    run(
        [
            "pg_restore",
            "--no-owner",
            "--no-privileges",
            "--exit-on-error",
            "--dbname",
            name,
            str(database),
        ],
        pg_env(db),
    )


def restore_sqlite(database):
    connection.ensure_connection()
    with sqlite3.connect(database) as source:
        source.backup(connection.connection)
    source.close()
    connections.close_all()


def restore_media(source, replace):
    media = Path(settings.MEDIA_ROOT)
    if replace and media.exists():
        aside = media.with_name(f"{media.name}.before-restore-{timezone.localtime():%Y%m%d%H%M%S}")
        media.rename(aside)
    if source.exists():
        shutil.copytree(source, media, dirs_exist_ok=True)


def restore_backup(archive, replace=False):
    """Bring the archive's database and media back; refuses to overwrite data unless `replace`."""
    with tempfile.TemporaryDirectory() as work:
        work = Path(work)
        manifest, database = read_archive(archive, work)
        if manifest["engine"] != connection.vendor:
            raise CommandError(
                f"{manifest['engine']} 백업은 {connection.vendor} 데이터베이스로 되돌릴 수 없습니다."
            )
        if database_in_use() and not replace:
            raise CommandError(
                "데이터베이스에 이미 자료가 있습니다. 지우고 백업으로 바꾸려면 --replace"
                " (make restore FILE=… REPLACE=1)를 쓰세요."
            )
        if connection.vendor == "postgresql":
            restore_postgresql(database, replace)
        else:
            restore_sqlite(database)
        restore_media(work / "media", replace)
    return manifest, counts()
