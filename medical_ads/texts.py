"""What a visitor reads on a page, as (where, text) passages for the rules to read.

Generic over page types, so a new page type is checked without a change here: the title, the SEO
title and description, every text field and rich text field of the page type, every text in its
StreamFields (FAQ answers, table cells, captions, image alt text), the alt text of its pictures,
and the text fields of its inline items (priced items, event conditions).
"""

from dataclasses import dataclass

from django.db import models

from modelcluster.models import get_all_child_relations
from wagtail import blocks
from wagtail.fields import RichTextField, StreamField
from wagtail.images import get_image_model
from wagtail.images.blocks import ImageBlock, ImageChooserBlock
from wagtail.models import Page
from wagtail.rich_text import RichText

from home.text import html_to_text

PAGE_FIELDS = ("title", "seo_title", "search_description")
# Text a visitor never reads: addresses, codes and editors' notes to themselves.
SKIPPED_FIELD_TYPES = (models.URLField, models.SlugField, models.EmailField)


@dataclass(frozen=True)
class Passage:
    """One piece of text and where the editor finds it (a field or block label)."""

    where: str
    text: str


def page_passages(page):
    """Every visitor-readable text of a page (saved, or built from the editor's form)."""
    passages = []
    for field in visible_fields(type(page)):
        passages.extend(field_passages(field, getattr(page, field.name, None)))
    for relation in child_relations(type(page)):
        label = str(relation.related_model._meta.verbose_name)
        for item in getattr(page, relation.get_accessor_name()).all():
            for field in own_fields(type(item)):
                for passage in field_passages(field, getattr(item, field.name, None)):
                    passages.append(Passage(f"{label} › {passage.where}", passage.text))
    return [passage for passage in passages if passage.text.strip()]


def visible_fields(model):
    page_fields = [model._meta.get_field(name) for name in PAGE_FIELDS]
    return page_fields + own_fields(model)


def own_fields(model):
    """The text, rich text, StreamField and picture fields a page type or item adds."""
    fields = []
    for field in model._meta.concrete_fields:
        if field.model is Page or field.primary_key or field.choices:
            continue
        if isinstance(field, SKIPPED_FIELD_TYPES):
            continue
        if isinstance(field, models.ForeignKey):
            if field.related_model is get_image_model():
                fields.append(field)
            continue
        if isinstance(field, models.CharField | models.TextField | StreamField):
            fields.append(field)
    return fields


def child_relations(model):
    """The page type's own inline items; Wagtail's editor comments are not for visitors."""
    return [
        relation
        for relation in get_all_child_relations(model)
        if not relation.related_model._meta.app_label.startswith("wagtail")
    ]


def field_passages(field, value):
    label = str(field.verbose_name)
    if value is None or value == "":
        return []
    if isinstance(field, StreamField):
        return list(stream_passages(value, label))
    if isinstance(field, models.ForeignKey):
        return [Passage(f"{label} (대체 텍스트)", image_alt(value))]
    if isinstance(field, RichTextField):
        return [Passage(label, html_to_text(str(value)))]
    return [Passage(label, str(value))]


def image_alt(image):
    return getattr(image, "contextual_alt_text", None) or getattr(image, "alt", "") or ""


def stream_passages(stream, where):
    for child in stream:
        yield from block_passages(child.block, child.value, f"{where} › {block_label(child.block)}")


def block_label(block):
    return str(block.label or block.name)


def block_passages(block, value, where):
    """The texts of one block value, walking structs, lists and streams down to their text."""
    if value is None:
        return
    if isinstance(block, ImageBlock | ImageChooserBlock):
        yield Passage(f"{where} (대체 텍스트)", image_alt(value))
    elif isinstance(block, blocks.StructBlock):
        for name, child_block in block.child_blocks.items():
            yield from block_passages(
                child_block, value.get(name), f"{where} › {block_label(child_block)}"
            )
    elif isinstance(block, blocks.ListBlock):
        for item in value:
            yield from block_passages(block.child_block, item, where)
    elif isinstance(block, blocks.StreamBlock):
        yield from stream_passages(value, where)
    elif isinstance(block, blocks.RichTextBlock) or isinstance(value, RichText):
        yield Passage(where, html_to_text(value.source if isinstance(value, RichText) else value))
    elif isinstance(block, blocks.ChooserBlock | blocks.PageChooserBlock):
        return  # a chosen page or document is checked on its own
    else:
        text = " ".join(plain_strings(value))
        if text:
            yield Passage(where, text)


def plain_strings(value):
    """Strings inside a block value of a kind not walked above (a table's cells, for one)."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [text for item in value.values() for text in plain_strings(item)]
    if isinstance(value, list | tuple):
        return [text for item in value for text in plain_strings(item)]
    return []
