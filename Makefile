# Two commands matter: `make lab` (set up and open the first notebook) and `make test` (set up and run every test).
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
PORT   ?= 8866

.PHONY: setup lab test check explorer bench site clean

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 10) else "mbc_atlas needs Python 3.10 or newer; run: make PYTHON=python3.x ...")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	$(BIN)/python tools/quiet_lab.py
	touch $@

setup: $(STAMP)

lab: setup
	$(BIN)/jupyter lab notebooks/00_start_here.ipynb

test: setup
	$(BIN)/python -m pytest

check: setup
	$(BIN)/python -m mbc_atlas check

explorer: setup
	$(BIN)/voila notebooks/06_explorer.ipynb --Voila.ip=127.0.0.1 --port=$(PORT)

bench: setup
	$(BIN)/python tools/bench.py

site: setup
	$(BIN)/python tools/build_site.py

clean:
	rm -rf $(VENV) site .pytest_cache
