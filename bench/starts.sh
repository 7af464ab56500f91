#!/bin/bash
# npm run bench:starts [-- <count>]: starts the gateway in Redis mode <count> times (20 by default)
# against a private redis-server, each time until /readyz answers and 3 s more, and counts the
# command or socket timeouts and invalidation losses it logged. Logs are kept in bench/.tmp/starts/.
set -u
cd "$(dirname "$0")/.."
COUNT=${1:-20}
OUT=bench/.tmp/starts
mkdir -p $OUT
RPORT=$(python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])')
redis-server --port $RPORT --save "" --appendonly no --daemonize no > $OUT/redis.log 2>&1 &
RPID=$!
sleep 0.5
failed=0
for i in $(seq 1 "$COUNT"); do
  PORT=$(python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])')
  start=$(date +%s%N)
  NODE_ENV=production JWT_SECRET=home-gateway-bench-secret-long-enough-for-hs256 REDIS_URL=redis://127.0.0.1:$RPORT HOST=127.0.0.1 PORT=$PORT LOG_LEVEL=info \
    node --import tsx src/main.ts > $OUT/start-$i.log 2>&1 &
  GPID=$!
  for t in $(seq 1 300); do
    if curl -sf http://127.0.0.1:$PORT/readyz >/dev/null 2>&1; then break; fi
    sleep 0.1
  done
  ready=$(( ($(date +%s%N) - start) / 1000000 ))
  sleep 3
  kill -TERM $GPID; wait $GPID 2>/dev/null
  t=$(grep -ciE "timed out|timeout|L1 cleared|may have been lost" $OUT/start-$i.log)
  echo "start $i: ready after ${ready} ms, timeout/loss lines: $t"
  [ "$t" -gt 0 ] && failed=$((failed + 1))
done
kill $RPID
echo "$failed of $COUNT starts logged a timeout or an invalidation loss"
