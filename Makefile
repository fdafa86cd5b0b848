# Two commands on a fresh machine (python3 + make):  make report   |   make test
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
CORPUS ?= seeds
# notebook parameters for make report, e.g. PARAMS="-p split_year 2020 -p k 8"
PARAMS ?=
OUT    ?= reports
FIGURES ?= figures
STAMP  := $(VENV)/.installed

.PHONY: report test lint eval lab corpus-csv bench clean-reports help

help:
	@echo "make report [CORPUS=folder] [PARAMS='-p split_year 2020']"
	@echo "                             build the environment, run every notebook, write figures/ and reports/"
	@echo "make test                    lint, then run the test suite (includes executing every notebook)"
	@echo "make lint                    ruff (lint + format check) and mypy"
	@echo "make eval                    loader accuracy per field on the annotated real pages (tests/devset)"
	@echo "make lab                     open the notebooks in JupyterLab"

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[notebooks,test,dev,dask]"
	$(PY) -m ipykernel install --sys-prefix --name python3 >/dev/null
	touch $(STAMP)

report: $(STAMP)
	$(PY) -m analysis report --corpus "$(CORPUS)" --out "$(OUT)" --figures "$(FIGURES)" $(PARAMS)

lint: $(STAMP)
	$(VENV)/bin/ruff check src tests benchmarks
	$(VENV)/bin/ruff format --check src tests benchmarks
	$(VENV)/bin/mypy

test: $(STAMP) lint
	$(PY) -m pytest -n auto --dist loadscope

eval: $(STAMP)
	$(PY) tests/devset/evaluate.py --failures

lab: $(STAMP)
	$(VENV)/bin/jupyter lab notebooks/

corpus-csv: $(STAMP)
	$(PY) -m analysis corpus --corpus "$(CORPUS)" --out "$(OUT)/tables"

bench: $(STAMP)
	$(PY) benchmarks/bench_corpus.py
	$(PY) benchmarks/bench_tokenize.py
	$(PY) benchmarks/bench_reuse.py

clean-reports:
	rm -rf $(OUT)/*.html $(OUT)/executed
