from urllib.parse import parse_qs, urlparse

from wagtail import blocks

from home.blocks import BodyStreamBlock


class TreatmentFactsBlock(blocks.StructBlock):
    """시술 정보: the practical facts of a treatment, shown as a compact table; any may be left out."""

    duration = blocks.CharBlock(
        label="시술 시간", required=False, max_length=50, help_text="예: 약 30분"
    )
    anesthesia = blocks.CharBlock(
        label="마취", required=False, max_length=50, help_text="예: 연고 마취"
    )
    recovery = blocks.CharBlock(
        label="회복 기간", required=False, max_length=50, help_text="예: 바로 일상생활"
    )
    interval = blocks.CharBlock(
        label="내원 주기", required=False, max_length=50, help_text="예: 4주 간격"
    )
    longevity = blocks.CharBlock(
        label="유지 기간", required=False, max_length=50, help_text="예: 개인차 있음"
    )

    class Meta:
        icon = "list-ul"
        label = "시술 정보"
        template = "blocks/treatment_facts_block.html"

    def rows(self, value):
        return [
            (self.child_blocks[name].label, value[name])
            for name in self.child_blocks
            if value[name]
        ]

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["rows"] = self.rows(value)
        return context


class FaqItemBlock(blocks.StructBlock):
    """One question and its answer."""

    question = blocks.CharBlock(label="질문", max_length=200)
    answer = blocks.RichTextBlock(label="답변", features=["bold", "italic", "ul", "ol", "link"])

    class Meta:
        icon = "help"
        label = "질문과 답변"


class FaqBlock(blocks.StructBlock):
    """자주 묻는 질문: questions that open and close like an accordion."""

    heading = blocks.CharBlock(
        label="제목", required=False, default="자주 묻는 질문", max_length=100
    )
    items = blocks.ListBlock(FaqItemBlock(), label="질문 목록", min_num=1)

    class Meta:
        icon = "help"
        label = "자주 묻는 질문"
        template = "blocks/faq_block.html"


def embed_url(url):
    """The privacy-friendly player address for a YouTube or Vimeo link, or "" for other sites."""
    parsed = urlparse(url)
    host = parsed.netloc.lower().removeprefix("www.").removeprefix("m.")
    video_id = ""
    if host == "youtu.be":
        video_id = parsed.path.strip("/")
    elif host == "youtube.com":
        if parsed.path == "/watch":
            video_id = parse_qs(parsed.query).get("v", [""])[0]
        elif parsed.path.startswith(("/shorts/", "/embed/")):
            video_id = parsed.path.split("/")[2]
    if video_id:
        return f"https://www.youtube-nocookie.com/embed/{video_id}?autoplay=1"
    if host == "vimeo.com" and parsed.path.strip("/").isdigit():
        return f"https://player.vimeo.com/video/{parsed.path.strip('/')}?autoplay=1&dnt=1"
    return ""


class VideoBlock(blocks.StructBlock):
    """A video link; the player (and the video site's scripts) loads only when a visitor clicks it."""

    url = blocks.URLBlock(label="영상 주소", help_text="유튜브 또는 비메오 주소를 붙여 넣습니다.")
    title = blocks.CharBlock(
        label="영상 제목", max_length=100, help_text="버튼과 화면낭독기에 쓰입니다."
    )

    class Meta:
        icon = "media"
        label = "영상"
        template = "blocks/video_block.html"

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["embed_url"] = embed_url(value["url"])
        return context


class RelatedTreatmentsBlock(blocks.StructBlock):
    """함께 보면 좋은 시술: other treatment pages chosen by the editor."""

    heading = blocks.CharBlock(
        label="제목", required=False, default="함께 보면 좋은 시술", max_length=100
    )
    pages = blocks.ListBlock(
        blocks.PageChooserBlock(page_type="treatments.TreatmentPage", label="시술"),
        label="시술 목록",
        min_num=1,
    )

    class Meta:
        icon = "link"
        label = "관련 시술"
        template = "blocks/related_treatments_block.html"


class TreatmentBodyStreamBlock(BodyStreamBlock):
    """A treatment's body: the shared text and image blocks plus facts, FAQ, video and related treatments."""

    facts = TreatmentFactsBlock()
    faq = FaqBlock()
    video = VideoBlock()
    related = RelatedTreatmentsBlock()

    class Meta:
        label = "본문"
