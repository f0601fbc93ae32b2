# The only entry points a newcomer needs. Each target sets up what it uses.
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp

.PHONY: run test bench lint

$(STAMP): pyproject.toml
	test -x $(BIN)/python || python3 -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/partnerup serve --demo

test: $(STAMP)
	$(BIN)/python -m pytest

bench: $(STAMP)
	$(BIN)/partnerup bench --out benchmarks/engine.md
	$(BIN)/python benchmarks/web.py --out benchmarks/web.md

lint: $(STAMP)
	$(BIN)/ruff check partnerup tests benchmarks
	$(BIN)/ruff format --check partnerup tests benchmarks
