"""Readable Latin slugs from Hangul (particles and other text helpers: home.text).

Slugs follow the Revised Romanization of Korean (국어의 로마자 표기법) letter by letter, with the
sound changes that matter most in names: a final consonant carried over to a following vowel
(백옥 → baegok) and ㄹㄹ, ㄴㄹ, ㄹㄴ read as ll (실루엣 → silluet, 관리 → gwalli).
"""

import re

from django.utils.text import slugify

HANGUL_FIRST, HANGUL_LAST = 0xAC00, 0xD7A3
INITIALS = [
    "g",
    "kk",
    "n",
    "d",
    "tt",
    "r",
    "m",
    "b",
    "pp",
    "s",
    "ss",
    "-",
    "j",
    "jj",
    "ch",
    "k",
    "t",
    "p",
    "h",
]
VOWELS = [
    "a",
    "ae",
    "ya",
    "yae",
    "eo",
    "e",
    "yeo",
    "ye",
    "o",
    "wa",
    "wae",
    "oe",
    "yo",
    "u",
    "wo",
    "we",
    "wi",
    "yu",
    "eu",
    "ui",
    "i",
]
# A final consonant before another consonant or at the end of a word ("" = none).
FINALS = ["", "k", "k", "k", "n", "n", "n", "t", "l", "k", "m", "l", "l", "l", "p", "l"]
FINALS += ["m", "p", "p", "t", "t", "ng", "t", "t", "k", "t", "p", "t"]
# The same final carried over to a following vowel (the next syllable starts with silent ㅇ).
CARRIED = ["", "g", "kk", "ks", "n", "nj", "n", "d", "r", "lg", "lm", "lb", "ls", "lt", "lp"]
CARRIED += ["r", "m", "b", "bs", "s", "ss", "ng", "j", "ch", "k", "t", "p", ""]
RIEUL_INITIAL, NIEUN_INITIAL, SILENT_INITIAL = 5, 2, 11
RIEUL_FINAL, NIEUN_FINAL = 8, 4


def _jamo(char):
    code = ord(char) - HANGUL_FIRST
    return code // 588, (code % 588) // 28, code % 28


def _is_hangul(char):
    return HANGUL_FIRST <= ord(char) <= HANGUL_LAST


def romanize(text):
    """Hangul syllables in `text` written in Latin letters; every other character is kept."""
    out = []
    for index, char in enumerate(text):
        if not _is_hangul(char):
            out.append(char)
            continue
        initial, vowel, final = _jamo(char)
        previous = text[index - 1] if index else ""
        after_final = _jamo(previous)[2] if previous and _is_hangul(previous) else None
        if initial == RIEUL_INITIAL and after_final in (RIEUL_FINAL, NIEUN_FINAL):
            lead = "l"  # ㄹㄹ, ㄴㄹ → ll (the previous syllable wrote the first l)
        elif initial == NIEUN_INITIAL and after_final == RIEUL_FINAL:
            lead = "l"  # ㄹㄴ → ll
        else:
            lead = "" if initial == SILENT_INITIAL else INITIALS[initial]
        following = text[index + 1] if index + 1 < len(text) else ""
        next_initial = _jamo(following)[0] if following and _is_hangul(following) else None
        if next_initial == SILENT_INITIAL:
            tail = CARRIED[final]
        elif final == NIEUN_FINAL and next_initial == RIEUL_INITIAL:
            tail = "l"
        else:
            tail = FINALS[final]
        out.append(lead + VOWELS[vowel] + tail)
    return "".join(out)


def has_hangul(text):
    return any(_is_hangul(char) for char in text)


def readable_slug(text):
    """A Latin slug: Hangul romanised, punctuation read as a word break (잡티/기미 → japti-gimi)."""
    return slugify(re.sub(r"[^\w\s-]", " ", romanize(text)))
