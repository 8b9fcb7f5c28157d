"""What the law (개인정보 보호법 제30조 and its decree) requires a privacy policy to state.

The editor's checklist looks for each item's usual wording in the policy's text; a missing item
is a warning for the editor, never a block on saving or publishing.
"""

from wagtail import hooks

REQUIRED_ITEMS = [
    ("처리 목적", ["목적"]),
    ("처리하는 개인정보 항목", ["항목", "수집하는 개인정보"]),
    ("처리 및 보유 기간", ["보유", "이용기간"]),
    ("제3자 제공", ["제3자", "제 3자"]),
    ("처리 위탁", ["위탁"]),
    ("파기 절차 및 방법", ["파기"]),
    ("정보주체의 권리와 행사 방법", ["권리"]),
    ("개인정보 보호책임자 연락처", ["보호책임자", "관리책임자"]),
    ("쿠키 등 자동 수집 장치의 설치·운영 및 거부", ["쿠키"]),
    ("안전성 확보 조치", ["안전성", "보호조치", "기술적", "관리적"]),
    ("처리방침의 변경", ["변경"]),
]


def missing_items(text):
    """The labels of required items whose wording appears nowhere in the text."""
    compact = "".join(text.split())
    return [
        label
        for label, words in REQUIRED_ITEMS
        if not any("".join(word.split()) in compact for word in words)
    ]


def missing_channels(text):
    """What the site itself collects that the text does not describe: each app that collects
    personal data registers a "register_privacy_policy_channel" hook returning (label, test of
    the space-free text), or None while its form is not live (consultations: 상담 신청)."""
    compact = "".join(text.split())
    channels = [register() for register in hooks.get_hooks("register_privacy_policy_channel")]
    return [label for label, mentions in filter(None, channels) if not mentions(compact)]
