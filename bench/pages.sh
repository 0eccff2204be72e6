#!/usr/bin/env bash
# Load test of Herald's main pages: packages the app, starts it with demo data on a temporary data dir and a free
# port, signs in through the login form, then runs wrk on each page with the session cookie and prints req/s, p99
# and the ratio to /login (the unauthenticated reference, measured in the same run).
#
#   bench/pages.sh                      # package, start, measure, stop
#   SKIP_BUILD=1 bench/pages.sh         # reuse target/quarkus-app from an earlier package
#   CONNECTIONS=50 DURATION=10s WARMUP=15s THREADS=2 BENCH_USER=admin bench/pages.sh
#   PATHS="/ /content" bench/pages.sh   # other pages (the defaults are listed below)
# The ratio column divides by the higher of two /login runs (one before the pages, one after).
set -euo pipefail

CONNECTIONS=${CONNECTIONS:-50}
THREADS=${THREADS:-2}
DURATION=${DURATION:-10s}
WARMUP=${WARMUP:-15s}
BENCH_USER=${BENCH_USER:-admin}
BENCH_PASSWORD=${BENCH_PASSWORD:-herald-demo}
PATHS=${PATHS:-"/ /content /calendar /governance/rules /review"}

cd "$(dirname "$0")/.."

for tool in java curl; do
    command -v "$tool" >/dev/null || { echo "bench: '$tool' is needed on the PATH" >&2; exit 2; }
done
if ! command -v wrk >/dev/null; then
    echo "bench: wrk is not installed. Debian/Ubuntu: sudo apt-get install -y wrk; macOS: brew install wrk;" >&2
    echo "       elsewhere build it from its source (git clone of wg/wrk, then make)." >&2
    exit 2
fi

if [ "${SKIP_BUILD:-}" != 1 ]; then
    echo "bench: packaging (mvn package -DskipTests)..."
    mvn -q -B package -DskipTests
fi
[ -f target/quarkus-app/quarkus-run.jar ] || { echo "bench: target/quarkus-app/quarkus-run.jar missing; run without SKIP_BUILD" >&2; exit 2; }

free_port() {
    local port
    for _ in $(seq 1 50); do
        port=$(( 20000 + RANDOM % 20000 ))
        if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
            echo "$port"
            return
        fi
    done
    echo "bench: no free port found" >&2
    exit 2
}

DATA_DIR=$(mktemp -d -t herald-bench.XXXXXX)
PORT=$(free_port)
MANAGEMENT_PORT=$(free_port)
BASE="http://127.0.0.1:$PORT"
# Health lives on the management interface, not on the public port.
READY="http://127.0.0.1:$MANAGEMENT_PORT/q/health/ready"
APP_PID=

cleanup() {
    if [ -n "$APP_PID" ] && kill -0 "$APP_PID" 2>/dev/null; then
        kill "$APP_PID"
        wait "$APP_PID" 2>/dev/null || true
    fi
    rm -rf "$DATA_DIR"
}
trap cleanup EXIT INT TERM

echo "bench: starting Herald on port $PORT with demo data in $DATA_DIR"
HERALD_DEMO=true HERALD_DATA_DIR="$DATA_DIR" java -Dquarkus.http.port="$PORT" \
    -Dquarkus.management.port="$MANAGEMENT_PORT" -jar target/quarkus-app/quarkus-run.jar \
    >"$DATA_DIR/app.log" 2>&1 &
APP_PID=$!

for _ in $(seq 1 180); do
    if curl -fs -o /dev/null "$READY"; then
        break
    fi
    if ! kill -0 "$APP_PID" 2>/dev/null; then
        echo "bench: Herald exited during start-up; its log:" >&2
        cat "$DATA_DIR/app.log" >&2
        exit 1
    fi
    sleep 1
done
curl -fs -o /dev/null "$READY" || { echo "bench: Herald not ready after 180 s" >&2; exit 1; }

# Signs in through the login form and prints the Cookie header a browser would send (session and CSRF cookies).
# Each page is measured with a fresh sign-in: a browser keeps the session cookie Herald renews every minute, while
# wrk would keep sending the first one and make every later response renew it.
session_cookie() {
    local jar="$DATA_DIR/cookies.txt" status
    rm -f "$jar"
    status=$(curl -s -o /dev/null -w '%{http_code}' -c "$jar" \
        --data-urlencode "j_username=$BENCH_USER" --data-urlencode "j_password=$BENCH_PASSWORD" "$BASE/j_security_check")
    if [ "$status" != 302 ] || ! grep -q herald-session "$jar"; then
        echo "bench: sign-in as $BENCH_USER failed (HTTP $status)" >&2
        exit 1
    fi
    curl -s -o /dev/null -b "$jar" -c "$jar" "$BASE/"
    echo "Cookie: $(awk '$6 ~ /^herald-/ { printf "%s%s=%s", sep, $6, $7; sep = "; " }' "$jar")"
}

# Prints "<req/s> <p99 in ms>" for one path; refuses to report a page that does not answer 200 to every request.
measure() {
    local path=$1 header=$2 code out rps p99 errors
    code=$(curl -s -o /dev/null -w '%{http_code}' ${header:+-H "$header"} "$BASE$path")
    if [ "$code" != 200 ]; then
        echo "bench: $path answered HTTP $code for $BENCH_USER" >&2
        exit 1
    fi
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" ${header:+-H "$header"} "$BASE$path" >/dev/null
    out=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency ${header:+-H "$header"} "$BASE$path")
    errors=$(awk '/Non-2xx or 3xx responses|Socket errors/ { print }' <<<"$out")
    if [ -n "$errors" ]; then
        echo "bench: $path: $errors" >&2
    fi
    rps=$(awk '/^Requests\/sec:/ { print $2 }' <<<"$out")
    p99=$(awk '$1 == "99%" { v = $2; if (v ~ /us$/) { sub(/us$/, "", v); v /= 1000 } else if (v ~ /ms$/) { sub(/ms$/, "", v) }
        else if (v ~ /s$/) { sub(/s$/, "", v); v *= 1000 } printf "%.1f", v }' <<<"$out")
    echo "$rps $p99"
}

echo "bench: wrk -t$THREADS -c$CONNECTIONS, $WARMUP warm-up then $DURATION per page, signed in as $BENCH_USER"
# A first pass over every page warms the JIT, so the reference is not measured on a cold JVM.
cookie=$(session_cookie)
for path in /login $PATHS; do
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" -H "$cookie" "$BASE$path" >/dev/null
done

result=$(measure /login "")
read -r login_rps login_p99 <<<"$result"
rows=()
for path in $PATHS; do
    cookie=$(session_cookie)
    rows+=("$path $(measure "$path" "$cookie")")
done
# /login again at the end: the higher of the two is the reference, so a slow start never flatters the ratios.
result=$(measure /login "")
read -r login2_rps login2_p99 <<<"$result"
reference=$(awk -v a="$login_rps" -v b="$login2_rps" 'BEGIN { print (a > b ? a : b) }')

printf '\n%-20s %10s %10s %10s\n' "page" "req/s" "p99 ms" "x /login"
printf '%-20s %10.0f %10s %10s\n' "/login (first)" "$login_rps" "$login_p99" "-"
printf '%-20s %10.0f %10s %10s\n' "/login (last)" "$login2_rps" "$login2_p99" "-"
for row in "${rows[@]}"; do
    read -r path rps p99 <<<"$row"
    printf '%-20s %10.0f %10s %10.2f\n' "$path" "$rps" "$p99" "$(awk -v a="$rps" -v b="$reference" 'BEGIN { print a / b }')"
done
