# The two commands of the README: `make run` (load the seeds into the embedded engine and serve the API
# on 127.0.0.1:8000) and `make test`. Both set up what they need on a fresh Debian machine first.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test setup tools

$(BIN)/landscape: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(BIN)/landscape

setup: $(BIN)/landscape tools

# Graphviz's `dot` renders the diagrams; Debian's package is installed when it is missing.
tools:
	@command -v dot >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq graphviz >/dev/null; \
	  else sudo apt-get update -qq && sudo apt-get install -y -qq graphviz >/dev/null; fi; }

run: setup
	$(BIN)/landscape load --reset
	$(BIN)/landscape serve --host $(HOST) --port $(PORT)

test: setup
	$(BIN)/ruff check graph api loaders tests benchmarks
	$(BIN)/mypy loaders graph api
	$(BIN)/pytest
