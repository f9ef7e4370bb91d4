# Penny: `make demo` runs the browser, `make test` runs every test. Both install the
# Debian packages they need first (see scripts/install-packages.sh).
SWIFT ?= swift
# toml++ (inside TOMLKit) aborts on some malformed TOML when its assertions are compiled in;
# without them it reports the error, which Penny shows with the file and line.
SWIFT_FLAGS ?= -Xcxx -DNDEBUG
SYSTEM_PACKAGES := libncursesw5-dev libcurl4-openssl-dev libgumbo-dev libsecp256k1-dev libvterm-dev libsqlite3-dev pkg-config
BENCH_PACKAGES := w3m lynx elinks links hyperfine

.PHONY: deps bench-deps build release test demo bench interop fuzz soak clean

deps:
	@scripts/install-packages.sh $(SYSTEM_PACKAGES)

bench-deps:
	@scripts/install-packages.sh $(BENCH_PACKAGES)

build: deps
	$(SWIFT) build $(SWIFT_FLAGS)

# Static Swift libraries and position-dependent executables: no run-time relocation of the
# Swift code, which is most of Penny's start-up time. `penny` (plain dumps) runs `penny-full`
# (everything else) from its own folder: ship both.
release: deps
	$(SWIFT) build $(SWIFT_FLAGS) -c release --static-swift-stdlib -Xlinker -no-pie --scratch-path .build-release --product penny
	$(SWIFT) build $(SWIFT_FLAGS) -c release --static-swift-stdlib -Xlinker -no-pie --scratch-path .build-release --product penny-full
	$(SWIFT) build $(SWIFT_FLAGS) -c release --scratch-path .build-release --product DemoSiteLoad

# Swift's own tests (one of which pays the x402 SDK's server, so the interop venv comes
# first), then the interoperability checks with the official SDKs, then every fuzzer for
# 20 s (FUZZ_QUICK_SECONDS).
test: deps
	$(SWIFT) build $(SWIFT_FLAGS) --build-tests
	interop/run.sh --setup > /dev/null
	$(SWIFT) test --skip-build
	interop/run.sh $$($(SWIFT) build --show-bin-path)/penny
	safety/fuzz-quick.sh

demo: build
	$$($(SWIFT) build --show-bin-path)/penny --demo

bench: release bench-deps
	bench/run.sh .build-release/release/penny

# The official x402 and MPP SDKs against Penny, both ways (Python venv in .build-interop/).
interop: build
	interop/run.sh $$($(SWIFT) build --show-bin-path)/penny

# Long runs of the fuzzers and the crash and concurrency soak tests (see safety/README.md).
fuzz: deps
	safety/fuzz.sh $${FUZZ_SECONDS:-120}

soak: build
	safety/soak.sh $$($(SWIFT) build --show-bin-path)/penny

clean:
	rm -rf .build .build-release .build-fuzz
