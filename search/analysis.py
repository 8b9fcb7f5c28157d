"""The Korean analyzer: one set of rules turns page text into index tokens and a visitor's
query into weighted terms, so indexing and searching always agree, on SQLite and PostgreSQL.

Korean glues particles and endings to words (울쎄라가, 헤어셀이란) and spaces compounds freely
(실 리프팅 / 실리프팅, 여드름흉터 / 여드름 흉터). Whole words alone miss those, so every Hangul
word is also indexed as overlapping two-syllable pieces (bigrams); a query matches on any of its
pieces and the ranking rewards pages that match many of them, in the title above all.

As-you-type (autocomplete) matches what a Korean keyboard shows while a word is being typed:
a prefix (울쎄 → 울쎄라), a syllable still open (울ㅆ, 울쎌, 보토 → 울쎄라, 보톡스) and initial
consonants alone (초성: ㅇㅆㄹ → 울쎄라). ``autocomplete_tokens`` stores what the database needs to
find those words; ``typed_match`` decides exactly, in Python, where a typed word matches.

Pure Python on purpose: a morphological analyzer (kiwipiepy) loads ~500 MB per worker process,
while these rules cost nothing and meet the recall target (see README, "Search").
"""

import functools
import itertools
import re
import unicodedata

# Runs of Latin letters/digits or of Hangul syllables; anything else separates words.
WORD_RE = re.compile(r"[0-9a-z]+|[가-힣]+")
HANGUL_RE = re.compile(r"[가-힣]+")
# What someone typing may leave in a word: syllables and bare consonants (ㄱ-ㅎ).
TYPED_RE = re.compile(r"[0-9a-z]+|[가-힣ㄱ-ㅎ]+")
COMPAT_JAMO_RE = re.compile(r"[\u3131-\u318e]+")

# Particles and endings visitors attach to words, longest first so 이란 wins over 란.
SUFFIXES = sorted(
    [
        "입니다",
        "합니다",
        "습니다",
        "인가요",
        "이에요",
        "이예요",
        "예요",
        "에요",
        "이란",
        "이라",
        "나요",
        "가요",
        "까요",
        "에서",
        "으로",
        "에게",
        "까지",
        "부터",
        "처럼",
        "보다",
        "이나",
        "이랑",
        "하고",
        "하는",
        "하기",
        "해요",
        "한",
        "과",
        "와",
        "를",
        "을",
        "는",
        "은",
        "이",
        "가",
        "의",
        "에",
        "도",
        "만",
        "란",
        "로",
        "요",
    ],
    key=len,
    reverse=True,
)
SUFFIX_SET = frozenset(SUFFIXES)

# Words that say what kind of answer the visitor wants, not what about: they count little.
WEAK_WORDS = frozenset(
    [
        "시술",
        "치료",
        "가격",
        "비용",
        "효과",
        "방법",
        "종류",
        "부작용",
        "후기",
        "추천",
        "뭐",
        "뭐예요",
        "어떤",
        "어디",
        "언제",
        "얼마",
        "전후",
        "차이",
        "기간",
        "주기",
        "유지",
        "관리",
        "아픈",
        "아프",
        "통증",
        "문의",
        "상담",
        "예약",
        "정보",
        "안내",
    ]
)

# Words that ask what something costs. Alone they would find every page that names a price, so
# they stay weak, but they add PRICE_TERM: the 비급여 진료비용 page (의료법 제45조 names it so, and
# the fee page carries that title) is where the clinic's prices are, so it becomes a candidate.
PRICE_WORDS = frozenset(
    [
        "가격",
        "비용",
        "얼마",
        "진료비",
        "진료비용",
        "시술비",
        "요금",
        "금액",
        "가격표",
        "비급여",
        "수가",
    ]
)
PRICE_TERM = "진료비용"
# Heavy enough that the fee page comes right after the treatment asked about (리프팅 가격 →
# 리프팅, 비급여 진료비용), light enough that the treatment stays first.
PRICE_WEIGHT = 4.0
WEAK_WORDS = WEAK_WORDS | PRICE_WORDS

WORD_WEIGHT = 2.0
BIGRAM_WEIGHT = 1.0
WEAK_FACTOR = 0.25

# Hangul letters: a syllable is 0xAC00 + (initial × 21 + vowel) × 28 + final.
INITIALS = "ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ"
VOWELS = "ㅏㅐㅑㅒㅓㅔㅕㅖㅗㅘㅙㅚㅛㅜㅝㅞㅟㅠㅡㅢㅣ"
FINALS = " ㄱㄲㄳㄴㄵㄶㄷㄹㄺㄻㄼㄽㄾㄿㅀㅁㅂㅄㅅㅆㅇㅈㅊㅋㅌㅍㅎ"  # index 0: no final
# Conjoining jamo (decomposed text, or what NFKC makes of a bare consonant) back to the
# compatibility jamo a keyboard types.
CONJOINING_TO_COMPAT = str.maketrans(
    {
        **{chr(0x1100 + i): letter for i, letter in enumerate(INITIALS)},
        **{chr(0x1161 + i): letter for i, letter in enumerate(VOWELS)},
        **{chr(0x11A7 + i): letter for i, letter in enumerate(FINALS) if i},
    }
)
# What one more key turns a vowel or a final into (ㅗ → ㅘ, ㄹ → ㄺ), and a double final's halves.
GROWN_VOWELS = {"ㅗ": "ㅘㅙㅚ", "ㅜ": "ㅝㅞㅟ", "ㅡ": "ㅢ"}
GROWN_FINALS = {"ㄱ": "ㄳ", "ㄴ": "ㄵㄶ", "ㄹ": "ㄺㄻㄼㄽㄾㄿㅀ", "ㅂ": "ㅄ"}
SPLIT_FINALS = {
    "ㄳ": "ㄱㅅ",
    "ㄵ": "ㄴㅈ",
    "ㄶ": "ㄴㅎ",
    "ㄺ": "ㄹㄱ",
    "ㄻ": "ㄹㅁ",
    "ㄼ": "ㄹㅂ",
    "ㄽ": "ㄹㅅ",
    "ㄾ": "ㄹㅌ",
    "ㄿ": "ㄹㅍ",
    "ㅀ": "ㄹㅎ",
    "ㅄ": "ㅂㅅ",
}


def _nfkc(text):
    return unicodedata.normalize("NFKC", text)


def normalize(text):
    """Fold width and case. Bare jamo a keyboard shows mid-syllable (ㅆ) stay as they are: NFKC
    would turn them into conjoining jamo that glue onto the syllable before them."""
    text = text or ""
    pieces, cursor = [], 0
    for match in COMPAT_JAMO_RE.finditer(text):
        pieces.append(_nfkc(text[cursor : match.start()]))
        pieces.append(match.group())
        cursor = match.end()
    pieces.append(_nfkc(text[cursor:]))
    return "".join(pieces).translate(CONJOINING_TO_COMPAT).lower()


def stem(word):
    """Strip at most two trailing particles or endings, always keeping two syllables."""
    for _ in range(2):
        for suffix in SUFFIXES:
            if word.endswith(suffix) and len(word) - len(suffix) >= 2:
                word = word[: -len(suffix)]
                break
        else:
            break
    return word


def bigrams(word):
    return [word[i : i + 2] for i in range(len(word) - 1)]


def words(text):
    """The words of a text: (stem, is_hangul) in order; segments split by spaces keep their order."""
    result = []
    for match in WORD_RE.finditer(normalize(text)):
        word = match.group()
        if HANGUL_RE.fullmatch(word):
            result.append((stem(word), True))
        else:
            result.append((word, False))
    return result


def index_groups(text):
    """The index tokens of a text, one group per word in order: the word as written first, then
    its stem, its Hangul bigrams and the bigram across the space before it. Phrase matching
    reads the groups; everything else only needs the tokens."""
    groups = []
    previous_hangul = None
    folded = normalize(text)
    for match in WORD_RE.finditer(folded):
        word = match.group()
        if not HANGUL_RE.fullmatch(word):
            groups.append([word])
            previous_hangul = None
            continue
        stemmed = stem(word)
        tokens = [word]
        if stemmed != word:
            tokens.append(stemmed)
        if len(stemmed) > 2:
            tokens.extend(bigrams(stemmed))
        # A bigram across the space joins spacing variants: "여드름 흉터" also holds 름흉.
        # Only words separated by plain spaces form one phrase; punctuation ends it.
        if previous_hangul and not folded[previous_hangul[0] : match.start()].strip():
            tokens.append(previous_hangul[1][-1] + stemmed[0])
        groups.append(tokens)
        previous_hangul = (match.end(), stemmed)
    return groups


def index_tokens(text):
    """The tokens stored in the index for one text: whole words, stems and Hangul bigrams."""
    return [token for group in index_groups(text) for token in group]


def query_terms(query, synonyms=None):
    """The weighted terms of a visitor's query: {token: weight}.

    ``synonyms`` maps a word to the other words of its synonym group (marketing's list).
    """
    terms = {}

    def add(token, weight):
        if token and weight > terms.get(token, 0):
            terms[token] = weight

    def add_word(word, is_hangul, weight_factor=1.0):
        factor = weight_factor * (WEAK_FACTOR if word in WEAK_WORDS else 1.0)
        if is_hangul and len(word) == 1:
            add(word, WORD_WEIGHT * factor)
            return
        add(word, WORD_WEIGHT * factor)
        if is_hangul and len(word) > 2:
            for piece in bigrams(word):
                add(piece, BIGRAM_WEIGHT * factor)

    query_words = words(query)
    for word, is_hangul in query_words:
        add_word(word, is_hangul)
    # Spacing variants: adjacent Hangul words are also tried as one word (실 리프팅 → 실리프팅).
    for (first, first_hangul), (second, second_hangul) in itertools.pairwise(query_words):
        if first_hangul and second_hangul and first not in WEAK_WORDS and second not in WEAK_WORDS:
            joined = first + second
            add(joined, WORD_WEIGHT)
            add(first[-1] + second[0], BIGRAM_WEIGHT)
    for word, _is_hangul in list(query_words) + joined_words(query_words):
        for other in (synonyms or {}).get(word, ()):
            for other_word, other_hangul in words(other):
                add_word(other_word, other_hangul, weight_factor=0.9)
    if any(word in PRICE_WORDS for word, _is_hangul in query_words):
        add(PRICE_TERM, PRICE_WEIGHT)
    return terms


def joined_words(query_words):
    return [
        (a + b, True)
        for (a, a_hangul), (b, b_hangul) in itertools.pairwise(query_words)
        if a_hangul and b_hangul
    ]


def is_syllable(char):
    return "가" <= char <= "힣"


def is_consonant(char):
    return "ㄱ" <= char <= "ㅎ"


def letters(syllable):
    """(initial, vowel, final) of a Hangul syllable, as compatibility jamo ("" for no final)."""
    code = ord(syllable) - 0xAC00
    final = FINALS[code % 28].strip()
    return INITIALS[code // 588], VOWELS[code // 28 % 21], final


def compose(initial, vowel, final=""):
    code = (INITIALS.index(initial) * 21 + VOWELS.index(vowel)) * 28 + FINALS.index(final or " ")
    return chr(0xAC00 + code)


def initial(char):
    """A syllable's first consonant (초성); a bare consonant is its own."""
    return letters(char)[0] if is_syllable(char) else char


def choseong(word):
    return "".join(initial(char) for char in word)


def split_final(syllable):
    """The typed syllable without the consonant the next vowel would take from it, and that
    consonant: 쎌 → (쎄, ㄹ), 닭 → (달, ㄱ); ("", "") when it has no final."""
    first, vowel, final = letters(syllable)
    if not final:
        return "", ""
    kept, moved = SPLIT_FINALS.get(final, " " + final)
    return compose(first, vowel, kept.strip()), moved


def typed_words(query):
    """The words someone is typing, bare consonants kept: "울ㅆ", "ㅇㅆㄹ", "ulth"."""
    return TYPED_RE.findall(normalize(query))


def autocomplete_tokens(word):
    """What the index holds for a word of an autocomplete field (titles, other names), so a
    prefix query finds it however far it has been typed: the word and each of its endings
    (리프팅 in 실리프팅), their initials (ㅅㄹㅍㅌ, ㄹㅍㅌ …) and every start followed by the
    next syllable's initial (실ㄹ, 실리ㅍ …)."""
    if not HANGUL_RE.fullmatch(word):
        return [word]
    tokens = [word]
    for start in range(len(word)):
        ending = word[start:]
        if start:
            tokens.append(ending)
        tokens.append(choseong(ending))
        tokens.extend(ending[:length] + initial(ending[length]) for length in range(1, len(ending)))
    return list(dict.fromkeys(tokens))


def autocomplete_groups(text):
    """The autocomplete tokens of a text, one group per word, the word itself first."""
    return [autocomplete_tokens(word) for word in WORD_RE.findall(normalize(text))]


def typed_match(typed, word, is_last):
    """Where the typed word matches an indexed word: the syllable it starts at, or None.

    A Latin word matches a whole word, or the start of one when it is the last word typed.
    A Hangul word matches from any syllable of the indexed word (리프 in 실리프팅): each
    typed syllable the same, each bare consonant the initial of a syllable (ㅇㅆㄹ, 울ㅆ),
    and the last syllable of the last word may still be open (보토 → 보톡스, 울쎌 → 울쎄라).
    """
    if not typed or not word:
        return None
    if not (is_syllable(typed[0]) or is_consonant(typed[0])):
        if is_last:
            return 0 if word.startswith(typed) else None
        return 0 if word == typed else None
    match = typed_pattern(typed, is_last).search(word)
    return match.start() if match else None


def _syllables(first, vowel, finals=None):
    """A regex character class body: the syllables of that initial and vowel (any final)."""
    start = ord(compose(first, vowel))
    if finals is None:
        return f"{chr(start)}-{chr(start + 27)}"
    return "".join(chr(start + FINALS.index(final)) for final in finals)


def _starting_with(consonant):
    """A character class body: every syllable whose initial is ``consonant``."""
    start = 0xAC00 + INITIALS.index(consonant) * 588
    return f"{chr(start)}-{chr(start + 587)}"


@functools.lru_cache(maxsize=4096)
def typed_pattern(typed, is_last):
    """``typed_match``'s rules for a Hangul word as one regular expression (found anywhere in
    the indexed word, so a match may start inside it)."""
    parts = []
    for i, char in enumerate(typed):
        if is_consonant(char):
            if char in INITIALS:
                parts.append(f"[{_starting_with(char)}]")
            else:  # a double final typed on its own (ㄳ) starts no syllable
                parts.append(re.escape(char))
        elif is_last and i == len(typed) - 1:
            first, vowel, final = letters(char)
            if final:
                grown = f"[{_syllables(first, vowel, final + GROWN_FINALS.get(final, ''))}]"
            else:
                vowels = vowel + GROWN_VOWELS.get(vowel, "")
                grown = "[" + "".join(_syllables(first, v) for v in vowels) + "]"
            kept, moved = split_final(char)
            if moved and moved in INITIALS:
                grown = f"(?:{grown}|{kept}[{_starting_with(moved)}])"
            parts.append(grown)
        else:
            parts.append(char)
    return re.compile("".join(parts))


def typed_prefilter(typed, is_last):
    """Index tokens (token, is_prefix) that every word ``typed_match`` accepts holds."""
    if not (is_syllable(typed[0]) or is_consonant(typed[0])):
        return [(typed, is_last)]
    consonants = [i for i, char in enumerate(typed) if is_consonant(char)]
    if len(consonants) == len(typed):
        return [(typed, True)]
    if consonants:
        first = consonants[0]
        if first:
            return [(typed[:first] + typed[first], False)]
        return [(choseong(typed), True)]
    if not is_last:
        return [(typed, True)]
    head, open_syllable = typed[:-1], typed[-1]
    if head:
        tokens = [(head + initial(open_syllable), False)]
    else:
        # One syllable alone: what it may still become, each as the start of a word ending.
        tokens = [(syllable, True) for syllable in grown_syllables(open_syllable)]
    kept, moved = split_final(open_syllable)
    if moved:
        tokens.append((head + kept + moved, False))
    return tokens


def grown_syllables(syllable):
    """The syllables more keystrokes can make of a typed one: 보 → 보, 복, 볶 … 봐, 봤 …"""
    first, vowel, final = letters(syllable)
    if final:
        return [compose(first, vowel, f) for f in final + GROWN_FINALS.get(final, "")]
    return [
        compose(first, v, f) for v in vowel + GROWN_VOWELS.get(vowel, "") for f in FINALS.strip()
    ] + [compose(first, v) for v in vowel + GROWN_VOWELS.get(vowel, "")]


def highlight_spans(text, terms):
    """Character ranges of ``text`` covered by any query term (two characters or more)."""
    folded = normalize(text)
    if len(folded) != len(text):
        return []
    covered = [False] * len(text)
    for term in terms:
        if len(term) < 2:
            continue
        start = folded.find(term)
        while start != -1:
            for i in range(start, start + len(term)):
                covered[i] = True
            start = folded.find(term, start + 1)
    spans, start = [], None
    for i, flag in enumerate(covered + [False]):
        if flag and start is None:
            start = i
        elif not flag and start is not None:
            spans.append((start, i))
            start = None
    return spans
