#!/usr/bin/env bash
# The test command: installs what the tests need, builds, and runs every test, the data-layer tests
# once on SQLite and once on PostgreSQL (started here on 127.0.0.1:5433 and stopped at the end).
set -euo pipefail
cd "$(dirname "$0")/.."

need_apt=()
command -v chromium >/dev/null || need_apt+=(chromium)
command -v chromedriver >/dev/null || need_apt+=(chromium-driver)
command -v openssl >/dev/null || need_apt+=(openssl)
ls -d /usr/lib/postgresql/*/bin >/dev/null 2>&1 || need_apt+=(postgresql)
if [ ${#need_apt[@]} -gt 0 ]; then
  echo "== installing ${need_apt[*]} from Debian's packages"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need_apt[@]}" >/dev/null
fi
# HiGHS (an LP test and the benchmark) and aiosmtpd (the real SMTP server the mail tests talk to).
python3 -c "import highspy" 2>/dev/null || python3 -m pip install --quiet --disable-pip-version-check "highspy==1.15.1"
python3 -c "import aiosmtpd" 2>/dev/null || python3 -m pip install --quiet --disable-pip-version-check "aiosmtpd==1.4.6"
python3 -c "import openapi_spec_validator" 2>/dev/null || python3 -m pip install --quiet --disable-pip-version-check "openapi-spec-validator==0.9.0"
# axe-core for the browser tests' accessibility check: only its script is used, so none of its dependencies.
python3 -c "import axe_playwright_python" 2>/dev/null || python3 -m pip install --quiet --disable-pip-version-check --no-deps "axe-playwright-python==0.1.8"

echo "== checking the format of the sources (scripts/format.sh --lint; scripts/format.sh fixes it)"
scripts/format.sh --lint

echo "== building (debug) with tests"
swift build --build-tests

echo "== running the benchmark tools' own tests (independent plan checker, LP bound)"
python3 -m unittest bench/test_bench.py bench/test_soak.py

# Two runs: the planner's CPU-heavy tests would otherwise hold every thread of the test pool while the
# server's tests wait on child processes, a browser and mail.
echo "== running the package's and the command line's tests (SQLite)"
swift test --skip-build --filter "RampartCoreTests|RampartCLITests"
echo "== running the server's tests on SQLite"
swift test --skip-build --filter RampartServerTests

echo "== starting PostgreSQL on 127.0.0.1:5433"
trap scripts/stop-postgres.sh EXIT
RAMPART_TEST_DATABASE_URL=$(scripts/start-postgres.sh)
echo "== running the server's tests on PostgreSQL"
RAMPART_TEST_DATABASE_URL="$RAMPART_TEST_DATABASE_URL" swift test --skip-build --filter RampartServerTests
echo "== running import, export and serve on PostgreSQL"
# A run of its own: these start the rampart binary, which the in-process tests' database lock does not cover.
RAMPART_TEST_DATABASE_URL="$RAMPART_TEST_DATABASE_URL" swift test --skip-build --filter ServerCommandsTests
