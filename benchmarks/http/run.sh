#!/usr/bin/env bash
# HTTP benchmark (issue 8, item 6): summary.json of a 200-component page vs a fixed byte array of the same size,
# both from the sample host in Release, driven by wrk on loopback; and, for information, each of these against fixed
# bytes of its size: the page's HTML (what most readers open when something breaks) as it is and Brotli-compressed
# (what a browser is sent), summary.json as a browser's script is sent it (Brotli), and incidents.json of a second page
# with 50 resolved incidents (a document that reads the store). Bounded: ROUNDS x 10 runs of DURATION each.
#
#   benchmarks/http/run.sh [--urls http://127.0.0.1:5080] [--duration 10s] [--threads 2] [--connections 32]
#                          [--rounds 3] [--components 200]
set -euo pipefail

URL=http://127.0.0.1:5080
DURATION=10s
THREADS=2
CONNECTIONS=32
ROUNDS=3
COMPONENTS=200
while [[ $# -gt 0 ]]; do
  case "$1" in
    --urls) URL="${2%/}"; shift 2 ;;
    --duration) DURATION="$2"; shift 2 ;;
    --threads) THREADS="$2"; shift 2 ;;
    --connections) CONNECTIONS="$2"; shift 2 ;;
    --rounds) ROUNDS="$2"; shift 2 ;;
    --components) COMPONENTS="$2"; shift 2 ;;
    -h|--help) sed -n 2,6p "$0"; exit 0 ;;
    *) echo "unknown argument: $1" >&2; exit 2 ;;
  esac
done

# Loopback only.
case "$URL" in
  http://127.0.0.1:*|http://localhost:*|http://\[::1\]:*) ;;
  *) echo "--urls must be http://127.0.0.1:PORT (loopback only), was $URL" >&2; exit 2 ;;
esac
[[ "$ROUNDS" =~ ^[1-9]$ ]] || { echo "--rounds must be 1-9" >&2; exit 2; }
[[ "$COMPONENTS" =~ ^[0-9]+$ && "$COMPONENTS" -ge 1 && "$COMPONENTS" -le 1000 ]] || { echo "--components must be 1-1000" >&2; exit 2; }

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
PROJECT="$ROOT/samples/StatusKit.SampleHost"

if ! command -v wrk >/dev/null 2>&1; then
  echo "== installing wrk (Debian package)"
  apt-get install -y wrk >/dev/null || { apt-get update >/dev/null && apt-get install -y wrk >/dev/null; }
fi

WORK="$(mktemp -d "${TMPDIR:-/tmp}/statuskit-httpbench.XXXXXX")"
HOST_PID=""
cleanup() {
  if [[ -n "$HOST_PID" ]] && kill -0 "$HOST_PID" 2>/dev/null; then
    # The host runs in its own process group (setsid): stop dotnet run and the app it started.
    kill -TERM -- "-$HOST_PID" 2>/dev/null || true
    for _ in $(seq 1 50); do kill -0 "$HOST_PID" 2>/dev/null || break; sleep 0.2; done
    kill -KILL -- "-$HOST_PID" 2>/dev/null || true
  fi
  rm -rf "$WORK"
}
trap cleanup EXIT

API_KEY="httpbench-$(od -An -N12 -tx1 /dev/urandom | tr -d ' \n')"
ADMIN="$URL/status/admin"

echo "== building the sample host (Release)"
dotnet build -c Release "$PROJECT" -nologo -v quiet >"$WORK/build.log" 2>&1 || { cat "$WORK/build.log" >&2; exit 1; }

echo "== starting the sample host on $URL (log: host.log in the temp folder, deleted on exit)"
ASPNETCORE_ENVIRONMENT=Production DOTNET_CLI_TELEMETRY_OPTOUT=1 setsid dotnet run -c Release --no-build --no-launch-profile \
  --project "$PROJECT" -- \
  --urls "$URL" \
  --ConnectionStrings:StatusKit="Data Source=$WORK/statuskit.db" \
  --Sample:DataDirectory="$WORK/data" \
  --Sample:AdminApiKey="$API_KEY" \
  --Logging:LogLevel:Default=Warning \
  >"$WORK/host.log" 2>&1 &
HOST_PID=$!

for i in $(seq 1 120); do
  if curl -fsS -o /dev/null "$URL/sample/fixed-bytes?size=64" 2>/dev/null; then break; fi
  if ! kill -0 "$HOST_PID" 2>/dev/null; then echo "the host exited:" >&2; cat "$WORK/host.log" >&2; exit 1; fi
  [[ $i -eq 120 ]] && { echo "the host did not answer within 60 s" >&2; cat "$WORK/host.log" >&2; exit 1; }
  sleep 0.5
done

admin() { # method path [json]
  curl -fsS -X "$1" -H "X-Api-Key: $API_KEY" -H "Content-Type: application/json" ${3:+--data "$3"} "$ADMIN$2"
}

SLUG="bench-$COMPONENTS"
echo "== creating page '$SLUG' with $COMPONENTS components through the admin API"
PAGE_ID="$(admin POST /pages "{\"name\":\"Benchmark $COMPONENTS\",\"slug\":\"$SLUG\",\"description\":\"HTTP benchmark page.\",\"timeZoneId\":\"Europe/Berlin\",\"createdBy\":\"httpbench\"}" \
  | grep -o '"id":"[0-9a-f-]\{36\}"' | head -1 | cut -d'"' -f4)"
[[ -n "$PAGE_ID" ]] || { echo "page creation returned no id" >&2; exit 1; }
for i in $(seq 1 "$COMPONENTS"); do
  n=$(printf '%03d' "$i")
  admin POST "/pages/$PAGE_ID/components" \
    "{\"name\":\"Component $n\",\"description\":\"Benchmark component number $n.\",\"groupName\":\"Group $(( (i - 1) % 10 + 1 ))\",\"teamId\":\"team-$(( (i - 1) % 20 + 1 ))\",\"serviceIdentifier\":\"service-$n\"}" >/dev/null
done

SUMMARY="$URL/status/$SLUG/api/v2/summary.json"
# The snapshot is rebuilt after each change; wait until summary.json lists every component.
for i in $(seq 1 60); do
  curl -fsS -D "$WORK/summary.headers" -o "$WORK/summary.json" "$SUMMARY"
  listed=$(grep -o '"name":"Component [0-9]\{3\}"' "$WORK/summary.json" | wc -l || true)
  [[ "$listed" -ge "$COMPONENTS" ]] && break
  [[ $i -eq 60 ]] && { echo "summary.json lists $listed of $COMPONENTS components after 30 s" >&2; exit 1; }
  sleep 0.5
done
SIZE=$(wc -c <"$WORK/summary.json" | tr -d ' ')
ETAG="$(grep -i '^etag:' "$WORK/summary.headers" | head -1 | cut -d' ' -f2- | tr -d '\r')"
FIXED="$URL/sample/fixed-bytes?size=$SIZE"
FIXED_SIZE=$(curl -fsS "$FIXED" | wc -c | tr -d ' ')
[[ "$FIXED_SIZE" -eq "$SIZE" ]] || { echo "fixed-bytes returned $FIXED_SIZE bytes, expected $SIZE" >&2; exit 1; }
echo "summary.json: $SIZE bytes, $listed components, ETag $ETAG"
echo "-- response headers: summary.json"; tr -d '\r' <"$WORK/summary.headers" | sed 's/^/   /'
echo "-- response headers: fixed-bytes"; curl -fsS -D - -o /dev/null "$FIXED" | tr -d '\r' | sed 's/^/   /'

PAGE="$URL/status/$SLUG"
PAGE_SIZE=$(curl -fsS "$PAGE" | wc -c | tr -d ' ')
PAGE_BR_SIZE=$(curl -fsS -H 'Accept-Encoding: br' "$PAGE" | wc -c | tr -d ' ')
SUMMARY_BR_SIZE=$(curl -fsS -H 'Accept-Encoding: br' "$SUMMARY" | wc -c | tr -d ' ')
echo "status page (HTML): $PAGE_SIZE bytes, $PAGE_BR_SIZE with Accept-Encoding: br; summary.json $SUMMARY_BR_SIZE with Accept-Encoding: br"

INCIDENTS_SLUG="bench-incidents"
echo "== creating page '$INCIDENTS_SLUG' with 50 resolved incidents through the admin API"
INCIDENTS_PAGE_ID="$(admin POST /pages "{\"name\":\"Benchmark incidents\",\"slug\":\"$INCIDENTS_SLUG\",\"createdBy\":\"httpbench\"}" \
  | grep -o '"id":"[0-9a-f-]\{36\}"' | head -1 | cut -d'"' -f4)"
[[ -n "$INCIDENTS_PAGE_ID" ]] || { echo "page creation returned no id" >&2; exit 1; }
for i in $(seq 1 50); do
  admin POST "/pages/$INCIDENTS_PAGE_ID/incidents" \
    "{\"title\":\"Incident $i\",\"message\":\"Requests to the API failed for some customers; we rolled back the release that caused it.\",\"state\":\"resolved\",\"notifySubscribers\":false}" >/dev/null
done
INCIDENTS="$URL/status/$INCIDENTS_SLUG/api/v2/incidents.json"
INCIDENTS_SIZE=$(curl -fsS "$INCIDENTS" | wc -c | tr -d ' ')
echo "incidents.json: $INCIDENTS_SIZE bytes"

echo "== conditional request (If-None-Match: $ETAG)"
: >"$WORK/conditional.body"
CODE=$(curl -sS -o "$WORK/conditional.body" -w '%{http_code}' -H "If-None-Match: $ETAG" "$SUMMARY")
BODY=$(wc -c <"$WORK/conditional.body" | tr -d ' ')
if [[ "$CODE" == 304 && "$BODY" == 0 ]]; then CHECK_304="pass (304, empty body)"; else CHECK_304="FAIL ($CODE, $BODY bytes)"; fi
echo "304 check: $CHECK_304"

run_wrk() { # url [header] -> requests/s
  local out
  out="$(wrk -t "$THREADS" -c "$CONNECTIONS" -d "$DURATION" --latency ${2:+-H "$2"} "$1")"
  echo "$out" >>"$WORK/wrk.log"
  if grep -q 'Non-2xx or 3xx responses' <<<"$out"; then echo "wrk saw error responses for $1:" >&2; echo "$out" >&2; exit 1; fi
  awk '/^Requests\/sec:/ { print $2 }' <<<"$out"
}

fixed() { echo "$URL/sample/fixed-bytes?size=$1"; }
# Each measured pair: label | URL | header for wrk (or none) | the size of its answer, for the fixed bytes.
PAIRS=(
  "summary.json|$SUMMARY||$SIZE"
  "status page|$PAGE||$PAGE_SIZE"
  "status page br|$PAGE|Accept-Encoding: br|$PAGE_BR_SIZE"
  "summary.json br|$SUMMARY|Accept-Encoding: br|$SUMMARY_BR_SIZE"
  "incidents.json|$INCIDENTS||$INCIDENTS_SIZE"
)

echo "== warm-up (2 s each)"
for pair in "${PAIRS[@]}"; do
  IFS='|' read -r _ url header _ <<<"$pair"
  wrk -t "$THREADS" -c "$CONNECTIONS" -d 2s ${header:+-H "$header"} "$url" >/dev/null
done
wrk -t "$THREADS" -c "$CONNECTIONS" -d 2s "$FIXED" >/dev/null

echo "== wrk: $ROUNDS round(s), $DURATION each, $THREADS threads, $CONNECTIONS connections, alternating the order"
declare -A RPS FIXED_RPS_OF
for r in $(seq 1 "$ROUNDS"); do
  for pair in "${PAIRS[@]}"; do
    IFS='|' read -r label url header size <<<"$pair"
    # Alternate which endpoint goes first, so neither always runs right after the other.
    if (( r % 2 )); then f=$(run_wrk "$(fixed "$size")"); s=$(run_wrk "$url" "$header"); else s=$(run_wrk "$url" "$header"); f=$(run_wrk "$(fixed "$size")"); fi
    RPS[$label]+=" $s"
    FIXED_RPS_OF[$label]+=" $f"
    printf 'round %d: fixed-bytes %10.1f req/s   %-16s %10.1f req/s   ratio %.3f   (load average: %s)\n' \
      "$r" "$f" "$label" "$s" "$(awk -v s="$s" -v f="$f" 'BEGIN { print s / f }')" "$(cut -d' ' -f1-3 /proc/loadavg)"
  done
done

median() { printf '%s\n' "$@" | sort -g | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }
# shellcheck disable=SC2086 # the lists are space-separated numbers
S=$(median ${RPS[summary.json]})
# shellcheck disable=SC2086
F=$(median ${FIXED_RPS_OF[summary.json]})
RATIO=$(awk -v s="$S" -v f="$F" 'BEGIN { printf "%.3f", s / f }')
VERDICT=$(awk -v r="$RATIO" 'BEGIN { print (r >= 0.9) ? "met" : "MISSED" }')

echo
echo "== result (medians of $ROUNDS round(s))"
echo "machine:       $(nproc) CPUs, $(lscpu | awk -F: '/^Model name/ { gsub(/^ +/, "", $2); print $2 }'), load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "SDK:           $(dotnet --version)"
echo "date:          $(date -u '+%Y-%m-%d %H:%M UTC')"
echo "summary size:  $SIZE bytes ($COMPONENTS components)"
printf 'fixed-bytes:   %.1f req/s\n' "$F"
printf 'summary.json:  %.1f req/s\n' "$S"
echo "ratio:         $RATIO (target >= 0.90: $VERDICT)"
echo "304 check:     $CHECK_304"
echo "for information (no target), each against fixed bytes of its size:"
for pair in "${PAIRS[@]:1}"; do
  IFS='|' read -r label _ header size <<<"$pair"
  # shellcheck disable=SC2086
  s=$(median ${RPS[$label]})
  # shellcheck disable=SC2086
  f=$(median ${FIXED_RPS_OF[$label]})
  printf '%-16s %9d bytes  %10.1f req/s   fixed bytes %10.1f req/s   ratio %.3f\n' "$label" "$size" "$s" "$f" "$(awk -v s="$s" -v f="$f" 'BEGIN { print s / f }')"
done
[[ "$CHECK_304" == pass* ]]
