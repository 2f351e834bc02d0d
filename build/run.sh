#!/usr/bin/env bash
# Starts the whole system (one ASP.NET Core host) on http://127.0.0.1:5080.
set -euo pipefail

usage() {
    cat <<'EOF'
Usage: build/run.sh [--reset] [--stop-db] [--help]

Builds the host (Release) and runs it on http://127.0.0.1:5080 (ASPNETCORE_URLS overrides). The first
run restores packages and builds for a few minutes (4 to 5 on a busy 2-core machine, less on a quiet
one), showing MSBuild's progress; later runs build in seconds. When the host listens it logs one line
"OrderManagement is ready" with its URLs and, in Development, the API keys. The script ends by exec-ing
the host: Ctrl+C stops it.

Database: if ConnectionStrings__OrderManagement is set, it is used as is. Otherwise a private
PostgreSQL cluster is created/started under .data/pg on 127.0.0.1:55432 (OM_PG_PORT overrides),
the database 'ordermanagement' is created if missing, and the connection string is exported.
The private cluster keeps running after the host stops; stop it with --stop-db. When PostgreSQL's
server binaries are missing and apt-get is available, postgresql-15 is installed (as root).

Ports are checked before building: exit 1 with the variable to set when an HTTP port of ASPNETCORE_URLS
or OM_PG_PORT is taken by another program. A private cluster of this checkout that already runs is
never restarted: on another port than OM_PG_PORT it is reused when OM_PG_PORT is unset, and otherwise
the script stops with exit 1 and says how to use or stop it.

Options:
  --reset     drop and recreate the database 'ordermanagement' first (start from empty)
  --stop-db   stop the private PostgreSQL cluster and exit
  --help      show this help

Environment:
  ASPNETCORE_ENVIRONMENT   default Development
  ASPNETCORE_URLS          ';'-separated listen URLs, default http://127.0.0.1:5080
  ConnectionStrings__OrderManagement   use this database instead of the private cluster
  OM_PG_PORT               port of the private cluster on 127.0.0.1 (default 55432)
  OM_PG_DATA               directory of the private cluster (default .data/pg)
  PG_BIN                   directory with initdb/pg_ctl/postgres (default: found automatically)

Exit codes: 1 busy port, failed build or database start; 2 bad arguments; once started, the host's.
EOF
}

reset=false
stop_db=false
while [ $# -gt 0 ]; do
    case $1 in
        --reset) reset=true ;;
        --stop-db) stop_db=true ;;
        -h | --help) usage; exit 0 ;;
        *) echo "run.sh: unknown argument: $1" >&2; usage >&2; exit 2 ;;
    esac
    shift
done

cd "$(dirname "$0")/.."
repo=$PWD
# shellcheck source=lib/pg.sh
. build/lib/pg.sh

export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

pg_data=${OM_PG_DATA:-$repo/.data/pg}

if $stop_db; then
    datadir=$(pg_resolve_datadir "$pg_data")
    if pg_is_running "$datadir"; then
        pg_stop "$datadir"
        echo "run.sh: stopped PostgreSQL ($datadir)"
    else
        echo "run.sh: private PostgreSQL is not running"
    fi
    exit 0
fi

if [ -n "${ConnectionStrings__OrderManagement:-}" ] && $reset; then
    echo "run.sh: --reset only works with the private database; unset ConnectionStrings__OrderManagement" >&2
    exit 2
fi

export ASPNETCORE_ENVIRONMENT=${ASPNETCORE_ENVIRONMENT:-Development}
export ASPNETCORE_URLS=${ASPNETCORE_URLS:-http://127.0.0.1:5080}

# --- ports, before anything slow ------------------------------------------------------------------
# The private cluster's port: reuse a cluster of this checkout that already runs, never restart it elsewhere.
port=""
if [ -z "${ConnectionStrings__OrderManagement:-}" ]; then
    pg_ensure_installed
    datadir=$(pg_resolve_datadir "$pg_data")
    port=${OM_PG_PORT:-55432}
    if pg_is_running "$datadir"; then
        running=$(pg_running_port "$datadir" || true)
        if [ "$running" != "$port" ]; then
            if [ -n "${OM_PG_PORT:-}" ]; then
                echo "run.sh: the private PostgreSQL of this checkout ($datadir) already runs on port $running, not on OM_PG_PORT=$port." >&2
                echo "        Use it (OM_PG_PORT=$running build/run.sh), or stop it first (build/run.sh --stop-db)." >&2
                exit 1
            fi
            echo "run.sh: the private PostgreSQL of this checkout already runs on port $running; using it (OM_PG_PORT=$running)"
            port=$running
        fi
    elif ! pg_port_free "$port"; then
        echo "run.sh: port $port for the private PostgreSQL is already in use (another PostgreSQL or checkout?)." >&2
        echo "        Choose another port: OM_PG_PORT=$(pg_free_port $((port + 1)) 2>/dev/null || echo '<port>') build/run.sh" >&2
        exit 1
    fi
fi

# The HTTP ports: every URL of ASPNETCORE_URLS (';'-separated) must be free.
for url in ${ASPNETCORE_URLS//;/ }; do
    hostport=${url#*://}
    hostport=${hostport%%/*}
    case $hostport in
        *\]:* | [!\[]*:*) http_port=${hostport##*:} http_host=${hostport%:*} ;;
        *) http_host=$hostport; case $url in https:*) http_port=443 ;; *) http_port=80 ;; esac ;;
    esac
    if ! addr_port_free "$http_host" "$http_port"; then
        echo "run.sh: $http_host:$http_port (from ASPNETCORE_URLS=$ASPNETCORE_URLS) is already in use." >&2
        echo "        Stop what listens there, or choose another address: ASPNETCORE_URLS=http://127.0.0.1:$(pg_free_port $((http_port + 1)) 2>/dev/null || echo '<port>') build/run.sh" >&2
        exit 1
    fi
done

# --- build ----------------------------------------------------------------------------------------
host_dll=src/Host/bin/Release/net10.0/OrderManagement.Host.dll
if [ -f "$host_dll" ]; then
    echo "run.sh: building the host (Release); a few seconds when nothing changed"
else
    echo "run.sh: first run: restoring packages and building the host (Release) takes a few minutes"
    echo "        (4 to 5 on a busy 2-core machine, less on a quiet one); progress follows"
fi
build_started=$SECONDS
# Minimal verbosity prints restore and per-project lines; in a terminal MSBuild shows live progress instead.
if ! dotnet build src/Host/OrderManagement.Host.csproj -c Release -nologo -v minimal -clp:NoSummary </dev/null; then
    echo "run.sh: build failed (errors above)" >&2
    exit 1
fi
echo "run.sh: build done in $((SECONDS - build_started)) s"

# --- database -------------------------------------------------------------------------------------
if [ -z "${ConnectionStrings__OrderManagement:-}" ]; then
    pg_ensure_cluster "$datadir" "$port"
    if $reset; then
        echo "run.sh: dropping database ordermanagement"
        pg_psql "$port" -d postgres -c 'DROP DATABASE IF EXISTS ordermanagement WITH (FORCE)'
    fi
    if [ "$(pg_psql "$port" -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname = 'ordermanagement'")" != 1 ]; then
        echo "run.sh: creating database ordermanagement"
        pg_psql "$port" -d postgres -c 'CREATE DATABASE ordermanagement'
    fi
    export ConnectionStrings__OrderManagement="Host=127.0.0.1;Port=$port;Username=postgres;Database=ordermanagement;Maximum Pool Size=100"
    echo "run.sh: database: $ConnectionStrings__OrderManagement"
else
    echo "run.sh: database: from ConnectionStrings__OrderManagement"
fi

echo "run.sh: starting the host on $ASPNETCORE_URLS ($ASPNETCORE_ENVIRONMENT); it says when it is ready."
echo "        Ctrl+C stops the host; build/run.sh --stop-db then stops the private PostgreSQL."
# Run from the project directory (as 'dotnet run' does) so the content root holds appsettings*.json.
cd src/Host
exec dotnet bin/Release/net10.0/OrderManagement.Host.dll
