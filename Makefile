# ServerlessEmulator — the two commands a new machine needs: `make up` and `make test`.
SHELL := /bin/bash
.SHELLFLAGS := -o pipefail -c
SWIFT ?= swift
APT_PACKAGES := libyaml-dev libssl-dev libsqlite3-dev zlib1g-dev pkg-config libcurl4 nodejs curl chromium chromium-driver
PYTHON ?= python3
REQUIREMENTS := IntegrationTests/python/requirements.txt
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
EMULATE := .build/debug/emulate

.PHONY: soak fuzz fuzz-build fuzz-smoke tsan-test up test deps system-deps python-deps build build-tests swift-test smoke python-test bench clean format lint public-api

## up: install what is missing, build, and serve the seed service (serverless.yml) until Ctrl-C.
up: deps build
	$(EMULATE) up serverless.yml $(ARGS)

## test: install what is missing, build, and run every test.
test: deps lint build-tests swift-test tsan-test fuzz-smoke smoke python-test

deps: system-deps python-deps

FORMAT_PATHS := Sources Tests examples IntegrationTests/FixtureHandlers Benchmarks Fuzz Package.swift

## lint: the formatter's check, as CI runs it (`make format` rewrites the files).
lint:
	$(SWIFT) format lint --strict --parallel -r $(FORMAT_PATHS)
	@! grep -rnE '\bMutex[<(]' Sources Tests IntegrationTests --include=*.swift || { echo 'use NIOLockedValueBox, not Mutex (docs/ARCHITECTURE.md)'; exit 1; }

format:
	$(SWIFT) format -i --parallel -r $(FORMAT_PATHS)

## public-api: the number of public declarations per module.
public-api:
	scripts/public-api.sh

system-deps:
	@if ! dpkg -s $(APT_PACKAGES) >/dev/null 2>&1; then \
		echo "installing $(APT_PACKAGES)"; \
		$(SUDO) apt-get update && $(SUDO) DEBIAN_FRONTEND=noninteractive apt-get install -y $(APT_PACKAGES); \
	fi

python-deps:
	@if [ -f $(REQUIREMENTS) ]; then $(PYTHON) -m pip install --quiet --disable-pip-version-check -r $(REQUIREMENTS); fi

build:
	$(SWIFT) build

build-tests:
	$(SWIFT) build --build-tests

swift-test:
	$(SWIFT) test --skip-build

## tsan-test: the Swift tests again under ThreadSanitizer, in their own build folder.
tsan-test:
	$(SWIFT) build --build-tests --sanitize=thread --scratch-path .build-tsan
	$(SWIFT) test --skip-build --sanitize=thread --scratch-path .build-tsan

## fuzz-smoke: a bounded libFuzzer run of each target, as CI runs it (`make fuzz` runs long).
fuzz-smoke: fuzz-build
	.build-fuzz/debug/ConfigFuzz -max_len=8192 -timeout=10 -runs=20000 .build-fuzz/corpus/config
	LSAN_OPTIONS=suppressions=$(CURDIR)/Fuzz/lsan.supp .build-fuzz/debug/TokenFuzz -max_len=4096 -timeout=10 -runs=50000 .build-fuzz/corpus/token
	ASAN_OPTIONS=detect_leaks=0 .build-fuzz/debug/WireFuzz -detect_leaks=0 -max_len=4096 -timeout=10 -runs=30000 .build-fuzz/corpus/wire

## smoke: the seed service's and the store example's smoke runs, as a project's CI would run them.
smoke:
	$(EMULATE) smoke serverless.yml
	$(EMULATE) smoke serverless.yml --scenario examples/smoke/seed.yml
	$(EMULATE) smoke serverless.yml --scenario examples/smoke/cognito.yml
	.build/debug/emulate-store smoke examples/store/serverless.yml --scenario examples/store/smoke.yml

python-test:
	@if ls IntegrationTests/python/test_*.py >/dev/null 2>&1; then \
		EMULATE_BINARY=$(abspath $(EMULATE)) $(PYTHON) -m pytest -q IntegrationTests/python; \
	fi

## fuzz: long libFuzzer runs of the config loader and the token parsers (not part of CI); FUZZ_SECONDS each.
FUZZ_SECONDS ?= 300
FUZZ_RUNS ?=
fuzz-build:
	ENABLE_EMU_FUZZ=1 $(SWIFT) build --scratch-path .build-fuzz -Xswiftc -sanitize=fuzzer,address --product ConfigFuzz
	ENABLE_EMU_FUZZ=1 $(SWIFT) build --scratch-path .build-fuzz -Xswiftc -sanitize=fuzzer,address --product TokenFuzz
	ENABLE_EMU_FUZZ=1 $(SWIFT) build --scratch-path .build-fuzz -Xswiftc -sanitize=fuzzer,address --product WireFuzz
	mkdir -p .build-fuzz/corpus/config .build-fuzz/corpus/token .build-fuzz/corpus/wire
	cp Fuzz/corpus/config/* .build-fuzz/corpus/config/
	cp Fuzz/corpus/token/* .build-fuzz/corpus/token/
	cp Fuzz/corpus/wire/* .build-fuzz/corpus/wire/

fuzz: deps fuzz-build
	.build-fuzz/debug/ConfigFuzz -max_len=8192 -timeout=10 $(if $(FUZZ_RUNS),-runs=$(FUZZ_RUNS),-max_total_time=$(FUZZ_SECONDS)) .build-fuzz/corpus/config
	LSAN_OPTIONS=suppressions=$(CURDIR)/Fuzz/lsan.supp .build-fuzz/debug/TokenFuzz -max_len=4096 -timeout=10 $(if $(FUZZ_RUNS),-runs=$(FUZZ_RUNS),-max_total_time=$(FUZZ_SECONDS)) .build-fuzz/corpus/token
	ASAN_OPTIONS=detect_leaks=0 .build-fuzz/debug/WireFuzz -detect_leaks=0 -max_len=4096 -timeout=10 $(if $(FUZZ_RUNS),-runs=$(FUZZ_RUNS),-max_total_time=$(FUZZ_SECONDS)) .build-fuzz/corpus/wire

## bench: every benchmark on a release build in its own build folder (not part of CI); the tables go to
## benchmarks/latest.md. BENCH_SECONDS is each wrk run's length.
BENCH_SECONDS ?= 5
BENCH_OUT := benchmarks/latest.md
bench: deps
	@command -v wrk >/dev/null && command -v openssl >/dev/null || ($(SUDO) apt-get update && $(SUDO) DEBIAN_FRONTEND=noninteractive apt-get install -y wrk openssl)
	@$(PYTHON) -c "import moto.server, flask" 2>/dev/null || $(PYTHON) -m pip install --quiet "moto[server]==5.2.1"
	ENABLE_EMU_BENCHMARKS=1 $(SWIFT) build -c release --scratch-path .build-bench --product ConfigLoadBenchmark
	ENABLE_EMU_BENCHMARKS=1 $(SWIFT) build -c release --scratch-path .build-bench --product emulate
	ENABLE_EMU_BENCHMARKS=1 $(SWIFT) build -c release --scratch-path .build-bench --product BareHummingbird
	ENABLE_EMU_BENCHMARKS=1 $(SWIFT) build -c release --scratch-path .build-bench --product InProcessBenchmark
	ENABLE_EMU_BENCHMARKS=1 $(SWIFT) build -c release --scratch-path .build-bench --product BenchLambda
	@{ echo "# Latest benchmark run"; echo; \
	  echo "$$(date -u '+%Y-%m-%d %H:%M UTC'), $$(nproc) cores, $$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), Linux $$(uname -r), $$($(SWIFT) --version 2>/dev/null | head -1)"; echo; } > $(BENCH_OUT)
	.build-bench/release/ConfigLoadBenchmark serverless.yml | tee -a $(BENCH_OUT)
	@echo >> $(BENCH_OUT)
	.build-bench/release/InProcessBenchmark . | tee -a $(BENCH_OUT)
	@echo >> $(BENCH_OUT)
	$(PYTHON) benchmarks/startup/run.py .build-bench/release/emulate | tee -a $(BENCH_OUT)
	@echo >> $(BENCH_OUT)
	$(PYTHON) benchmarks/cognito/run.py .build-bench/release/emulate $(BENCH_SECONDS) | tee -a $(BENCH_OUT)
	@echo >> $(BENCH_OUT)
	$(PYTHON) benchmarks/gateway/run.py .build-bench/release/emulate .build-bench/release/BareHummingbird $(BENCH_SECONDS) | tee -a $(BENCH_OUT)
	@echo >> $(BENCH_OUT)
	$(PYTHON) benchmarks/scale/run.py .build-bench/release/emulate | tee -a $(BENCH_OUT)
	@echo >> $(BENCH_OUT)
	$(PYTHON) benchmarks/lambda/run.py .build-bench/release/BenchLambda .build-bench/release/BareHummingbird $(BENCH_SECONDS) | tee -a $(BENCH_OUT)

## soak: SOAK_SECONDS (default 30 minutes) of mixed load on a release build; the report goes to
## benchmarks/soak/latest.md (not part of CI).
SOAK_SECONDS ?= 1800
soak: deps
	ENABLE_EMU_BENCHMARKS=1 $(SWIFT) build -c release --scratch-path .build-bench --product emulate
	$(PYTHON) benchmarks/soak/run.py .build-bench/release/emulate $(SOAK_SECONDS) > benchmarks/soak/latest.md; \
	  status=$$?; cat benchmarks/soak/latest.md; exit $$status

clean:
	rm -rf .build .build-bench .build-fuzz .build-tsan .build-static
