"""Text helpers every app shares: rich text as plain text, and Korean particles and dates."""

from html.parser import HTMLParser

BLOCK_TAGS = {"p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "br", "tr", "div", "section"}
HIDDEN_TAGS = {"script", "style", "template"}


class _TextExtractor(HTMLParser):
    def __init__(self):
        super().__init__()
        self.parts = []
        self.hidden = 0

    def handle_starttag(self, tag, attrs):
        if tag in HIDDEN_TAGS:
            self.hidden += 1
        elif tag == "br":
            self.parts.append("\n")

    def handle_endtag(self, tag):
        if tag in HIDDEN_TAGS:
            self.hidden = max(0, self.hidden - 1)
        elif tag in BLOCK_TAGS:
            self.parts.append("\n")

    def handle_data(self, data):
        if not self.hidden:
            self.parts.append(data)


def html_to_text(html):
    """Rich text (or a page) as plain lines, one per paragraph or list item; scripts left out."""
    parser = _TextExtractor()
    parser.feed(str(html))
    parser.close()
    lines = (" ".join(line.split()) for line in "".join(parser.parts).splitlines())
    return "\n".join(line for line in lines if line)


# The particle pairs whose form depends on whether the word ends in a consonant (받침).
PARTICLES = {
    "이/가": ("이", "가"),
    "을/를": ("을", "를"),
    "은/는": ("은", "는"),
    "과/와": ("과", "와"),
    "이다/다": ("이다", "다"),
}


def with_particle(word, pair):
    """The word followed by the right form of a particle: 개인정보처리방침이, 이용약관을, 공지사항과.

    The form follows the last Hangul syllable's final consonant (받침). A word that ends in a
    digit or a Latin letter gets both forms, 이(가), as Korean software writes it.
    """
    after_consonant, after_vowel = PARTICLES[pair]
    last = word.rstrip()[-1:]
    if not "가" <= last <= "힣":
        return f"{word}{after_consonant}({after_vowel})"
    has_final = (ord(last) - ord("가")) % 28 != 0
    return f"{word}{after_consonant if has_final else after_vowel}"


def format_date(day):
    """A date as Koreans write it in lists and notices: 2017.08.25 (empty when there is none)."""
    return f"{day:%Y.%m.%d}" if day else ""


def format_long_date(day):
    """A date as Koreans write it in a sentence: 2026년 12월 1일."""
    return f"{day.year}년 {day.month}월 {day.day}일" if day else ""
