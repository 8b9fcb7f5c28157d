from django.core.management.base import BaseCommand

from medical_ads.evaluation import evaluate


class Command(BaseCommand):
    help = (
        "의료광고 규칙의 정밀도와 재현율을 예문 모음(medical_ads/eval/sentences.json)으로 잽니다."
    )

    def handle(self, *args, **options):
        result = evaluate()
        self.stdout.write(
            f"예문 {result.total}개: 정밀도 {result.precision:.1%}, 재현율 {result.recall:.1%} "
            f"(TP {result.true_positives}, FP {result.false_positives}, "
            f"FN {result.false_negatives}, TN {result.true_negatives})"
        )
        for text in result.missed:
            self.stdout.write(f"  놓침: {text}")
        for text, findings in result.false_alarms:
            phrases = ", ".join(f"‘{f.phrase}’({f.rule.name})" for f in findings)
            self.stdout.write(f"  오탐: {text} ← {phrases}")
