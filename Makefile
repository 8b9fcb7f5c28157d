# The two commands: `make run` (set up and serve on SQLite) and `make test` (set up and test).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed
DEV_INSTALLED := $(VENV)/.installed-dev
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: install install-dev setup run test lint format browser

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(INSTALLED): requirements.txt | $(BIN)/python
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $(INSTALLED)

# Korean for the admin strings Wagtail's catalogue lacks: locale/ko/LC_MESSAGES/django.po and,
# for the admin's scripts (sidebar, StreamField), djangojs.po.
MESSAGES := locale/ko/LC_MESSAGES/django.mo locale/ko/LC_MESSAGES/djangojs.mo
locale/ko/LC_MESSAGES/%.mo: locale/ko/LC_MESSAGES/%.po $(INSTALLED)
	$(BIN)/pybabel compile --domain $* --directory locale --locale ko --statistics

# Tests and tools (pytest, Playwright, ruff, fonttools) on top of the runtime requirements.
$(DEV_INSTALLED): requirements-dev.txt requirements.txt $(INSTALLED)
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	touch $(DEV_INSTALLED)

install: $(INSTALLED) $(MESSAGES)

install-dev: install $(DEV_INSTALLED)

setup: install
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py load_clinic_content
	$(BIN)/python manage.py ensure_dev_admin --address $(HOST):$(PORT)

# The scheduler (scheduled publishing) runs beside the dev server and stops with it.
run: setup
	$(BIN)/python manage.py run_scheduler & scheduler=$$!; \
	trap 'kill $$scheduler 2>/dev/null; wait $$scheduler 2>/dev/null' EXIT INT TERM; \
	$(BIN)/python manage.py runserver $(HOST):$(PORT)

test: install-dev browser vnu lint
	$(BIN)/pytest $(PYTEST_ARGS)

# ruff (pyproject.toml) for Python, djhtml for template indentation; `make format` rewrites.
lint: install-dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/djhtml --check templates

format: install-dev
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .
	$(BIN)/djhtml templates

# The browser tests drive Debian's Chromium (never a downloaded browser); Hangul needs Noto CJK.
browser:
	@command -v chromium >/dev/null 2>&1 && fc-list 2>/dev/null | grep -qi "Noto Sans CJK" || { \
	  if [ "$$(id -u)" = 0 ]; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-cjk >/dev/null; \
	  else \
	    echo "브라우저 테스트에 필요합니다: sudo apt-get install chromium fonts-noto-cjk"; exit 1; \
	  fi; }

# The Nu HTML Checker for tests/test_markup.py: npm's vnu-jar (the current vnu.jar) in .cache/vnu.
VNU_VERSION ?= 26.9.27
VNU_JAR := .cache/vnu/node_modules/vnu-jar/build/dist/vnu.jar
.PHONY: vnu
vnu: $(VNU_JAR)
$(VNU_JAR):
	@command -v java >/dev/null 2>&1 && command -v npm >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ]; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq default-jre-headless npm >/dev/null; \
	  else \
	    echo "HTML 검사에 필요합니다: sudo apt-get install default-jre-headless npm"; exit 1; \
	  fi; }
	mkdir -p .cache/vnu
	npm install --prefix .cache/vnu --no-audit --no-fund --loglevel=error --save-exact vnu-jar@$(VNU_VERSION)
	touch $(VNU_JAR)

.PHONY: bench
bench: install-dev
	@command -v wrk >/dev/null || (apt-get update -qq && apt-get install -y -qq wrk)
	@command -v nginx >/dev/null || apt-get install -y -qq nginx-light || true
	$(BIN)/python tests/benchmarks/serve_bench.py $(BENCH_ARGS)

# The production shape on this machine until Ctrl-C (README "Production"): Varnish on :8300 →
# two gunicorn app servers → PostgreSQL (its own database) and Redis, plus the scheduler.
.PHONY: prod-local
prod-local: install
	@command -v varnishd >/dev/null || test -x /usr/sbin/varnishd || { \
	  if [ "$$(id -u)" = 0 ]; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq varnish >/dev/null; \
	  else \
	    echo "운영 구성에 필요합니다: sudo apt-get install varnish"; exit 1; \
	  fi; }
	$(BIN)/python deploy/prod_local.py $(PROD_LOCAL_ARGS)

# Varnish hits against nginx serving the same saved HTML (deploy/bench_front.py; README "Production").
.PHONY: bench-front
bench-front: install
	@command -v varnishd >/dev/null || test -x /usr/sbin/varnishd || apt-get install -y -qq varnish
	@command -v wrk >/dev/null || (apt-get update -qq && apt-get install -y -qq wrk)
	@command -v nginx >/dev/null || test -x /usr/sbin/nginx || apt-get install -y -qq nginx-light
	$(BIN)/python -m deploy.bench_front $(BENCH_ARGS)

# Search quality and speed (search/eval/queries.json): recall@3, then search and suggestion
# p50/p95 latency with 1,000 generated pages added for the measurement and rolled back after.
# SQLite first, then PostgreSQL; each in its own database (made and loaded if missing).
SEARCH_EVAL_SQLITE ?= sqlite:///$(CURDIR)/var/search-eval.sqlite3
SEARCH_EVAL_POSTGRES ?= postgres://postgres@127.0.0.1:5432/nbsite_search_eval
SEARCH_EVAL_ARGS ?= --pages 1000 --min-recall 0.95 --http
.PHONY: search-eval
search-eval: install-dev
	@mkdir -p var
	DJANGO_SETTINGS_MODULE=nbsite.settings.test DATABASE_URL=$(SEARCH_EVAL_SQLITE) \
		$(BIN)/python manage.py search_eval --setup $(SEARCH_EVAL_ARGS)
	DJANGO_SETTINGS_MODULE=nbsite.settings.test DATABASE_URL=$(SEARCH_EVAL_POSTGRES) \
		$(BIN)/python manage.py search_eval --setup $(SEARCH_EVAL_ARGS)

# Backups (README "Backups"): one dated archive of the database and media files; bring one back
# with `make restore FILE=var/backups/nbsite-….tar.gz` (REPLACE=1 to overwrite a database in use).
.PHONY: backup restore
backup: install
	$(BIN)/python manage.py backup_site $(if $(BACKUP_DIR),--dir $(BACKUP_DIR))

restore: install
	@test -n "$(FILE)" || { echo "사용법: make restore FILE=var/backups/nbsite-….tar.gz [REPLACE=1]"; exit 2; }
	$(BIN)/python manage.py restore_site "$(FILE)" $(if $(REPLACE),--replace)
