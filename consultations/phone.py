"""Korean mobile numbers as visitors type them, stored one way (010-1234-5678)."""

import re
import unicodedata

# What people put between digits: spaces, hyphens of every width, dots, brackets, slashes.
SEPARATORS = re.compile(r"[\s\-‐‑‒–—―−.()/]")
# 010 has eight digits after the prefix; the older 011/016/017/018/019 have seven or eight.
MOBILE = re.compile(r"^(010)(\d{4})(\d{4})$|^(01[16789])(\d{3,4})(\d{4})$")


def normalise_mobile(text):
    """The number as 010-1234-5678, or None when it is not a Korean mobile number.

    Accepts 010-1234-5678, 01012345678, 010 1234 5678, 010.1234.5678, full-width digits,
    and the international forms +82 10-1234-5678, +82 (0)10 …, 82-10-…, 0082 10 ….
    """
    compact = SEPARATORS.sub("", unicodedata.normalize("NFKC", text or ""))
    for prefix in ("+82", "0082", "82"):
        if compact.startswith(prefix) and len(compact) > len(prefix) + 8:
            rest = compact[len(prefix) :]
            compact = rest if rest.startswith("0") else "0" + rest
            break
    match = MOBILE.match(compact)
    if match is None:
        return None
    return "-".join(part for part in match.groups() if part)
