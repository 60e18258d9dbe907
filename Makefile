# Kintsugi. `make run` builds and serves the app; `make test` runs every test,
# installing what it needs. See README.md.

ADDR ?= localhost:8000
DIR ?= dist
WEB := web
BIN := bin
GOBIN := $(CURDIR)/$(BIN)
WASM := $(WEB)/app.wasm
WASM_EXEC_DIR := $(CURDIR)/$(BIN)/wasmexec
WASMBROWSERTEST := v0.11.0
export PATH := $(WASM_EXEC_DIR):$(PATH)

.PHONY: all build wasm server run static test test-unit test-wasm test-e2e vet bench tools chromium clean

all: build

## build: app.wasm (the whole app, for the browser) and the native server
build: wasm server

# No inlining, except where speed counts (the lock's crypto): app.wasm is
# about 9% smaller with brotli, with the same start, navigation and unlock
# times (make bench; BenchmarkUnlock).
WASM_GCFLAGS := -gcflags=all=-l $(foreach p,golang.org/x/crypto/... crypto/internal/fips140/aes/... crypto/internal/fips140/sha256 crypto/internal/fips140/hmac crypto/internal/fips140/subtle crypto/subtle crypto/cipher crypto/aes compress/flate kintsugi/app/vault,-gcflags=$(p)=)

wasm:
	GOOS=js GOARCH=wasm go build -trimpath -ldflags="-s -w" $(WASM_GCFLAGS) -o $(WASM) ./cmd/pwa

server:
	go build -trimpath -o $(BIN)/server ./cmd/server

## run: build, then serve at http://$(ADDR) (override: make run ADDR=127.0.0.1:9000)
run: build
	./$(BIN)/server -addr $(ADDR) -web $(WEB)

## static: write the app as a static site into DIR (make static DIR=public)
static: build
	./$(BIN)/server -web $(WEB) -static $(DIR)

## test: vet, unit tests, browser package tests, end-to-end tests in Chromium
test: tools chromium vet build test-unit test-wasm test-e2e

vet:
	go vet ./...
	GOOS=js GOARCH=wasm go vet ./...

test-unit:
	go test -race -count=1 ./...

# Packages whose tests need a real browser (IndexedDB, DOM); they run in
# headless Chromium through wasmbrowsertest.
BROWSER_PKGS := ./app/indexeddb/ ./app/vault/

test-wasm: tools chromium
	GOOS=js GOARCH=wasm go test -count=1 $(BROWSER_PKGS)

test-e2e: chromium
	test -f $(WASM) || $(MAKE) build
	KINTSUGI_WEB=$(CURDIR)/$(WEB) go test -count=1 -tags e2e -timeout 15m ./cmd/server/

## bench: sizes of what a phone downloads, and IndexedDB timings in Chromium
bench: build tools chromium
	go run ./cmd/bench -web $(WEB) -gcflags '$(WASM_GCFLAGS)'
	GOOS=js GOARCH=wasm go test -run '^$$' -bench . -benchtime 3x $(BROWSER_PKGS)

## tools: wasmbrowsertest (its own module: it needs an older chromedp) as go_js_wasm_exec, for GOOS=js tests in Chromium
tools: $(WASM_EXEC_DIR)/go_js_wasm_exec

$(WASM_EXEC_DIR)/go_js_wasm_exec:
	mkdir -p $(WASM_EXEC_DIR)
	GOBIN=$(WASM_EXEC_DIR) go install github.com/agnivade/wasmbrowsertest@$(WASMBROWSERTEST)
	mv $(WASM_EXEC_DIR)/wasmbrowsertest $@

## chromium: Debian's chromium, installed when missing (as root)
chromium:
	@if ! command -v chromium >/dev/null 2>&1; then \
		if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
			echo "Installing Debian's chromium for the browser tests"; \
			apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
		else \
			echo "The browser tests need Chromium: install Debian's package 'chromium' (sudo apt-get install chromium)." >&2; \
			exit 1; \
		fi; \
	fi

clean:
	rm -rf $(BIN) $(DIR) $(WASM) $(WASM).br $(WASM).gz $(WASM).sum
