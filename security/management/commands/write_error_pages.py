from django.core.management.base import BaseCommand

from wagtail.models import Site

from home.models import ClinicSettings
from security.error_pages import write_error_pages


class Command(BaseCommand):
    help = (
        "500·503 오류 페이지를 병원 정보(전화번호, 진료 시간)로 만들어 ERROR_PAGES_ROOT에 씁니다. "
        "배포할 때 한 번 실행하세요(병원 정보를 저장할 때마다 저절로 다시 씁니다)."
    )

    def handle(self, **options):
        clinic = ClinicSettings.for_site(Site.objects.get(is_default_site=True))
        for path in write_error_pages(clinic):
            self.stdout.write(f"작성: {path}")
