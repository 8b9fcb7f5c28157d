from django.core.exceptions import ValidationError

from wagtail import blocks
from wagtail.blocks import StructBlockValidationError
from wagtail.images.blocks import ImageBlock

RICH_TEXT_FEATURES = ["h2", "h3", "bold", "italic", "ol", "ul", "link", "hr"]


class ImageWithCaptionBlock(blocks.StructBlock):
    """An image with an optional caption, for any content page body."""

    image = ImageBlock(label="이미지")
    caption = blocks.CharBlock(label="설명", required=False, max_length=200)

    class Meta:
        icon = "image"
        label = "이미지"
        template = "blocks/image_with_caption_block.html"


class BodyStreamBlock(blocks.StreamBlock):
    """The shared body of content pages: paragraphs and images in the order editors choose."""

    paragraph = blocks.RichTextBlock(
        label="본문", features=RICH_TEXT_FEATURES, template="blocks/paragraph_block.html"
    )
    image = ImageWithCaptionBlock()

    class Meta:
        label = "본문"


WEEKDAY_CHOICES = [
    ("0", "월요일"),
    ("1", "화요일"),
    ("2", "수요일"),
    ("3", "목요일"),
    ("4", "금요일"),
    ("5", "토요일"),
    ("6", "일요일"),
]


class OpeningHoursBlock(blocks.StructBlock):
    """One weekday's hours on the clinic settings: opening, closing and the lunch break, or closed."""

    weekday = blocks.ChoiceBlock(choices=WEEKDAY_CHOICES, label="요일")
    closed = blocks.BooleanBlock(
        label="휴진", required=False, help_text="이 요일에 진료하지 않으면 체크합니다."
    )
    opens = blocks.TimeBlock(label="진료 시작", required=False)
    closes = blocks.TimeBlock(label="진료 종료", required=False)
    lunch_starts = blocks.TimeBlock(label="점심시간 시작", required=False)
    lunch_ends = blocks.TimeBlock(label="점심시간 종료", required=False)
    note = blocks.CharBlock(
        label="비고", required=False, max_length=100, help_text="예: 야간 진료, 격주 휴진"
    )

    class Meta:
        icon = "time"
        label = "요일별 진료 시간"
        form_classname = "struct-block opening-hours-block"

    def clean(self, value):
        value = super().clean(value)
        errors = {}
        if not value["closed"]:
            if not value["opens"]:
                errors["opens"] = ValidationError(
                    "진료 시작 시간을 입력하거나 휴진으로 표시해 주세요."
                )
            if not value["closes"]:
                errors["closes"] = ValidationError(
                    "진료 종료 시간을 입력하거나 휴진으로 표시해 주세요."
                )
            if value["opens"] and value["closes"] and value["opens"] >= value["closes"]:
                errors["closes"] = ValidationError("진료 종료 시간은 시작 시간보다 늦어야 합니다.")
        if bool(value["lunch_starts"]) != bool(value["lunch_ends"]):
            errors["lunch_ends"] = ValidationError("점심시간은 시작과 종료를 함께 입력해 주세요.")
        elif value["lunch_starts"] and value["lunch_starts"] >= value["lunch_ends"]:
            errors["lunch_ends"] = ValidationError("점심시간 종료는 시작보다 늦어야 합니다.")
        if errors:
            raise StructBlockValidationError(block_errors=errors)
        return value
