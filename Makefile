# warta: the two commands of the README's quick start are `make demo` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
DB     ?= warta.db

.PHONY: demo test lint bench clean

# The environment is rebuilt when pyproject.toml changes.
$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[test]"
	touch $@

demo: $(VENV)/.installed  ## create the environment, ingest the demo corpus into $(DB), show it
	$(BIN)/warta demo --db $(DB)

test: $(VENV)/.installed  ## the whole test suite (tests needing ../shared skip without it)
	bash scripts/install-test-deps.sh
	$(BIN)/python -m pytest

bench: $(VENV)/.installed
	$(BIN)/python -m pip install --quiet -e ".[bench]"
	$(BIN)/python bench/ingest.py

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache $(DB) $(DB)-wal $(DB)-shm
