import pytest

from tests.utils import seoul, visible_text
from treatments.models import CertificateFee, FeePage, TreatmentFee, TreatmentPage

pytestmark = pytest.mark.django_db


def publish_with_fee(page, **fields):
    page.fees.add(TreatmentFee(**fields))
    page.save_revision().publish()
    return page


def test_fee_page_lists_items_by_category_with_base_date(client, time_machine):
    time_machine.move_to(seoul(2026, 3, 2, 10, 0), tick=False)
    publish_with_fee(
        TreatmentPage.objects.get(slug="ulthera"),
        name="울쎄라 100샷",
        price_min=300000,
        code="SZ001",
    )
    publish_with_fee(
        TreatmentPage.objects.get(slug="botox"),
        name="보톡스 이마",
        price_min=50000,
        price_max=90000,
    )
    text = visible_text(client.get("/about/fees/").content.decode())
    assert "기준일: 2026년 3월 2일" in text
    assert "리프팅 항목가격비고 울쎄라 울쎄라 100샷 (SZ001) 300,000원" in text
    assert "보톡스/필러 항목가격비고 보톡스 보톡스 이마 50,000원 ~ 90,000원" in text
    assert text.index("리프팅") < text.index("보톡스/필러")


def test_changing_a_price_changes_the_fee_page_and_moves_its_base_date(client, time_machine):
    time_machine.move_to(seoul(2026, 3, 2, 10, 0), tick=False)
    ulthera = publish_with_fee(
        TreatmentPage.objects.get(slug="ulthera"), name="울쎄라 100샷", price_min=300000
    )

    time_machine.move_to(seoul(2026, 4, 10, 10, 0), tick=False)
    ulthera = TreatmentPage.objects.get(
        slug="ulthera"
    ).get_latest_revision_as_object()  # as the editor opens it
    ulthera.save_revision().publish()  # republishing without a price change keeps the date
    assert "기준일: 2026년 3월 2일" in visible_text(client.get("/about/fees/").content.decode())

    time_machine.move_to(seoul(2026, 5, 20, 10, 0), tick=False)
    ulthera = TreatmentPage.objects.get(slug="ulthera").get_latest_revision_as_object()
    fee = ulthera.fees.get()
    fee.price_min = 330000
    ulthera.fees = [fee]
    ulthera.save_revision().publish()
    text = visible_text(client.get("/about/fees/").content.decode())
    assert "330,000원" in text and "300,000원" not in text
    assert "기준일: 2026년 5월 20일" in text


def test_a_draft_price_does_not_reach_the_fee_page(client):
    ulthera = publish_with_fee(
        TreatmentPage.objects.get(slug="ulthera"), name="울쎄라 100샷", price_min=300000
    )
    fee = ulthera.fees.get()
    fee.price_min = 1
    ulthera.fees = [fee]
    ulthera.save_revision()  # draft only
    assert "300,000원" in client.get("/about/fees/").content.decode()


def test_unpublished_treatments_leave_the_fee_page(client):
    ulthera = publish_with_fee(
        TreatmentPage.objects.get(slug="ulthera"), name="울쎄라 100샷", price_min=300000
    )
    ulthera.unpublish()
    assert "울쎄라 100샷" not in client.get("/about/fees/").content.decode()


def test_certificate_fees_are_listed_and_move_the_base_date(client, time_machine):
    time_machine.move_to(seoul(2026, 6, 1, 10, 0), tick=False)
    fees_page = FeePage.objects.get()
    fees_page.certificate_fees = [CertificateFee(name="진료확인서", price_min=3000)]
    fees_page.save_revision().publish()
    text = visible_text(client.get("/about/fees/").content.decode())
    assert "제증명수수료 항목가격비고 진료확인서 3,000원" in text
    assert "기준일: 2026년 6월 1일" in text


def test_treatment_page_shows_its_fees_and_links_the_fee_page(client):
    publish_with_fee(
        TreatmentPage.objects.get(slug="ulthera"), name="울쎄라 100샷", price_min=300000
    )
    html = client.get("/lifting/ulthera/").content.decode()
    assert "300,000원" in html
    assert 'href="/about/fees/">전체 비급여 진료비용 보기' in html


def test_fee_page_is_linked_from_every_footer(client):
    html = client.get("/lifting/").content.decode()
    assert (
        'href="/about/fees/">비급여 진료비용</a>'
        in html[html.index('<footer class="site-footer"') :]
    )


def test_a_range_must_not_run_backwards():
    from django.core.exceptions import ValidationError

    fee = TreatmentFee(
        page=TreatmentPage.objects.get(slug="ulthera"), name="x", price_min=10, price_max=5
    )
    with pytest.raises(ValidationError) as error:
        fee.full_clean()
    assert "최고 가격은" in str(error.value)
