# Two commands: `make run` (lesson 03, page path printed) and `make test`.
SWIFT ?= swift
PREFIX ?= /usr/local
LESSON ?= 03-weighted-loss
BIN = .build/debug/lessons

.PHONY: deps build run site test check install clean

deps:
	@scripts/install-deps

build: deps
	$(SWIFT) build --product lessons

run: build
	$(BIN) run $(LESSON)

site: build
	$(BIN) build Lessons

check: build
	$(BIN) check Lessons

test: deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

install: deps
	$(SWIFT) build -c release --product lessons
	install -d $(PREFIX)/bin
	install -m 755 .build/release/lessons $(PREFIX)/bin/lessons

clean:
	rm -rf .build .lessons-cache
