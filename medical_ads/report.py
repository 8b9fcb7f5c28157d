"""Every live page with findings, worst first: the admin report and check_medical_ads share it."""

from dataclasses import dataclass

from wagtail.models import Page

from .review import RuleSet, split


@dataclass
class PageReport:
    """One live page and what the rules find on it."""

    page: Page
    findings: list

    @property
    def blocking(self):
        return split(self.findings)[0]

    @property
    def warnings(self):
        return split(self.findings)[1]

    @property
    def sort_key(self):
        return (-len(self.blocking), -len(self.warnings), self.page.path)


def live_pages_with_findings(ruleset=None):
    ruleset = ruleset or RuleSet.load()
    reports = []
    # The tree's root (depth 1) is Wagtail's, never shown to a visitor.
    for page in Page.objects.live().filter(depth__gt=1).specific().order_by("path"):
        findings = ruleset.page_findings(page)
        if findings:
            reports.append(PageReport(page, findings))
    return sorted(reports, key=lambda report: report.sort_key)
