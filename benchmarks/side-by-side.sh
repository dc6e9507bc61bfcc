#!/usr/bin/env bash
# Side-by-side benchmark (docs/benchmarks.md, "Side by side"): builds Setpoint and a minimal Spring
# Cloud Config Server, serves the same 60 keys from both (and the same bytes from nginx as a static
# ceiling), loads each in turn with wrk (same connections, duration and threads), reads each
# server's CPU time and memory from /proc, and rewrites the marked section of docs/benchmarks.md.
#
#   benchmarks/side-by-side.sh
#
# Options, as environment variables: BENCH_SECONDS (10, per measured phase), BENCH_WARMUP_SECONDS
# (30), BENCH_CONNECTIONS (64), BENCH_THREADS (wrk threads, nproc), BENCH_SETPOINT_PORT (19680),
# BENCH_SETPOINT_HTTPS_PORT (20043), BENCH_SCC_PORT (18888), BENCH_NGINX_PORT (18080),
# BENCH_SKIP_BUILD=1 (reuse the last build), BENCH_INSTALL=0 (never apt-get install wrk/nginx),
# BENCH_NOTE (a line printed above the table), BENCH_DOC (the file to rewrite, docs/benchmarks.md;
# empty: print only). Maven options go in MAVEN_ARGS, e.g. MAVEN_ARGS=-Dmaven.repo.local=/path.
# All traffic stays on 127.0.0.1.
set -euo pipefail
export LC_ALL=C

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"

PHASE_SECONDS=${BENCH_SECONDS:-10}
WARMUP_SECONDS=${BENCH_WARMUP_SECONDS:-30}
CONNECTIONS=${BENCH_CONNECTIONS:-64}
THREADS=${BENCH_THREADS:-$(nproc)}
SP_PORT=${BENCH_SETPOINT_PORT:-19680}
SP_HTTPS_PORT=${BENCH_SETPOINT_HTTPS_PORT:-20043}
SCC_PORT=${BENCH_SCC_PORT:-18888}
NGINX_PORT=${BENCH_NGINX_PORT:-18080}
DOC=${BENCH_DOC-docs/benchmarks.md}
KEYS_SETTINGS=50
KEYS_SECRETS=10

WLP=$ROOT/liberty/target/liberty/wlp
SCC_JAR=$ROOT/benchmarks/spring-cloud-config/target/spring-cloud-config-bench.jar
LUA=$ROOT/benchmarks/side-by-side.lua
WORK=$ROOT/benchmarks/target/side-by-side
APP=bench
ENV_SLUG=staging
HZ=$(getconf CLK_TCK)

say() { printf '[side-by-side] %s\n' "$*" >&2; }
fail() {
  say "FAILED: $*"
  exit 1
}

# --- prerequisites -----------------------------------------------------------------------------

apt_install() { # package...: installs Debian packages when allowed and root
  [[ ${BENCH_INSTALL:-1} != 0 && $(id -u) == 0 ]] && command -v apt-get > /dev/null || return 1
  say "installing $* with apt-get"
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y -qq --no-install-recommends "$@" > "$WORK/apt.log" 2>&1 \
    || { apt-get update -qq >> "$WORK/apt.log" 2>&1 \
      && apt-get install -y -qq --no-install-recommends "$@" >> "$WORK/apt.log" 2>&1; }
}

port_busy() { (exec 3<> "/dev/tcp/127.0.0.1/$1") 2> /dev/null; }

mkdir -p "$WORK"
for tool in curl java awk pgrep; do
  command -v "$tool" > /dev/null || fail "$tool is needed"
done
if ! command -v wrk > /dev/null; then
  apt_install wrk || fail "wrk is needed: install it (Debian: apt-get install wrk), or run as root so this script can"
fi
NGINX=$(command -v nginx || true)
if [[ -z $NGINX ]] && apt_install nginx-light; then
  NGINX=$(command -v nginx || true)
fi
for port in "$SP_PORT" "$SP_HTTPS_PORT" "$SCC_PORT" "$NGINX_PORT"; do
  port_busy "$port" && fail "127.0.0.1:$port is in use (a Setpoint or another server already runs there);" \
    "stop it (e.g. $WLP/bin/server stop setpoint) or choose other ports (BENCH_*_PORT)"
done
if [[ -x $WLP/bin/server ]] && "$WLP/bin/server" status setpoint > /dev/null 2>&1; then
  fail "the Liberty server \"setpoint\" is already running: stop it first ($WLP/bin/server stop setpoint)"
fi

# --- build -------------------------------------------------------------------------------------

if [[ ${BENCH_SKIP_BUILD:-0} != 1 ]]; then
  say "building Setpoint (install of the modules but liberty, then the Liberty server \"setpoint\")"
  ./mvnw -q -B -DskipTests install -pl '!liberty'
  ./mvnw -q -B -pl liberty liberty:create liberty:deploy
  say "building the Spring Cloud Config Server"
  ./mvnw -q -B -f benchmarks/spring-cloud-config/pom.xml package
fi
[[ -x $WLP/bin/server && -f $WLP/usr/servers/setpoint/apps/setpoint-ear.ear ]] \
  || fail "no Liberty server \"setpoint\" in $WLP (run without BENCH_SKIP_BUILD=1)"
[[ -f $SCC_JAR ]] || fail "no $SCC_JAR (run without BENCH_SKIP_BUILD=1)"

# --- processes, cleaned up on exit -------------------------------------------------------------

SP_STARTED=0
SCC_PID=
NGINX_PID=
sp_env() {
  env -u SETPOINT_ADMIN_PASSWORD SETPOINT_HTTP_PORT="$SP_PORT" SETPOINT_HTTPS_PORT="$SP_HTTPS_PORT" \
    SETPOINT_HOST=127.0.0.1 SETPOINT_PROFILE=dev SETPOINT_RATE_LIMIT_ENABLED=false \
    SETPOINT_DB_URL="jdbc:h2:file:$WORK/setpoint/data/setpoint;DB_CLOSE_ON_EXIT=FALSE;LOCK_TIMEOUT=10000" \
    SETPOINT_DEV_MASTER_KEY_FILE="$WORK/setpoint/master-key" \
    SETPOINT_DEV_ADMIN_PASSWORD_FILE="$WORK/setpoint/admin-password" "$@"
}
stop_setpoint() {
  if [[ $SP_STARTED == 1 ]]; then
    SP_STARTED=0
    sp_env "$WLP/bin/server" stop setpoint > "$WORK/setpoint-stop.log" 2>&1 || say "server stop setpoint failed"
  fi
}
stop_pid() { # pid: TERM, then wait for it
  [[ -n $1 ]] && kill -0 "$1" 2> /dev/null || return 0
  kill "$1" 2> /dev/null || true
  for _ in $(seq 1 100); do
    kill -0 "$1" 2> /dev/null || return 0
    sleep 0.1
  done
  kill -9 "$1" 2> /dev/null || true
}
cleanup() {
  stop_setpoint
  stop_pid "$SCC_PID"
  SCC_PID=
  stop_pid "$NGINX_PID"
  NGINX_PID=
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# --- measurement -------------------------------------------------------------------------------

pids_of() { echo "$1" $(pgrep -P "$1" || true); } # a process and its children (nginx workers)
cpu_ticks() {                                     # utime+stime of pid and its children, in ticks
  local total=0 p stat
  for p in $(pids_of "$1"); do
    stat=$(< "/proc/$p/stat") || continue
    stat=${stat##*) }
    total=$((total + $(awk '{print $12 + $13}' <<< "$stat")))
  done
  echo "$total"
}
mem_kib() { # field (VmRSS | VmHWM) summed over pid and its children
  local total=0 p
  for p in $(pids_of "$1"); do
    total=$((total + $(awk -v f="$2:" '$1 == f {print $2}' "/proc/$p/status" 2> /dev/null || echo 0)))
  done
  echo "$total"
}
now() { echo "$EPOCHREALTIME"; }
since() { awk -v a="$1" -v b="$(now)" 'BEGIN {printf "%.1f", b - a}'; }

# wrk_run name pid url seconds [authorization] [if-none-match]: one phase; a measured one (name not
# "warm-up") appends a row to $WORK/rows: name req/s p50_ms p99_ms cpu_ms_per_request rss_mib
# hwm_mib bytes_per_response
wrk_run() {
  local name=$1 pid=$2 url=$3 seconds=$4 out before after line
  out=$WORK/wrk-${name// /-}.txt
  before=$(cpu_ticks "$pid")
  BENCH_AUTHORIZATION=${5:-} BENCH_IF_NONE_MATCH=${6:-} \
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"${seconds}s" --timeout 10s -s "$LUA" "$url" > "$out" 2>&1 \
    || fail "wrk failed for $name: $(tail -3 "$out")"
  after=$(cpu_ticks "$pid")
  line=$(grep '^side-by-side:' "$out") || fail "no summary from wrk for $name: $(tail -3 "$out")"
  [[ $name == warm-up* ]] && return 0
  awk -v name="$name" -v ticks=$((after - before)) -v hz="$HZ" \
    -v rss="$(mem_kib "$pid" VmRSS)" -v hwm="$(mem_kib "$pid" VmHWM)" '{
      for (i = 2; i <= NF; i++) { split($i, kv, "="); v[kv[1]] = kv[2] }
      bad = v["connect"] + v["read"] + v["write"] + v["status"] + v["timeout"]
      if (bad > 0) { printf "%s: %d errors (%s)\n", name, bad, $0 > "/dev/stderr"; exit 1 }
      printf "%s\t%.0f\t%.2f\t%.2f\t%.3f\t%.0f\t%.0f\t%.0f\n", name, v["requests"] / (v["duration_us"] / 1e6),
        v["p50_us"] / 1000, v["p99_us"] / 1000, 1000 * ticks / hz / v["requests"], rss / 1024,
        hwm / 1024, v["bytes"] / v["requests"]
    }' <<< "$line" >> "$WORK/rows" || fail "$name had errors, see $out"
  say "$(tail -1 "$WORK/rows" | tr '\t' ' ')"
}

wait_for() { # url what [curl options]: until it answers 200, at most 300 s
  local url=$1 what=$2 deadline=$((SECONDS + 300))
  shift 2
  until [[ $(curl -s -o /dev/null -w '%{http_code}' "$@" "$url") == 200 ]]; do
    ((SECONDS < deadline)) || fail "$what did not answer 200 within 300 s"
    sleep 0.1
  done
}

hex() { od -An -N"$1" -tx1 /dev/urandom | tr -d ' \n'; }

rm -rf "$WORK/setpoint" "$WORK/scc-repo" "$WORK/nginx" "$WORK/rows" "$WORK"/wrk-*.txt
mkdir -p "$WORK/setpoint" "$WORK/scc-repo"
: > "$WORK/rows"
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)

# The 60 keys, generated now: 50 settings and 10 secrets (random hex, never written to the repo).
declare -a KEYS VALUES
for i in $(seq 0 $((KEYS_SETTINGS - 1))); do
  KEYS+=("setting.$i")
  VALUES+=("value of setting $i $(< /proc/sys/kernel/random/uuid)")
done
for i in $(seq 0 $((KEYS_SECRETS - 1))); do
  KEYS+=("secret.$i")
  VALUES+=("$(hex 16)")
done
for i in "${!KEYS[@]}"; do
  printf '%s: "%s"\n' "${KEYS[$i]}" "${VALUES[$i]}"
done > "$WORK/scc-repo/$APP-$ENV_SLUG.yml"

# --- Setpoint ----------------------------------------------------------------------------------

SP=http://127.0.0.1:$SP_PORT
say "starting Setpoint on $SP (fresh H2 database in $WORK/setpoint)"
T0=$(now)
SP_STARTED=1
sp_env "$WLP/bin/server" start setpoint > "$WORK/setpoint-start.log" 2>&1 \
  || fail "server start setpoint failed: $(tail -3 "$WORK/setpoint-start.log")"
wait_for "$SP/health/ready" "Setpoint's /health/ready"
SP_READY=$(since "$T0")
SP_PID=$(< "$WLP/usr/servers/.pid/setpoint.pid")
say "Setpoint ready after $SP_READY s (pid $SP_PID)"

# Seeding over the REST API as admin; the dev profile generated the password into our directory.
[[ -s $WORK/setpoint/admin-password ]] || fail "no generated admin password in $WORK/setpoint"
CURLRC=$WORK/setpoint/curlrc
(
  umask 077
  printf 'user = "admin:%s"\n' "$(< "$WORK/setpoint/admin-password")" > "$CURLRC"
)
api() { # method path [json]: prints the body, fails unless 2xx
  local code
  code=$(curl -s -K "$CURLRC" -o "$WORK/setpoint/reply" -w '%{http_code}' -X "$1" \
    -H 'Content-Type: application/json' ${3:+--data-binary "$3"} "$SP$2")
  [[ $code == 2* ]] || fail "$1 $2 answered $code: $(head -c 300 "$WORK/setpoint/reply")"
  cat "$WORK/setpoint/reply"
}
json_field() { sed -n "s/.*\"$1\":\"\\([^\"]*\\)\".*/\\1/p"; }

say "seeding application $APP/$ENV_SLUG with $KEYS_SETTINGS settings and $KEYS_SECRETS secrets"
api POST /api/v1/applications "{\"slug\":\"$APP\",\"name\":\"Side-by-side benchmark\",\"owner\":\"bench\"}" > /dev/null
for i in "${!KEYS[@]}"; do
  if ((i < KEYS_SETTINGS)); then
    api PUT "/api/v1/applications/$APP/settings/${KEYS[$i]}" \
      "{\"type\":\"string\",\"value\":\"${VALUES[$i]}\"}" > /dev/null
  else
    api PUT "/api/v1/applications/$APP/environments/$ENV_SLUG/secrets/${KEYS[$i]}" \
      "{\"value\":\"${VALUES[$i]}\"}" > /dev/null
  fi
done
api POST "/api/v1/applications/$APP/environments/$ENV_SLUG/releases" '{"message":"side-by-side"}' > /dev/null
TOKEN=$(api POST /api/v1/tokens \
  "{\"name\":\"side-by-side\",\"application\":\"$APP\",\"environments\":[\"$ENV_SLUG\"]}" | json_field token)
[[ -n $TOKEN ]] || fail "no token in the answer of POST /api/v1/tokens"
AUTHZ="Bearer $TOKEN"
CONFIG_URL=$SP/api/v1/config/$APP/$ENV_SLUG
mkdir -p "$WORK/nginx/static/$APP"
ETAG=$(curl -s -D - -o "$WORK/nginx/static/$APP/$ENV_SLUG.json" -H "Authorization: $AUTHZ" "$CONFIG_URL" \
  | tr -d '\r' | awk 'tolower($1) == "etag:" {print $2}')
[[ -n $ETAG ]] || fail "the delivery answer has no ETag"
grep -q "${VALUES[$((KEYS_SETTINGS))]}" "$WORK/nginx/static/$APP/$ENV_SLUG.json" \
  || fail "the delivery answer does not carry the secrets"
[[ $(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: $AUTHZ" -H "If-None-Match: $ETAG" "$CONFIG_URL") == 304 ]] \
  || fail "If-None-Match of the current ETag did not give 304"
# the Spring Cloud Config Server protocol (docs/compat.md): the request Spring Cloud Config's row makes
SPRING_URL=$SP/config-server/$APP/$ENV_SLUG
curl -s -H "Authorization: $AUTHZ" -H "Accept: application/vnd.spring-cloud.config-server.v2+json" "$SPRING_URL" \
  | grep -q "${VALUES[$((KEYS_SETTINGS))]}" || fail "Setpoint's Spring endpoint does not serve the secrets"

say "warming up Setpoint (${WARMUP_SECONDS} s per path)"
wrk_run "warm-up ping" "$SP_PID" "$SP/api/v1/system/ping" "$WARMUP_SECONDS"
wrk_run "warm-up 200" "$SP_PID" "$CONFIG_URL" "$WARMUP_SECONDS" "$AUTHZ"
wrk_run "warm-up 304" "$SP_PID" "$CONFIG_URL" "$WARMUP_SECONDS" "$AUTHZ" "$ETAG"
wrk_run "Setpoint ping" "$SP_PID" "$SP/api/v1/system/ping" "$PHASE_SECONDS"
wrk_run "Setpoint delivery 200" "$SP_PID" "$CONFIG_URL" "$PHASE_SECONDS" "$AUTHZ"
wrk_run "Setpoint delivery 304" "$SP_PID" "$CONFIG_URL" "$PHASE_SECONDS" "$AUTHZ" "$ETAG"
wrk_run "warm-up Spring endpoint" "$SP_PID" "$SPRING_URL" "$WARMUP_SECONDS" "$AUTHZ"
wrk_run "Setpoint Spring endpoint" "$SP_PID" "$SPRING_URL" "$PHASE_SECONDS" "$AUTHZ"
SP_HWM=$(($(mem_kib "$SP_PID" VmHWM) / 1024))
stop_setpoint

# --- nginx: the same bytes as a static file ----------------------------------------------------

NGINX_VERSION=
if [[ -n $NGINX ]]; then
  D=$WORK/nginx
  mkdir -p "$D/tmp"
  cat > "$D/nginx.conf" << EOF
user $(id -un) $(id -gn);
worker_processes auto;
pid $D/nginx.pid;
error_log $D/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  sendfile on;
  types { application/json json; }
  client_body_temp_path $D/tmp/body;
  proxy_temp_path $D/tmp/proxy;
  fastcgi_temp_path $D/tmp/fastcgi;
  uwsgi_temp_path $D/tmp/uwsgi;
  scgi_temp_path $D/tmp/scgi;
  server {
    listen 127.0.0.1:$NGINX_PORT;
    root $D/static;
  }
}
EOF
  NGINX_VERSION=$("$NGINX" -v 2>&1 | sed 's/^nginx version: //')
  say "starting $NGINX_VERSION on 127.0.0.1:$NGINX_PORT"
  "$NGINX" -p "$D" -c "$D/nginx.conf" -g 'daemon off;' > "$D/stdout.log" 2>&1 &
  NGINX_PID=$!
  wait_for "http://127.0.0.1:$NGINX_PORT/$APP/$ENV_SLUG.json" nginx
  wrk_run "warm-up nginx" "$NGINX_PID" "http://127.0.0.1:$NGINX_PORT/$APP/$ENV_SLUG.json" 2
  wrk_run "nginx static file" "$NGINX_PID" "http://127.0.0.1:$NGINX_PORT/$APP/$ENV_SLUG.json" "$PHASE_SECONDS"
  stop_pid "$NGINX_PID"
  NGINX_PID=
else
  say "no nginx (Debian: apt-get install nginx-light): the static-file row is skipped"
fi

# --- Spring Cloud Config Server ----------------------------------------------------------------

SCC_URL=http://127.0.0.1:$SCC_PORT/$APP/$ENV_SLUG
say "starting Spring Cloud Config Server on 127.0.0.1:$SCC_PORT"
T0=$(now)
BENCH_SCC_PORT=$SCC_PORT BENCH_SCC_REPO=$WORK/scc-repo java -jar "$SCC_JAR" > "$WORK/scc.log" 2>&1 &
SCC_PID=$!
wait_for "$SCC_URL" "Spring Cloud Config Server"
SCC_READY=$(since "$T0")
say "Spring Cloud Config Server ready after $SCC_READY s (pid $SCC_PID)"
curl -s "$SCC_URL" | grep -q "${VALUES[$((KEYS_SETTINGS))]}" || fail "Spring Cloud Config does not serve the keys"
wrk_run "warm-up scc" "$SCC_PID" "$SCC_URL" "$WARMUP_SECONDS"
wrk_run "Spring Cloud Config" "$SCC_PID" "$SCC_URL" "$PHASE_SECONDS"
SCC_HWM=$(($(mem_kib "$SCC_PID" VmHWM) / 1024))
SCC_LIBS=$(unzip -Z1 "$SCC_JAR" 2> /dev/null || jar tf "$SCC_JAR" 2> /dev/null || true)
SCC_VERSION=$(grep -o 'spring-cloud-config-server-[0-9.]*[0-9]' <<< "$SCC_LIBS" | head -1 || true)
BOOT_VERSION=$(grep -o 'spring-boot-[0-9][0-9.]*[0-9]' <<< "$SCC_LIBS" | head -1 || true)
stop_pid "$SCC_PID"
SCC_PID=

# --- the table ---------------------------------------------------------------------------------

field() { awk -F'\t' -v n="$1" -v c="$2" '$1 == n {print $c}' "$WORK/rows"; }
ratio() { # a b: a / b, two decimals
  awk -v a="$1" -v b="$2" 'BEGIN { if (a == "" || b == "" || b == 0) print "—"; else printf "%.2f", a / b }'
}
percent() { # a b: a / b in per cent
  awk -v a="$1" -v b="$2" 'BEGIN { if (a == "" || b == "" || b == 0) print "—"; else printf "%.1f %%", 100 * a / b }'
}
TABLE=$WORK/table.md
{
  echo "<!-- Written by benchmarks/side-by-side.sh; re-run it rather than editing by hand. -->"
  echo
  [[ -n ${BENCH_NOTE:-} ]] && echo "**${BENCH_NOTE}**" && echo
  overrides=$(env | grep -E '^BENCH_(SECONDS|WARMUP_SECONDS|CONNECTIONS|THREADS|SKIP_BUILD)=' | sort | tr '\n' ' ' || true)
  echo "Run of $(date -u '+%Y-%m-%d %H:%M UTC'): \`${overrides}benchmarks/side-by-side.sh\`;"
  echo "$(nproc) CPUs ($(awk -F': ' '/^model name/ {print $2; exit}' /proc/cpuinfo)),"
  echo "$(awk '/^MemTotal/ {printf "%.1f GiB", $2 / 1048576}' /proc/meminfo) RAM; load average $LOAD_BEFORE before the run,"
  echo "$(cut -d' ' -f1-3 /proc/loadavg) after. $(java -version 2>&1 | head -1 | tr -d '"') for both servers, default JVM options"
  echo "(Liberty: its jvm.options). wrk $THREADS threads, $CONNECTIONS connections, ${PHASE_SECONDS} s per row after ${WARMUP_SECONDS} s"
  echo "of warm-up; load generator and server on the same machine. Setpoint: dev profile, fresh H2"
  echo "database, rate limits off, its server.xml logging. Spring Cloud Config: ${SCC_VERSION:-?} on ${BOOT_VERSION:-?}."
  echo
  echo "| row | req/s | p50 | p99 | server CPU / request | RSS at end | bytes / answer |"
  echo "|---|---:|---:|---:|---:|---:|---:|"
  for name in "nginx static file" "Spring Cloud Config" "Setpoint ping" "Setpoint delivery 200" "Setpoint delivery 304" \
    "Setpoint Spring endpoint"; do
    if [[ -z $(field "$name" 2) ]]; then
      echo "| $name | skipped: nginx not installed | | | | | |"
      continue
    fi
    awk -F'\t' -v n="$name" '
      function grouped(x, s, r) {
        s = sprintf("%d", x)
        while (length(s) > 3) { r = "," substr(s, length(s) - 2) r; s = substr(s, 1, length(s) - 3) }
        return s r
      }
      $1 == n { printf "| %s | %s | %.2f ms | %.2f ms | %.3f ms | %d MiB | %s |\n", $1, grouped($2), $3, $4, $5, $6, grouped($8) }
    ' "$WORK/rows"
  done
  echo
  echo "Peak RSS (VmHWM): Setpoint $SP_HWM MiB, Spring Cloud Config $SCC_HWM MiB. Start to ready: Setpoint"
  echo "$SP_READY s (\`server start\` to \`/health/ready\` UP, fresh database), Spring Cloud Config $SCC_READY s"
  echo "(\`java -jar\` to the first 200 of \`GET /$APP/$ENV_SLUG\`)."
  echo
  PING=$(field "Setpoint ping" 2)
  echo "| ratio | value | target |"
  echo "|---|---:|---|"
  echo "| Setpoint delivery 200 / ping (req/s) | $(percent "$(field "Setpoint delivery 200" 2)" "$PING") | ≥ 70 % |"
  echo "| Setpoint delivery 304 / ping (req/s) | $(percent "$(field "Setpoint delivery 304" 2)" "$PING") | ≥ 85 % |"
  echo "| Setpoint delivery 200 / Spring Cloud Config (req/s) | $(ratio "$(field "Setpoint delivery 200" 2)" "$(field "Spring Cloud Config" 2)")× | ≥ 25× |"
  echo "| Spring Cloud Config / Setpoint delivery 200 (CPU per request) | $(ratio "$(field "Spring Cloud Config" 5)" "$(field "Setpoint delivery 200" 5)")× | ≥ 30× |"
  echo "| Setpoint Spring endpoint / Spring Cloud Config (req/s, same request) | $(ratio "$(field "Setpoint Spring endpoint" 2)" "$(field "Spring Cloud Config" 2)")× | — |"
  echo "| Setpoint delivery 200 CPU per request | $(field "Setpoint delivery 200" 5) ms | ≤ 0.25 ms |"
  echo "| Setpoint RSS at end (peak) | $(field "Setpoint delivery 304" 6) MiB ($SP_HWM MiB) | ≤ 600 MiB |"
  if [[ -n $(field "nginx static file" 2) ]]; then
    echo "| Setpoint delivery 200 / nginx static file (req/s) | $(percent "$(field "Setpoint delivery 200" 2)" "$(field "nginx static file" 2)") | — |"
  fi
} > "$TABLE"
cat "$TABLE"

if [[ -n $DOC ]]; then
  BEGIN='<!-- side-by-side:begin -->'
  END='<!-- side-by-side:end -->'
  if grep -qF "$BEGIN" "$DOC"; then
    awk -v b="$BEGIN" -v e="$END" -v t="$TABLE" '
      $0 == b { print; while ((getline l < t) > 0) print l; skip = 1; next }
      $0 == e { skip = 0 }
      !skip' "$DOC" > "$WORK/doc.md"
    cat "$WORK/doc.md" > "$DOC"
  else
    { printf '\n%s\n' "$BEGIN"; cat "$TABLE"; echo "$END"; } >> "$DOC"
  fi
  say "wrote the table into $DOC"
fi
