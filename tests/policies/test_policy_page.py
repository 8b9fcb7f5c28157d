import datetime

import pytest

from policies.models import PolicyPage
from policies.text import parse_policy_text
from tests.seed import CLIENT_SEED_DOCUMENT, SEED_DOCUMENT, SHIPPED_POLICY
from tests.utils import fold, visible_text

pytestmark = pytest.mark.django_db


def policy_lines():
    return [
        fold(line)
        for line in SHIPPED_POLICY.read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]


def test_shipped_policy_is_the_seed_text_verbatim():
    seed = SEED_DOCUMENT.read_text(encoding="utf-8")
    shipped = SHIPPED_POLICY.read_text(encoding="utf-8")
    assert shipped.strip() in seed
    assert seed.rstrip().endswith(shipped.strip())


@pytest.mark.skipif(
    not CLIENT_SEED_DOCUMENT.exists(), reason="the client's seed folder is not beside this checkout"
)
def test_the_repository_keeps_the_clients_seed_document_unchanged():
    assert SEED_DOCUMENT.read_bytes() == CLIENT_SEED_DOCUMENT.read_bytes()


def test_policy_page_shows_every_line_of_the_seed_text(client):
    response = client.get("/privacy/")
    assert response.status_code == 200
    text = visible_text(response.content.decode())
    missing = [line for line in policy_lines() if line not in text]
    assert missing == []


def test_policy_page_shows_its_dates(client):
    policy = PolicyPage.objects.get(slug="privacy")
    assert policy.announced_on == datetime.date(2017, 8, 25)
    assert policy.effective_on == datetime.date(2017, 8, 25)
    text = visible_text(client.get("/privacy/").content.decode())
    assert "공고일자 : 2017년 08월 25일" in text
    assert "시행일자 : 2017년 08월 25일" in text


def test_policy_is_split_into_its_numbered_articles():
    policy = PolicyPage.objects.get(slug="privacy")
    headings = [(s["number"], s["heading"]) for s in policy.numbered_sections() if s["heading"]]
    assert headings[0] == ("1.", "개인정보의 수집 및 이용목적")
    assert headings[-1] == ("15.", "정책 변경에 따른 공지의무")
    assert [number for number, _ in headings] == [f"{n}." for n in [*range(1, 14), 15]]
    assert policy.title == "개인정보처리방침"
    assert policy.document_title == "개인정보 취급방침"


def test_policy_table_of_contents_links_every_article(client):
    html = client.get("/privacy/").content.decode()
    toc = html[html.index('<nav class="policy__toc"') :]
    toc = toc[: toc.index("</nav>")]
    assert toc.count("<li>") == 14
    assert '<a href="#article-2">1.개인정보의 수집 및 이용목적</a>' in toc


def test_articles_without_a_number_are_numbered_in_order():
    page = PolicyPage(title="이용약관", slug="terms")
    page.body = [
        {"type": "section", "value": {"number": "", "heading": "목적", "body": "<p>가</p>"}},
        {"type": "section", "value": {"number": "", "heading": "정의", "body": "<p>나</p>"}},
    ]
    assert [s["number"] for s in page.numbered_sections()] == ["1.", "2."]


def test_parser_keeps_html_special_characters_as_text():
    parsed = parse_policy_text("제목\n1.조항\n“도구> 인터넷옵션” <b>\n공고일자 : 2020년 1월 2일\n")
    assert parsed["sections"][0]["value"]["body"] == "<p>“도구&gt; 인터넷옵션” &lt;b&gt;</p>"
    assert parsed["announced_on"] == datetime.date(2020, 1, 2)
