# oversight: the two commands a newcomer needs are `make run` and `make check`.
# Both install missing Debian packages first (scripts/install-deps.sh).

BUILD   ?= build
ASAN    ?= build-asan
DEMO_DB ?= demo.db
MESON_OPTS = --buildtype=debugoptimized -Dwerror=true

.PHONY: all deps node_modules build asan check run bench clean format fuzz

all: build

deps:
	@sh scripts/install-deps.sh

# The npm packages of package-lock.json (GOV.UK Frontend, which the build
# copies to BUILD/assets/; playwright-core and axe-core for the browser
# tests), installed again when the lock file is newer than the install.
# npm ci runs no package script (--ignore-scripts) and downloads no browser:
# the tests drive Debian's chromium.
NPM_STAMP = node_modules/.package-lock.json
node_modules: $(NPM_STAMP)
$(NPM_STAMP): package.json package-lock.json | deps
	npm ci --no-audit --no-fund --ignore-scripts --include=dev
	@touch $@

build: deps node_modules
	@test -f $(BUILD)/build.ninja || meson setup $(BUILD) $(MESON_OPTS)
	@ninja -C $(BUILD)

asan: deps node_modules
	@test -f $(ASAN)/build.ninja || meson setup $(ASAN) $(MESON_OPTS) \
		-Db_sanitize=address,undefined -Db_lundef=false
	@ninja -C $(ASAN)

# Runs the suite three times: on the plain build, under ASan + UBSan, and
# under valgrind; then prints one closing line "N passed, N failed,
# N skipped" counted over every TAP assertion of the three runs.
check: build asan
	@rc=0; \
	meson test -C $(BUILD) --print-errorlogs -q || rc=1; \
	ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 \
	LSAN_OPTIONS=suppressions=$(CURDIR)/tests/lsan.supp:print_suppressions=0 \
	UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
	meson test -C $(ASAN) --print-errorlogs -q || rc=1; \
	meson test -C $(BUILD) --setup valgrind --print-errorlogs -q \
		--num-processes 2 || rc=1; \
	python3 scripts/test-summary.py $(BUILD)/meson-logs/testlog.json \
		$(ASAN)/meson-logs/testlog.json \
		$(BUILD)/meson-logs/testlog-valgrind.json || rc=1; \
	exit $$rc

# The main job: the web application on the demo register (demo.db, made
# with the demo data if there is none), with an admin account whose
# password is printed once.  Ctrl-C stops it.
LISTEN ?= 127.0.0.1:8080
run: build
	@sh scripts/run.sh $(BUILD)/oversight $(DEMO_DB) $(LISTEN)

bench: build
	@sh bench/run.sh

# libFuzzer targets (clang); run them with sh fuzz/run.sh [SECONDS].
fuzz: deps
	@sh fuzz/build.sh

format:
	@clang-format -i $$(git ls-files 'src/*.c' 'src/*.h' 'tests/*.c' 'tests/*.h')

clean:
	rm -rf $(BUILD) $(ASAN) build-fuzz
