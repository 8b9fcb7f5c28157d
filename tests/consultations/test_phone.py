"""Korean mobile numbers in the spellings visitors use, stored one way."""

import pytest

from consultations.phone import normalise_mobile


@pytest.mark.parametrize(
    "typed",
    [
        "010-1234-5678",
        "01012345678",
        "010 1234 5678",
        "010.1234.5678",
        "(010) 1234-5678",
        "０１０－１２３４－５６７８",  # full-width, as some Korean keyboards type
        "+82 10-1234-5678",
        "+82 (0)10 1234 5678",
        "+821012345678",
        "82-10-1234-5678",
        "0082 10 1234 5678",
        " 010–1234–5678 ",  # en dashes pasted from a document
    ],
)
def test_common_spellings_are_stored_one_way(typed):
    assert normalise_mobile(typed) == "010-1234-5678"


def test_older_prefixes_keep_their_shorter_numbers():
    assert normalise_mobile("011-123-4567") == "011-123-4567"
    assert normalise_mobile("0191234567") == "019-123-4567"


@pytest.mark.parametrize(
    "typed",
    [
        "",
        "02-543-5856",  # a landline
        "010-123-4567",  # 010 always has eight digits
        "010-1234-56789",
        "1234-5678",
        "+1 415 555 0100",
        "010-1234-567a",
        "공일공-1234-5678",
        "<script>alert(1)</script>",
    ],
)
def test_anything_else_is_refused(typed):
    assert normalise_mobile(typed) is None
