# `make site` and `make test` set up everything on a fresh Debian machine with Swift 6.
SWIFT ?= swift
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
GAZETTE := .build/release/gazette

.PHONY: deps node build site test serve clean

# cmark-gfm, the C Markdown library, from Debian's packages when it is missing.
deps:
	@pkg-config --exists libcmark-gfm || { \
	  echo "Installing cmark-gfm (libcmark-gfm-dev, libcmark-gfm-extensions-dev)"; \
	  $(SUDO) apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq libcmark-gfm-dev libcmark-gfm-extensions-dev; }

# Node.js runs the search scripts' tests (swift test fails without it).
node:
	@command -v node >/dev/null || { \
	  echo "Installing Node.js (nodejs)"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq nodejs; }

build: deps
	$(SWIFT) build -c release --product gazette

site: build
	$(GAZETTE) build --site .
	@echo "Open $(CURDIR)/Output/index.html"

test: deps node
	$(SWIFT) test

clean:
	rm -rf .build .gazette
