# The README's two commands: `make demo` and `make test`. Both create .venv on first use.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin

.PHONY: demo test test-postgres bench scale clean

$(BIN)/newsbot: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test,postgresql]'
	touch $@

demo: $(BIN)/newsbot
	$(BIN)/newsbot demo

test: $(BIN)/newsbot
	$(BIN)/ruff check newsbot tests benchmarks
	$(BIN)/python -m pytest -q

# The whole suite again with every archive in PostgreSQL (a throwaway cluster; docs/postgresql.md).
test-postgres: $(BIN)/newsbot
	NEWSBOT_TEST_DB=postgresql $(BIN)/python -m pytest -q

bench: $(BIN)/newsbot
	$(BIN)/python -m pip install --quiet -e '.[test,bench]'
	$(BIN)/python benchmarks/extract_eval.py
	$(BIN)/python benchmarks/search_eval.py
	$(BIN)/python benchmarks/people_eval.py
	$(BIN)/python benchmarks/people_eval.py benchmarks/people_data/original-30
	$(BIN)/python benchmarks/people_eval.py benchmarks/people_data/blind
	$(BIN)/python benchmarks/warc_eval.py
	$(BIN)/python benchmarks/incremental_bench.py
	$(BIN)/python benchmarks/web_bench.py

# Issue 10's scale figures (10k/50k/100k articles; about an hour on 2 free cores).
scale: $(BIN)/newsbot
	$(BIN)/python -m pip install --quiet -e '.[test,bench]'
	nice $(BIN)/python benchmarks/scale.py

clean:
	rm -rf $(VENV) data index/* .pytest_cache
