# Two commands matter: `make lab` (set up and open the first notebook) and `make test` (set up and run every test).
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
SETTINGS := $(VENV)/.settings
PORT   ?= 8866
POOL   ?= 2
# What make explorer VOILA=1 serves: the explorer alone (NOTEBOOK=notebooks/06_explorer.ipynb serves the lesson).
NOTEBOOK ?= docs/class/explorer.ipynb
# The hub's proxy (configurable-http-proxy), from npm, installed from tools/class/package-lock.json.
PROXY  := tools/class/node_modules/.bin/configurable-http-proxy

.PHONY: setup class-deps lab test check explorer hub bench site handout terms notebooks question-bank scorm clean

# A .venv whose Python no longer runs (the Python it was made from was removed or upgraded) is made again.
ifeq ($(shell [ -d $(VENV) ] && ! $(BIN)/python -c '' >/dev/null 2>&1 && echo broken),broken)
$(info .venv's Python no longer runs (was the Python it was made from removed or upgraded?): making .venv again)
.PHONY: $(STAMP)
endif

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 10) else "mbc_atlas needs Python 3.10 or newer; run: make PYTHON=python3.x ...")'
	$(PYTHON) -m venv --clear $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[lab,test]'
	touch $@

# Lab's and the kernels' settings (tools/env_settings.py), written again when the tool changes.
$(SETTINGS): tools/env_settings.py $(STAMP)
	$(BIN)/python tools/env_settings.py
	touch $@

setup: $(STAMP) $(SETTINGS)

$(PROXY): tools/class/package.json tools/class/package-lock.json
	cd tools/class && npm ci --no-audit --no-fund --loglevel=error
	touch $@

# The hub test and `make hub` need the proxy; without npm the hub test is skipped and says why.
class-deps:
	@if command -v npm >/dev/null 2>&1; then $(MAKE) -s --no-print-directory $(PROXY); \
	else echo "npm not found: the JupyterHub test will be skipped (install Node.js to run it)."; fi

# Jupyter refuses to start as root (a container, WSL as root, a cloud VM) unless told --allow-root.
ALLOW_ROOT := $(if $(filter 0,$(shell id -u 2>/dev/null)),--allow-root)

lab: setup
	@echo "Starting JupyterLab. If no browser opens (a machine with no desktop), open the address it prints"
	@echo "below, http://127.0.0.1:8888/lab?token=..., in a browser. Stop it with Ctrl+C."
	$(BIN)/jupyter lab $(ALLOW_ROOT) notebooks/00_start_here.ipynb

test: setup class-deps
	$(BIN)/python -m pytest

check: setup
	$(BIN)/python -m mbc_atlas check

# The explorer for a room, with no kernel: the site's explorer, served on http://127.0.0.1:$(PORT)/ and made again
# when the data changes (tools/serve_explorer.py). VOILA=1 serves it through Voila instead, a kernel per student:
# preheated kernels, closed pages give their kernels back, idle ones are culled (docs/class/voila.py); POOL kernels
# wait ready; for a class, POOL=number of students (bench/README.md).
explorer: setup
ifeq ($(VOILA),1)
	$(BIN)/voila $(NOTEBOOK) --Voila.ip=127.0.0.1 --port=$(PORT) \
		--Voila.config_file_paths=docs/class --pool_size=$(POOL)
else
	$(BIN)/python tools/serve_explorer.py --port $(PORT)
endif

# A trial hub on http://127.0.0.1:8000 (settings: docs/class/jupyterhub_config.py); state kept in HUB_DIR (hub/).
# While it runs, HUB_DIR/jupyterhub.lock holds its process id: a second make hub says so and leaves it alone.
HUB_DIR ?= hub
hub: setup class-deps
	mkdir -p "$(HUB_DIR)"
	cd "$(HUB_DIR)" && "$(CURDIR)/$(BIN)/jupyterhub" -f "$(CURDIR)/docs/class/jupyterhub_config.py"

bench: setup class-deps
	$(BIN)/python tools/bench.py

# OUT=folder builds the site elsewhere (a read-only checkout); the default is site/.
site: setup
	$(BIN)/python tools/build_site.py $(if $(OUT),--out "$(OUT)")

# The self-check's questions and cases as question banks: Moodle XML and QTI 1.2 (Canvas), into OUT (question-bank/).
question-bank: setup
	$(BIN)/python -m mbc_atlas.render.question_bank --out "$(or $(OUT),question-bank)"

# A SCORM 1.2 package of the site for Moodle, Canvas or Blackboard: OUT (build/mbc_atlas_scorm12.zip), built afresh.
scorm: setup
	$(BIN)/python tools/build_scorm.py $(if $(OUT),--out "$(OUT)")

# scorm-again, the SCORM runtime that plays the LMS in the package's browser test (never in the package), from
# tools/scorm/package-lock.json; the test installs it the same way when it is missing.
SCORM_RUNTIME := tools/scorm/node_modules/scorm-again/dist/scorm12.min.js
$(SCORM_RUNTIME): tools/scorm/package.json tools/scorm/package-lock.json
	cd tools/scorm && npm ci --no-audit --no-fund --loglevel=error
	touch $@

handout: setup
	$(BIN)/python tools/build_handouts.py

# After editing a lesson's text or data/glossary.csv: explain each term where a lesson first uses it (in its text
# source, notebooks/src/), then make the notebooks again.
terms: setup
	$(BIN)/python tools/define_terms.py
	$(MAKE) --no-print-directory notebooks

# After editing a lesson (notebooks/src/NN_name.py), the data or lib/: make every notebook from its text source and
# run it, its outputs saved (what nbval compares); made twice, a notebook is the same file (tools/build_notebooks.py).
notebooks: setup
	$(BIN)/python tools/build_notebooks.py

clean:
	rm -rf $(VENV) site handouts .pytest_cache tools/class/node_modules
