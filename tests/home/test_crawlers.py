import pytest

pytestmark = pytest.mark.django_db


def test_robots_txt_allows_naver_and_google_and_names_the_sitemap(client):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    text = response.content.decode()
    assert "User-agent: Yeti" in text and "User-agent: Googlebot" in text
    assert "Disallow: /admin/" in text
    assert "Sitemap: http://localhost/sitemap.xml" in text  # the Site record, as the sitemap


def test_sitemap_lists_every_live_page(client):
    xml = client.get("/sitemap.xml").content.decode()
    for path in [
        "/",
        "/lifting/ulthera/",
        "/scalp/hair-transplant/",
        "/privacy/",
        "/about/directions/",
    ]:
        assert f"<loc>http://localhost{path}</loc>" in xml, path  # the Site record's hostname
    assert xml.count("<url>") >= 46


def test_favicon_ico_leads_to_the_icon(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 301
    assert response["Location"].endswith("favicon.svg")


def test_site_verification_tags_come_from_the_settings(client):
    from wagtail.models import Site

    from home.models import ClinicSettings

    html = client.get("/").content.decode()
    assert "naver-site-verification" not in html
    clinic = ClinicSettings.for_site(Site.objects.get(is_default_site=True))
    clinic.naver_site_verification = "abc123naver"
    clinic.google_site_verification = "xyz789google"
    clinic.save()
    html = client.get("/lifting/").content.decode()
    assert '<meta name="naver-site-verification" content="abc123naver">' in html
    assert '<meta name="google-site-verification" content="xyz789google">' in html


def test_notices_rss_feed_lists_notices_newest_first(client):
    import datetime

    from home.models import NoticeIndexPage, NoticePage

    index = NoticeIndexPage.objects.get()
    index.add_child(
        instance=NoticePage(
            title="추석 휴진 안내",
            summary="추석 연휴 휴진",
            published_on=datetime.date(2026, 9, 20),
        )
    )
    index.add_child(
        instance=NoticePage(title="연말 진료 안내", published_on=datetime.date(2026, 12, 1))
    )
    response = client.get("/notices/rss.xml")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    xml = response.content.decode()
    assert "<title>청담엔비의원 공지사항</title>" in xml
    assert xml.index("연말 진료 안내") < xml.index("추석 휴진 안내")
    assert "http://testserver/notices/" in xml
    assert 'type="application/rss+xml"' in client.get("/").content.decode()
