# shellcheck shell=bash
# Shared driver of build/bench.sh, build/crash-test.sh, build/two-hosts-test.sh and build/db-outage-test.sh.
# Source it and call: bench_main <command> <script name> "$@"
#
# It builds the host (Release) and tests/Benchmark, creates/starts a private PostgreSQL cluster under
# .data/bench-pg on a free loopback port (from 55800 up; OM_BENCH_PG_PORT overrides), creates a fresh database
# for the command, and runs the benchmark program, which starts the host process(es) itself. Host logs go to
# .data/bench/<command>/. The cluster is stopped afterwards unless KEEP_DB=1.

bench__usage() {
    local script=$1 command=$2
    cat <<EOF
Usage: build/$script [--quick] [--no-build] [options of the benchmark program]

Builds the host and tests/Benchmark (Release), starts a private PostgreSQL (.data/bench-pg), creates a
fresh database and runs: OrderManagement.Benchmark $command --connection ... --host-dll ... [options]

  --quick        short run (CI)
  --no-build     use the existing Release builds
  --haproxy N    N hosts (ports 5165..) behind HAProxy on 127.0.0.1:5168 (Debian's haproxy, installed when
                 missing; build/lib/cluster.sh's configuration), the load sent through HAProxy
  --help         this help and the program's options

Environment: KEEP_DB=1 keeps the cluster running afterwards; OM_BENCH_PG_PORT first port to try (55800);
PG_BIN directory with initdb/pg_ctl/postgres.
EOF
}

# The last line of output must stay the scenario's summary, also when the run cannot start.
bench__fail_line() {
    local command=$1
    if [ "$command" = bench ]; then
        echo "sustained_confirmed_per_s=0 completed_orders_per_s=0 post_p99_ms=n/a confirm_p99_ms=n/a commits_per_order=n/a peak_rss_mb=0 invariants=FAILED"
    else
        echo "0 passed, 1 failed"
    fi
}

bench_main() {
    local command=$1 script=$2
    shift 2
    local build=true args=() a haproxy=0 next_is_haproxy=false
    for a in "$@"; do
        if $next_is_haproxy; then
            haproxy=$a
            next_is_haproxy=false
            continue
        fi
        case $a in
            --no-build) build=false ;;
            --haproxy) next_is_haproxy=true ;;
            -h | --help)
                bench__usage "$script" "$command"
                local dll
                dll="$(dirname "${BASH_SOURCE[0]}")/../../tests/Benchmark/bin/Release/net10.0/OrderManagement.Benchmark.dll"
                if [ -f "$dll" ]; then
                    echo
                    dotnet "$dll" "$command" --help 2>&1 || true
                else
                    echo "(build once to see the program's options: dotnet build tests/Benchmark -c Release)"
                fi
                return 0
                ;;
            *) args+=("$a") ;;
        esac
    done

    cd "$(dirname "${BASH_SOURCE[0]}")/../.." || return 1
    local repo=$PWD
    # shellcheck source=pg.sh
    . build/lib/pg.sh
    export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

    mkdir -p "$repo/.data/bench"
    # One benchmark at a time per checkout: they share the cluster, and db-outage stops it.
    exec 8>"$repo/.data/bench/lock"
    if ! flock -n 8; then
        echo "$script: another benchmark in this checkout holds .data/bench/lock; waiting" >&2
        flock 8
    fi

    local workdir="$repo/.data/bench/$command"
    mkdir -p "$workdir"
    local host_dll="$repo/src/Host/bin/Release/net10.0/OrderManagement.Host.dll"
    local bench_dll="$repo/tests/Benchmark/bin/Release/net10.0/OrderManagement.Benchmark.dll"
    if $build; then
        echo "$script: building the host and the benchmark (Release)"
        if ! dotnet build src/Host/OrderManagement.Host.csproj -c Release -nologo -v quiet </dev/null >"$workdir/build.log" 2>&1 8>&- ||
            ! dotnet build tests/Benchmark/OrderManagement.Benchmark.csproj -c Release -nologo -v quiet </dev/null >>"$workdir/build.log" 2>&1 8>&-; then
            grep -E ': error ' "$workdir/build.log" | sort -u | head -n 40 >&2 || tail -n 30 "$workdir/build.log" >&2
            echo "$script: build failed (see .data/bench/$command/build.log)" >&2
            bench__fail_line "$command"
            return 1
        fi
    fi
    if [ ! -f "$host_dll" ] || [ ! -f "$bench_dll" ]; then
        echo "$script: $host_dll or $bench_dll missing; run without --no-build" >&2
        bench__fail_line "$command"
        return 1
    fi

    local datadir port=""
    datadir=$(pg_resolve_datadir "$repo/.data/bench-pg") || { bench__fail_line "$command"; return 1; }
    BENCH_DATADIR=$datadir
    BENCH_WORKDIR=$workdir
    trap 'bench__cleanup' EXIT
    if pg_is_running "$datadir"; then
        port=$(pg_running_port "$datadir")
        pg_ensure_cluster "$datadir" "$port" 8>&- || { bench__fail_line "$command"; return 1; }
    else
        local start=${OM_BENCH_PG_PORT:-55800} attempt
        for attempt in 1 2 3; do
            port=$(pg_free_port "$start") || { bench__fail_line "$command"; return 1; }
            if pg_ensure_cluster "$datadir" "$port" 8>&-; then
                break
            fi
            if [ "$attempt" -eq 3 ]; then
                bench__fail_line "$command"
                return 1
            fi
            start=$((port + 1))
        done
    fi

    local db="om_${command//-/_}"
    pg_psql "$port" -d postgres -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" &&
        pg_psql "$port" -d postgres -c "CREATE DATABASE $db" || { bench__fail_line "$command"; return 1; }
    local cs="Host=127.0.0.1;Port=$port;Username=postgres;Database=$db;Maximum Pool Size=100"
    echo "$script: database $db on 127.0.0.1:$port ($datadir)"

    local extra=()
    if [ "$command" = db-outage ]; then
        # The program calls these while the host runs; pg_stop is 'pg_ctl stop -m fast'.
        extra=(--db-stop-cmd ". '$repo/build/lib/pg.sh' && pg_stop '$datadir'"
            --db-start-cmd ". '$repo/build/lib/pg.sh' && pg_ensure_cluster '$datadir' $port")
    fi

    if [ "$haproxy" -gt 0 ] 2>/dev/null; then
        # shellcheck source=cluster.sh
        . build/lib/cluster.sh
        cl_install 8>&- || { bench__fail_line "$command"; return 1; }
        local ports=() i
        for i in $(seq 0 $((haproxy - 1))); do ports+=($((5165 + i))); done
        mkdir -p "$workdir/logs"
        cl_haproxy_up "$workdir" 5168 5169 "${ports[@]}" 8>&- || { bench__fail_line "$command"; return 1; }
        BENCH_HAPROXY_DIR=$workdir
        extra+=(--hosts "$haproxy" --port 5165 --via http://127.0.0.1:5168)
        echo "$script: $haproxy hosts on ports ${ports[*]} behind HAProxy on 127.0.0.1:5168"
    fi

    local rc=0
    dotnet "$bench_dll" "$command" --connection "$cs" --host-dll "$host_dll" --work-dir "$workdir" \
        "${extra[@]}" "${args[@]}" </dev/null 8>&- || rc=$?
    return "$rc"
}

# Kills host processes the program left behind (only pids whose command line is the host), then stops the
# cluster unless KEEP_DB=1. Prints nothing, so the program's summary stays the last line.
bench__cleanup() {
    local pidfile="${BENCH_WORKDIR:-/nonexistent}/hosts.pid" pid
    if [ -f "$pidfile" ]; then
        while read -r pid; do
            [ -n "$pid" ] || continue
            if { tr '\0' ' ' <"/proc/$pid/cmdline"; } 2>/dev/null | grep -q 'OrderManagement.Host.dll'; then
                kill -9 "$pid" 2>/dev/null || true
            fi
        done <"$pidfile"
    fi
    if [ -n "${BENCH_HAPROXY_DIR:-}" ]; then
        cl_haproxy_down "$BENCH_HAPROXY_DIR" >/dev/null 2>&1
    fi
    if [ -n "${BENCH_DATADIR:-}" ] && [ "${KEEP_DB:-0}" != 1 ]; then
        pg_stop "$BENCH_DATADIR" >/dev/null 2>&1
    fi
}
