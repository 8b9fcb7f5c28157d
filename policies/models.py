import datetime
import re
from html import escape
from pathlib import Path

from django.db import models
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.search import index

from home.models import SitePage

from .blocks import PolicyBodyBlock

CONTENT_DIR = Path(__file__).resolve().parent / "content"
ARTICLE_HEADING = re.compile(r"^(\d+)\.\s*(\S.*)$")
DATE_LINE = re.compile(r"^(공고일자|시행일자)\s*:\s*(\d{4})년\s*(\d{1,2})월\s*(\d{1,2})일")


class PolicyPage(SitePage):
    """A policy the clinic must keep posted, such as 개인정보처리방침, with its dates and articles."""

    document_title = models.CharField(
        "공고문 원제목",
        max_length=200,
        blank=True,
        help_text="공고 당시 문서의 제목이 페이지 제목과 다를 때만 입력합니다. 예: 개인정보 취급방침",
    )
    announced_on = models.DateField("공고일자", null=True, blank=True)
    effective_on = models.DateField("시행일자", null=True, blank=True)
    body = StreamField(PolicyBodyBlock(), blank=True, verbose_name="본문")

    search_fields = SitePage.search_fields + [index.SearchField("body")]
    content_panels = SitePage.content_panels + [
        FieldPanel("document_title"),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("announced_on"), FieldPanel("effective_on")])],
            heading="날짜",
        ),
        FieldPanel("body"),
    ]

    parent_page_types = ["home.HomePage"]
    subpage_types = []

    class Meta:
        verbose_name = "정책"
        verbose_name_plural = "정책"

    def numbered_sections(self):
        """The articles with their displayed numbers: the editor's number, or the next in order."""
        sections = []
        counter = 0
        for block in self.body:
            if block.block_type != "section":
                continue
            value = block.value
            if value["number"]:
                digits = re.sub(r"\D", "", value["number"])
                counter = int(digits) if digits else counter
                number = value["number"]
            elif value["heading"]:
                counter += 1
                number = f"{counter}."
            else:
                number = ""
            sections.append({"number": number, "heading": value["heading"], "body": value["body"]})
        return sections

    @classmethod
    def from_seed(cls, entry):
        page = super().from_seed(entry)
        text = (CONTENT_DIR / entry["source"]).read_text(encoding="utf-8")
        fields = parse_policy_text(text)
        page.document_title = fields["document_title"] if fields["document_title"] != page.title else ""
        page.announced_on = fields["announced_on"]
        page.effective_on = fields["effective_on"]
        page.body = fields["sections"]
        return page


def parse_policy_text(text):
    """Split a policy published as plain text into its title, numbered articles and dates."""
    lines = text.strip("\n").splitlines()
    document_title = lines[0].strip()
    sections = [{"number": "", "heading": "", "lines": []}]
    dates = {}
    for line in lines[1:]:
        date_match = DATE_LINE.match(line.strip())
        heading_match = ARTICLE_HEADING.match(line.strip())
        if date_match:
            label, year, month, day = date_match.groups()
            dates[label] = datetime.date(int(year), int(month), int(day))
        elif heading_match:
            sections.append({"number": heading_match[1], "heading": heading_match[2], "lines": []})
        else:
            sections[-1]["lines"].append(line.strip())
    blocks = []
    for section in sections:
        paragraphs = "".join(f"<p>{escape(line, quote=False)}</p>" for line in section["lines"] if line)
        if not paragraphs and not section["heading"]:
            continue
        blocks.append(
            {
                "type": "section",
                "value": {
                    "number": f"{section['number']}." if section["number"] else "",
                    "heading": section["heading"],
                    "body": paragraphs,
                },
            }
        )
    return {
        "document_title": document_title,
        "announced_on": dates.get("공고일자"),
        "effective_on": dates.get("시행일자"),
        "sections": blocks,
    }
