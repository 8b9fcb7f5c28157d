"""The editor refuses to publish or submit 게시 불가 phrases and records the 경고 tick."""

import json
import re

import pytest

from django.contrib.auth.models import Group
from django.urls import reverse

from wagtail.models import GroupApprovalTask, Workflow, WorkflowPage, WorkflowState

from medical_ads.models import AdReview
from tests.medical_ads.conftest import add_url, edit_url, new_treatment, treatment_form
from treatments.models import TreatmentPage

pytestmark = pytest.mark.django_db

FORBIDDEN_ANSWER = "<p>부작용이 전혀 없는 안전한 시술입니다.</p>"


def test_a_forbidden_phrase_in_a_faq_answer_blocks_publishing_and_keeps_the_work(marketer, lifting):
    draft = new_treatment(marketer, lifting, faq_answer=FORBIDDEN_ANSWER)
    response = marketer.post(
        edit_url(draft),
        treatment_form(faq_answer=FORBIDDEN_ANSWER, summary="고친 요약", action="action-publish"),
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "게시 불가 표현: ‘부작용이 전혀 없는’" in html
    assert "자주 묻는 질문 › 질문 목록 › 답변" in html or "답변" in html
    assert "의료법 제56조 제2항 제7호" in html
    assert "고친 요약" in html  # what the editor typed is still in the form
    draft.refresh_from_db()
    assert not draft.live


def test_a_forbidden_phrase_blocks_publishing_a_new_page(marketer, lifting):
    response = marketer.post(
        add_url(TreatmentPage, lifting),
        treatment_form(summary="강남 최고의 리프팅", action="action-publish"),
    )
    assert response.status_code == 200
    assert "게시 불가 표현: ‘최고의’ (요약)" in response.content.decode()
    assert not TreatmentPage.objects.filter(slug="new-lifting").exists()


def test_the_same_page_without_the_phrase_publishes(marketer, lifting):
    draft = new_treatment(marketer, lifting, faq_answer=FORBIDDEN_ANSWER)
    response = marketer.post(
        edit_url(draft),
        treatment_form(faq_answer="<p>붉어짐이 생길 수 있습니다.</p>", action="action-publish"),
    )
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.live


def test_submitting_for_approval_is_refused_too(marketer, lifting):
    reviewers = Group.objects.get(name="의료광고 검토")
    task = GroupApprovalTask.objects.create(name="의료광고 승인")
    task.groups.set([reviewers])
    workflow = Workflow.objects.create(name="의료광고 승인 절차")
    workflow.workflow_tasks.create(task=task, sort_order=0)
    WorkflowPage.objects.create(workflow=workflow, page=lifting)
    draft = new_treatment(marketer, lifting)
    response = marketer.post(
        edit_url(draft), treatment_form(faq_answer=FORBIDDEN_ANSWER, action="action-submit")
    )
    assert response.status_code == 200
    assert "게시 불가 표현" in response.content.decode()
    states = WorkflowState.objects.filter(object_id=str(draft.pk))
    assert not states.exists()

    response = marketer.post(edit_url(draft), treatment_form(action="action-submit"))
    assert response.status_code == 302
    assert states.exists()


def test_saving_a_draft_with_a_forbidden_phrase_is_allowed_and_the_panel_lists_it(
    marketer, lifting
):
    draft = new_treatment(marketer, lifting, faq_answer=FORBIDDEN_ANSWER)
    html = marketer.get(edit_url(draft)).content.decode()
    assert "의료광고 검토" in html
    assert '<q class="medical-ads__phrase">부작용이 전혀 없는</q>' in html
    assert "권장 표현: ‘붉어짐, 부기, 멍이 생길 수 있으며" in html
    assert 'src="/static/js/medical-ads-panel.js"' in html


def test_a_warning_needs_the_tick_and_the_tick_is_recorded_with_the_revision(marketer, lifting):
    draft = new_treatment(marketer, lifting, summary="피부과 전문의가 시술합니다.")
    response = marketer.post(
        edit_url(draft),
        treatment_form(summary="피부과 전문의가 시술합니다.", action="action-publish"),
    )
    assert response.status_code == 200
    assert "경고 1건을 검토한 뒤 ‘검토했습니다’에 체크해야 게시할 수 있습니다." in (
        response.content.decode()
    )
    assert not AdReview.objects.exists()

    response = marketer.post(
        edit_url(draft),
        treatment_form(
            summary="피부과 전문의가 시술합니다.",
            medical_ads_reviewed="on",
            action="action-publish",
        ),
    )
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.live
    [review] = AdReview.objects.all()
    assert review.page_id == draft.pk
    assert review.revision_id == draft.live_revision_id
    assert review.user == marketer.user and review.user_name == "marketer"
    assert review.action == "게시"
    assert review.findings == [
        {
            "rule": "전문의 표시",
            "severity": "경고",
            "article": "의료법 제77조(전문의), 제56조 제2항 제9호",
            "phrase": "전문의가",
            "where": "요약",
        }
    ]


def test_the_panel_endpoint_checks_what_is_being_typed(marketer, lifting):
    draft = new_treatment(marketer, lifting)
    url = reverse("medical_ads:check_page", args=[draft.pk])
    response = marketer.post(
        url, treatment_form(title="넘버원 리프팅", faq_answer="<p>통증없이</p>")
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert '<q class="medical-ads__phrase">넘버원</q>' in html
    assert '<q class="medical-ads__phrase">통증없이</q>' in html
    assert 'data-blocking="2"' in html
    draft.refresh_from_db()
    assert draft.title == "새 리프팅"  # checking saves nothing


def test_the_panel_endpoint_checks_a_page_not_yet_created(marketer, lifting):
    url = reverse("medical_ads:check_new_page", args=["treatments", "treatmentpage", lifting.pk])
    response = marketer.post(url, treatment_form(summary="후기 보기"))
    assert '<q class="medical-ads__phrase">후기</q>' in response.content.decode()


def test_the_panel_endpoint_refuses_people_who_cannot_edit(client, lifting, django_user_model):
    client.force_login(django_user_model.objects.create_user("visitor", password="pw"))
    url = reverse("medical_ads:check_page", args=[lifting.pk])
    assert client.post(url, {}).status_code in (302, 403)


def test_the_preview_content_checks_carry_the_findings(marketer, lifting):
    draft = new_treatment(marketer, lifting)
    preview_url = reverse("wagtailadmin_pages:preview_on_edit", args=[draft.pk])
    data = treatment_form(summary="부작용 없는 최고의 시술")
    assert marketer.post(preview_url, data).json()["is_valid"]
    html = marketer.get(preview_url + "?in_preview_panel=true").content.decode()
    config = json.loads(
        re.search(r'id="checker-axe-configuration"[^>]*>(.*?)</script>', html, re.DOTALL).group(1)
    )
    names = [message["error_name"] for message in config["messages"].values()]
    assert "의료광고 게시 불가: ‘최고의’ (요약)" in names
    assert "의료광고 게시 불가: ‘부작용 없는’ (요약)" in names
    medical_rules = [
        rule["id"] for rule in config["spec"]["rules"] if "medical-ads" in rule["tags"]
    ]
    assert len(medical_rules) == 2
    assert set(medical_rules) <= set(config["options"]["runOnly"])
