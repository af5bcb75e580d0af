#!/usr/bin/env bash
# A real Neo4j Browser against the packaged jar: it must start with Mnemograph's guide and style, and the guide's
# memory-neighbourhood query must draw memory nodes captioned with their text (docs/exploring.md). Installs chromium
# (apt) and playwright-core (npm, under target/) when missing; saves the drawing as docs/images/browser-neighbourhood.png.
# Usage: .ci/browser-check.sh   (after ./mvnw -B package)
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -x /usr/bin/chromium ]; then
  apt-get update -qq && apt-get install -y -qq chromium >/dev/null
fi
mkdir -p target/browser-check
if [ ! -d target/browser-check/node_modules/playwright-core ]; then
  (cd target/browser-check && npm init -y >/dev/null && npm install --silent playwright-core >/dev/null)
fi
cp .ci/browser-check.mjs target/browser-check/
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
HTTP=$(free_port); BOLT=$(free_port)
DATA=$(mktemp -d)
java --add-opens java.base/java.nio=ALL-UNNAMED --add-opens java.base/sun.nio.ch=ALL-UNNAMED \
     --add-opens java.base/java.io=ALL-UNNAMED --add-opens java.base/java.lang=ALL-UNNAMED \
     -Dquarkus.http.port="$HTTP" -Dmnemograph.neo4j.bolt-address="localhost:$BOLT" -Dmnemograph.data-dir="$DATA" \
     -jar target/quarkus-app/quarkus-run.jar > target/browser-check/server.log 2>&1 &
SERVER=$!
trap 'kill "$SERVER" 2>/dev/null || true; wait "$SERVER" 2>/dev/null || true; rm -rf "$DATA"' EXIT
for _ in $(seq 1 60); do curl -sf "localhost:$HTTP/q/health/ready" >/dev/null && break; sleep 1; done
for c in "Alice adopted a grey cat named Turing." "Turing, Alice's cat, sleeps on the keyboard." \
         "Alice moved to Lisbon with her cat Turing."; do
  curl -sf "localhost:$HTTP/graphql" -H 'Content-Type: application/json' \
    -d "{\"query\":\"mutation { remember(input: {content: \\\"$c\\\", scope: \\\"demo\\\", sessionId: \\\"s1\\\"}) { id } }\"}" >/dev/null
done
sleep 2 # the memory agent links them
mkdir -p docs/images
(cd target/browser-check && node browser-check.mjs "http://localhost:$HTTP" "localhost:$BOLT" \
  ../../docs/images/browser-neighbourhood.png "Alice adopted")
