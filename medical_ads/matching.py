"""Finding a rule's phrases in Korean text however an editor spells them.

Built on the search analyzer (search/analysis.py), so both read Korean the same way: the same
folding (NFKC + lower case, so `Ｎｏ.１` is `no.1`), the same words (runs of Hangul or of Latin
letters and digits) and the same particles and endings. On top of it, a phrase is matched on the
text with its spaces taken out, so spacing does not matter (`부작용 없 는`, `통증없이`), and
between the words of a phrase a particle the analyzer knows may stand (`부작용이 없는`). A match
must begin where a word of the text begins, and a word of the text it ends inside must begin
where a word of the phrase does: `최고` finds `최고의`, `최고급` and `최 고`, but `후기` does not
find `오후 기간` or `시술 후 기간`.

Symbols the analyzer drops but a claim depends on are spelled as words first: `100 %` reads as
`100 퍼센트`, so a phrase `100%` finds `100%`, `100 %` and `100퍼센트`, and not `100만원`;
`1+1` reads as `1 플러스 1`, not as the number 11.
"""

import re
from dataclasses import dataclass
from functools import cached_property

from search.analysis import SUFFIXES, WORD_RE, normalize

SYMBOL_WORDS = {"%": "퍼센트", "+": "플러스"}
PARTICLE = "(?:" + "|".join(re.escape(suffix) for suffix in SUFFIXES) + ")?"
CONTEXT_CHARS = 24


@dataclass(frozen=True)
class Word:
    """One word of a text: its folded form and where it stands in the original text."""

    text: str
    start: int
    end: int


def fold(text):
    """The analyzer's folding, one character at a time so every folded character knows where it
    came from; symbols that carry meaning become words."""
    folded, origin = [], []
    for index, char in enumerate(text or ""):
        piece = normalize(char)
        for symbol, word in SYMBOL_WORDS.items():
            piece = piece.replace(symbol, f" {word} ")
        folded.append(piece)
        origin.extend([index] * len(piece))
    return "".join(folded), origin


def text_words(text):
    """The words of a text in order, with their places in the original text."""
    folded, origin = fold(text)
    return [
        Word(match.group(), origin[match.start()], origin[match.end() - 1] + 1)
        for match in WORD_RE.finditer(folded)
    ]


class Phrase:
    """One line of a rule's patterns or allow-list, compiled to a regular expression over the
    text with its spaces taken out."""

    def __init__(self, source):
        self.source = source
        words = [word.text for word in text_words(source)]
        if not words:
            raise ValueError(f"no letters or digits in {source!r}")
        parts = []
        for number, word in enumerate(words):
            if number:
                parts.append(PARTICLE)
            parts.append(f"(?P<w{number}>{re.escape(word)})")
        self.word_count = len(words)
        self.regex = re.compile("".join(parts))

    def __repr__(self):
        return f"Phrase({self.source!r})"


class Text:
    """A text prepared for matching: its words and the same words run together."""

    def __init__(self, text):
        self.text = text or ""
        self.words = text_words(self.text)
        self.starts = []  # where each word begins in the run-together text
        offset = 0
        for word in self.words:
            self.starts.append(offset)
            offset += len(word.text)
        self.compact = "".join(word.text for word in self.words)

    @cached_property
    def word_at(self):
        """Index of the word each character of the run-together text belongs to."""
        owners = []
        for number, word in enumerate(self.words):
            owners.extend([number] * len(word.text))
        return owners

    @cached_property
    def start_set(self):
        return set(self.starts)

    def find(self, phrase):
        """(start, end) spans of the original text where the phrase stands."""
        spans = []
        position = 0
        while True:
            match = phrase.regex.search(self.compact, position)
            if match is None:
                return spans
            position = match.start() + 1
            span = self.accept(match, phrase)
            if span is not None:
                spans.append(span)
                position = max(position, match.end())

    def accept(self, match, phrase):
        if match.start() not in self.start_set:
            return None
        first = self.word_at[match.start()]
        last = self.word_at[match.end() - 1]
        last_start = self.starts[last]
        ends_inside = match.end() < last_start + len(self.words[last].text)
        word_starts = {match.start(f"w{n}") for n in range(phrase.word_count)}
        if ends_inside and last_start not in word_starts:
            return None  # the phrase's last word would start in the middle of the text's word
        return self.words[first].start, self.words[last].end

    def quote(self, start, end):
        return self.text[start:end]

    def context(self, start, end):
        """The sentence piece around a span, for the editor to find it."""
        before = self.text[max(0, start - CONTEXT_CHARS) : start]
        after = self.text[end : end + CONTEXT_CHARS]
        prefix = "…" if start > CONTEXT_CHARS else ""
        suffix = "…" if end + CONTEXT_CHARS < len(self.text) else ""
        return " ".join(f"{prefix}{before}{self.text[start:end]}{after}{suffix}".split())


def compile_lines(lines):
    """Phrases from text with one phrase per line; lines without letters or digits are skipped."""
    phrases = []
    for line in (lines or "").splitlines():
        if line.strip():
            try:
                phrases.append(Phrase(line.strip()))
            except ValueError:
                continue
    return phrases
