"""A password validator for the clinic's own words, beside Django's four."""

import re

from django.conf import settings
from django.core.exceptions import ValidationError

# What a guesser tries first against this site: its names, romanised and in Hangul, and the
# words every admin screen shows. Compared after digits, spaces and symbols are taken out.
CLINIC_WORDS = {
    "clinic",
    "clinicnb",
    "nb",
    "cheongdam",
    "chungdam",
    "chongdam",
    "nbclinic",
    "skin",
    "derma",
    "wagtail",
    "admin",
    "password",
    "welcome",
    "청담",
    "엔비",
    "의원",
    "병원",
    "피부과",
    "관리자",
    "비밀번호",
}


def _made_of(text, words):
    """True when `text` is one or more of `words` run together (a word-break check)."""
    reachable = [True] + [False] * len(text)
    for end in range(1, len(text) + 1):
        reachable[end] = any(
            reachable[end - len(word)] and text.endswith(word, 0, end)
            for word in words
            if len(word) <= end
        )
    return reachable[-1]


class ClinicWordsValidator:
    """Refuses passwords that are only the clinic's names or admin words plus digits/symbols."""

    def __init__(self, extra_words=()):
        self.words = CLINIC_WORDS | {w.lower() for w in extra_words}

    def validate(self, password, user=None):
        core = re.sub(r"[\d\W_]+", "", password.lower())
        words = self.words | {re.sub(r"\W+", "", settings.WAGTAIL_SITE_NAME.lower())}
        if core and _made_of(core, words):
            raise ValidationError(
                "병원 이름이나 사이트에 쓰인 단어에 숫자·기호만 붙인 비밀번호는 쓸 수 없습니다.",
                code="password_clinic_words",
            )

    def get_help_text(self):
        return "병원 이름(clinic, 청담, 엔비 등)에 숫자만 붙인 비밀번호는 쓸 수 없습니다."
