from django.conf import settings
from django.core.management.base import BaseCommand

from security.backups import create_backup


class Command(BaseCommand):
    help = "데이터베이스와 미디어 파일을 날짜가 붙은 백업 파일 하나(.tar.gz)로 저장합니다."

    def add_arguments(self, parser):
        parser.add_argument(
            "--dir", default=str(settings.BACKUP_ROOT), help="저장할 폴더 (기본: BACKUP_ROOT)"
        )

    def handle(self, *args, dir, **options):
        archive, manifest = create_backup(dir)
        self.stdout.write(f"백업 완료: {archive} ({archive.stat().st_size / 1e6:.1f} MB)")
        for label, count in manifest["counts"].items():
            self.stdout.write(f"  {label}: {count}")
