# Gongkai: the two commands of the README are `make run` and `make test`.
# Everything else is set up on demand: uv (pinned), the locked dependencies in .venv, the
# embedded SQLite database with demo data.

SHELL := /bin/sh
export UV_PYTHON_DOWNLOADS := never
export UV_PYTHON ?= python3
export UV_PROJECT_ENVIRONMENT := .venv
# Trust the system certificate store (government networks often add their own CA).
export UV_NATIVE_TLS := 1
UV = $(shell ./scripts/bootstrap-uv.sh)
GONGKAI = .venv/bin/gongkai
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: install run test lint check clean help

help:
	@echo "make run    start the platform with demo data on http://$(HOST):$(PORT)/"
	@echo "make test   run the whole test suite on SQLite"
	@echo "make lint   ruff, mypy, migration and deploy checks"

install: .venv/.installed

.venv/.installed: pyproject.toml uv.lock
	@"$(UV)" sync --frozen --quiet
	@touch $@

run: install
	@mkdir -p var/static
	@GONGKAI_DEMO=1 $(GONGKAI) migrate --no-input -v 0
	@GONGKAI_DEMO=1 $(GONGKAI) demo --if-empty
	@echo ""
	@echo "  Gongkai 政务公开平台: http://$(HOST):$(PORT)/   (staff: http://$(HOST):$(PORT)/staff/)"
	@echo "  演示账户（密码均为 Gongkai-demo-2026）: admin（系统管理员）, registrar, handler,"
	@echo "  reviewer, officehead, leader, orgadmin, supervisor, educlerk"
	@echo ""
	@GONGKAI_DEMO=1 exec $(GONGKAI) runserver --noreload $(HOST):$(PORT)

test: install
	@.venv/bin/pytest -n 2 --dist loadgroup -q

lint: install
	@.venv/bin/ruff check .
	@.venv/bin/ruff format --check .
	@GONGKAI_DEMO=1 .venv/bin/mypy gongkai config
	@GONGKAI_DEMO=1 $(GONGKAI) makemigrations --check --dry-run

clean:
	rm -rf .venv .tools var/static
