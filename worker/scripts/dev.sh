#!/usr/bin/env bash
# `npm run worker:dev`: the licensing Worker on 127.0.0.1 with wrangler dev, fully offline:
# dev keys generated when absent, a dev licence seeded in local KV, then the URL and key printed.
set -euo pipefail
cd "$(dirname "$0")/.."
port="${ATROPOS_WORKER_PORT:-8787}"
wrangler="../node_modules/.bin/wrangler"
# Local KV lives here; tests point it at a temp dir.
state="${ATROPOS_WORKER_STATE_DIR:-.wrangler/state}"
export ATROPOS_WORKER_STATE_DIR="$state"

# No metrics, no update checks, no login state from the user's real config.
export WRANGLER_SEND_METRICS=false WRANGLER_SEND_ERROR_REPORTS=false WRANGLER_HIDE_BANNER=true CLOUDFLARE_CF_FETCH_ENABLED=false
XDG_CONFIG_HOME="$(mktemp -d -t atropos-wrangler-XXXXXX)"
export XDG_CONFIG_HOME
trap 'rm -rf "$XDG_CONFIG_HOME"' EXIT

[ -f .dev.vars ] || node scripts/generate-dev-keys.mjs
dev_key="$(node scripts/seed-dev-license.mjs)"

cat <<INFO
Atropos licensing Worker (local)
  URL:              http://127.0.0.1:${port}
  dev licence key:  ${dev_key}
  use it with:      ATROPOS_LICENSING_URL=http://127.0.0.1:${port} atropos license activate ${dev_key}
                    (or: atropos license trial)
INFO

"$wrangler" dev --local --ip 127.0.0.1 --port "$port" --persist-to "$state" --show-interactive-dev-session=false &
child=$!
trap 'kill -INT "$child" 2>/dev/null; wait "$child" 2>/dev/null; rm -rf "$XDG_CONFIG_HOME"' EXIT INT TERM
wait "$child"
