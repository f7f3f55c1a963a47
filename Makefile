# Two commands for a fresh clone: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
INBOX ?= seeds
DB ?= data/tension.duckdb
REPORTS ?= reports

.PHONY: run test install clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(STAMP)

install: $(STAMP)

run: $(STAMP)
	$(BIN)/tension run --inbox $(INBOX) --db $(DB) --reports $(REPORTS)

test: $(STAMP)
	$(BIN)/python -m pytest -q

clean:
	rm -rf $(VENV) data $(REPORTS)/*.pdf $(REPORTS)/*.png $(REPORTS)/*.svg

.PHONY: eval bench
# Accuracy against labelled real sentences (needs ../shared/data); see docs/evaluation.md.
eval: $(STAMP)
	$(BIN)/python -m evaluation.extraction
	$(BIN)/python -m evaluation.scoring

# Speed and memory (needs ../shared/data); see the README's performance section.
bench: $(STAMP)
	$(BIN)/python -m bench.run
