#!/usr/bin/env bash
# Starts the whole system (one ASP.NET Core host) on http://127.0.0.1:5080.
set -euo pipefail

usage() {
    cat <<'EOF'
Usage: build/run.sh [--reset] [--stop-db] [--help]

Builds the host (Release) and runs it on http://127.0.0.1:5080 (ASPNETCORE_URLS overrides).

Database: if ConnectionStrings__OrderManagement is set, it is used as is. Otherwise a private
PostgreSQL cluster is created/started under .data/pg on 127.0.0.1:55432 (OM_PG_PORT overrides),
the database 'ordermanagement' is created if missing, and the connection string is exported.
The private cluster keeps running after the host stops; stop it with --stop-db.

Options:
  --reset     drop and recreate the database 'ordermanagement' first (start from empty)
  --stop-db   stop the private PostgreSQL cluster and exit
  --help      show this help

Environment:
  ASPNETCORE_ENVIRONMENT   default Development
  ASPNETCORE_URLS          default http://127.0.0.1:5080
  ConnectionStrings__OrderManagement   use this database instead of the private cluster
  OM_PG_PORT               port of the private cluster (default 55432)
  PG_BIN                   directory with initdb/pg_ctl/postgres (default: found automatically)
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

if $stop_db; then
    datadir=$(pg_resolve_datadir "$repo/.data/pg")
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

echo "run.sh: building the host (Release)"
if ! dotnet build src/Host/OrderManagement.Host.csproj -c Release -nologo -v quiet </dev/null; then
    echo "run.sh: build failed" >&2
    exit 1
fi

if [ -z "${ConnectionStrings__OrderManagement:-}" ]; then
    port=${OM_PG_PORT:-55432}
    datadir=$(pg_resolve_datadir "$repo/.data/pg")
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

echo "run.sh: starting the host on $ASPNETCORE_URLS ($ASPNETCORE_ENVIRONMENT)"
# Run from the project directory (as 'dotnet run' does) so the content root holds appsettings*.json.
cd src/Host
exec dotnet bin/Release/net10.0/OrderManagement.Host.dll
