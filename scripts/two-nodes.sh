#!/usr/bin/env bash
# Two ChildGuard nodes on one PostgreSQL behind HAProxy (round robin, no sticky sessions), then checks
# (docs/operations.md "Two nodes"): a session keeps working whichever node serves it, a node killed
# with SIGKILL in the middle of a screening import loses nothing (the other node finishes it), the
# node comes back. Scheduled jobs and events: TwoNodesIntegrationTests. Prints each check and exits non-zero when one fails.
# Env: PG_DB (cg_nodes), SCHEMA (two_nodes_script), ROWS (60000), PORT_A/PORT_B/PORT_PROXY (18081/18082/18090)
set -euo pipefail
PG_DB=${PG_DB:-cg_nodes}; SCHEMA=${SCHEMA:-two_nodes_script}; ROWS=${ROWS:-60000}
PORT_A=${PORT_A:-18081}; PORT_B=${PORT_B:-18082}; PORT_PROXY=${PORT_PROXY:-18090}
PG_USER=${PG_USER:-childguard}; PG_PASSWORD=${PG_PASSWORD:-childguard}
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}; export PATH=$JAVA_HOME/bin:$PATH
command -v haproxy >/dev/null || { echo "needs haproxy: apt-get install -y haproxy"; exit 2; }
cd "$(dirname "$0")/.."
./mvnw -B -ntp -o -q -pl app -am compile dependency:build-classpath -Dmdep.outputFile=/tmp/cg-two-cp.txt
cd app
CP=target/classes:$(cat /tmp/cg-two-cp.txt)
WORK=target/two-nodes; rm -rf $WORK; mkdir -p $WORK/spool
export PGPASSWORD=$PG_PASSWORD CHILDGUARD_DEMO_PASSWORD=Demo-Password-2026
export CHILDGUARD_DATA_KEY=$(openssl rand -base64 32)   # the same key on both nodes
PSQL=(psql -h 127.0.0.1 -U "$PG_USER" -d "$PG_DB" -qtAX)
"${PSQL[@]}" -c "drop schema if exists $SCHEMA cascade" -c "create schema $SCHEMA"
URL="jdbc:postgresql://127.0.0.1:5432/$PG_DB?currentSchema=$SCHEMA&reWriteBatchedInserts=true"
PIDS=()
cleanup() { for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done; }
trap cleanup EXIT
FAILED=0
check() { if [ "$2" = ok ]; then echo "PASS  $1"; else echo "FAIL  $1 ($2)"; FAILED=1; fi; }

start_node() { # name port
  java -Xmx700m -Dspring.profiles.active=demo -Dspring.datasource.url="$URL" -Dspring.datasource.username=$PG_USER \
    -Dspring.datasource.password=$PG_PASSWORD -Dserver.port=$2 -Dchildguard.data-dir=$WORK/data-$1 \
    -Dchildguard.screening.spool-dir=$WORK/spool -Dchildguard.screening.chunk-size=2000 \
    -Dserver.forward-headers-strategy=native -Dlogging.level.root=WARN -Dlogging.level.vn.childguard=INFO \
    -cp "$CP" vn.childguard.ChildGuardApplication > $WORK/node-$1.log 2>&1 &
  echo $!
}
wait_up() { until curl -sf "http://127.0.0.1:$1/actuator/health" >/dev/null; do sleep 2; done; }

A=$(start_node a $PORT_A); PIDS+=($A); wait_up $PORT_A   # A migrates the schema first
B=$(start_node b $PORT_B); PIDS+=($B); wait_up $PORT_B
cat > $WORK/haproxy.cfg <<CFG
defaults
  mode http
  timeout connect 5s
  timeout client 120s
  timeout server 120s
frontend childguard
  bind 127.0.0.1:$PORT_PROXY
  option forwardfor
  default_backend nodes
backend nodes
  balance roundrobin
  option httpchk GET /actuator/health
  http-response set-header X-Node %s
  server a 127.0.0.1:$PORT_A check inter 2s fall 2
  server b 127.0.0.1:$PORT_B check inter 2s fall 2
CFG
haproxy -f $WORK/haproxy.cfg -db > $WORK/haproxy.log 2>&1 & PIDS+=($!)
sleep 1
P=http://127.0.0.1:$PORT_PROXY

# 1. a session through the proxy: sign in once, then pages served by both nodes
JAR=$WORK/cookies
csrf=$(curl -s -c $JAR -b $JAR $P/login | grep -o 'name="_csrf"[^>]*value="[^"]*"' | sed 's/.*value="//; s/"$//')
curl -s -o /dev/null -c $JAR -b $JAR -d "username=leader&password=$CHILDGUARD_DEMO_PASSWORD&_csrf=$csrf" $P/login
nodes=""; codes=""
for i in 1 2 3 4 5 6; do
  out=$(curl -s -o /dev/null -D - -b $JAR $P/ | tr -d '\r')
  codes+="$(echo "$out" | head -1 | cut -d' ' -f2) "; nodes+="$(echo "$out" | awk -F': ' '/^x-node/ {print $2}') "
done
echo "      home page 6 times through the proxy: status $codes from nodes $nodes"
[[ "$codes" == "200 200 200 200 200 200 " && "$nodes" == *a* && "$nodes" == *b* ]] && r=ok || r="status $codes nodes $nodes"
check "the session is served by both nodes" "$r"

# 2. a screening import on A, A killed with SIGKILL in the middle, B finishes it
java -cp "$CP" vn.childguard.screening.internal.ExitDayGenerator $WORK/exits.csv $ROWS 2026-11-28 "TN$(date +%s)" 
token=$(curl -s -H 'Content-Type: application/json' -d "{\"username\":\"exit.officer\",\"password\":\"$CHILDGUARD_DEMO_PASSWORD\"}" \
  http://127.0.0.1:$PORT_A/api/v1/auth/token | sed 's/.*"token":"\([^"]*\)".*/\1/')
batch=$(curl -s -H "Authorization: Bearer $token" -F "file=@$WORK/exits.csv;type=text/csv" \
  http://127.0.0.1:$PORT_A/api/v1/screening/batches | sed 's/.*"batchId":\([0-9]*\).*/\1/')
total=$("${PSQL[@]}" -c "select total_rows from $SCHEMA.screening_batch where id = $batch")
until [ "$("${PSQL[@]}" -c "select stored_rows + processed_rows from $SCHEMA.screening_batch where id = $batch")" -gt $((total / 3)) ]; do sleep 0.2; done
kill -9 $A
echo "      batch $batch: $total rows; node A killed (SIGKILL) at: $("${PSQL[@]}" -c "select status || ' stored ' || stored_rows || ' screened ' || processed_rows from $SCHEMA.screening_batch where id = $batch")"
sleep 5   # HAProxy marks A down
code=$(curl -s -o /dev/null -w '%{http_code}' -b $JAR $P/)
check "the session goes on on node B after A died" "$([ "$code" = 200 ] && echo ok || echo "status $code")"
for i in $(seq 1 300); do
  s=$(curl -s -H "Authorization: Bearer $token" http://127.0.0.1:$PORT_B/api/v1/screening/batches/$batch | sed 's/.*"status":"\([A-Z]*\)".*/\1/')
  [ "$s" = DONE ] && break; sleep 2
done
read -r status stored processed skipped records alerts counted <<<"$("${PSQL[@]}" -F ' ' -c "select b.status, b.stored_rows, b.processed_rows, b.skipped_rows,
  (select count(*) from $SCHEMA.screening_record r where r.batch_id = b.id),
  b.alert_count, (select count(*) from $SCHEMA.screening_alert a where a.batch_id = b.id) from $SCHEMA.screening_batch b where b.id = $batch")"
echo "      after B resumed: status $status, stored $stored, screened $processed, skipped $skipped, records $records, alerts $alerts (counted $counted)"
[[ $status == DONE && $stored == "$total" && $processed == "$total" && $records == "$total" && $alerts == "$counted" ]] && r=ok || r=mismatch
check "the import killed with node A is finished by B: every row stored and screened once" "$r"

# 3. node A comes back and takes its share again
A=$(start_node a $PORT_A); PIDS+=($A); wait_up $PORT_A; sleep 5
nodes=""
for i in 1 2 3 4; do nodes+="$(curl -s -o /dev/null -D - -b $JAR $P/ | tr -d '\r' | awk -F': ' '/^x-node/ {print $2}') "; done
check "node A is back behind the proxy, the session still good ($nodes)" "$([[ "$nodes" == *a* && "$nodes" == *b* ]] && echo ok || echo "nodes $nodes")"
exit $FAILED
