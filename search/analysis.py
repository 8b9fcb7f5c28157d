"""The Korean analyzer: one set of rules turns page text into index tokens and a visitor's
query into weighted terms, so indexing and searching always agree, on SQLite and PostgreSQL.

Korean glues particles and endings to words (울쎄라가, 헤어셀이란) and spaces compounds freely
(실 리프팅 / 실리프팅, 여드름흉터 / 여드름 흉터). Whole words alone miss those, so every Hangul
word is also indexed as overlapping two-syllable pieces (bigrams); a query matches on any of its
pieces and the ranking rewards pages that match many of them, in the title above all.

Pure Python on purpose: a morphological analyzer (kiwipiepy) loads ~500 MB per worker process,
while these rules cost nothing and meet the recall target (see README, "Search").
"""

import itertools
import re
import unicodedata

# Runs of Latin letters/digits or of Hangul syllables; anything else separates words.
WORD_RE = re.compile(r"[0-9a-z]+|[가-힣]+")
HANGUL_RE = re.compile(r"[가-힣]+")

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

WORD_WEIGHT = 2.0
BIGRAM_WEIGHT = 1.0
WEAK_FACTOR = 0.25


def normalize(text):
    """Fold width and case (NFKC turns full-width letters and compatibility jamo into plain ones)."""
    return unicodedata.normalize("NFKC", text or "").lower()


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


def index_tokens(text):
    """The tokens stored in the index for one text: whole words, stems and Hangul bigrams."""
    tokens = []
    previous_hangul = None
    folded = normalize(text)
    for match in WORD_RE.finditer(folded):
        word = match.group()
        if not HANGUL_RE.fullmatch(word):
            tokens.append(word)
            previous_hangul = None
            continue
        stemmed = stem(word)
        tokens.append(word)
        if stemmed != word:
            tokens.append(stemmed)
        if len(stemmed) > 2:
            tokens.extend(bigrams(stemmed))
        # A bigram across the space joins spacing variants: "여드름 흉터" also holds 름흉.
        # Only words separated by plain spaces form one phrase; punctuation ends it.
        if previous_hangul and not folded[previous_hangul[0] : match.start()].strip():
            tokens.append(previous_hangul[1][-1] + stemmed[0])
        previous_hangul = (match.end(), stemmed)
    return tokens


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
    return terms


def joined_words(query_words):
    return [
        (a + b, True)
        for (a, a_hangul), (b, b_hangul) in itertools.pairwise(query_words)
        if a_hangul and b_hangul
    ]


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
