# The two commands a newcomer needs are `make serve` and `make test` (see README.md).
# Everything else here is a helper they call, or a tool for editors and maintainers.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
# Material 9.7+ prints an end-of-life notice on every build; it is not for our editors.
export NO_MKDOCS_2_WARNING := 1
# The engine that builds and serves: MkDocs, or its drop-in fork ProperDocs
# (`make build ENGINE=properdocs`; README, "Maintenance").
ENGINE ?= mkdocs
ENGINES := mkdocs properdocs
ifneq ($(words $(filter $(ENGINES),$(ENGINE))),1)
$(error ENGINE must be one of: $(ENGINES) (not "$(ENGINE)"))
endif

.PHONY: serve build offline test check status bench compare-engines lock clean new-country new-material diff-facts materials browser verification-sheet map-geometry node-tools edit

# The virtual environment is rebuilt whenever the pinned requirements change.
$(BIN)/.installed: requirements.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

# The site includes the form editor at /admin/ (Decap CMS, from the npm packages): it needs
# `node-tools` first, and stops with a clear message if Decap's script is missing.
DECAP_SCRIPT := node_modules/decap-cms/dist/decap-cms.js
define need-decap
	@test -f $(DECAP_SCRIPT) || { echo "Falta $(DECAP_SCRIPT): ejecuta «make node-tools» (npm) / $(DECAP_SCRIPT) is missing: run 'make node-tools' (npm)" >&2; exit 1; }
endef

serve: $(BIN)/.installed node-tools
	$(need-decap)
	$(BIN)/$(ENGINE) serve --livereload --dev-addr 127.0.0.1:8000

# The form editor on this machine, with no account: http://127.0.0.1:8000/admin/ writes to
# the files of this working tree (Decap's local backend, decap-server, at EDIT_PORT) while
# the site rebuilds live. Ctrl-C stops both.
EDIT_PORT ?= 8081
edit: $(BIN)/.installed node-tools
	$(need-decap)
	$(BIN)/python scripts/edit.py --port $(EDIT_PORT) --engine $(ENGINE)

# The published site includes the offline bundle (made first, then linked from every page).
build: $(BIN)/.installed node-tools offline
	$(need-decap)
	$(BIN)/$(ENGINE) build --strict

offline: $(BIN)/.installed
	$(BIN)/python scripts/make_offline.py --engine $(ENGINE)

check: $(BIN)/.installed
	$(BIN)/python -m hooks.sitegen.check

# Chromium from Debian's packages, for the browser tests (installs only as root).
browser:
	bash scripts/ensure-chromium.sh

test: $(BIN)/.installed browser node-tools
	$(BIN)/python -m pytest

# The npm packages pinned in package-lock.json (Decap CMS and decap-server for the form
# editor; mapshaper for the map outlines and their tests; Lighthouse for the accessibility
# budget test), installed again whenever the lock file changes.
node-tools: node_modules/.installed
node_modules/.installed: package-lock.json
	npm ci --no-audit --no-fund --ignore-scripts --loglevel=error
	touch $@

status: $(BIN)/.installed
	$(BIN)/python -m hooks.sitegen.status

bench: $(BIN)/.installed
	$(BIN)/python scripts/bench.py

# Builds the site with MkDocs and with ProperDocs and compares them byte for byte.
compare-engines: $(BIN)/.installed
	$(BIN)/python scripts/compare_engines.py

new-country: $(BIN)/.installed
	$(BIN)/python -m hooks.sitegen.scaffold country "$(ISO)"

# A printable sheet on which a member organization checks its country's profile (verification/).
verification-sheet: $(BIN)/.installed
	$(BIN)/python -m hooks.sitegen.verification "$(ISO)"

# Regenerate the campaign files (PDF; SVG and PNG cards) from their sources in data/materials/src/.
materials: $(BIN)/.installed
	$(BIN)/python scripts/make_materials.py

# Regenerate the map outlines in data/geo/ (the three files) from Natural Earth, with
# the npm packages pinned in package-lock.json (mapshaper, world-atlas); see data/geo/README.md.
map-geometry: $(BIN)/.installed node-tools
	$(BIN)/python scripts/make_map_geometry.py

# What a change does to the facts, in words (README, "Reviewing a pull request"): against
# BASE, a branch, tag or commit (e.g. `make diff-facts BASE=origin/main`). OUT=file also
# writes it there, cut to fit a GitHub comment.
diff-facts: $(BIN)/.installed
	$(BIN)/python -m hooks.sitegen.difffacts $(if $(OUT),--output "$(OUT)") -- "$(BASE)"

new-material: $(BIN)/.installed
	$(BIN)/python -m hooks.sitegen.scaffold material "$(ID)"

# Re-pin every package after editing requirements.in.
lock:
	rm -rf .lockenv && $(PYTHON) -m venv .lockenv
	.lockenv/bin/pip install --quiet -r requirements.in
	{ echo "# Pinned: every package the site and its tests need, transitive ones included."; \
	  echo "# Generated from requirements.in with 'make lock'; do not edit by hand."; \
	  .lockenv/bin/pip freeze; } > requirements.txt
	rm -rf .lockenv

clean:
	rm -rf site offline verification .pytest_cache .cache
