from wagtail import blocks

from home.blocks import RICH_TEXT_FEATURES


class PolicySectionBlock(blocks.StructBlock):
    """One numbered article of a policy: its heading and its text."""

    number = blocks.CharBlock(
        label="조항 번호",
        required=False,
        max_length=10,
        help_text="비워 두면 순서대로 자동으로 번호가 매겨집니다. 원문의 번호를 지켜야 할 때만 입력하세요.",
    )
    heading = blocks.CharBlock(label="제목", required=False, max_length=200)
    body = blocks.RichTextBlock(label="내용", features=RICH_TEXT_FEATURES)

    class Meta:
        icon = "list-ol"
        label = "조항"
        template = "blocks/policy_section_block.html"


class PolicyBodyBlock(blocks.StreamBlock):
    """The ordered articles of a policy."""

    section = PolicySectionBlock()

    class Meta:
        label = "조항"
