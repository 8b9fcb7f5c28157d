"""The restore drill: content and a policy version, back up, lose the database, restore, compare."""

import hashlib
import json
import shutil
import sys
import tarfile
from io import StringIO

import pytest

from django.contrib.auth.models import User
from django.core.management import CommandError, call_command
from django.db import connection, connections
from django.urls import reverse

from home.images import generated_image
from home.models import ClinicImage
from policies.models import PolicyVersion
from security.backups import counts

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


def upload_image_in_the_admin(client):
    """An editor uploads a photo through 이미지 › 추가 (the file lands in MEDIA_ROOT)."""
    client.force_login(User.objects.create_superuser("it", "it@example.com", "x"))
    picture = generated_image("backup-drill", title="원본", alt="원본")
    with picture.file.open("rb") as handle:
        response = client.post(
            reverse("wagtailimages:add"),
            {"title": "리프팅 상담실", "description": "리프팅 상담실 사진", "file": handle},
        )
    assert response.status_code == 302
    return ClinicImage.objects.get(title="리프팅 상담실")


def version_text(version):
    """A version's text and raw body exactly as stored, as bytes."""
    return json.dumps([version.sections, version.body_data], ensure_ascii=False).encode()


def drop_database():
    """What losing the server does to the database: it is gone."""
    name = connection.settings_dict["NAME"]
    connections.close_all()
    if connection.vendor == "postgresql":
        import psycopg

        db = connection.settings_dict
        with psycopg.connect(
            dbname="postgres", host=db["HOST"], port=db["PORT"], user=db["USER"], autocommit=True
        ) as admin:
            admin.execute(f'DROP DATABASE "{name}" WITH (FORCE)')
    else:
        call_command("flush", interactive=False, verbosity=0)


def test_the_whole_drill(client, media_root, tmp_path, capsys):
    call_command("load_clinic_content", verbosity=0)
    image = upload_image_in_the_admin(client)
    image_bytes = hashlib.sha256(image.file.read()).hexdigest()
    image_path = image.file.path
    version = PolicyVersion.objects.order_by("number").first()
    assert version is not None, "the loader records the 2017 version"
    before_text = version_text(version)
    before = counts()

    out = StringIO()
    call_command("backup_site", dir=str(tmp_path / "backups"), stdout=out)
    archive = next((tmp_path / "backups").glob("nbsite-*.tar.gz"))
    with tarfile.open(archive) as tar:
        names = tar.getnames()
    assert "manifest.json" in names and any(n.startswith("media/original_images/") for n in names)

    drop_database()
    shutil.rmtree(media_root)

    restored = StringIO()
    call_command("restore_site", str(archive), stdout=restored)
    sys.stdout.write(out.getvalue() + restored.getvalue())  # the drill's report, with -s

    assert counts() == before
    assert "불일치" not in restored.getvalue()
    assert version_text(PolicyVersion.objects.get(pk=version.pk)) == before_text
    with open(image_path, "rb") as handle:
        assert hashlib.sha256(handle.read()).hexdigest() == image_bytes
    assert client.get("/privacy/").status_code == 200


def test_restore_refuses_to_overwrite_a_database_in_use(media_root, tmp_path):
    call_command("load_clinic_content", verbosity=0)
    call_command("backup_site", dir=str(tmp_path), stdout=StringIO())
    archive = next(tmp_path.glob("nbsite-*.tar.gz"))
    with pytest.raises(CommandError, match="--replace"):
        call_command("restore_site", str(archive), stdout=StringIO())


def test_a_damaged_archive_is_refused_before_anything_is_touched(media_root, tmp_path):
    call_command("load_clinic_content", verbosity=0)
    call_command("backup_site", dir=str(tmp_path), stdout=StringIO())
    archive = next(tmp_path.glob("nbsite-*.tar.gz"))
    work = tmp_path / "unpacked"
    with tarfile.open(archive) as tar:
        tar.extractall(work, filter="data")
    manifest = json.loads((work / "manifest.json").read_text())
    database = work / manifest["database"]
    data = bytearray(database.read_bytes())
    middle = len(data) // 2
    data[middle : middle + 100] = bytes(255 - b for b in data[middle : middle + 100])
    database.write_bytes(bytes(data))
    damaged = tmp_path / "damaged.tar.gz"
    with tarfile.open(damaged, "w:gz") as tar:
        for path in work.iterdir():
            tar.add(path, arcname=path.name)
    pages = counts()["wagtailcore.Page"]
    with pytest.raises(CommandError, match="손상"):
        call_command("restore_site", str(damaged), "--replace", stdout=StringIO())
    assert counts()["wagtailcore.Page"] == pages
