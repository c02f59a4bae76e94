# Two commands for a newcomer: `make run` and `make test`. Everything else is plumbing.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-$(shell cksum < pyproject.toml | cut -d' ' -f1)
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: setup run test bench lint migrate backup restore

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11+ is needed")'
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check --upgrade pip
	$(PY) -m pip install --quiet --disable-pip-version-check -e ".[dev]"
	rm -f $(VENV)/.installed-*
	touch $@

# The board's announcement clips are built, not committed: again whenever their words change.
AUDIO_STAMP := static/announcement/.built
AUDIO_SOURCES := counters/queue/speech.py counters/queue/announcement_audio.py

$(AUDIO_STAMP): $(STAMP) $(AUDIO_SOURCES)
	@if $(PY) manage.py build_announcement_audio; then touch $@; \
	else echo "warning: no announcement clips, the display board stays silent" \
	  "(apt-get install espeak-ng opus-tools, then make setup)"; fi

# Bootstrap's stylesheet cut to the classes in use, built from the package (never committed):
# at every set-up, as any template may have changed; rewritten only when it differs.
setup: $(STAMP) $(AUDIO_STAMP)
	@$(PY) manage.py build_css >/dev/null

migrate: setup
	$(PY) manage.py migrate --no-input

run: migrate
	$(PY) manage.py seed_demo --always-open
	$(PY) manage.py serve --bind $(HOST):$(PORT)

test: setup
	$(PY) -m pytest $(PYTEST_ARGS)

lint: setup
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .

# The pages need the set-up's stylesheet; the load generator is wrk and the shared cache
# Redis, as in production: Debian packages installed the way .ci/run installs the suite's.
bench: setup
	@command -v wrk >/dev/null 2>&1 && command -v redis-server >/dev/null 2>&1 || \
	  { apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk redis-server >/dev/null; }
	$(PY) tests/bench/run.py

backup: migrate
	$(PY) manage.py backup_db $(if $(FILE),--output $(FILE))

restore: setup
	@test -n "$(FILE)" || (echo "usage: make restore FILE=backups/mpp-....dump" && exit 2)
	$(PY) manage.py restore_db $(FILE)
