from django.core.management.base import BaseCommand, CommandError

from medical_ads.report import live_pages_with_findings


class Command(BaseCommand):
    help = (
        "게시된 모든 페이지를 의료광고 규칙으로 검사해 찾은 표현을 심한 것부터 보여 줍니다. "
        "게시 불가 표현이 하나라도 있으면 0이 아닌 값으로 끝나므로 배포 전에 확인할 수 있습니다."
    )

    def handle(self, *args, **options):
        reports = live_pages_with_findings()
        blocking = sum(len(report.blocking) for report in reports)
        warnings = sum(len(report.warnings) for report in reports)
        for report in reports:
            page = report.page
            self.stdout.write(
                f"{page.title} ({page.url_path}) — 게시 불가 {len(report.blocking)}건, "
                f"경고 {len(report.warnings)}건"
            )
            for finding in report.findings:
                self.stdout.write(
                    f"  [{finding.severity_label}] ‘{finding.phrase}’ ({finding.where}) — "
                    f"{finding.rule.name}, {finding.rule.article}"
                )
        self.stdout.write(
            f"의료광고 검토: 페이지 {len(reports)}개에서 게시 불가 {blocking}건, 경고 {warnings}건"
        )
        if blocking:
            raise CommandError(f"게시 불가 표현 {blocking}건이 게시되어 있습니다.")
