from django import template

register = template.Library()


def won(amount):
    return f"{amount:,}원"


@register.filter
def won_range(item):
    """A priced item's price as Koreans write it: 150,000원 or 150,000원 ~ 300,000원."""
    if item.is_range:
        return f"{won(item.price_min)} ~ {won(item.price_max)}"
    return won(item.price_min)
