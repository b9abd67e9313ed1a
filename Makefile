# Two entry points for a fresh machine with Python 3.11+: `make site` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
AXE := tests/browser/node_modules/axe-core/axe.min.js

.PHONY: site test serve golden clean fonts model

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(STAMP)

# axe-core, injected into pages by tests/browser. Without npm those checks are skipped
# (CI installs npm first: .ci/install-system-deps).
$(AXE): tests/browser/package-lock.json
	@if command -v npm >/dev/null; then \
		cd tests/browser && npm ci --no-audit --no-fund --loglevel=error && touch node_modules/axe-core/axe.min.js; \
	else \
		echo "npm not found: the accessibility checks in tests/browser will be skipped"; \
	fi

site: $(STAMP)
	$(BIN)/build-site

test: $(STAMP) $(AXE)
	$(BIN)/ruff check generator tests bench
	$(BIN)/python -m pytest

serve: $(STAMP)
	$(BIN)/build-site serve

# The Argos Arabic->English model, once per machine (needs the network): argostranslate's
# `argospm` (large: it pulls torch) fetches it into ~/.local/share/argos-translate/packages.
model: $(STAMP)
	$(BIN)/pip install -e '.[translate]'
	$(BIN)/argospm update && $(BIN)/argospm install translate-ar_en

# Regenerate the golden fixture site after an intended output change; review with git diff.
golden: $(STAMP)
	NASHRA_UPDATE_GOLDEN=1 $(BIN)/python -m pytest tests/test_golden.py

# The Arabic web font in templates/assets/fonts/, and the social cards' face in templates/cards/
# (its Arabic and Latin subsets merged), fetched again from npm (Fontsource's subsets of Noto
# Naskh Arabic, OFL); the files are committed, so no build needs the network.
FONT := @fontsource/noto-naskh-arabic@5.3.0
fonts: $(STAMP)
	rm -rf .fonts && mkdir .fonts && cd .fonts && npm pack --silent $(FONT) && tar xzf *.tgz
	cp .fonts/package/files/noto-naskh-arabic-arabic-400-normal.woff2 \
	   .fonts/package/files/noto-naskh-arabic-arabic-700-normal.woff2 templates/assets/fonts/
	cp .fonts/package/LICENSE templates/assets/fonts/OFL.txt
	cp .fonts/package/LICENSE templates/cards/OFL.txt
	$(BIN)/pip install --quiet fonttools brotli
	$(BIN)/python tools/merge_card_font.py .fonts/package/files templates/cards/naskh-bold.woff2
	rm -rf .fonts

clean:
	rm -rf site .site-* $(VENV) tests/browser/node_modules tests/artifacts
