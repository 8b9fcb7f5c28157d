"""The admin form every page type of the site uses (SitePage.base_form_class)."""

from django.core.exceptions import ValidationError
from django.utils.text import slugify

from medical_ads.forms import MedicalAdsPageForm

from .korean import has_hangul, readable_slug

SLUG_HELP = (
    "주소에 쓰이는 이름입니다(영문 소문자, 숫자, 하이픈). 한글은 저장할 때 로마자로 바뀝니다. "
    "예: 울쎄라 플러스 → ulssera-peulleoseu. 비워 두면 제목으로 만듭니다."
)


class SitePageForm(MedicalAdsPageForm):
    """Every page type's admin form: the medical advertising checks, and a readable Latin slug
    (the one rule: Hangul is romanised on save)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "slug" in self.fields:
            self.fields["slug"].help_text = SLUG_HELP
            self.fields["slug"].required = False  # an empty slug is made from the title

    def clean_slug(self):
        slug = self.cleaned_data.get("slug", "")
        title = self.data.get("title", "") or ""
        if not slug:
            slug = readable_slug(title)
            if not slug and title:
                raise ValidationError(
                    "주소(slug)를 만들 수 없는 제목입니다. 영문으로 입력해 주세요."
                )
            return slug
        if has_hangul(slug):
            # The admin's script copied the title into the slug (dropping its punctuation):
            # romanise the title itself, so 잡티/기미 becomes japti-gimi, not laptigimi.
            source = title if slugify(title, allow_unicode=True) == slug else slug
            return readable_slug(source)
        return slug
