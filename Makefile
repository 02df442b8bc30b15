# Two targets a newcomer needs: `make chat` (install, start the chat) and `make test`.
# Everything goes into a virtual environment in .venv; nothing touches the system Python.
#
# torch: the pinned release installs a CPU build where one is at hand (this project's own
# machines keep one locally) and the standard PyPI build elsewhere, which uses a GPU when
# present. For a small CPU-only install elsewhere:
#   make chat TORCH_INDEX=https://download.pytorch.org/whl/cpu
PYTHON ?= python3
VENV ?= .venv
TORCH ?= torch==2.13.0
TORCH_INDEX ?=
BIN := $(VENV)/bin

.PHONY: install install-test chat test bench eval clean

# pip, not python: a venv made without ensurepip (Debian's python3 lacks python3-venv) has a
# python but no pip, and must be made again once the package is there.
$(BIN)/pip:
	$(PYTHON) -m venv $(VENV) || { rm -rf $(VENV); echo "Could not create $(VENV). On Debian/Ubuntu: sudo apt-get install python3-venv"; exit 1; }
	$(BIN)/python -m pip install -q --upgrade pip

# torch first, on its own: the project's range (torch>=2.4) then accepts it as installed.
TORCH_INSTALL = $(BIN)/pip install -q "$(TORCH)" $(if $(TORCH_INDEX),--index-url $(TORCH_INDEX) --extra-index-url https://pypi.org/simple)

install: $(BIN)/pip
	$(TORCH_INSTALL)
	$(BIN)/pip install -q -e .

install-test: $(BIN)/pip
	$(TORCH_INSTALL)
	$(BIN)/pip install -q -e ".[test]"

chat: install
	$(BIN)/python app.py

test: install-test
	$(BIN)/python -m pytest -q

bench: install
	$(BIN)/python bench/speed.py

eval: install
	$(BIN)/python -m bot.eval summarize ../shared/eval-data/summarization-dev.jsonl
	$(BIN)/python -m bot.eval ask ../shared/eval-data/qa-dev.jsonl

clean:
	rm -rf $(VENV) *.egg-info .pytest_cache
