# Two commands do all set-up on a fresh machine with Python >= 3.11:
#   make demo   creates .venv, installs kg, ingests examples/ into a fresh store, prints who met
#               Bessent and writes exports/graph.html
#   make test   creates or updates .venv, runs ruff and pytest
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STORE ?= kg-store

.PHONY: demo test lint clean

$(BIN)/kg: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	@touch $(BIN)/kg

demo: $(BIN)/kg
	rm -rf $(STORE)
	$(BIN)/kg --store $(STORE) ingest examples/
	$(BIN)/kg --store $(STORE) who-met-whom Bessent
	$(BIN)/kg --store $(STORE) html -o exports/graph.html

lint: $(BIN)/kg
	$(BIN)/ruff check kg tests benchmarks
	$(BIN)/ruff format --check kg tests benchmarks

test: $(BIN)/kg
	$(BIN)/ruff check kg tests benchmarks
	$(BIN)/python -m pytest

clean:
	rm -rf $(VENV) $(STORE) exports/*.html
