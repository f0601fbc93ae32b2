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

# Browser tests drive Debian's Chromium; install it when missing (root or sudo).
CHROMIUM := /usr/bin/chromium

$(CHROMIUM):
	@echo "Installing Debian's Chromium for the browser tests..."
	if [ "$$(id -u)" = 0 ]; then SUDO=; \
	elif command -v sudo >/dev/null; then SUDO=sudo; \
	else echo "Browser tests need Debian's chromium: apt-get install chromium (as root)"; exit 1; fi; \
	$$SUDO apt-get update -qq && \
	$$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium

test: $(STAMP) $(CHROMIUM)
	$(BIN)/python -m pytest

bench: $(STAMP)
	$(BIN)/partnerup bench --out benchmarks/engine.md
	$(BIN)/python benchmarks/web.py --out benchmarks/web.md
	$(BIN)/python benchmarks/web.py --size 60 --classes 10 --repeats 10 --out benchmarks/web-60.md
	$(BIN)/python benchmarks/generate_cap.py --out benchmarks/generate_cap.md
	$(BIN)/python benchmarks/import_preview.py --out benchmarks/import_preview.md
	$(BIN)/python benchmarks/import_xlsx.py --out benchmarks/import_xlsx.md
	$(BIN)/python benchmarks/feasibility.py --out benchmarks/feasibility.md
	$(BIN)/python benchmarks/rotation.py --out benchmarks/rotation.md

lint: $(STAMP)
	$(BIN)/ruff check partnerup tests benchmarks
	$(BIN)/ruff format --check partnerup tests benchmarks
