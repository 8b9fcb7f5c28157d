from django.core.management.base import BaseCommand

from security.backups import restore_backup


class Command(BaseCommand):
    help = (
        "backup_site로 만든 백업 파일에서 데이터베이스와 미디어 파일을 되살립니다. "
        "자료가 있는 데이터베이스는 --replace를 주어야 덮어씁니다."
    )

    def add_arguments(self, parser):
        parser.add_argument("archive", help="백업 파일 (.tar.gz)")
        parser.add_argument(
            "--replace", action="store_true", help="지금 데이터베이스와 미디어를 지우고 바꿉니다"
        )

    def handle(self, *args, archive, replace, **options):
        manifest, restored = restore_backup(archive, replace=replace)
        self.stdout.write(f"복원 완료: {archive} ({manifest['created']}에 만든 백업)")
        for label, count in restored.items():
            expected = manifest["counts"].get(label)
            mark = "일치" if expected == count else f"불일치: 백업 {expected}"
            self.stdout.write(f"  {label}: {count} ({mark})")
