import pytest

pytestmark = pytest.mark.django_db


def test_robots_txt_allows_naver_and_google_and_names_the_sitemap(client):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    text = response.content.decode()
    assert "User-agent: Yeti" in text and "User-agent: Googlebot" in text
    assert "Disallow: /admin/" in text
    assert "Sitemap: http://testserver/sitemap.xml" in text


def test_sitemap_lists_every_live_page(client):
    xml = client.get("/sitemap.xml").content.decode()
    for path in ["/", "/lifting/ulthera/", "/scalp/hair-transplant/", "/privacy/", "/about/directions/"]:
        assert f"<loc>http://localhost{path}</loc>" in xml, path  # the Site record's hostname
    assert xml.count("<url>") >= 46


def test_favicon_ico_leads_to_the_icon(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 301
    assert response["Location"].endswith("favicon.svg")
