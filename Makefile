# workshopkit: two commands for a newcomer.
#   make build   creates .venv, installs workshopkit, builds every sample curriculum into build/
#   make test    installs the test dependencies if needed and runs the whole suite, in parallel
PYTHON ?= python3
VENV   ?= .venv
BIN     = $(VENV)/bin
OUT    ?= build

.PHONY: build test clean bench schema help

help:
	@echo "make build   build every curriculum in curricula/ into $(OUT)/"
	@echo "make test    run the test suite"
	@echo "make bench   run the benchmark (installs pandoc from PyPI into .venv)"
	@echo "make schema  regenerate schema/*.schema.json"
	@echo "make clean   remove $(OUT)/ and caches"

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml setup.cfg | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.test-installed: pyproject.toml setup.cfg | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(VENV)/.installed $@

build: $(VENV)/.installed
	$(BIN)/workshopkit build curricula -o $(OUT)

# The suite starts workshopkit in many processes: with PYTHONDONTWRITEBYTECODE set, each of
# them would compile every module again, and pytest would rewrite every test module again on
# each run. The tests keep Python's bytecode caches (__pycache__/, ignored by git).
test: $(VENV)/.test-installed
	env -u PYTHONDONTWRITEBYTECODE $(BIN)/python -m pytest -n auto --dist worksteal

schema: $(VENV)/.installed
	$(BIN)/workshopkit schema > schema/curriculum.schema.json
	$(BIN)/workshopkit schema --catalog > schema/catalog.schema.json
	$(BIN)/workshopkit schema --project > schema/project.schema.json
	$(BIN)/workshopkit schema --theme > schema/theme.schema.json
	$(BIN)/workshopkit schema --survey > schema/survey.schema.json

clean:
	rm -rf $(OUT) .pytest_cache .hypothesis bench-out .setuptools-build

# Interface strings: re-extract every _("…") into workshopkit/i18n/locale/workshopkit.pot and
# update each workshopkit/i18n/locale/<lang>.po (then translate the empty and fuzzy entries).
# Start a new language with: make po NEW=de
.PHONY: po
po: $(VENV)/.installed
	$(BIN)/python -m workshopkit.i18n.catalogs $(foreach l,$(NEW),--new $(l))

bench: $(VENV)/.installed
	$(BIN)/python -m pip install --quiet 'pypandoc-binary>=1.13'
	$(BIN)/python bench/run.py --out bench-out
