import pytest

pytestmark = pytest.mark.django_db


def test_search_finds_a_treatment_by_its_title(client):
    response = client.get("/search/", {"q": "울쎄라"})
    assert response.status_code == 200
    assert 'href="/lifting/ulthera/">울쎄라</a>' in response.content.decode()


@pytest.mark.parametrize(
    "query",
    ["", "a", "x" * 2000, "!!!", '"', "*", "(", "OR", "NEAR", "-", "'; DROP TABLE x; --", "😀", "울쎄라 AND (", "\x00"],
)
def test_odd_queries_get_a_normal_page(client, query):
    response = client.get("/search/", {"q": query})
    assert response.status_code == 200
    assert "<h1>검색</h1>" in response.content.decode()


def test_unknown_page_is_a_korean_404(client):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    assert "페이지를 찾을 수 없습니다" in response.content.decode()
