# Switchboard: `make demo` runs the product locally, `make test` runs every test against real servers.
SHELL := /bin/bash
SWIFT ?= swift
APT_PACKAGES := inspircd atheme-services ngircd openssl sqlite3 libsqlite3-dev chromium
PIP_PACKAGES := twilio aiosmtpd

.PHONY: build test unit test-deps release bench bench-triage model demo soak fuzz clean help

help:
	@echo "make test     install test dependencies, start real servers, run all tests"
	@echo "make unit     the tests that need no root, no servers and no packages (a couple of minutes)"
	@echo "make build    debug build"
	@echo "make release  optimised build of bin/switchboard"
	@echo "make demo     the whole product on a local IRC network with sample messages"
	@echo "make bench    benchmarks (ratios against baselines measured in the same run)"
	@echo "make soak     long runs: fresh-clone demo (and fault cycles)"
	@echo "make model    retrain the shipped triage model from the raw data"
	@echo "make fuzz     libFuzzer on the parsers (FUZZ_SECONDS per target, FUZZ_TARGETS to pick)"

build:
	$(SWIFT) build

release:
	$(SWIFT) build -c release --product switchboard

## Installs what the tests use: the IRC servers (InspIRCd, Atheme, ngIRCd), Chromium (loads the HTML
## report headless) and Twilio's Python library, whose RequestValidator signs the webhook requests the
## tests send.
test-deps:
	@missing=""; for p in $(APT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
		echo "installing:$$missing"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; \
	fi
	@python3 -c "import twilio, aiosmtpd" 2>/dev/null || pip install -q $(PIP_PACKAGES)

## Each test suite starts the IRC networks it needs (scripts/testnet/testnet.py) on free loopback ports
## and stops them afterwards; scripts/test/run.sh fails the run if any process a test started outlives it.
test: test-deps
	$(SWIFT) build --build-tests
	SWIFT=$(SWIFT) scripts/test/run.sh

## The tests that need no root, no server processes (IRC networks, SMTP, serve, Chromium, Python) and
## nothing from test-deps: SWITCHBOARD_UNIT_ONLY=1 skips the ones marked `.needsServers`.
unit:
	$(SWIFT) build --build-tests
	SWIFT=$(SWIFT) scripts/test/run.sh unit

clean:
	rm -rf .build

## Builds in release, runs bench-triage when the triage data exists, then the one table (GROUP=NAME runs one group).
bench: test-deps
	SWIFT=$(SWIFT) GROUP=$(GROUP) Benchmarks/bench.sh

## Retrains the shipped triage model from ../shared/triage-data (or $$SWITCHBOARD_TRIAGE_DATA) plus
## Data/triage/corpus; the result is byte-identical for the same data.
model:
	scripts/triage/make-model.sh

## Switchboard's triage against scikit-learn on the same data and folds, in the same run.
bench-triage:
	Benchmarks/Triage/bench-triage.sh

demo:
	scripts/demo/demo.sh

## Long runs that stay out of `make test`: make demo from a fresh clone, checked by a scripted IRC agent.
soak:
	scripts/soak/soak.sh

## libFuzzer on the IRC, MIME, webhook and command parsers, FUZZ_SECONDS (default 60) each; not part of
## `make test`. See Fuzz/README.md.
fuzz:
	scripts/fuzz/fuzz.sh run
