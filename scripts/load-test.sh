#!/usr/bin/env bash
# Load test of the pages (docs/benchmarks.md "Pages under load"): a province's volume of cases and
# people in a PostgreSQL schema of its own, the application started from the build with the demo
# profile, PagesLoadClient's users for DURATION seconds, and the heap after a full GC before and after.
# Usage: scripts/load-test.sh   (env: PG_DB, SCHEMA, CASES, USERS, DURATION, RAMP, THINK_MIN, THINK_MAX, PORT)
set -euo pipefail
PG_DB=${PG_DB:-cg_nodes}; SCHEMA=${SCHEMA:-load}; CASES=${CASES:-100000}
USERS=${USERS:-200}; DURATION=${DURATION:-600}; RAMP=${RAMP:-60}; THINK_MIN=${THINK_MIN:-1000}; THINK_MAX=${THINK_MAX:-5000}
PORT=${PORT:-18080}; PG_USER=${PG_USER:-childguard}; PG_PASSWORD=${PG_PASSWORD:-childguard}
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}; export PATH=$JAVA_HOME/bin:$PATH
cd "$(dirname "$0")/.."
./mvnw -B -ntp -o -q -pl app -am test-compile dependency:build-classpath -Dmdep.outputFile=/tmp/cg-load-cp.txt \
  -Dmdep.includeScope=test
cd app
CP=target/test-classes:target/classes:$(cat /tmp/cg-load-cp.txt)
URL="jdbc:postgresql://127.0.0.1:5432/$PG_DB?currentSchema=$SCHEMA&reWriteBatchedInserts=true"
DATA=target/load-data
DB=(-Dspring.datasource.url="$URL" -Dspring.datasource.username="$PG_USER" -Dspring.datasource.password="$PG_PASSWORD")
export CHILDGUARD_DEMO_PASSWORD=Demo-Password-2026 PGPASSWORD=$PG_PASSWORD

# 1. data, once: a schema that already holds the generated cases is reused
PSQL=(psql -h 127.0.0.1 -U "$PG_USER" -d "$PG_DB" -qtAX)
"${PSQL[@]}" -c "create schema if not exists $SCHEMA"
if [ "$("${PSQL[@]}" -c "select to_regclass('$SCHEMA.cp_case') is not null")" != t ] \
   || [ "$("${PSQL[@]}" -c "select count(*) from $SCHEMA.cp_case where opened_by = 'bench'")" = 0 ]; then
  echo "== generating $CASES cases in schema $SCHEMA"
  java -Xmx3g "${DB[@]}" -Dchildguard.data-dir=$DATA -cp "$CP" vn.childguard.reporting.DashboardBenchmark postgres "$CASES" 1
fi
echo "== data: $("${PSQL[@]}" -c "select count(*) from $SCHEMA.cp_case") child-protection cases, \
$("${PSQL[@]}" -c "select count(*) from $SCHEMA.tc_case") trafficking cases, $("${PSQL[@]}" -c "select count(*) from $SCHEMA.person") people"

# 2. the application, as in production but with the demo accounts
java -Xms1g -Xmx1g "${DB[@]}" -Dchildguard.data-dir=$DATA -Dserver.port=$PORT -Dspring.profiles.active=demo \
  -Dlogging.level.root=WARN -cp "$CP" vn.childguard.ChildGuardApplication > target/load-app.log 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null || true' EXIT
until curl -sf "http://127.0.0.1:$PORT/actuator/health" >/dev/null; do
  kill -0 $APP 2>/dev/null || { echo "the application did not start: target/load-app.log"; exit 1; }
  sleep 2
done
heap() { jcmd $APP GC.run >/dev/null; jcmd $APP GC.heap_info | grep -i "garbage-first heap" | head -1; }

# 3. the load; the heap after a full GC at the end of the ramp-up and at the end
echo "== $USERS users for $DURATION s after $RAMP s ramp-up; load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
java -Xmx512m -cp "$CP" vn.childguard.PagesLoadClient "http://127.0.0.1:$PORT" "$USERS" "$DURATION" "$RAMP" \
  "$THINK_MIN" "$THINK_MAX" > target/load-report.txt &
CLIENT=$!
sleep "$RAMP"; echo "heap after ramp-up (after full GC): $(heap)"
( while kill -0 $CLIENT 2>/dev/null; do echo "$(date -u +%T) load $(cut -d' ' -f1-3 /proc/loadavg) rss $(ps -o rss= -p $APP) KiB"; sleep 60; done ) &
wait $CLIENT
echo "heap at the end (after full GC): $(heap)"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
cat target/load-report.txt
