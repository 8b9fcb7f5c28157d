"""make bench-front: Varnish hits against nginx serving the same saved HTML (the ceiling).

Starts the production shape (deploy/prod_local.py) on ports 8320–8323 with its own database,
saves the home page as Varnish serves it, serves that file with nginx on 127.0.0.1:8329, and
loads both with wrk in interleaved rounds, with keep-alive and with a new connection per
request. Prints requests/s, p50 and p99 and Varnish's share of nginx's rate. Not a test.
"""

import argparse
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from deploy.prod_local import REPO, Shape, wait_for

NGINX_PORT = 8329
NGINX_CONF = """daemon off;
worker_processes 2;
pid {root}/nginx.pid;
error_log {root}/error.log;
events {{ worker_connections 1024; }}
http {{
    access_log off;
    default_type text/html;
    server {{
        listen 127.0.0.1:{port};
        root {root};
        location / {{ try_files /index.html =404; }}
    }}
}}
"""


def wrk(url, seconds, keep_alive):
    command = ["wrk", "-t2", "-c8", f"-d{seconds}s", "--latency", url]
    if not keep_alive:
        command[1:1] = ["-H", "Connection: close"]
    out = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    p50 = re.search(r"50%\s+(\S+)", out).group(1)
    p99 = re.search(r"99%\s+(\S+)", out).group(1)
    return rate, p50, p99


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=5)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    for tool in ("wrk", "nginx"):
        if not shutil.which(tool) and not Path(f"/usr/sbin/{tool}").exists():
            sys.exit(f"{tool}가 없습니다: sudo apt-get install {tool}")
    shape = Shape(port=8320, database="nbsite_bench_front", workdir=REPO / "var" / "bench-front")
    nginx = None
    with tempfile.TemporaryDirectory() as root:
        try:
            shape.start()
            page = shape.url + "/"
            for _ in range(3):
                with urllib.request.urlopen(page) as response:
                    html, cache = response.read(), response.headers["X-Cache"]
            assert cache == "HIT", f"the home page is not a Varnish hit ({cache})"
            Path(root).chmod(0o755)  # nginx's workers run as another user
            Path(root, "index.html").write_bytes(html)
            Path(root, "nginx.conf").write_text(NGINX_CONF.format(root=root, port=NGINX_PORT))
            nginx = subprocess.Popen(
                [shutil.which("nginx") or "/usr/sbin/nginx", "-c", f"{root}/nginx.conf"],
                start_new_session=True,
            )
            nginx_url = f"http://127.0.0.1:{NGINX_PORT}/"
            assert wait_for(nginx_url) == html
            print(f"home page, {len(html):,} bytes; wrk -t2 -c8, {args.seconds} s × {args.rounds}")
            for keep_alive in (True, False):
                rates = {"varnish": [], "nginx": []}
                for _ in range(args.rounds):
                    for name, url in (("varnish", page), ("nginx", nginx_url)):
                        rate, p50, p99 = wrk(url, args.seconds, keep_alive)
                        rates[name].append(rate)
                        label = "keep-alive" if keep_alive else "new connection"
                        print(f"  {label:15} {name:8} {rate:10,.0f} req/s  p50 {p50}  p99 {p99}")
                varnish, ceiling = max(rates["varnish"]), max(rates["nginx"])
                middle = statistics.median(rates["varnish"]) / statistics.median(rates["nginx"])
                print(
                    f"{'keep-alive' if keep_alive else 'new connection per request'}: "
                    f"Varnish {varnish:,.0f} req/s = {varnish / ceiling:.0%} of nginx "
                    f"({ceiling:,.0f}), best rounds; medians {middle:.0%}"
                )
        finally:
            if nginx is not None:
                nginx.send_signal(signal.SIGQUIT)
                nginx.wait(10)
            shape.stop()
            time.sleep(0.1)


if __name__ == "__main__":
    main()
