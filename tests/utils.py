from html.parser import HTMLParser


class _TextExtractor(HTMLParser):
    def __init__(self):
        super().__init__()
        self.parts = []
        self._skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style"):
            self._skip += 1

    def handle_endtag(self, tag):
        if tag in ("script", "style"):
            self._skip -= 1

    def handle_data(self, data):
        if not self._skip:
            self.parts.append(data)


def visible_text(html):
    """The page's text as a reader sees it, whitespace folded to single spaces."""
    parser = _TextExtractor()
    parser.feed(html)
    return fold("".join(parser.parts))


def fold(text):
    return " ".join(text.split())
