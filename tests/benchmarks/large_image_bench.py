"""A just-uploaded large photo: how long its page takes for the first visitor, and what the upload
costs. Not a test: figures to read and compare (README "Security", Images).

Runs a production server (gunicorn, one sync worker, page cache off so every request renders) on
loopback against a fresh SQLite database in a temporary folder, logs in to the admin as an
editor would, uploads a PNG through the image form, sets it as a treatment page's picture and
publishes, then times requests and reads the worker's memory from /proc. `--repo` runs another
checkout's code instead (the "before" figure: `git archive main | tar -x -C /tmp/before`).

    .venv/bin/python tests/benchmarks/large_image_bench.py [--size 6000x4000] [--repo PATH]
"""

import argparse
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
from io import BytesIO
from pathlib import Path

from PIL import Image, ImageDraw

PYTHON = sys.executable
PASSWORD = "bench-admin-long-password-42"
LARGE_PAGE = "/lifting/ulthera/"
OTHER_PAGE = "/lifting/exilis/"


def environment(repo, workdir):
    env = {k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"}
    env.update(
        DJANGO_SETTINGS_MODULE="nbsite.settings.production",
        SECRET_KEY="benchmark-only-" + "x" * 40,
        ALLOWED_HOSTS="127.0.0.1,localhost",
        DATABASE_URL=f"sqlite:///{workdir}/bench.sqlite3",
        SECURE_SSL_REDIRECT="false",
        MEDIA_ROOT=str(workdir / "media"),
        ERROR_PAGES_ROOT=str(workdir / "error-pages"),
        PAGE_CACHE="off",
        PYTHONPATH=str(repo),
    )
    return env


def manage(repo, env, *args):
    return subprocess.run(
        [PYTHON, "manage.py", *args],
        cwd=repo,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    ).stdout


def photo(width, height):
    """A PNG with gradients and shapes: big in pixels, a few MB on disk like a real export."""
    picture = Image.linear_gradient("L").resize((width, height)).convert("RGB")
    draw = ImageDraw.Draw(picture)
    for x in range(0, width, max(width // 12, 1)):
        draw.ellipse((x, x // 3, x + width // 6, x // 3 + height // 5), fill=(214, 196, 176))
    buffer = BytesIO()
    picture.save(buffer, "PNG")
    return buffer.getvalue()


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


class Browser:
    """Cookies and CSRF like a browser behind the TLS proxy production expects (it marks its
    cookies Secure, so they are kept here by hand); every request to 127.0.0.1 only."""

    def __init__(self, base):
        self.base = base
        self.cookies = {}
        self.opener = urllib.request.build_opener(NoRedirect)

    def request(self, path, data=None, headers=None):
        headers = {
            "X-Forwarded-Proto": "https",
            **(
                {"Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items())}
                if self.cookies
                else {}
            ),
            **(headers or {}),
        }
        request = urllib.request.Request(self.base + path, data=data, headers=headers)
        started = time.perf_counter()
        try:
            with self.opener.open(request, timeout=300) as response:
                body, status, received = response.read(), response.status, response.headers
        except urllib.error.HTTPError as error:
            body, status, received = error.read(), error.code, error.headers
        for line in received.get_all("Set-Cookie") or []:
            name, _, rest = line.partition("=")
            self.cookies[name.strip()] = rest.split(";")[0]
        return status, body.decode("utf-8", "replace"), time.perf_counter() - started

    def csrf(self, path):
        _, html, _ = self.request(path)
        return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)

    def post_form(self, path, fields, files=()):
        boundary = uuid.uuid4().hex
        parts = []
        for name, value in {"csrfmiddlewaretoken": self.csrf(path), **fields}.items():
            parts.append(
                f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'.encode()
            )
        for name, filename, content in files:
            parts.append(
                (
                    f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; '
                    f'filename="{filename}"\r\nContent-Type: image/png\r\n\r\n'
                ).encode()
                + content
                + b"\r\n"
            )
        parts.append(f"--{boundary}--\r\n".encode())
        headers = {
            "Content-Type": f"multipart/form-data; boundary={boundary}",
            "Referer": self.base.replace("http://", "https://") + path,
        }
        return self.request(path, b"".join(parts), headers)


def worker_memory(master):
    """(current, peak) resident MB of gunicorn's one worker."""
    worker = subprocess.run(
        ["pgrep", "-P", str(master.pid)], capture_output=True, text=True, check=True
    ).stdout.split()[0]
    status = Path(f"/proc/{worker}/status").read_text()
    values = {k: int(v.split()[0]) / 1024 for k, v in re.findall(r"(VmRSS|VmHWM):\s+(.+)", status)}
    return values["VmRSS"], values["VmHWM"]


def timed_gets(browser, path, times):
    results = [browser.request(path) for _ in range(times)]
    assert all(status == 200 for status, _, _ in results), [r[0] for r in results]
    return [seconds for _, _, seconds in results]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", default="6000x4000", help="photo size, WIDTHxHEIGHT")
    parser.add_argument("--repo", default=str(Path(__file__).resolve().parents[2]))
    parser.add_argument("--port", type=int, default=8333)
    args = parser.parse_args()
    width, height = (int(n) for n in args.size.split("x"))
    repo = Path(args.repo)

    with tempfile.TemporaryDirectory() as workdir:
        workdir = Path(workdir)
        env = environment(repo, workdir)
        manage(repo, env, "migrate", "--noinput")
        manage(repo, env, "load_clinic_content")
        manage(repo, env, "collectstatic", "--noinput")
        manage(
            repo,
            env,
            "shell",
            "-c",
            "from django.contrib.auth.models import User; "
            f"User.objects.create_superuser('bench', 'bench@example.com', '{PASSWORD}')",
        )
        server = subprocess.Popen(
            [PYTHON, "-m", "gunicorn", "nbsite.wsgi", "--bind", f"127.0.0.1:{args.port}",
             "--workers", "1", "--timeout", "300", "--log-level", "warning"],
            cwd=repo, env=env,
        )  # fmt: skip
        try:
            base = f"http://127.0.0.1:{args.port}"
            browser = Browser(base)
            for _ in range(100):
                try:
                    browser.request("/")
                    break
                except OSError:
                    time.sleep(0.2)
            # The other page's seeded picture gets its renditions here (warm-up), as any would.
            other_first = timed_gets(browser, OTHER_PAGE, 1)[0]
            other = timed_gets(browser, OTHER_PAGE, 7)

            status, _, _ = browser.post_form(
                "/admin/login/", {"username": "bench", "password": PASSWORD, "next": "/admin/"}
            )
            assert status == 302, f"login answered {status}"
            rss_before, _ = worker_memory(server)
            data = photo(width, height)
            status, html, upload_seconds = browser.post_form(
                "/admin/images/add/",
                {"title": "큰 사진", "description": "큰 사진 설명", "collection": "1"},
                files=[("file", "large.png", data)],
            )
            refused = re.search(r"픽셀이 너무 많습니다[^<]*", html)
            assert refused or status == 302, f"upload answered {status}"
            rss_upload, peak_upload = worker_memory(server)
            print(f"code: {repo}")
            print(f"photo: {width}×{height} PNG, {len(data) / 1e6:.1f} MB")
            if refused:
                print(f"upload refused ({upload_seconds:.2f} s): {refused.group(0)}")
                return
            print(
                f"upload through the admin: {upload_seconds:.2f} s; worker {rss_before:.0f} MB → "
                f"{rss_upload:.0f} MB (peak {peak_upload:.0f} MB)"
            )
            manage(
                repo,
                env,
                "shell",
                "-c",
                "from wagtail.images import get_image_model; "
                "from treatments.models import TreatmentPage; "
                "page = TreatmentPage.objects.get(slug='ulthera'); "
                "page.image = get_image_model().objects.get(title='큰 사진'); "
                "page.save_revision().publish()",
            )
            browser.cookies.clear()  # a visitor, not the editor
            first = timed_gets(browser, LARGE_PAGE, 1)[0]
            rss_first, peak_first = worker_memory(server)
            after = timed_gets(browser, LARGE_PAGE, 7)
            print(
                f"{LARGE_PAGE} first visitor: {first * 1000:.0f} ms; worker {rss_upload:.0f} MB → "
                f"{rss_first:.0f} MB (peak {peak_first:.0f} MB)"
            )
            print(f"{LARGE_PAGE} next 7: median {statistics.median(after) * 1000:.0f} ms")
            print(
                f"{OTHER_PAGE} (seeded 1600×900 picture): first {other_first * 1000:.0f} ms, "
                f"next 7 median {statistics.median(other) * 1000:.0f} ms"
            )
        finally:
            server.terminate()
            server.wait(timeout=30)


if __name__ == "__main__":
    main()
