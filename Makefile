# Xen or KVM? — `make run` serves the site, `make test` runs every test. Both set everything up first.
SHELL := /bin/bash
.DEFAULT_GOAL := help

PORT ?= 8000
VENV := .venv
PY := $(VENV)/bin/python
STAMPS := .stamps
DATABASE_URL_PG ?= postgres://postgres@127.0.0.1:5432/test
REDIS_URL_TEST ?= redis://127.0.0.1:6379/15
PYTEST_ARGS ?=
AUDIT_ARGS ?=
# pytest-xdist: one test process per core (WORKERS=0 runs the suite in this process). Tests that
# share an expensive set-up (one server, the collected static files) carry an xdist_group mark and
# stay together on one worker.
WORKERS ?= auto
XDIST = -n $(WORKERS) --dist loadgroup

.PHONY: help setup chromium run dev test test-fast test-postgres cluster test-cluster ci check deploy-check fix format-check bench screenshots audit admin messages makemessages static lint clean

help:  ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-14s %s\n", $$1, $$2}'

# --- set-up steps, each redone only when its inputs change -------------------------------------

$(PY):
	@python=$$(bin/find-python) || exit 1; echo "Using $$python"; "$$python" -m venv $(VENV)

$(STAMPS)/requirements: $(PY) requirements.txt requirements-test.txt | $(STAMPS) .secret_key
	$(PY) -m pip install --quiet --disable-pip-version-check --upgrade pip
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements-test.txt
	@touch $@

$(STAMPS)/node: package.json package-lock.json | $(STAMPS)
	@command -v npm >/dev/null || { echo "npm is needed to build the stylesheet: apt-get install npm"; exit 1; }
	npm ci --no-audit --no-fund --loglevel=error
	@touch $@

build/static/css/site.css: $(STAMPS)/node $(shell find static/scss -name '*.scss')
	npm run --silent build:css

$(STAMPS)/gettext: | $(STAMPS)
	@command -v msgfmt >/dev/null || { apt-get update -qq && apt-get install -y -qq gettext; }
	@touch $@

$(STAMPS):
	@mkdir -p $@

# This machine's own random SECRET_KEY, git-ignored: `make run` needs nothing set, and the site
# refuses to start without one rather than fall back to a key everyone can read.
.secret_key: | $(PY)
	@umask 077 && $(PY) -c "import secrets; print(secrets.token_urlsafe(50))" > $@

PO_FILES := $(wildcard locale/*/LC_MESSAGES/django.po)
MO_FILES := $(PO_FILES:.po=.mo)

locale/%/LC_MESSAGES/django.mo: locale/%/LC_MESSAGES/django.po $(STAMPS)/requirements $(STAMPS)/gettext
	@$(PY) manage.py compilemessages --locale=$* --ignore=.venv --ignore=node_modules -v0

messages: $(MO_FILES)  ## Compile the translation catalogues

# Collecting compresses every file (gzip and brotli): redo it only when a static file changed.
$(STAMPS)/static: $(STAMPS)/requirements build/static/css/site.css $(shell find static -type f -not -path 'static/scss/*')
	@echo "Collecting static files"
	@$(PY) manage.py collectstatic --noinput --clear --ignore=scss -v0
	@touch $@

static: $(STAMPS)/static  ## Build the stylesheet and collect static files

setup: $(STAMPS)/requirements messages static  ## Everything `run` and `test` need
	@$(PY) manage.py migrate --noinput -v0
	@$(PY) manage.py seed

chromium:
	@test -x /usr/bin/chromium || { echo "Installing Chromium for the browser tests"; apt-get update -qq && apt-get install -y -qq chromium; }

# --- the two commands ---------------------------------------------------------------------------

run: setup  ## Serve the site on http://127.0.0.1:$(PORT) (DEBUG off, static files by whitenoise)
	@echo "Serving on http://127.0.0.1:$(PORT)/  (Ctrl+C stops)"
	@$(VENV)/bin/gunicorn config.wsgi -c gunicorn.conf.py --bind 127.0.0.1:$(PORT)

test: setup chromium check  ## Run the checks and the whole suite, browser tests included
	$(VENV)/bin/pytest $(XDIST) $(PYTEST_ARGS)

test-fast: setup check  ## The checks and every test but the browser ones
	$(VENV)/bin/pytest -m "not browser" $(XDIST) $(PYTEST_ARGS)

check: $(STAMPS)/requirements  ## ruff, ruff format, mypy, the migrations check, check --deploy and djade
	@$(VENV)/bin/ruff check --quiet .
	@$(VENV)/bin/ruff format --check --quiet .
	@$(VENV)/bin/mypy --no-error-summary .
	@$(PY) manage.py makemigrations --check --dry-run -v0
	@$(MAKE) --no-print-directory deploy-check
	@$(VENV)/bin/djade --check --target-version 6.1 $(TEMPLATES)

# --- more ---------------------------------------------------------------------------------------

deploy-check: $(STAMPS)/requirements  ## Django's deployment checks with the production settings: no warning allowed
	@DEBUG=0 SECURE_SSL=1 ALLOWED_HOSTS=xen-or-kvm.example SECRET_KEY="$$($(PY) -c 'import secrets; print(secrets.token_urlsafe(50))')" \
		$(PY) manage.py check --deploy --fail-level WARNING

# The browser tests see the database only through the pages `make test` already checked.
# In one process: every test empties the cache, and on Redis that empties it for all workers.
test-postgres: setup  ## The tests that use the database or the cache, against PostgreSQL and Redis
	DATABASE_URL=$(DATABASE_URL_PG) REDIS_URL=$(REDIS_URL_TEST) $(VENV)/bin/pytest -m "database and not browser" $(PYTEST_ARGS)

# The production shape on this machine: nginx, two instances, PostgreSQL and Redis.
CLUSTER_PORT ?= 8000

$(STAMPS)/nginx: | $(STAMPS)
	@test -x /usr/sbin/nginx || { echo "Installing nginx"; apt-get update -qq && apt-get install -y -qq nginx-light || apt-get install -y -qq nginx; }
	@touch $@

$(STAMPS)/wrk: | $(STAMPS)
	@test -x /usr/bin/wrk || { echo "Installing wrk"; apt-get update -qq && apt-get install -y -qq wrk; }
	@touch $@

cluster: setup $(STAMPS)/nginx  ## nginx on :$(CLUSTER_PORT) in front of two instances on PostgreSQL and Redis
	DATABASE_URL=$(DATABASE_URL_PG) REDIS_URL=$(REDIS_URL_TEST) $(PY) deploy/cluster.py --port $(CLUSTER_PORT)

test-cluster: setup $(STAMPS)/nginx  ## Kill an instance under load, edit through one and read through the other, slow clients
	CLUSTER_TESTS=1 CLUSTER_PORT=$(CLUSTER_PORT) DATABASE_URL=$(DATABASE_URL_PG) REDIS_URL=$(REDIS_URL_TEST) \
		$(VENV)/bin/pytest -s tests/cluster

ci: test test-postgres test-cluster  ## What CI runs

dev: setup  ## Development server with DEBUG on and auto-reload
	DEBUG=1 $(PY) manage.py runserver 127.0.0.1:$(PORT)

admin: setup  ## Create an account for /admin/ (asks for a name and a password)
	$(PY) manage.py createsuperuser

bench: setup $(STAMPS)/wrk  ## Speed figures: each page against a bare WSGI app on the same gunicorn (BENCH_ARGS="--only served --page verdict" for a part)
	$(PY) bench/run.py $(BENCH_ARGS)

screenshots: setup chromium  ## PNGs of every page, phone and desktop, in each language, into screenshots/ (THEME=dark)
	$(PY) bench/screenshots.py $(if $(THEME),--theme=$(THEME))

# Lighthouse has its own package.json: `make test` never installs it (185 MB), only `make audit`.
$(STAMPS)/lighthouse: bench/lighthouse/package.json bench/lighthouse/package-lock.json | $(STAMPS)
	@command -v npm >/dev/null || { echo "npm is needed for Lighthouse: apt-get install npm"; exit 1; }
	npm ci --prefix bench/lighthouse --no-audit --no-fund --loglevel=error
	@touch $@

audit: setup chromium $(STAMPS)/lighthouse  ## Lighthouse scores of key pages in each language (AUDIT_ARGS=--preset=desktop)
	$(PY) bench/audit.py $(AUDIT_ARGS)

makemessages: $(STAMPS)/requirements  ## Refresh the .po catalogues from the code
	$(PY) manage.py makemessages -l ru -l es --no-location --no-wrap --no-obsolete --ignore=.venv --ignore=node_modules --ignore=build --ignore=staticfiles

lint: $(STAMPS)/requirements  ## ruff
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

TEMPLATES := $(shell find templates */templates -name '*.html' 2>/dev/null)

fix: $(STAMPS)/requirements  ## Apply the formatters: ruff --fix, ruff format, djade on the templates
	$(VENV)/bin/ruff check --fix --quiet .
	$(VENV)/bin/ruff format --quiet .
	@# djade exits 1 when it rewrote a file: check that the result is now stable instead.
	@$(VENV)/bin/djade --target-version 6.1 $(TEMPLATES) || $(VENV)/bin/djade --check --target-version 6.1 $(TEMPLATES)

format-check: $(STAMPS)/requirements  ## Would `make fix` change a template? (djade --check)
	$(VENV)/bin/djade --check --target-version 6.1 $(TEMPLATES)

clean:  ## Remove everything the set-up made (the database included)
	rm -rf $(VENV) $(STAMPS) .mypy_cache node_modules build staticfiles db.sqlite3 locale/*/LC_MESSAGES/*.mo
