import sys

from django.core.management.base import BaseCommand

from wagtail.models import Site

from home.launch import MISSING, OK, admin_url, launch_items

MARKS = {OK: "완료", MISSING: "빠짐", "warning": "확인"}


class Command(BaseCommand):
    help = (
        "사이트 공개 준비 목록(관리자 대시보드와 같은 내용)을 보여 줍니다. "
        "꼭 필요한 항목이 빠져 있으면 0이 아닌 값으로 끝납니다."
    )

    def add_arguments(self, parser):
        parser.add_argument("--site", help="사이트 호스트 이름(기본: 기본 사이트)")

    def handle(self, *args, **options):
        site = None
        if options["site"]:
            site = Site.objects.filter(hostname=options["site"]).first()
            if site is None:
                self.stderr.write(f"사이트를 찾을 수 없습니다: {options['site']}")
                sys.exit(2)
        items = launch_items(site)
        for item in items:
            need = "필수" if item.required else "권장"
            self.stdout.write(f"[{MARKS[item.status]}] {item.label} ({need}): {item.detail}")
            if item.status != OK:
                for label, url in item.links:
                    self.stdout.write(f"    - {label}: {admin_url(url)}")
                if item.fix_url:
                    self.stdout.write(f"    고칠 곳: {item.fix_label} {admin_url(item.fix_url)}")
        blocking = [item for item in items if item.blocks_launch]
        if blocking:
            self.stdout.write(f"\n공개 전에 채워야 할 필수 항목 {len(blocking)}개가 남았습니다.")
            sys.exit(1)
        self.stdout.write("\n필수 항목을 모두 채웠습니다.")
