# Two commands for a fresh clone: `make run` and `make test`; `make check` is the quick tier for the inner loop.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
INBOX ?= seeds
DB ?= data/tension.duckdb
REPORTS ?= reports

.PHONY: run test check install clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(STAMP)

install: $(STAMP)

run: $(STAMP)
	$(BIN)/tension run --inbox $(INBOX) --db $(DB) --reports $(REPORTS)

# Test files are spread over one worker per core; a file stays on one worker, so its module fixtures run once.
PYTEST := $(BIN)/python -m pytest -q -n auto --dist loadfile

# Everything (what .ci/run calls).
test: $(STAMP)
	$(PYTEST)

# The quick tier for the inner loop: every test but the slow ones (real `tension run`, Prefect, Dask and Jupyter
# processes, killed runs, whole real corpora, whole PDF reports).
check: $(STAMP)
	$(PYTEST) -m "not slow"

clean:
	rm -rf $(VENV) data $(REPORTS)/*.pdf $(REPORTS)/*.png $(REPORTS)/*.svg

.PHONY: eval bench
# Accuracy against labelled real sentences (needs ../shared/data); see docs/evaluation-extraction.md and
# docs/evaluation-scoring.md. The gold set's tune half only: its check half is scored to report, by hand
# (python -m evaluation.gold.extraction --split check; python -m evaluation.gold.hostility --split check).
eval: $(STAMP)
	$(BIN)/python -m evaluation.extraction
	$(BIN)/python -m evaluation.scoring
	$(BIN)/python -m evaluation.gold.extraction --split tune
	$(BIN)/python -m evaluation.gold.hostility --split tune

# Speed and memory (needs ../shared/data); see the README's performance section.
bench: $(STAMP)
	$(BIN)/python -m bench.run
