#!/usr/bin/env bash
# Starts Debian's Prometheus scraping a host's /metrics, to watch the KPIs move (e.g. under build/bench.sh).
set -euo pipefail

usage() {
    cat <<'EOF'
Usage: build/observe.sh [--target HOST:PORT] [--stop] [--query PROMQL] [--help]

Starts Prometheus (Debian's `prometheus` package, installed with apt-get when missing) in the background,
listening on http://127.0.0.1:9090 (OM_PROMETHEUS_PORT overrides), scraping http://TARGET/metrics every 5 s.
Data and logs live under .data/prometheus/ (recreated on each start).

The host serves /metrics without an API key only on its separate scrape address, so start it with one:
  Metrics__ScrapeUrl=http://127.0.0.1:9464 build/run.sh
  build/bench.sh --quick --host-env Metrics__ScrapeUrl=http://127.0.0.1:9464
The README's "Observability" section lists the PromQL queries for the KPIs.

Options:
  --target HOST:PORT   what to scrape (default 127.0.0.1:9464, the host's Metrics:ScrapeUrl)
  --stop               stop the Prometheus this script started, and exit
  --query PROMQL       run an instant query against the running Prometheus, print the JSON answer, and exit
  --help               show this help

Exit status:
  0  Prometheus is up (or stopped, or the query answered: its JSON on standard output)
  1  Prometheus failed to start (its log: .data/prometheus/prometheus.log)
  2  bad usage
  3  --query: no Prometheus answers on 127.0.0.1:OM_PROMETHEUS_PORT (start it first)
  4  --query: Prometheus refused the query (bad PromQL); its error message is printed
EOF
}

root=$(cd "$(dirname "$0")/.." && pwd)
dir="$root/.data/prometheus"
port=${OM_PROMETHEUS_PORT:-9090}
target=127.0.0.1:9464
action=start
query=
while [ $# -gt 0 ]; do
    case $1 in
        --target) [ -n "${2:-}" ] || { echo "observe.sh: --target needs HOST:PORT" >&2; exit 2; }; target=$2; shift ;;
        --stop) action=stop ;;
        --query) [ -n "${2:-}" ] || { echo "observe.sh: --query needs a PromQL expression" >&2; exit 2; }; action=query; query=$2; shift ;;
        -h | --help) usage; exit 0 ;;
        *) echo "observe.sh: unknown argument: $1" >&2; usage >&2; exit 2 ;;
    esac
    shift
done

stop() {
    if [ -f "$dir/pid" ] && kill -0 "$(cat "$dir/pid")" 2>/dev/null; then
        kill "$(cat "$dir/pid")"
        echo "observe.sh: stopped Prometheus (pid $(cat "$dir/pid"))"
    fi
    rm -f "$dir/pid"
}

case $action in
    stop) stop; exit 0 ;;
    query)
        answer=$(mktemp)
        trap 'rm -f "$answer"' EXIT
        if ! status=$(curl -sS -o "$answer" -w '%{http_code}' --get "http://127.0.0.1:$port/api/v1/query" \
            --data-urlencode "query=$query" 2>"$answer.err"); then
            echo "observe.sh: no Prometheus answers on 127.0.0.1:$port ($(cat "$answer.err")); start it with build/observe.sh" >&2
            rm -f "$answer.err"
            exit 3
        fi
        rm -f "$answer.err"
        if [ "$status" != 200 ]; then
            # Prometheus answers {"status":"error","errorType":"bad_data","error":"..."}; print its error, not curl's.
            error=$(sed -n 's/.*"error":"\(.*\)".*/\1/p' "$answer" | sed 's/\\"/"/g')
            echo "observe.sh: Prometheus refused the query (HTTP $status): ${error:-$(cat "$answer")}" >&2
            exit 4
        fi
        cat "$answer"
        echo
        exit 0 ;;
esac

if ! command -v prometheus >/dev/null 2>&1; then
    echo "observe.sh: installing Debian's prometheus package"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq prometheus >/dev/null
fi
if ! command -v curl >/dev/null 2>&1; then
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq curl >/dev/null
fi

stop
rm -rf "$dir"
mkdir -p "$dir/data"
cat >"$dir/prometheus.yml" <<EOF
global:
  scrape_interval: 5s
  evaluation_interval: 5s
scrape_configs:
  - job_name: ordermanagement
    metrics_path: /metrics
    static_configs:
      - targets: ['$target']
EOF

# The package's own service (if it runs) uses port 9090 and /var/lib/prometheus; this one is private to the work tree.
nohup prometheus --config.file="$dir/prometheus.yml" --storage.tsdb.path="$dir/data" \
    --web.listen-address="127.0.0.1:$port" >"$dir/prometheus.log" 2>&1 &
echo $! >"$dir/pid"

for _ in $(seq 1 60); do
    if curl -fsS "http://127.0.0.1:$port/-/ready" >/dev/null 2>&1; then
        echo "observe.sh: Prometheus on http://127.0.0.1:$port scrapes http://$target/metrics (pid $(cat "$dir/pid"); stop with build/observe.sh --stop)"
        exit 0
    fi
    sleep 1
done
echo "observe.sh: Prometheus did not become ready; see $dir/prometheus.log" >&2
exit 1
