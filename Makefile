# The two commands of the README: `make run` (start the project's Neo4j, load the seeds, serve the API on
# 127.0.0.1:8000; Neo4j keeps running after Ctrl-C) and `make test`. Both install what is missing on a fresh Debian
# machine first: Python's venv, Java 17, Maven and Graphviz from Debian's packages, the pinned Neo4j jars from
# Maven Central (graph/server/pom.xml), and for the tests Debian's Chromium.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000
POM := graph/server/pom.xml
NEO4J_LIB ?= $(or $(LANDSCAPE_NEO4J_LIB),.landscape/neo4j/lib)
EXPLORER := api/explorer
APT := $(if $(filter 0,$(shell id -u)),,sudo )apt-get
# $(call need,COMMAND,PACKAGE): install Debian's PACKAGE when COMMAND is missing.
need = command -v $(1) >/dev/null 2>&1 || { echo "installing $(2) (Debian)"; \
  $(APT) update -qq && DEBIAN_FRONTEND=noninteractive $(APT) install -y -qq $(2) >/dev/null; }

.PHONY: run test setup tools test-tools

$(BIN)/landscape: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(BIN)/landscape

# Neo4j's jars, resolved when missing or when the pom changed; the pom is copied in last, so a folder holding it is
# complete (graph.server.install checks that it matches). Nothing of it is committed.
$(NEO4J_LIB)/pom.xml: $(POM)
	@$(call need,java,openjdk-17-jre-headless)
	@$(call need,mvn,maven)
	@echo "resolving Neo4j $$(sed -n 's:.*<neo4j.version>\(.*\)</neo4j.version>.*:\1:p' $(POM)) and Neo4j Browser from Maven Central into $(NEO4J_LIB) (~140 MB, once)"
	rm -rf $(NEO4J_LIB).partial && mkdir -p $(dir $(NEO4J_LIB))
	mvn -B -f $(POM) dependency:copy-dependencies -DoutputDirectory=$(abspath $(NEO4J_LIB).partial) \
	  > $(NEO4J_LIB).log 2>&1 || { tail -40 $(NEO4J_LIB).log; exit 1; }
	cp $(POM) $(NEO4J_LIB).partial/pom.xml
	rm -rf $(NEO4J_LIB)
	mv $(NEO4J_LIB).partial $(NEO4J_LIB)

# The explorer's front end: npm packages pinned by its lock file (no install scripts run), bundled by esbuild into the
# git-ignored dist/ with Swagger UI's assets, so `landscape serve` needs no CDN.
$(EXPLORER)/dist/BUILT: $(EXPLORER)/package-lock.json $(EXPLORER)/build.mjs $(wildcard $(EXPLORER)/src/*)
	@$(call need,npm,npm)
	cd $(EXPLORER) && npm ci --no-audit --no-fund --ignore-scripts --loglevel=error
	cd $(EXPLORER) && node build.mjs

setup: tools $(BIN)/landscape $(NEO4J_LIB)/pom.xml $(EXPLORER)/dist/BUILT

tools:
	@$(call need,dot,graphviz)
	@$(call need,java,openjdk-17-jre-headless)

# The browser tests drive Debian's Chromium through Playwright (never Playwright's own browser downloads).
test-tools:
	@$(call need,chromium,chromium)

run: setup
	LANDSCAPE_API_URL=http://$(HOST):$(PORT) $(BIN)/landscape db start
	$(BIN)/landscape load --reset
	$(BIN)/landscape serve --host $(HOST) --port $(PORT)

test: setup test-tools
	$(BIN)/ruff check graph api loaders cli tests benchmarks
	$(BIN)/mypy loaders graph api cli
	$(BIN)/pytest
