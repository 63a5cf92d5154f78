# One task runner, the same verbs everywhere: demo, test, lint, fix, bench.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-$(shell sha1sum pyproject.toml | cut -c1-12)

.PHONY: demo test lint fix bench bench-api serve docs clean

$(STAMP): pyproject.toml
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -e '.[dev,spark,bench]'
	@bash .ci/system-deps
	@rm -f $(VENV)/.installed-* && touch $@

demo: $(STAMP)
	$(VENV)/bin/hitex demo

lint: $(STAMP)
	$(VENV)/bin/ruff check src tests bench docs
	$(VENV)/bin/ruff format --check src tests bench docs
	$(VENV)/bin/mypy

test: lint
	$(PY) -m pytest -n 2 --dist loadgroup -q

fix: $(STAMP)
	$(VENV)/bin/ruff check --fix src tests bench docs
	$(VENV)/bin/ruff format src tests bench docs

bench: $(STAMP)
	$(PY) -m bench
	$(PY) -m bench.report_doc

bench-api: $(STAMP)
	$(PY) -m bench.api_load

serve: $(STAMP)
	$(VENV)/bin/hitex serve

docs: $(STAMP)
	$(PY) docs/cli_reference.py

clean:
	rm -rf $(VENV) hitex-demo .pytest_cache .mypy_cache .ruff_cache
