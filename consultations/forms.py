"""The 상담 신청 form: what a visitor may send, checked with Korean messages beside each field."""

import re
import time
import unicodedata

from django import forms
from django.conf import settings
from django.core import signing
from django.db.models import OuterRef, Subquery
from django.db.models.functions import Length, Substr
from django.utils import timezone

from wagtail.models import Page

from home.cache import current_generation, page_cache
from home.models import ClinicSettings
from home.navigation import public_pages
from treatments.models import TreatmentPage

from .models import ConsentVersion, ConsultationPage, ConsultationRequest
from .phone import normalise_mobile

OTHER = "other"
MESSAGE_MAX = 1000
STAMP_SALT = "consultations.form-started"
STAMP_MAX_AGE = 24 * 60 * 60
# A person needs longer than this to fill the form; scripts usually do not wait.
MIN_FILL_SECONDS = 3

NAME_CHARACTERS = re.compile(r"^[^\W\d_]+(?:[ .·'\-][^\W\d_]+)*\.?$")
HTML_TAG = re.compile(r"<\s*/?\s*[a-zA-Z!?]")
EMOJI_RANGES = (
    (0x1F000, 0x1FAFF),  # pictographs, emoticons, transport, supplemental symbols, flags
    (0x2600, 0x27BF),  # miscellaneous symbols and dingbats (☀ ♥ ✂ …)
    (0x2B00, 0x2BFF),  # arrows and stars drawn as emoji (⭐ ⬆)
    (0xFE00, 0xFE0F),  # variation selectors that turn a character into an emoji
    (0x200D, 0x200D),  # the joiner inside composed emoji
    (0xE0020, 0xE007F),  # tag characters of subdivision flags
)


def has_emoji(text):
    return any(lo <= ord(ch) <= hi for ch in text for lo, hi in EMOJI_RANGES)


def new_form_stamp():
    """When this visitor's form was handed out, signed so it cannot be forged."""
    return signing.dumps(time.time(), salt=STAMP_SALT, compress=False)


def seconds_since(stamp):
    """Seconds since the stamp was made, or None when it is missing, forged or a day old."""
    try:
        return time.time() - float(signing.loads(stamp, salt=STAMP_SALT, max_age=STAMP_MAX_AGE))
    except (signing.BadSignature, TypeError, ValueError):
        return None


def treatment_choices():
    """Live, public treatments grouped under their section in tree order, in one query."""
    section = Page.objects.filter(
        path=Substr(OuterRef("path"), 1, Length(OuterRef("path")) - Page.steplen)
    ).values("title")[:1]
    treatments = (
        public_pages(TreatmentPage.objects.all())
        .order_by("path")
        .annotate(section=Subquery(section))
        .values_list("pk", "title", "section")
    )
    groups = []
    for pk, title, section_title in treatments:
        if not groups or groups[-1][0] != section_title:
            groups.append((section_title, []))
        groups[-1][1].append((str(pk), title))
    return groups


def generation_cached(request, name, build):
    """build(), kept on the request, and in the cache while the page cache is on: publishing,
    moving or unpublishing a page and a new consent version each move the generation
    (home.cache), so a cached value never outlives what it was read from."""
    attr = f"_consultation_{name}"
    if request is not None and hasattr(request, attr):
        return getattr(request, attr)
    key = None
    if settings.PAGE_CACHE_ENABLED:
        key = f"nbsite:consultation-{name}:{current_generation()}"
    cached = page_cache().get(key) if key else None
    if cached is None:
        cached = (build(),)  # a tuple, so that None can be kept too
        if key:
            page_cache().set(key, cached, settings.CACHE_MIDDLEWARE_SECONDS)
    if request is not None:
        setattr(request, attr, cached[0])
    return cached[0]


def consultation_page(request=None):
    """The live 상담 신청 page (one per site, max_count), or None while there is none."""
    return generation_cached(
        request, "page", lambda: public_pages(ConsultationPage.objects.all()).first()
    )


class FormSetup:
    """What every rendering of the form needs: its page, the consent wording, the treatments."""

    def __init__(self, page, consent, treatments):
        self.page = page
        self.consent = consent
        self.treatments = treatments


def form_setup(request=None):
    choices = generation_cached(
        request, "form", lambda: (ConsentVersion.current(), treatment_choices())
    )
    return FormSetup(consultation_page(request), *choices)


class ConsultationForm(forms.Form):
    name = forms.CharField(
        label="이름",
        max_length=30,
        error_messages={
            "required": "이름을 적어 주세요.",
            "max_length": "이름은 30자 이내로 적어 주세요.",
        },
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    phone = forms.CharField(
        label="휴대폰 번호",
        max_length=30,
        error_messages={
            "required": "연락받으실 휴대폰 번호를 적어 주세요.",
            "max_length": "휴대폰 번호를 010-1234-5678처럼 적어 주세요.",
        },
        widget=forms.TextInput(
            attrs={
                "type": "tel",
                "autocomplete": "tel",
                "inputmode": "tel",
                "placeholder": "010-1234-5678",
            }
        ),
    )
    treatment = forms.ChoiceField(
        label="관심 시술",
        error_messages={
            "required": "관심 있는 시술을 골라 주세요. 정하지 않으셨다면 ‘기타’를 고르시면 됩니다.",
            "invalid_choice": "목록에 있는 시술을 골라 주세요.",
        },
    )
    contact_time = forms.ChoiceField(
        label="희망 연락 시간",
        choices=ConsultationRequest.ContactTime.choices,
        initial=ConsultationRequest.ContactTime.ANY,
        widget=forms.RadioSelect,
        error_messages={
            "required": "연락받기 좋은 시간을 골라 주세요.",
            "invalid_choice": "연락받기 좋은 시간을 골라 주세요.",
        },
    )
    message = forms.CharField(
        label="문의 내용",
        required=False,
        strip=True,
        widget=forms.Textarea(
            attrs={"rows": 4, "maxlength": MESSAGE_MAX, "aria-describedby": "id_message-help"}
        ),
    )
    consent_required = forms.BooleanField(
        label="개인정보 수집·이용에 동의합니다.",
        error_messages={
            "required": "개인정보 수집·이용에 동의하셔야 신청할 수 있습니다. "
            "동의하지 않으시면 전화로 상담하실 수 있습니다."
        },
    )
    consent_marketing = forms.BooleanField(
        label="이벤트·시술 안내를 문자(SMS)와 카카오톡으로 받겠습니다.", required=False
    )
    age_confirmed = forms.BooleanField(label="만 14세 이상입니다.")
    # Hidden from people by the stylesheet; scripts that fill every field give themselves away.
    homepage = forms.CharField(
        label="홈페이지 (이 칸은 비워 두세요)",
        required=False,
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )
    consent_version = forms.IntegerField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, setup=None, clinic_phone="", **kwargs):
        super().__init__(*args, **kwargs)
        self.setup = setup or form_setup()
        self.fields["treatment"].choices = [
            ("", "시술을 골라 주세요"),
            *self.setup.treatments,
            (OTHER, "기타 (정하지 않음)"),
        ]
        self.fields["consent_version"].initial = self.setup.consent.number
        # "전화(02-543-5856)로": the particle follows 전화, whatever digit the number ends in.
        phone = f"({clinic_phone})" if clinic_phone else ""
        self.fields["age_confirmed"].error_messages["required"] = (
            "만 14세 미만은 온라인으로 신청할 수 없습니다. 보호자(법정대리인)께서 "
            f"전화{phone}로 상담을 신청해 주세요. 만 14세 이상이시면 확인란에 표시해 주세요."
        )

    @classmethod
    def for_request(cls, request, data=None, treatment=None):
        clinic = ClinicSettings.for_request(request)
        initial = {"treatment": str(treatment.pk)} if treatment is not None else None
        return cls(data, initial=initial, setup=form_setup(request), clinic_phone=clinic.phone)

    def offer_section_of(self, treatment):
        """Offer only the treatments of the treatment's own section (and 기타): the short form
        on a treatment page, which would otherwise carry every treatment of a large clinic into
        every treatment page's HTML. The full form on the 상담 신청 page offers them all."""
        pk = str(treatment.pk)
        field = self.fields["treatment"]
        field.choices = [
            choice
            for choice in field.choices
            if not isinstance(choice[1], list | tuple) or any(v == pk for v, _ in choice[1])
        ]

    @property
    def consent(self):
        return self.setup.consent

    def full_clean(self):
        super().full_clean()
        # Screen readers announce the message that belongs to the field.
        for name in self.errors:
            if name in self.fields:
                attrs = self.fields[name].widget.attrs
                described_by = [f"id_{name}-error", *attrs.get("aria-describedby", "").split()]
                attrs.update({"aria-invalid": "true", "aria-describedby": " ".join(described_by)})

    def clean_name(self):
        name = " ".join(self.cleaned_data["name"].split())
        if has_emoji(name) or not NAME_CHARACTERS.match(name):
            raise forms.ValidationError(
                "이름은 한글이나 영문 글자로만 적어 주세요. 숫자, 기호, 이모지는 쓸 수 없습니다."
            )
        return name

    def clean_phone(self):
        phone = normalise_mobile(self.cleaned_data["phone"])
        if phone is None:
            raise forms.ValidationError(
                "휴대폰 번호를 확인해 주세요. 010-1234-5678처럼 010으로 시작하는 번호를 적어 주세요."
            )
        return phone

    def clean_message(self):
        message = self.cleaned_data["message"].replace("\r\n", "\n")
        # Invisible control characters carry nothing a person wrote.
        message = "".join(
            ch for ch in message if ch in "\n\t" or not unicodedata.category(ch).startswith("C")
        )
        if len(message) > MESSAGE_MAX:
            raise forms.ValidationError(
                f"문의 내용은 {MESSAGE_MAX:,}자 이내로 적어 주세요. (지금 {len(message):,}자)"
            )
        if HTML_TAG.search(message):
            raise forms.ValidationError(
                "문의 내용에 HTML 태그(<…>)는 쓸 수 없습니다. 꺾쇠괄호 없이 적어 주세요."
            )
        if has_emoji(message):
            raise forms.ValidationError("문의 내용에서 이모지를 빼고 글자로만 적어 주세요.")
        return message

    def is_bot(self):
        return bool(self.data.get("homepage", "").strip())

    def agreed_version(self):
        """The consent wording the visitor was shown (an open tab may predate a new version)."""
        number = self.cleaned_data.get("consent_version")
        if number and number != self.consent.number:
            shown = ConsentVersion.objects.filter(number=number).first()
            if shown is not None:
                return shown
        return self.consent

    def save(self):
        data = self.cleaned_data
        now = timezone.now()
        treatment = None
        if data["treatment"] != OTHER:
            treatment = TreatmentPage.objects.filter(pk=data["treatment"]).only("title").first()
        return ConsultationRequest.objects.create(
            created_at=now,
            name=data["name"],
            phone=data["phone"],
            treatment=treatment,
            treatment_title=treatment.title if treatment else ConsultationRequest.OTHER_TREATMENT,
            contact_time=data["contact_time"],
            message=data["message"],
            consent_version=self.agreed_version(),
            consented_at=now,
            age_confirmed=True,
            marketing_consent=data["consent_marketing"],
            marketing_consented_at=now if data["consent_marketing"] else None,
        )
