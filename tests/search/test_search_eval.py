import io
import json
import re

import pytest

from django.core.management import call_command
from django.core.management.base import CommandError

from wagtail.models import Page

pytestmark = pytest.mark.django_db


def run_eval(*args):
    out = io.StringIO()
    call_command("search_eval", *args, stdout=out)
    return out.getvalue()


def test_search_eval_meets_the_recall_target_and_leaves_no_pages_behind():
    pages_before = Page.objects.count()
    output = run_eval(
        "--pages", "20", "--rebuild", "--repeat", "1", "--min-recall", "0.95", "--http"
    )
    recall = float(re.search(r"recall@3: ([\d.]+)%", output).group(1))
    assert recall >= 95.0
    assert "(20 generated)" in output
    assert "20 treatment pages generated" in output
    assert re.search(r"full index rebuild \(update_index\): [\d.]+ s", output)
    assert re.search(r"search p50 [\d.]+ ms, p95 [\d.]+ ms", output)
    assert re.search(r"suggest, as typed \(\d+ keystrokes\) p50", output)
    assert "whole /search/suggest/ responses p50" in output
    assert Page.objects.count() == pages_before


def test_search_eval_fails_below_the_required_recall(tmp_path):
    queries = tmp_path / "queries.json"
    queries.write_text(json.dumps([{"q": "울쎄라", "expect_any": ["보톡스"]}]), encoding="utf-8")
    with pytest.raises(CommandError):
        run_eval("--queries", str(queries), "--min-recall", "0.95")
