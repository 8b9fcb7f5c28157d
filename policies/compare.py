"""신구대조표: two policy versions side by side, article by article, changes marked per character.

Korean has no spaces between many words that change together, so a word diff marks whole
phrases; characters are the unit that shows what was actually altered.
"""

from difflib import SequenceMatcher
from html import escape

from django.utils.safestring import mark_safe


def mark_changes(old, new):
    """The old text with <del> and the new text with <ins> around the characters that differ."""
    old_parts, new_parts = [], []
    matcher = SequenceMatcher(None, old, new, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        before, after = escape(old[i1:i2], quote=False), escape(new[j1:j2], quote=False)
        if tag == "equal":
            old_parts.append(before)
            new_parts.append(after)
            continue
        if before:
            old_parts.append(f"<del>{before}</del>")
        if after:
            new_parts.append(f"<ins>{after}</ins>")
    return _lines("".join(old_parts)), _lines("".join(new_parts))


def _lines(html):
    return mark_safe(html.replace("\n", "<br>"))


def _label(section):
    return f"{section['number']}{section['heading']}".strip()


def compare_sections(old_sections, new_sections):
    """Rows of the 신구대조표: each pairs an old article with its new form (or nothing)."""
    old_keys = [section["heading"] or section["text"][:20] for section in old_sections]
    new_keys = [section["heading"] or section["text"][:20] for section in new_sections]
    rows = []
    matcher = SequenceMatcher(None, old_keys, new_keys, autojunk=False)
    for _tag, i1, i2, j1, j2 in matcher.get_opcodes():
        olds, news = old_sections[i1:i2], new_sections[j1:j2]
        for index in range(max(len(olds), len(news))):
            old = olds[index] if index < len(olds) else None
            new = news[index] if index < len(news) else None
            rows.append(_row(old, new))
    return rows


def _row(old, new):
    old_text = f"{_label(old)}\n{old['text']}".strip() if old else ""
    new_text = f"{_label(new)}\n{new['text']}".strip() if new else ""
    old_html, new_html = mark_changes(old_text, new_text)
    return {
        "label": _label(new or old),
        "old": old_html if old else None,
        "new": new_html if new else None,
        "changed": old_text != new_text,
    }
