#!/usr/bin/env bash
# Upgrade test: orders in flight on the previous build are finished by the current one. Last line: N passed, M failed.
# Usage: build/upgrade-test.sh [--from <rev>] [--quick] [--no-build] [--stop kill|term] [options]; --help explains.
set -euo pipefail

# The previous released build: 0aec6f7, main just before the saga rework (issue 10 point 3, ADR 0015). Its sagas
# carry no definition version and keep the hand-kept flags, the oldest rows the current build must take over; every
# adapter added since runs on them. A later change to the saga also runs the test from main just before that change
# (`--from $(git rev-parse main)` before merging) and notes the run in its report; so far e943b45 (review step,
# ADR 0018) and 3a3acbb (review answered at start, ADR 0025). The default stays 0aec6f7.
UPGRADE_FROM=0aec6f7ea3c590916dcc4820e66ad3e801658318

usage() {
    cat <<EOF
Usage: build/upgrade-test.sh [--from <rev>] [--quick] [--no-build] [--stop kill|term] [options of the benchmark program]

Proves that a new build takes over the fulfilment sagas a previous build left in flight (issue 10, point 3):
  1. builds the previous build (--from <rev>: any git revision; default ${UPGRADE_FROM:0:7}, below) in a temporary
     git worktree under .data/upgrade/, keeps its host's Release output in .data/upgrade/<commit>/host/ (built once
     per commit) and removes the worktree;
  2. builds the current host and tests/Benchmark (Release; --no-build uses the existing builds), starts the
     private PostgreSQL of the benchmarks (.data/bench-pg, build/lib/pg.sh) and creates database om_upgrade;
  3. OrderManagement.Benchmark upgrade: starts the previous build (one message delivered at a time, 2 delivery
     attempts before a dead letter, a payment provider outage for tok_outage), places 3 tok_outage orders (their
     AuthorizePayment is dead-lettered: saga Failed), runs a closed-loop load of tok_visa/tok_flaky/tok_timeout/
     tok_declined orders (6 s with --quick, 12 s otherwise) while cancelling some of them, cancels 3 Confirmed
     orders, then stops it with kill -9 (--stop term: SIGTERM); it runs the previous build again (at most
     --cycles, default 3) until the stop leaves orders Running at ReserveStock, at AuthorizePayment with Payments
     retrying, at CreateShipment, Compensating, and Failed;
  4. starts the current build on the same database (its migrations run), replays the dead letters as an operator
     would (POST /api/v1/ops/dead-letters/{id}/replay), waits until no order is Pending (--drain-timeout, 300 s)
     and checks: every order reached the state its token and cancellation call for (cancel answered 202 ->
     Cancelled; tok_visa, tok_flaky, tok_outage -> Confirmed; tok_timeout -> Rejected PaymentFailed; tok_declined ->
     Rejected PaymentDeclined), and the invariants of build/crash-test.sh (nothing lost, no oversell, no double
     authorization or reservation, modules agree, every saga Completed or Compensated, no dead letter left).
Prints one PASS/FAIL line per check and "N passed, M failed" last; exits non-zero when a check fails.
Takes about 3 minutes with --quick on a quiet 2-core machine, plus 4 to 5 minutes the first time a --from
commit is built. Needs the git history of that commit (a shallow clone: git fetch --unshallow).

  --from REV       the previous build (default ${UPGRADE_FROM:0:7}: the previous released build, main just before
                   the saga rework of issue 10; its sagas are the oldest model the current build must take over,
                   so every later adapter runs too). After changing the saga, run it from main just before your
                   change as well: --from \$(git rev-parse main) before you merge (earlier runs: e943b45, 3a3acbb)
  --quick          shorter load per run of the previous build (CI)
  --no-build       do not rebuild the current build (the previous one is built once per commit anyway)
  --stop kill|term how the previous build is stopped (default kill)
  --help           this text; other options go to the benchmark program (build/crash-test.sh --help lists them)

Environment: KEEP_DB=1 keeps the cluster running; OM_BENCH_PG_PORT first port to try (55800); PG_BIN.
Host logs: .data/bench/upgrade/host0.log (previous build), host1.log (current build).
EOF
}

from=$UPGRADE_FROM
args=()
while [ $# -gt 0 ]; do
    case $1 in
        -h | --help) usage; exit 0 ;;
        --from)
            [ $# -ge 2 ] || { echo "upgrade-test.sh: --from needs a revision" >&2; exit 2; }
            from=$2
            shift 2
            ;;
        --from=*) from=${1#--from=}; shift ;;
        *) args+=("$1"); shift ;;
    esac
done

cd "$(dirname "$0")/.."
repo=$PWD
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

fail() {
    echo "upgrade-test.sh: $*" >&2
    echo "0 passed, 1 failed"
    exit 1
}

commit=$(git rev-parse --verify --quiet "$from^{commit}") ||
    fail "revision '$from' not found in this clone (a shallow clone lacks it: git fetch --unshallow)"
out="$repo/.data/upgrade/$commit"
old_dll="$out/host/OrderManagement.Host.dll"
if [ ! -f "$out/host/.built" ]; then
    mkdir -p "$repo/.data/upgrade"
    exec 7>"$repo/.data/upgrade/lock"
    flock 7
    if [ ! -f "$out/host/.built" ]; then
        tree="$repo/.data/upgrade/worktree-$commit"
        git worktree remove --force "$tree" 2>/dev/null || rm -rf "$tree"
        git worktree prune
        echo "upgrade-test.sh: building the previous build ${commit:0:12} in a temporary worktree (4 to 5 minutes on a busy machine)"
        git worktree add --detach --quiet "$tree" "$commit" 7>&- || fail "git worktree add failed"
        if ! dotnet build "$tree/src/Host/OrderManagement.Host.csproj" -c Release -nologo -v quiet </dev/null >"$repo/.data/upgrade/build-$commit.log" 2>&1 7>&-; then
            grep -E ': error ' "$repo/.data/upgrade/build-$commit.log" | sort -u | head -n 20 >&2 || true
            git worktree remove --force "$tree" 7>&- || true
            fail "the previous build did not build (see .data/upgrade/build-$commit.log)"
        fi
        rm -rf "$out"
        mkdir -p "$out"
        cp -a "$tree/src/Host/bin/Release/net10.0" "$out/host"
        touch "$out/host/.built"
        git worktree remove --force "$tree" 7>&- || rm -rf "$tree"
        git worktree prune
    fi
    exec 7>&-
fi
echo "upgrade-test.sh: previous build ${commit:0:12} ($(git log -1 --format=%s "$commit" | cut -c1-80))"

# shellcheck source=lib/bench.sh
. build/lib/bench.sh
bench_main upgrade upgrade-test.sh --from-host-dll "$old_dll" "${args[@]}"
