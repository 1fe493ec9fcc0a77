# Two commands: `make run` (install, build, run lesson 03 or the welcome lesson,
# print the page to open) and `make test` (install, build, run every test).
#
# Builds are debug builds: the numeric targets are optimised even in debug (see
# Package.swift), which avoids a seven-minute release build of swift-syntax.
SWIFT ?= swift
PREFIX ?= /usr/local
CONFIG ?= debug
LESSON ?= $(if $(wildcard Lessons/03-weighted-loss.md),03-weighted-loss.md,00-welcome.md)
BIN = .build/$(CONFIG)/lessons

.PHONY: deps build run site list test check install clean wasm

deps:
	@scripts/install-deps

build: deps
	$(SWIFT) build -c $(CONFIG) --product lessons

run: build
	$(BIN) run $(LESSON)

site: build
	$(BIN) build Lessons

list: build
	@$(BIN) list Lessons

test: deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

# The portable core as WebAssembly (Embedded Swift): see the README's "make wasm".
wasm: deps
	scripts/build-wasm site/assets/lessons.wasm

check: build
	$(BIN) check Lessons

install: build
	install -d $(DESTDIR)$(PREFIX)/bin
	install -m 755 $(BIN) $(DESTDIR)$(PREFIX)/bin/lessons
	@echo "Installed $(DESTDIR)$(PREFIX)/bin/lessons"

clean:
	-$(BIN) clean 2>/dev/null
	rm -rf .build .lessons-cache
