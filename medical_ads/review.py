"""The rules applied to a page: findings with the quoted phrase, where it is, the article and
the safer wording, worst first."""

from dataclasses import dataclass

from .matching import Text, compile_lines
from .models import Rule
from .texts import page_passages


@dataclass(frozen=True)
class Finding:
    """One phrase of a page that a rule flags."""

    rule: Rule
    phrase: str
    where: str
    context: str

    @property
    def blocks_publishing(self):
        return self.rule.blocks_publishing

    @property
    def severity_label(self):
        return self.rule.get_severity_display()

    def as_record(self):
        """What the 검토 기록 keeps of it: plain text that outlives edits to the rule."""
        return {
            "rule": self.rule.name,
            "severity": self.severity_label,
            "article": self.rule.article,
            "phrase": self.phrase,
            "where": self.where,
        }

    def summary(self):
        return (
            f"‘{self.phrase}’ ({self.where}) — {self.rule.name}, {self.rule.article}. "
            f"권장: {self.rule.suggestion}"
        )


class RuleSet:
    """The enabled rules, compiled once for a request, a report or a command run."""

    def __init__(self, rules):
        self.rules = [
            (rule, compile_lines(rule.patterns), compile_lines(rule.allow_list)) for rule in rules
        ]

    @classmethod
    def load(cls):
        return cls(Rule.objects.filter(enabled=True).order_by("severity", "category", "name"))

    def __len__(self):
        return len(self.rules)

    def find(self, text, where="", skip_categories=()):
        """Findings in one text; a match inside one of its rule's allowed phrases is left out."""
        prepared = Text(text)
        findings = []
        for rule, phrases, allowed in self.rules:
            if rule.category in skip_categories:
                continue
            allowed_spans = None
            taken = []
            for phrase in phrases:
                for start, end in prepared.find(phrase):
                    if any(s < end and start < e for s, e in taken):
                        continue  # another phrase of the same rule already covers it
                    if allowed_spans is None:
                        allowed_spans = [span for a in allowed for span in prepared.find(a)]
                    if any(s < end and start < e for s, e in allowed_spans):
                        continue
                    taken.append((start, end))
                    findings.append(
                        Finding(
                            rule, prepared.quote(start, end), where, prepared.context(start, end)
                        )
                    )
        return findings

    def page_findings(self, page):
        """Every finding on a page, 게시 불가 first, each phrase once per place and rule."""
        skip = satisfied_categories(page)
        findings, seen = [], set()
        for passage in page_passages(page):
            for finding in self.find(passage.text, passage.where, skip):
                key = (finding.rule.pk, finding.where, finding.phrase)
                if key not in seen:
                    seen.add(key)
                    findings.append(finding)
        return sorted(findings, key=lambda f: not f.blocks_publishing)


def satisfied_categories(page):
    """Categories whose required facts the page itself carries (an event with 정가, 기간, 조건
    states its discount as the law requires), so their phrases are not findings there."""
    method = getattr(page, "medical_ads_satisfied_categories", None)
    return set(method()) if method else set()


def page_findings(page, ruleset=None):
    return (ruleset or RuleSet.load()).page_findings(page)


def split(findings):
    """(게시 불가 findings, 경고 findings)."""
    blocking = [f for f in findings if f.blocks_publishing]
    return blocking, [f for f in findings if not f.blocks_publishing]
