#!/usr/bin/env bash
# kill -9 the host at random moments under load and restart it; checks that nothing was lost or done twice. Last line: N passed, M failed.
# Usage: build/crash-test.sh [--quick] [--no-build] [benchmark options]; --help lists them. See docs/benchmarks.md.
set -euo pipefail
. "$(dirname "$0")/lib/bench.sh"
bench_main crash crash-test.sh "$@"
