# The only entry points a newcomer needs. Each target sets up what it uses.
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp

.PHONY: run test bench lint messages

$(STAMP): pyproject.toml
	test -x $(BIN)/python || python3 -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/partnerup serve --demo

# The tests need two Debian packages; each is installed when missing (root or sudo).
define apt_install
	@echo "Installing Debian's $(1) for the tests..."
	if [ "$$(id -u)" = 0 ]; then SUDO=; \
	elif command -v sudo >/dev/null; then SUDO=sudo; \
	else echo "The tests need Debian's $(1): apt-get install $(1) (as root)"; exit 1; fi; \
	$$SUDO apt-get update -qq && \
	$$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $(1)
endef

# Browser tests drive Debian's Chromium.
CHROMIUM := /usr/bin/chromium

$(CHROMIUM):
	$(call apt_install,chromium)

# The translation tests extract and compile catalogues with GNU gettext.
MSGFMT := /usr/bin/msgfmt

$(MSGFMT):
	$(call apt_install,gettext)

test: $(STAMP) $(CHROMIUM) $(MSGFMT)
	$(BIN)/python -m pytest

# After changing words the app shows: refresh every catalogue (partnerup/locale), then
# translate the new entries and run it again to compile them. The compiled .mo files are
# committed, so `make run` needs no gettext tools; a test checks they match the .po files.
messages: $(STAMP) $(MSGFMT)
	cd partnerup && ../$(BIN)/python ../manage.py makemessages --all --no-location --no-obsolete --no-wrap
	cd partnerup && ../$(BIN)/python ../manage.py compilemessages

bench: $(STAMP)
	$(BIN)/partnerup bench --out benchmarks/engine.md
	$(BIN)/python benchmarks/web.py --out benchmarks/web.md
	$(BIN)/python benchmarks/web.py --size 60 --classes 10 --repeats 10 --out benchmarks/web-60.md
	$(BIN)/python benchmarks/generate_cap.py --out benchmarks/generate_cap.md
	$(BIN)/python benchmarks/import_preview.py --out benchmarks/import_preview.md
	$(BIN)/python benchmarks/import_xlsx.py --out benchmarks/import_xlsx.md
	$(BIN)/python benchmarks/import_oneroster.py --out benchmarks/import_oneroster.md
	$(BIN)/python benchmarks/feasibility.py --out benchmarks/feasibility.md
	$(BIN)/python benchmarks/rotation.py --out benchmarks/rotation.md
	$(BIN)/python benchmarks/support_pages.py --out benchmarks/support_pages.md
	# needs PostgreSQL (it re-makes the database partnerup_load): see benchmarks/load.py
	$(BIN)/python benchmarks/load.py --out benchmarks/load.md

lint: $(STAMP)
	$(BIN)/ruff check partnerup tests benchmarks
	$(BIN)/ruff format --check partnerup tests benchmarks
	$(BIN)/mypy --strict partnerup/engine
