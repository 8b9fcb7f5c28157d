"""A policy published as plain text (the shipped 2017 original) split into what PolicyPage holds."""

import datetime
import re
from html import escape

ARTICLE_HEADING = re.compile(r"^(\d+)\.\s*(\S.*)$")
DATE_LINE = re.compile(r"^(공고일자|시행일자)\s*:\s*(\d{4})년\s*(\d{1,2})월\s*(\d{1,2})일")


def parse_policy_text(text):
    """The document's title, its numbered articles as `section` blocks, and its two dates."""
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
    return {
        "document_title": document_title,
        "announced_on": dates.get("공고일자"),
        "effective_on": dates.get("시행일자"),
        "sections": [block for block in map(section_block, sections) if block],
    }


def section_block(section):
    paragraphs = "".join(f"<p>{escape(line, quote=False)}</p>" for line in section["lines"] if line)
    if not paragraphs and not section["heading"]:
        return None
    return {
        "type": "section",
        "value": {
            "number": f"{section['number']}." if section["number"] else "",
            "heading": section["heading"],
            "body": paragraphs,
        },
    }
