# ingest-emu: the whole setup on a fresh machine with Rust installed is `make test` and `make run`.

CARGO ?= cargo
TARGET_DIR ?= $(or $(CARGO_TARGET_DIR),target)
BIN := $(TARGET_DIR)/release/ingest-emu
SHARED ?= ../shared

.PHONY: build test run bench conformance conformance-run lint fmt

build:
	$(CARGO) build --release

$(BIN): build

# Everything: unit, integration and oracle tests, lint, and the upstream conformance suites.
test: lint
	$(CARGO) test --all-targets
	$(CARGO) build
	$(MAKE) conformance-run BIN=$(TARGET_DIR)/debug/ingest-emu

lint:
	$(CARGO) fmt --all -- --check
	$(CARGO) clippy --all-targets -- -D warnings

fmt:
	$(CARGO) fmt --all

# Our Okta pipeline over the bundled sample records: prints ECS documents.
run: build
	$(BIN) run --raw --pipeline pipelines/okta --entry default test_data/okta/*.log

# Elastic's own pipeline tests under ../shared/conformance, compared by elastic-package's rules.
conformance: build conformance-run

conformance-run:
	@if [ -d "$(SHARED)/conformance" ]; then \
		$(BIN) test $(SHARED)/conformance/*; \
	else \
		echo "skipped: ../shared not found"; \
	fi

# Criterion micro-benchmarks, then end-to-end throughput, RSS and startup on one generated Okta
# corpus (scripts/bench.sh; COUNT, REPEAT and SEED tune it).
bench: build
	$(CARGO) bench --bench '*' -- --warm-up-time 0.5 --measurement-time 2 --sample-size 10
	scripts/bench.sh
