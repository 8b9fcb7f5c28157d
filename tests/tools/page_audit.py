"""Screenshots (390 and 1280 px), axe and Lighthouse for every page type of a running site.

Not a test: figures and pictures to look at. Point it at a production-like server
(tests/tools/serve_prodlike.py), never at the dev server, for Lighthouse figures that mean
something. Writes PNGs and JSON reports under test-artifacts/<label>/ (git-ignored).

    .venv/bin/python tests/tools/page_audit.py http://127.0.0.1:8351 --label after \
        [--no-screenshots] [--no-axe] [--lighthouse]
"""

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
TOOLS = Path(os.environ.get("SHARED_TOOLS", REPO.parent / "shared" / "tools"))
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
    "--hide-scrollbars",
]
PAGE_TYPES = {
    "home": "/",
    "content": "/about/philosophy/",
    "section": "/about/",
    "category": "/lifting/",
    "treatment": "/lifting/ulthera/",
    "doctors": "/about/doctors/",
    "hours": "/about/hours/",
    "directions": "/about/directions/",
    "fees": "/about/fees/",
    "notices": "/notices/",
    "policy": "/privacy/",
    "policy-archive": "/privacy/versions/",
    "search": "/search/?q=%EB%A6%AC%ED%94%84%ED%8C%85",
    "search-empty": "/search/?q=zzzz",
    "not-found": "/no-such-page/",
}
WIDTHS = {"390": {"width": 390, "height": 844}, "1280": {"width": 1280, "height": 900}}


def screenshots_and_axe(base, out, names, do_shots, do_axe):
    from axe_playwright_python.sync_playwright import Axe
    from playwright.sync_api import sync_playwright

    axe = Axe()
    results = {}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for label, size in WIDTHS.items():
            page = browser.new_page(viewport=size)
            for name in names:
                page.goto(base + PAGE_TYPES[name], wait_until="networkidle")
                page.evaluate("document.fonts.ready")
                if do_shots:
                    page.screenshot(path=out / f"{name}-{label}.png", full_page=True)
                if do_axe:
                    violations = axe.run(page).response["violations"]
                    results[f"{name}@{label}"] = [
                        f"{v['id']} ({v['impact']}): {[n['target'] for n in v['nodes']][:3]}"
                        for v in violations
                    ]
            page.close()
        browser.close()
    return results


def lighthouse(base, out, names):
    scores = {}
    for name in names:
        report = out / f"lighthouse-{name}.json"
        run = subprocess.run(
            ["bash", str(TOOLS / "lighthouse.sh"), base + PAGE_TYPES[name], str(report)],
            check=False,
            capture_output=True,
            text=True,
            cwd=REPO,
        )
        line = run.stdout.strip().splitlines()[-1] if run.stdout.strip() else run.stderr[-300:]
        extra = ""
        if report.exists():
            audits = json.loads(report.read_text())["audits"]
            failing = [
                key
                for key, audit in audits.items()
                if audit.get("score") is not None
                and audit["score"] < 0.9
                and audit.get("scoreDisplayMode") in ("binary", "numeric", "metricSavings")
            ]
            lcp = audits.get("largest-contentful-paint", {}).get("displayValue", "?")
            extra = f" lcp={lcp} failing={failing}"
        scores[name] = line + extra
        print(f"{name:<15} {scores[name]}", flush=True)
    return scores


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("base", help="e.g. http://127.0.0.1:8351")
    parser.add_argument("--label", default="after")
    parser.add_argument("--pages", default=",".join(PAGE_TYPES))
    parser.add_argument("--no-screenshots", action="store_true")
    parser.add_argument("--no-axe", action="store_true")
    parser.add_argument("--lighthouse", action="store_true")
    args = parser.parse_args()
    base = args.base.rstrip("/")
    names = [n for n in args.pages.split(",") if n]
    out = REPO / "test-artifacts" / args.label
    out.mkdir(parents=True, exist_ok=True)
    summary = {}
    if not (args.no_screenshots and args.no_axe):
        axe = screenshots_and_axe(base, out, names, not args.no_screenshots, not args.no_axe)
        if not args.no_axe:
            summary["axe"] = axe
            bad = {k: v for k, v in axe.items() if v}
            print(f"axe: {len(axe)} pages x widths, {len(bad)} with violations", flush=True)
            for key, value in bad.items():
                print(f"  {key}: {value}")
    if args.lighthouse:
        summary["lighthouse"] = lighthouse(base, out, names)
    (out / "summary.json").write_text(json.dumps(summary, ensure_ascii=False, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
