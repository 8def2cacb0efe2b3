#!/usr/bin/env bash
# Makes sure a Redis answers for the queue tests: at $REDIS_URL when set, else 127.0.0.1:6379.
# Starts a throw-away local one (no persistence) when none answers on the default address.
# Idempotent and quiet: prints only when it has to start Redis or cannot.
set -euo pipefail
url="${REDIS_URL:-redis://127.0.0.1:6379}"
ping() { redis-cli -u "$url" ping 2>/dev/null | grep -q PONG; }
if ! command -v redis-cli >/dev/null || ! command -v redis-server >/dev/null; then
  echo "redis-ensure: redis-server/redis-cli not found; installing Debian's redis-server" >&2
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq redis-server >/dev/null) || { echo "redis-ensure: cannot install redis-server" >&2; exit 1; }
fi
ping && exit 0
if [[ -n "${REDIS_URL:-}" && "$url" != "redis://127.0.0.1:6379"* && "$url" != "redis://localhost:6379"* ]]; then
  echo "redis-ensure: no Redis answers at $REDIS_URL (only a local default one is started here)" >&2
  exit 1
fi
echo "redis-ensure: starting redis-server on 127.0.0.1:6379" >&2
redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save "" --appendonly no >/dev/null
for _ in $(seq 1 50); do
  ping && exit 0
  sleep 0.1
done
echo "redis-ensure: redis-server did not answer within 5 s" >&2
exit 1
