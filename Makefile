# The two commands of the README: `make run` and `make test`. Both install what they need and are
# quick the second time (packages are installed again only when pyproject.toml or requirements.lock change).
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-$(shell $(PYTHON) -c "import hashlib;print(hashlib.sha1(open('pyproject.toml','rb').read()+open('requirements.lock','rb').read()).hexdigest()[:12])")
CHROMIUM ?= /usr/bin/chromium

.PHONY: run test smoke fuzz bench load install browser lint format messages clean-db node-tools design-assets audit

run: install
	$(PY) -m icc_portal.devserver

test: install browser
	$(PY) -m pytest $(PYTEST_ARGS)

# The production path: docker-compose.yml's web (gunicorn, DEBUG=0), worker and beat started natively on this
# machine's PostgreSQL and Redis (SMOKE_DATABASE_URL, SMOKE_REDIS_URL), then used over HTTP (tests/production).
smoke: install
	$(PY) -m pytest -m production tests/production $(PYTEST_ARGS)

# The API fuzzed for longer than `make test` does (tests/security/test_schemathesis.py): FUZZ_EXAMPLES per operation.
fuzz: install
	FUZZ_EXAMPLES=$${FUZZ_EXAMPLES:-200} $(PY) -m pytest tests/security/test_schemathesis.py $(PYTEST_ARGS)

bench: install
	$(PY) -m bench $(BENCH_ARGS)

# gunicorn + a Celery worker on 100,000 practices, driven by locust for 60 s (load/run.py, docs/performance.md).
load: install
	$(PY) -m load $(LOAD_ARGS)

install: $(STAMP)

$(STAMP): pyproject.toml requirements.lock
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]' -c requirements.lock
	@rm -f $(VENV)/.installed-*
	@touch $@

# Browser tests drive Debian's Chromium; install it where it is missing and this machine allows it.
browser:
	@if [ ! -x "$(CHROMIUM)" ]; then \
	  if [ "$$(id -u)" = "0" ] && command -v apt-get >/dev/null; then \
	    echo "Installing Debian's chromium for the browser tests"; \
	    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) \
	      || echo "Could not install chromium: the browser tests will fail."; \
	  else echo "No $(CHROMIUM) and no way to install it here: the browser tests will fail."; fi; \
	fi

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: install
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

# Needs GNU gettext; the compiled .mo files are committed so that a fresh machine does not.
messages: install
	$(PY) manage.py makemessages -l fr --ignore '.venv/*' --ignore 'var/*'
	$(PY) manage.py compilemessages --ignore '.venv/*'

# Build-time node tools (GOV.UK Frontend, Sass, the world atlas, Lighthouse, axe-core) from the npm registry, pinned by
# frontend/package-lock.json. Nothing of node runs in production: the built files are committed under static/.
NODE_MODULES := frontend/node_modules/.package-lock.json
node-tools: $(NODE_MODULES)
$(NODE_MODULES): frontend/package.json frontend/package-lock.json
	cd frontend && npm ci --no-audit --no-fund --ignore-scripts
	@touch $@

# Refreshes the vendored design system (static/vendor/govuk-frontend), the portal's compiled stylesheet and the map's
# country shapes from the npm packages. Run it after changing frontend/package.json or frontend/scss/.
design-assets: node-tools
	node frontend/build.mjs

# Lighthouse (mobile) and axe-core against a production-like portal on the demo data (port 8123, never 8000);
# prints the table and keeps it in docs/accessibility.md. AUDIT_ARGS="--base-url http://127.0.0.1:81xx" audits a
# portal that is already running.
audit: install browser node-tools
	$(PY) -m icc_portal.audit --output docs/accessibility.md $(AUDIT_ARGS)
