"""Precision and recall of the rules on the sentence set in medical_ads/eval/sentences.json."""

import json
from dataclasses import dataclass, field
from pathlib import Path

from .review import RuleSet

SENTENCES = Path(__file__).resolve().parent / "eval" / "sentences.json"


@dataclass
class Evaluation:
    """A sentence counts as flagged when any rule (경고 or 게시 불가) finds something in it."""

    true_positives: int = 0
    false_positives: int = 0
    false_negatives: int = 0
    true_negatives: int = 0
    missed: list = field(default_factory=list)
    false_alarms: list = field(default_factory=list)

    @property
    def precision(self):
        flagged = self.true_positives + self.false_positives
        return self.true_positives / flagged if flagged else 1.0

    @property
    def recall(self):
        wrong = self.true_positives + self.false_negatives
        return self.true_positives / wrong if wrong else 1.0

    @property
    def total(self):
        return (
            self.true_positives + self.false_positives + self.false_negatives + self.true_negatives
        )


def evaluate(ruleset=None, path=SENTENCES):
    ruleset = ruleset or RuleSet.load()
    result = Evaluation()
    for item in json.loads(Path(path).read_text(encoding="utf-8"))["sentences"]:
        findings = ruleset.find(item["text"])
        if item["compliant"] and findings:
            result.false_positives += 1
            result.false_alarms.append((item["text"], findings))
        elif item["compliant"]:
            result.true_negatives += 1
        elif findings:
            result.true_positives += 1
        else:
            result.false_negatives += 1
            result.missed.append(item["text"])
    return result
