from wagtail import blocks
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
