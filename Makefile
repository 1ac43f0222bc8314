# Siaran: `make run` serves the application, `make test` runs the tests. Both do all the set-up.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
FLASK := $(VENV)/bin/flask --app wsgi
STAMP := $(VENV)/.installed-$(shell cat requirements.txt requirements-dev.txt | cksum | cut -d' ' -f1)
CATALOGS := $(wildcard press/translations/*/LC_MESSAGES/messages.po)
COMPILED := $(CATALOGS:.po=.mo)
HOST ?= 127.0.0.1
PORT ?= 5000
# Both cores (pytest-xdist); the browser tests stay together on one worker (docs/testing.md).
TEST_WORKERS ?= auto
PYTEST := $(PY) -m pytest -n $(TEST_WORKERS) --dist loadgroup
FAST_TESTS := -m "not browser and not postgres and not faults and not redis and not objectstore and not nodes"
# The suite on a throw-away PostgreSQL server (tests/pg_server.py), without what gives nothing new
# there: the browser and corpus tests, those with no database, those already on their own PostgreSQL
# (the postgres tests and the two-node test), and the Redis queue's and the object store's own tests
# (docs/testing.md, "PostgreSQL").
POSTGRES_TESTS := -m "not browser and not corpus and not no_database and not postgres and not nodes and not redis and not objectstore"

.PHONY: run test test-fast test-postgres planted mutate fuzz system-packages bench setup install translations i18n-update clean

# The job worker (embargo clock, search index) runs beside the web server and stops with it.
run: setup
	@export PRESS_ENV=$${PRESS_ENV:-development} PRESS_SITE_URL=$${PRESS_SITE_URL:-http://$(HOST):$(PORT)}; \
	$(FLASK) worker & worker=$$!; \
	trap 'kill $$worker 2>/dev/null; wait $$worker' EXIT INT TERM; \
	$(FLASK) run --host $(HOST) --port $(PORT)

setup: install translations
	PRESS_ENV=$${PRESS_ENV:-development} $(FLASK) setup

test: system-packages install translations
	$(PYTEST) $(PYTEST_ARGS)

test-fast: system-packages install translations  ## the inner loop: no browser, PostgreSQL, Redis, object-store or fault tests
	$(PYTEST) $(FAST_TESTS) $(PYTEST_ARGS)

test-postgres: system-packages install translations
	$(PY) -m tests.pg_server $(PYTEST) $(POSTGRES_TESTS) $(PYTEST_ARGS)

system-packages:  ## Chromium, LibreOffice, PostgreSQL... when missing (root and apt-get), else the command to run
	tools/system-packages

# Each planted bug of tests/planted/ applied to a scratch copy; fails if the tests it names miss it (docs/testing.md).
planted: install translations
	$(PY) tools/planted.py $(PLANTED)

# Mutation testing (mutmut) of the modules where a bug is a breach or a loss, each with the fast tests
# guarding it (tools/mutate.toml), on a scratch copy; MUTATE="permissions ..." for some (docs/testing.md).
mutate: install translations
	$(PY) -m pip install --quiet -r requirements-mutate.txt
	$(PY) tools/mutate.py $(MUTATE)

# The URL-map fuzz test at length: FUZZ_EXAMPLES examples per rule, method and role (make test runs 10).
fuzz: install translations
	FUZZ_EXAMPLES=$${FUZZ_EXAMPLES:-500} $(PY) -m pytest tests/badinput/test_url_map_fuzz.py -q $(PYTEST_ARGS)

bench: install translations
	tools/system-packages --bench
	$(PY) -m pip install --quiet -r requirements-bench.txt
	@for b in bench/*.py; do echo "== $$b"; $(PY) $$b || exit 1; done

install: $(STAMP)

$(STAMP): requirements.txt requirements-dev.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements-dev.txt
	rm -f $(VENV)/.installed-*
	touch $@

translations: install $(COMPILED)

%.mo: %.po
	$(VENV)/bin/pybabel compile --use-fuzzy -i $< -o $@

i18n-update: install  ## prefer tools/translate.py, which also fills translations
	$(VENV)/bin/pybabel extract -F babel.cfg -k _l -k N_ --no-location -o press/translations/messages.pot .
	$(VENV)/bin/pybabel update -i press/translations/messages.pot -d press/translations --no-fuzzy-matching

clean:
	rm -rf $(VENV) .pytest_cache test-output
