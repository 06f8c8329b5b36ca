# The two commands of the README. Each installs what it needs into .venv first.
VENV ?= .venv
PY := $(VENV)/bin/python
export DISABLE_MKDOCS_2_WARNING := true
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve test build check bench lighthouse

$(VENV)/.installed: pyproject.toml
	python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	touch $@

# The browser tests drive Debian's Chromium (never a downloaded one) and inject axe-core.
/usr/bin/chromium:
	apt-get update -qq && apt-get install -y -qq chromium

node_modules/.installed: package.json
	npm install --no-audit --no-fund --silent
	touch $@

# --dirty: after the first build, an edit re-renders only the pages it changed (about 2 s).
serve: $(VENV)/.installed  ## build the site and serve it at http://127.0.0.1:8000
	$(VENV)/bin/mkdocs serve --dirty --dev-addr 127.0.0.1:8000

test: $(VENV)/.installed /usr/bin/chromium node_modules/.installed  ## run every test
	$(PY) -m pytest

build: $(VENV)/.installed  ## build the site into site/ (strict)
	$(VENV)/bin/mkdocs build --strict

check: $(VENV)/.installed  ## check every source without building
	$(VENV)/bin/treaties check

bench: $(VENV)/.installed  ## time the pipeline, the full build and a stock baseline
	$(PY) -m build_scripts.bench

lighthouse: build  ## Lighthouse (mobile) on an article page, served with gzip on 127.0.0.1
	$(PY) -m build_scripts.gzipserve site 8765 & pid=$$!; sleep 1; \
	CHROME_PATH=/usr/bin/chromium npx --yes lighthouse@13 http://127.0.0.1:8765/tip-protocol/article-6/ --quiet \
	  --chrome-flags="--headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking --disable-component-update --disable-sync" \
	  --only-categories=performance,accessibility,best-practices,seo --output=json --output-path=lighthouse.json; \
	status=$$?; kill $$pid; exit $$status
