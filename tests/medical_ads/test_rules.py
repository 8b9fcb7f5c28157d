"""Each shipped rule finds its phrase however it is spelled, and leaves its allowed phrase alone."""

import pytest

from medical_ads.evaluation import evaluate
from medical_ads.models import Rule
from medical_ads.review import RuleSet
from medical_ads.rules_data import SHIPPED_RULES

pytestmark = pytest.mark.django_db

# rule name: (three spellings of a forbidden phrase, a sentence its allow-list lets through)
EXAMPLES = {
    "최상급 표현: 최고·최상": (
        ["강남 최고의 리프팅", "최 고 의료진", "최상급 시설에서"],
        "오늘 최고 기온은 30도입니다.",
    ),
    "순위·최초·유일 표현": (
        ["압구정 No.1 피부과", "리프팅 넘버원", "업계 1 위"],
        "최초 내원 시 신분증을 가져오세요.",
    ),
    "최저가 표현": (
        ["보톡스 최저가", "최저 가격 보장", "강남에서 가장 저렴한 필러"],
        "내일 최저 기온은 영하입니다.",
    ),
    "효과 보장: 100%": (
        ["만족도 100%", "효과 100 %", "백프로 만족"],
        "진료는 100% 예약제로 운영합니다.",
    ),
    "완치·완벽 단정": (
        ["여드름 완치", "완벽하게 제거", "잡티를 완전히 제거해 드립니다"],
        "완치를 보장하지 않으며 증상 조절을 목표로 합니다.",
    ),
    "영구 효과 단정": (
        ["영구적인 효과", "효과가 평생 유지됩니다", "영원히 간직하세요"],
        "드물게 영구적인 흉터가 남을 수 있습니다.",
    ),
    "효과 보장·확실": (
        ["효과를 보장합니다", "확실한 효과", "효과가 없으면 환불해 드립니다"],
        "효과를 보장할 수 없으며 개인차가 있습니다.",
    ),
    "과장된 효과 표현": (
        ["기적 같은 변화", "한번에 끝나는 리프팅", "10년은 젊어 보이는"],
        "한 번에 끝나지 않을 수 있습니다.",
    ),
    "통증 없음 단정": (
        ["통증 없는 시술", "통증없이 끝나는", "무통 레이저"],
        "통증이 없어지지 않으면 연락해 주세요.",
    ),
    "부작용 없음 단정": (
        ["부작용이 없는 시술", "부작용 없 는 필러", "부작용도 전혀 없습니다"],
        "부작용이 없는지 진료 후 확인합니다.",
    ),
    "안전성 단정": (
        ["안전한 시술만 합니다", "위험 없는 지방흡입", "절대 안전합니다"],
        "위험이 없는지 미리 확인합니다.",
    ),
    "흉터·부기 없음 단정": (
        ["흉터 없이 깨끗하게", "부기가 없는 시술", "다운타임 제로"],
        "부기가 없어질 때까지 찜질을 피하세요.",
    ),
    "재발 없음 단정": (
        ["재발 없는 여드름 치료", "재발 걱정 없는", "재발률 0%"],
        "재발이 없는지 정기적으로 확인합니다.",
    ),
    "치료경험담·후기": (
        ["실제 환자 후기", "생생한 체험기", "솔직 리뷰 모음"],
        "임신 후기에는 시술하지 않습니다.",
    ),
    "전후 사진": (
        ["시술 전후 사진", "비포애프터", "Before & After"],
        "치료 전후 사진은 게시하지 않습니다.",
    ),
    "다른 의료기관과 비교·비방": (
        ["타 병원보다 저렴", "다른 병원과 달리", "공장형 병원이 아닙니다"],
        "타 병원 진료 기록을 가져와 주세요.",
    ),
    "조건 없는 할인": (
        ["전 시술 50% 할인", "반값 이벤트", "50 % OFF"],
        "할인 행사는 하지 않습니다.",
    ),
    "무료 시술·경품": (
        ["무료 시술 이벤트", "1+1 혜택", "경품 추첨"],
        "무료 상담 후 결정하세요.",
    ),
    "전문병원 명칭": (
        ["리프팅 전문병원", "여드름 전문 클리닉", "레이저 전문 센터"],
        "전문병원 지정 제도를 안내합니다.",
    ),
    "전문의 표시": (
        ["피부과 전문의", "전문의가 직접", "전문 의료진"],
        "전문의약품은 처방이 필요합니다.",
    ),
    "칭호 표방: 명의·권위자·달인": (
        ["최고 권위자", "리프팅 달인", "피부 명의"],
        "명인제약의 연고를 처방합니다.",
    ),
    "상장·인증·추천": (
        ["언론 수상 병원", "연예인 시술", "방송 출연 원장"],
        "보건복지부 의료기관 인증을 받았습니다.",
    ),
}


@pytest.fixture(scope="module")
def shipped_rules(django_db_blocker):
    with django_db_blocker.unblock():
        return RuleSet.load()


def test_the_migration_ships_every_rule_and_each_has_examples():
    names = set(Rule.objects.values_list("name", flat=True))
    assert names == {rule["name"] for rule in SHIPPED_RULES}
    assert set(EXAMPLES) == names
    categories = set(Rule.objects.values_list("category", flat=True))
    for required in ("superlative", "guarantee", "safety", "testimonial", "before_after"):
        assert required in categories
    assert {"comparison", "discount", "qualification"} <= categories


@pytest.mark.parametrize("name", sorted(EXAMPLES))
def test_each_shipped_rule_finds_three_spellings_and_spares_its_allowed_phrase(shipped_rules, name):
    spellings, allowed = EXAMPLES[name]
    for text in spellings:
        found = {finding.rule.name for finding in shipped_rules.find(text)}
        assert name in found, f"{name} missed {text!r}"
    assert name not in {finding.rule.name for finding in shipped_rules.find(allowed)}


@pytest.mark.parametrize(
    "text",
    ["100만원", "시술 후 기간", "시술 후 기미가 생길 수", "11월 휴진", "두 명의 원장", "오후 기준"],
)
def test_numbers_and_split_words_are_not_mistaken_for_claims(shipped_rules, text):
    assert shipped_rules.find(text) == []


def test_a_finding_quotes_the_editors_own_spelling_with_its_context(shipped_rules):
    [finding] = shipped_rules.find("저희는 Ｎｏ．１ 리프팅 병원입니다", where="요약")
    assert finding.phrase == "Ｎｏ．１"
    assert finding.where == "요약"
    assert "리프팅 병원" in finding.context
    assert finding.rule.article.startswith("의료법 제56조 제2항")


def test_precision_and_recall_on_the_sentence_set():
    result = evaluate()
    assert result.total >= 100
    assert result.precision >= 0.9, result.false_alarms
    assert result.recall >= 0.85, result.missed


def test_rules_refuse_lines_without_letters(client):
    rule = Rule(
        name="기호",
        category="superlative",
        severity="block",
        patterns="!!!",
        article="의료법",
        explanation="설명",
        suggestion="권장",
    )
    with pytest.raises(Exception) as error:
        rule.full_clean()
    assert "글자나 숫자가 없는 줄" in str(error.value)
